// JSON batching on the simulated Graph.

#include "SimFixture.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace herald::test;

namespace {

QJsonObject sub(const QString &id, const QString &url, const QString &method = QStringLiteral("GET"))
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("method"), method}, {QStringLiteral("url"), url}};
}

QJsonObject batch(const QJsonArray &requests)
{
    return {{QStringLiteral("requests"), requests}};
}

QHash<QString, QJsonObject> byId(const ProbeReply &reply)
{
    QHash<QString, QJsonObject> out;
    for (const QJsonValue &v : reply.json().value(QStringLiteral("responses")).toArray())
        out.insert(v.toObject().value(QStringLiteral("id")).toString(), v.toObject());
    return out;
}

QStringList order(const ProbeReply &reply)
{
    QStringList out;
    for (const QJsonValue &v : reply.json().value(QStringLiteral("responses")).toArray())
        out.append(v.toObject().value(QStringLiteral("id")).toString());
    return out;
}

} // namespace

class TestSimBatch : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_sim = std::make_unique<SimFixture>();
        QVERIFY2(m_sim->start(), qPrintable(m_sim->errorString()));
        m_sim->probe().setBearer(m_sim->graphToken());
    }

    void responsesMatchedById()
    {
        const QString user = m_sim->tenant().user(5).id;
        const ProbeReply r = m_sim->probe().postJson(
            m_sim->graph(QStringLiteral("/$batch")),
            batch({sub(QStringLiteral("a"), QStringLiteral("/users/") + user),
                   sub(QStringLiteral("b"), QStringLiteral("/users/nobody@nowhere")),
                   sub(QStringLiteral("c"), QStringLiteral("users?$top=2&$select=id")),
                   sub(QStringLiteral("d"),
                       QStringLiteral("/appCatalogs/teamsApps?$filter=externalId eq '%1'")
                           .arg(m_sim->options().appExternalId))}));
        QCOMPARE(r.status, 200);
        const auto responses = byId(r);
        QCOMPARE(responses.size(), 4);
        QCOMPARE(responses.value(QStringLiteral("a")).value(QStringLiteral("status")).toInt(), 200);
        QCOMPARE(responses.value(QStringLiteral("a"))
                     .value(QStringLiteral("body"))
                     .toObject()
                     .value(QStringLiteral("id"))
                     .toString(),
                 user);
        QCOMPARE(responses.value(QStringLiteral("b")).value(QStringLiteral("status")).toInt(), 404);
        QCOMPARE(responses.value(QStringLiteral("b"))
                     .value(QStringLiteral("body"))
                     .toObject()
                     .value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toString(),
                 QStringLiteral("Request_ResourceNotFound"));
        const QJsonObject c = responses.value(QStringLiteral("c")).value(QStringLiteral("body")).toObject();
        QCOMPARE(c.value(QStringLiteral("value")).toArray().size(), 2);
        QVERIFY(c.value(QStringLiteral("@odata.nextLink"))
                    .toString()
                    .startsWith(m_sim->baseUrl().toString() + QStringLiteral("/v1.0/users?")));
        QCOMPARE(responses.value(QStringLiteral("d"))
                     .value(QStringLiteral("body"))
                     .toObject()
                     .value(QStringLiteral("value"))
                     .toArray()
                     .size(),
                 1);
        QVERIFY(responses.value(QStringLiteral("a"))
                    .value(QStringLiteral("headers"))
                    .toObject()
                    .contains(QStringLiteral("Content-Type")));
    }

    void limitIsTwenty()
    {
        QJsonArray twenty;
        for (int i = 0; i < 20; ++i)
            twenty.append(sub(QString::number(i), QStringLiteral("/users?$top=1")));
        QCOMPARE(m_sim->probe().postJson(m_sim->graph(QStringLiteral("/$batch")), batch(twenty)).status, 200);
        QJsonArray many = twenty;
        many.append(sub(QStringLiteral("20"), QStringLiteral("/users?$top=1")));
        const ProbeReply r = m_sim->probe().postJson(m_sim->graph(QStringLiteral("/$batch")), batch(many));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("BadRequest"));
    }

    void malformedBatches()
    {
        const QUrl url = m_sim->graph(QStringLiteral("/$batch"));
        QCOMPARE(m_sim->probe()
                     .postJson(url,
                               batch({sub(QStringLiteral("1"), QStringLiteral("/users")),
                                      sub(QStringLiteral("1"), QStringLiteral("/groups"))}))
                     .status,
                 400);
        QCOMPARE(m_sim->probe().postJson(url, batch({})).status, 400);
        QCOMPARE(m_sim->probe().postRaw(url, "not json", "application/json").status, 400);
        QCOMPARE(m_sim->probe()
                     .postJson(url, batch({QJsonObject{{QStringLiteral("id"), QStringLiteral("1")}}}))
                     .status,
                 400);
        // Absolute URLs are refused per request, not for the whole batch.
        const ProbeReply r = m_sim->probe().postJson(
            url,
            batch({sub(QStringLiteral("1"), m_sim->graph(QStringLiteral("/users")).toString()),
                   sub(QStringLiteral("2"), QStringLiteral("/users?$top=1"))}));
        QCOMPARE(r.status, 200);
        QCOMPARE(byId(r).value(QStringLiteral("1")).value(QStringLiteral("status")).toInt(), 400);
        QCOMPARE(byId(r).value(QStringLiteral("2")).value(QStringLiteral("status")).toInt(), 200);
    }

    void batchNeedsToken()
    {
        m_sim->probe().setBearer({});
        const ProbeReply r
            = m_sim->probe().postJson(m_sim->graph(QStringLiteral("/$batch")),
                                      batch({sub(QStringLiteral("1"), QStringLiteral("/users"))}));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), QStringLiteral("InvalidAuthenticationToken"));
    }

    void orderIsShuffledAndSeeded()
    {
        QJsonArray requests;
        QStringList ids;
        for (int i = 0; i < 20; ++i) {
            ids.append(QStringLiteral("r%1").arg(i));
            requests.append(
                sub(ids.last(), QStringLiteral("/users/%1?$select=id").arg(m_sim->tenant().user(i).id)));
        }
        const ProbeReply r
            = m_sim->probe().postJson(m_sim->graph(QStringLiteral("/$batch")), batch(requests));
        const QStringList got = order(r);
        QVERIFY(got != ids);
        QCOMPARE(QSet<QString>(got.cbegin(), got.cend()), QSet<QString>(ids.cbegin(), ids.cend()));
        for (const QJsonObject &o : byId(r)) {
            const int i = o.value(QStringLiteral("id")).toString().mid(1).toInt();
            QCOMPARE(o.value(QStringLiteral("body")).toObject().value(QStringLiteral("id")).toString(),
                     m_sim->tenant().user(i).id);
        }
        // Same seed, same first batch: same order.
        SimFixture twin;
        QVERIFY(twin.start());
        twin.probe().setBearer(twin.graphToken());
        QCOMPARE(order(twin.probe().postJson(twin.graph(QStringLiteral("/$batch")), batch(requests))), got);
    }

    void dependsOn()
    {
        const QString user = m_sim->tenant().user(0).id;
        const QJsonObject body{
            {QStringLiteral("teamsApp@odata.bind"),
             QStringLiteral("https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/") + m_sim->appId()}};
        QJsonObject install
            = sub(QStringLiteral("install"), QStringLiteral("/users/nobody/teamwork/installedApps"),
                  QStringLiteral("POST"));
        install.insert(QStringLiteral("body"), body);
        install.insert(QStringLiteral("headers"),
                       QJsonObject{{QStringLiteral("Content-Type"), QStringLiteral("application/json")}});
        QJsonObject after = sub(QStringLiteral("after"), QStringLiteral("/users/%1").arg(user));
        after.insert(QStringLiteral("dependsOn"), QJsonArray{QStringLiteral("install")});
        const ProbeReply r
            = m_sim->probe().postJson(m_sim->graph(QStringLiteral("/$batch")), batch({install, after}));
        QCOMPARE(r.status, 200);
        QCOMPARE(byId(r).value(QStringLiteral("install")).value(QStringLiteral("status")).toInt(), 404);
        QCOMPARE(byId(r).value(QStringLiteral("after")).value(QStringLiteral("status")).toInt(), 424);
    }

    void installInsideBatch()
    {
        int u = 0;
        while (!m_sim->tenant().user(u).teamsLicensed || m_sim->tenant().user(u).policyBlocked
               || m_sim->tenant().userInstallOf(u, m_sim->tenant().orgApp()) >= 0)
            ++u;
        QJsonObject install
            = sub(QStringLiteral("1"),
                  QStringLiteral("/users/%1/teamwork/installedApps").arg(m_sim->tenant().user(u).id),
                  QStringLiteral("POST"));
        install.insert(QStringLiteral("body"),
                       QJsonObject{{QStringLiteral("teamsApp@odata.bind"),
                                    QStringLiteral("https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/")
                                        + m_sim->appId()}});
        install.insert(QStringLiteral("headers"),
                       QJsonObject{{QStringLiteral("Content-Type"), QStringLiteral("application/json")}});
        ProbeReply r = m_sim->probe().postJson(m_sim->graph(QStringLiteral("/$batch")), batch({install}));
        QCOMPARE(byId(r).value(QStringLiteral("1")).value(QStringLiteral("status")).toInt(), 201);
        QVERIFY(!byId(r).value(QStringLiteral("1")).contains(QStringLiteral("body")));
        r = m_sim->probe().postJson(m_sim->graph(QStringLiteral("/$batch")), batch({install}));
        QCOMPARE(byId(r).value(QStringLiteral("1")).value(QStringLiteral("status")).toInt(), 409);
        QCOMPARE(m_sim->server().stats().value(QStringLiteral("installs")).toInt(), 1);
    }

    void subRequestsAreThrottledOneByOne()
    {
        // 40 installedApps GETs in two batches against a 30/s limit.
        QJsonArray requests;
        for (int i = 0; i < 20; ++i)
            requests.append(
                sub(QString::number(i),
                    QStringLiteral("/users/%1/teamwork/installedApps").arg(m_sim->tenant().user(i).id)));
        const QList<ProbeReply> replies = m_sim->probe().sendAll({{"POST",
                                                                   m_sim->graph(QStringLiteral("/$batch")),
                                                                   QJsonDocument(batch(requests)).toJson(),
                                                                   {{"Content-Type", "application/json"}}},
                                                                  {"POST",
                                                                   m_sim->graph(QStringLiteral("/$batch")),
                                                                   QJsonDocument(batch(requests)).toJson(),
                                                                   {{"Content-Type", "application/json"}}}});
        int throttled = 0;
        int ok = 0;
        for (const ProbeReply &r : replies) {
            QCOMPARE(r.status, 200);
            for (const QJsonObject &o : byId(r)) {
                const int status = o.value(QStringLiteral("status")).toInt();
                if (status == 429) {
                    ++throttled;
                    const int retryAfter = o.value(QStringLiteral("headers"))
                                               .toObject()
                                               .value(QStringLiteral("Retry-After"))
                                               .toString()
                                               .toInt();
                    QVERIFY(retryAfter >= 1);
                    QCOMPARE(o.value(QStringLiteral("body"))
                                 .toObject()
                                 .value(QStringLiteral("error"))
                                 .toObject()
                                 .value(QStringLiteral("code"))
                                 .toString(),
                             QStringLiteral("TooManyRequests"));
                } else {
                    QVERIFY(status == 200 || status == 404);
                    ++ok;
                }
            }
        }
        QVERIFY2(throttled >= 5 && ok >= 30,
                 qPrintable(QStringLiteral("ok %1 throttled %2").arg(ok).arg(throttled)));
        QCOMPARE(m_sim->server()
                     .stats()
                     .value(QStringLiteral("throttled"))
                     .toObject()
                     .value(QStringLiteral("installedApps.get"))
                     .toInt(),
                 throttled);
    }

private:
    std::unique_ptr<SimFixture> m_sim;
};

QTEST_GUILESS_MAIN(TestSimBatch)
#include "tst_simbatch.moc"
