// Users, groups and teams of the simulated directory.

#include "SimFixture.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>
#include <ctime>

using namespace herald::test;
using herald::sim::SimGroup;
using herald::sim::SimUser;

namespace {
const HeaderList kEventual{{"ConsistencyLevel", "eventual"}};
}

class TestSimDirectory : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        auto options = SimFixture::defaultOptions();
        options.users = 250;
        options.throttling = false; // these tests are about content, not pacing
        m_sim = std::make_unique<SimFixture>(options);
        QVERIFY2(m_sim->start(), qPrintable(m_sim->errorString()));
        m_sim->probe().setBearer(m_sim->graphToken());
    }

    void pagesThroughAllUsers()
    {
        QUrl next = m_sim->graph(QStringLiteral("/users?$select=id,userPrincipalName&$top=37"));
        QSet<QString> ids;
        int pages = 0;
        while (next.isValid() && !next.isEmpty()) {
            const ProbeReply r = m_sim->probe().get(next);
            QCOMPARE(r.status, 200);
            const QJsonArray value = r.json().value(QStringLiteral("value")).toArray();
            QVERIFY(value.size() <= 37);
            for (const QJsonValue &v : value) {
                const QJsonObject u = v.toObject();
                QCOMPARE(u.keys(), (QStringList{QStringLiteral("id"), QStringLiteral("userPrincipalName")}));
                ids.insert(u.value(QStringLiteral("id")).toString());
            }
            const QString link = r.json().value(QStringLiteral("@odata.nextLink")).toString();
            if (!link.isEmpty()) {
                QVERIFY(link.startsWith(m_sim->baseUrl().toString() + QStringLiteral("/v1.0/users?")));
                QVERIFY(link.contains(QStringLiteral("$skiptoken=")));
                QVERIFY(link.contains(QStringLiteral("$select=id,userPrincipalName")));
                QCOMPARE(value.size(), 37);
            }
            next = QUrl(link);
            ++pages;
        }
        QCOMPARE(ids.size(), m_sim->tenant().userCount());
        QCOMPARE(pages, (250 + 36) / 37);
    }

    void defaultPageIs100WithDefaultProperties()
    {
        const ProbeReply r = m_sim->probe().get(m_sim->graph(QStringLiteral("/users")));
        QCOMPARE(r.status, 200);
        const QJsonArray value = r.json().value(QStringLiteral("value")).toArray();
        QCOMPARE(value.size(), 100);
        QVERIFY(r.json().contains(QStringLiteral("@odata.nextLink")));
        const QJsonObject first = value.first().toObject();
        QVERIFY(first.contains(QStringLiteral("displayName")));
        QVERIFY(first.contains(QStringLiteral("userPrincipalName")));
        // department and accountEnabled only come with $select, as in Graph.
        QVERIFY(!first.contains(QStringLiteral("department")));
        QVERIFY(!first.contains(QStringLiteral("accountEnabled")));
        const ProbeReply selected = m_sim->probe().get(
            m_sim->graph(QStringLiteral("/users?$select=department,accountEnabled&$top=1")));
        const QJsonObject u = selected.json().value(QStringLiteral("value")).toArray().first().toObject();
        QVERIFY(u.value(QStringLiteral("department")).isString());
        QVERIFY(u.value(QStringLiteral("accountEnabled")).isBool());
    }

    void topRange_data()
    {
        QTest::addColumn<QString>("top");
        QTest::addColumn<int>("status");
        QTest::newRow("0") << "0" << 400;
        QTest::newRow("1") << "1" << 200;
        QTest::newRow("999") << "999" << 200;
        QTest::newRow("1000") << "1000" << 400;
        QTest::newRow("-5") << "-5" << 400;
        QTest::newRow("abc") << "abc" << 400;
    }

    void topRange()
    {
        QFETCH(QString, top);
        QFETCH(int, status);
        const ProbeReply r = m_sim->probe().get(m_sim->graph(QStringLiteral("/users?$top=") + top));
        QCOMPARE(r.status, status);
        if (status == 400)
            QVERIFY(!r.errorCode().isEmpty());
        else
            QCOMPARE(r.json().value(QStringLiteral("value")).toArray().size(), std::min(top.toInt(), 250));
    }

    void unknownSelectIs400()
    {
        const ProbeReply r = m_sim->probe().get(m_sim->graph(QStringLiteral("/users?$select=id,shoeSize")));
        QCOMPARE(r.status, 400);
        QVERIFY(r.errorMessage().contains(QStringLiteral("shoeSize")));
    }

    void startsWithIsCaseInsensitive()
    {
        const ProbeReply r = m_sim->probe().get(m_sim->graph(
            QStringLiteral("/users?$filter=startswith(displayName,'a')&$top=999&$select=id,displayName")));
        QCOMPARE(r.status, 200);
        const QJsonArray value = r.json().value(QStringLiteral("value")).toArray();
        int expected = 0;
        for (int i = 0; i < m_sim->tenant().userCount(); ++i)
            expected += m_sim->tenant().user(i).displayName.startsWith(QLatin1Char('A')) ? 1 : 0;
        QVERIFY(expected > 0);
        QCOMPARE(value.size(), expected);
        for (const QJsonValue &v : value)
            QVERIFY(
                v.toObject().value(QStringLiteral("displayName")).toString().startsWith(QLatin1Char('A')));
    }

    void escapedQuoteInLiteral()
    {
        const SimUser *target = nullptr;
        for (int i = 0; i < m_sim->tenant().userCount() && !target; ++i) {
            if (m_sim->tenant().user(i).surname.contains(QLatin1Char('\'')))
                target = &m_sim->tenant().user(i);
        }
        QVERIFY2(target, "the generated tenant has surnames with an apostrophe");
        QString literal = target->surname.left(target->surname.indexOf(QLatin1Char('\'')) + 2);
        literal.replace(QLatin1String("'"), QLatin1String("''"));
        const ProbeReply r = m_sim->probe().get(m_sim->graph(
            QStringLiteral("/users?$filter=startswith(surname,'%1')&$select=id,surname").arg(literal)));
        QCOMPARE(r.status, 200);
        bool found = false;
        for (const QJsonValue &v : r.json().value(QStringLiteral("value")).toArray())
            found = found || v.toObject().value(QStringLiteral("id")).toString() == target->id;
        QVERIFY(found);
        // The same literal without doubling the quote is a syntax error.
        const ProbeReply bad = m_sim->probe().get(
            m_sim->graph(QStringLiteral("/users?$filter=startswith(surname,'%1')").arg(target->surname)));
        QCOMPARE(bad.status, 400);
        // UPNs with an apostrophe work in the path and in eq filters.
        QVERIFY(target->userPrincipalName.contains(QLatin1Char('\'')));
        QCOMPARE(
            m_sim->probe().get(m_sim->graph(QStringLiteral("/users/") + target->userPrincipalName)).status,
            200);
        QString upn = target->userPrincipalName.toUpper();
        upn.replace(QLatin1String("'"), QLatin1String("''"));
        const ProbeReply eq = m_sim->probe().get(
            m_sim->graph(QStringLiteral("/users?$filter=userPrincipalName eq '%1'").arg(upn)));
        QCOMPARE(eq.json().value(QStringLiteral("value")).toArray().size(), 1);
    }

    void idInFilter()
    {
        const QString a = m_sim->tenant().user(3).id;
        const QString b = m_sim->tenant().user(200).id;
        const ProbeReply r = m_sim->probe().get(m_sim->graph(
            QStringLiteral("/users?$filter=id in ('%1','%2','00000000-0000-0000-0000-000000000000')")
                .arg(a, b)));
        QCOMPARE(r.status, 200);
        QSet<QString> ids;
        for (const QJsonValue &v : r.json().value(QStringLiteral("value")).toArray())
            ids.insert(v.toObject().value(QStringLiteral("id")).toString());
        QCOMPARE(ids, (QSet<QString>{a, b}));
    }

    void unsupportedFilterIs400()
    {
        ProbeReply r
            = m_sim->probe().get(m_sim->graph(QStringLiteral("/users?$filter=startswith(shoeSize,'4')")));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("Request_UnsupportedQuery"));
        r = m_sim->probe().get(m_sim->graph(QStringLiteral("/users?$filter=contains(displayName,'a')")));
        QCOMPARE(r.status, 400);
        // ne is an advanced query: it needs ConsistencyLevel.
        r = m_sim->probe().get(m_sim->graph(QStringLiteral("/users?$filter=jobTitle ne 'Engineer'")));
        QCOMPARE(r.status, 400);
        r = m_sim->probe().get(
            m_sim->graph(QStringLiteral("/users?$filter=jobTitle ne 'Engineer'&$count=true")), kEventual);
        QCOMPARE(r.status, 200);
    }

    void searchNeedsConsistencyLevel()
    {
        const QString query = QStringLiteral("/users?$search=\"displayName:ann\"&$count=true&$top=999");
        ProbeReply r = m_sim->probe().get(m_sim->graph(query));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("Request_UnsupportedQuery"));
        QVERIFY(r.errorMessage().contains(QStringLiteral("ConsistencyLevel")));
        r = m_sim->probe().get(m_sim->graph(query), kEventual);
        QCOMPARE(r.status, 200);
        int expected = 0;
        for (int i = 0; i < m_sim->tenant().userCount(); ++i) {
            const QStringList words
                = m_sim->tenant().user(i).displayName.split(QRegularExpression(QStringLiteral("[^\\w]")));
            bool hit = false;
            for (const QString &w : words)
                hit = hit || w.startsWith(QLatin1String("ann"), Qt::CaseInsensitive);
            expected += hit ? 1 : 0;
        }
        QVERIFY(expected > 0);
        QCOMPARE(r.json().value(QStringLiteral("@odata.count")).toInt(), expected);
        QCOMPARE(r.json().value(QStringLiteral("value")).toArray().size(), expected);
    }

    void countNeedsConsistencyLevel()
    {
        QCOMPARE(m_sim->probe().get(m_sim->graph(QStringLiteral("/users?$count=true"))).status, 400);
        const ProbeReply r
            = m_sim->probe().get(m_sim->graph(QStringLiteral("/users?$count=true&$top=5")), kEventual);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("@odata.count")).toInt(), m_sim->tenant().userCount());
    }

    void orderBy()
    {
        ProbeReply r = m_sim->probe().get(
            m_sim->graph(QStringLiteral("/users?$orderby=displayName&$top=999&$select=displayName")));
        QCOMPARE(r.status, 200);
        QStringList names;
        for (const QJsonValue &v : r.json().value(QStringLiteral("value")).toArray())
            names.append(v.toObject().value(QStringLiteral("displayName")).toString());
        QCOMPARE(names.size(), m_sim->tenant().userCount());
        QStringList sorted = names;
        std::stable_sort(sorted.begin(), sorted.end(), [](const QString &a, const QString &b) {
            return a.compare(b, Qt::CaseInsensitive) < 0;
        });
        QCOMPARE(names, sorted);
        // Paging keeps the order.
        r = m_sim->probe().get(m_sim->graph(
            QStringLiteral("/users?$orderby=userPrincipalName desc&$top=10&$select=userPrincipalName")));
        const QString firstPageLast = r.json()
                                          .value(QStringLiteral("value"))
                                          .toArray()
                                          .last()
                                          .toObject()
                                          .value(QStringLiteral("userPrincipalName"))
                                          .toString();
        r = m_sim->probe().get(QUrl(r.json().value(QStringLiteral("@odata.nextLink")).toString()));
        const QString secondPageFirst = r.json()
                                            .value(QStringLiteral("value"))
                                            .toArray()
                                            .first()
                                            .toObject()
                                            .value(QStringLiteral("userPrincipalName"))
                                            .toString();
        QVERIFY(firstPageLast.compare(secondPageFirst, Qt::CaseInsensitive) >= 0);
        // With $filter it is an advanced query; unknown properties are refused.
        QCOMPARE(m_sim->probe()
                     .get(m_sim->graph(
                         QStringLiteral("/users?$orderby=displayName&$filter=startswith(displayName,'a')")))
                     .status,
                 400);
        QCOMPARE(m_sim->probe()
                     .get(m_sim->graph(QStringLiteral(
                              "/users?$orderby=displayName&$filter=startswith(displayName,'a')&$count=true")),
                          kEventual)
                     .status,
                 200);
        QCOMPARE(m_sim->probe().get(m_sim->graph(QStringLiteral("/users?$orderby=jobTitle"))).status, 400);
        QCOMPARE(m_sim->probe().get(m_sim->graph(QStringLiteral("/groups?$orderby=displayName"))).status,
                 400);
    }

    void getUser()
    {
        const SimUser &u = m_sim->tenant().user(17);
        ProbeReply r = m_sim->probe().get(m_sim->graph(QStringLiteral("/users/") + u.id));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("displayName")).toString(), u.displayName);
        r = m_sim->probe().get(m_sim->graph(QStringLiteral("/users/") + u.userPrincipalName.toUpper()));
        QCOMPARE(r.json().value(QStringLiteral("id")).toString(), u.id);
        r = m_sim->probe().get(m_sim->graph(QStringLiteral("/users/nobody@contoso.onmicrosoft.com")));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.errorCode(), QStringLiteral("Request_ResourceNotFound"));
    }

    void transitiveMembersAreFlattenedAndUnique()
    {
        const herald::sim::Tenant &tenant = m_sim->tenant();
        int root = -1;
        for (int g = 0; g < tenant.groupCount() && root < 0; ++g) {
            if (!tenant.group(g).memberGroups.isEmpty())
                root = g;
        }
        QVERIFY2(root >= 0, "the generated tenant has nested groups");
        // Expected: every user reachable through nesting, computed independently.
        QSet<QString> expected;
        QList<int> stack{root};
        while (!stack.isEmpty()) {
            const SimGroup &g = tenant.group(stack.takeLast());
            for (int u : g.memberUsers)
                expected.insert(tenant.user(u).id);
            stack.append(QList<int>(g.memberGroups.cbegin(), g.memberGroups.cend()));
        }
        QVERIFY(expected.size() > tenant.group(root).memberUsers.size());
        QStringList got;
        QUrl next = m_sim->graph(
            QStringLiteral("/groups/%1/transitiveMembers/microsoft.graph.user?$top=7&$select=id")
                .arg(tenant.group(root).id));
        while (!next.isEmpty()) {
            const ProbeReply r = m_sim->probe().get(next);
            QCOMPARE(r.status, 200);
            for (const QJsonValue &v : r.json().value(QStringLiteral("value")).toArray()) {
                QCOMPARE(v.toObject().value(QStringLiteral("@odata.type")).toString(),
                         QStringLiteral("#microsoft.graph.user"));
                got.append(v.toObject().value(QStringLiteral("id")).toString());
            }
            next = QUrl(r.json().value(QStringLiteral("@odata.nextLink")).toString());
        }
        QCOMPARE(got.size(), expected.size()); // no duplicates
        QCOMPARE(QSet<QString>(got.cbegin(), got.cend()), expected);
        // Direct members include the nested groups themselves.
        const ProbeReply direct = m_sim->probe().get(
            m_sim->graph(QStringLiteral("/groups/%1/members?$top=999").arg(tenant.group(root).id)));
        int groups = 0;
        for (const QJsonValue &v : direct.json().value(QStringLiteral("value")).toArray())
            groups += v.toObject().value(QStringLiteral("@odata.type")).toString()
                == QLatin1String("#microsoft.graph.group");
        QCOMPARE(groups, tenant.group(root).memberGroups.size());
    }

    void notAGroupIs404()
    {
        ProbeReply r = m_sim->probe().get(
            m_sim->graph(QStringLiteral("/groups/%1/members").arg(m_sim->tenant().user(0).id)));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.errorCode(), QStringLiteral("Request_ResourceNotFound"));
        r = m_sim->probe().get(m_sim->graph(QStringLiteral("/groups/%1").arg(m_sim->tenant().group(0).id)));
        QCOMPARE(r.status, 200);
    }

    void teams()
    {
        const herald::sim::Tenant &tenant = m_sim->tenant();
        QStringList ids;
        QUrl next = m_sim->graph(QStringLiteral("/teams?$top=4"));
        while (!next.isEmpty()) {
            const ProbeReply r = m_sim->probe().get(next);
            QCOMPARE(r.status, 200);
            for (const QJsonValue &v : r.json().value(QStringLiteral("value")).toArray())
                ids.append(v.toObject().value(QStringLiteral("id")).toString());
            next = QUrl(r.json().value(QStringLiteral("@odata.nextLink")).toString());
        }
        QCOMPARE(ids.size(), m_sim->options().teams);
        const ProbeReply groups = m_sim->probe().get(m_sim->graph(QStringLiteral(
            "/groups?$filter=resourceProvisioningOptions/Any(x:x eq 'Team')&$select=id,displayName")));
        QCOMPARE(groups.status, 200);
        QStringList groupIds;
        for (const QJsonValue &v : groups.json().value(QStringLiteral("value")).toArray())
            groupIds.append(v.toObject().value(QStringLiteral("id")).toString());
        QCOMPARE(QSet<QString>(groupIds.cbegin(), groupIds.cend()), QSet<QString>(ids.cbegin(), ids.cend()));

        const SimGroup &team = tenant.group(tenant.teams().first());
        const ProbeReply members
            = m_sim->probe().get(m_sim->graph(QStringLiteral("/teams/%1/members").arg(team.id)));
        QCOMPARE(members.status, 200);
        const QJsonArray value = members.json().value(QStringLiteral("value")).toArray();
        QCOMPARE(value.size(), team.memberUsers.size());
        int owners = 0;
        for (const QJsonValue &v : value) {
            const QJsonObject m = v.toObject();
            QCOMPARE(m.value(QStringLiteral("@odata.type")).toString(),
                     QStringLiteral("#microsoft.graph.aadUserConversationMember"));
            QVERIFY(tenant.findUser(m.value(QStringLiteral("userId")).toString()) >= 0);
            QVERIFY(!m.value(QStringLiteral("displayName")).toString().isEmpty());
            QVERIFY(m.contains(QStringLiteral("email")));
            owners += m.value(QStringLiteral("roles")).toArray().contains(QStringLiteral("owner"));
        }
        QCOMPARE(owners, team.ownerUsers.size());
        // A plain group is not a team.
        const ProbeReply notTeam
            = m_sim->probe().get(m_sim->graph(QStringLiteral("/teams/%1").arg(tenant.group(0).id)));
        QCOMPARE(notTeam.status, 404);
        const ProbeReply channel
            = m_sim->probe().get(m_sim->graph(QStringLiteral("/teams/%1/primaryChannel").arg(team.id)));
        QCOMPARE(channel.json().value(QStringLiteral("id")).toString(), team.generalChannelId);
    }

    void unknownSegmentIs400()
    {
        const ProbeReply r = m_sim->probe().get(m_sim->graph(QStringLiteral("/frobnicate")));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("BadRequest"));
    }

    void generatesLargeTenantsQuickly()
    {
        auto options = SimFixture::defaultOptions();
        options.users = 100000;
        // CPU time of this thread, not wall time: on a shared, busy machine the
        // wall clock also counts other processes' turns.
        const auto cpuMs = [] {
            timespec ts{};
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
            return qint64(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
        };
        const qint64 before = cpuMs();
        herald::sim::SimServer server(options);
        QCOMPARE(server.tenant().userCount(), 100000);
        // Generous bound; typically well under a second.
        QVERIFY2(cpuMs() - before < 5000, qPrintable(QString::number(cpuMs() - before)));
        QSet<QString> upns;
        for (int i = 0; i < server.tenant().userCount(); ++i)
            upns.insert(server.tenant().user(i).userPrincipalName.toLower());
        QCOMPARE(upns.size(), 100000);
    }

private:
    std::unique_ptr<SimFixture> m_sim;
};

QTEST_GUILESS_MAIN(TestSimDirectory)
#include "tst_simdirectory.moc"
