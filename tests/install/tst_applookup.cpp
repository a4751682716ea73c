// AppLookup against the simulated catalog: each documented way of finding
// the teamsAppId gives the tenant's own data, quotes in input are escaped,
// and a name that is not there says so with close matches.

#include "InstallKit.h"
#include "install/AppLookup.h"
#include "sim/Tenant.h"

#include <QTest>

using namespace herald;
using namespace herald::install;
using herald::test::InstallKit;

class TestAppLookup : public QObject
{
    Q_OBJECT

private:
    struct Outcome
    {
        TeamsAppList apps;
        QStringList suggestions;
        QString notFound;
        graph::GraphError error;
    };

    Outcome run(AppLookup *lookup)
    {
        auto result = std::make_shared<Outcome>();
        bool done = false;
        connect(lookup, &graph::Job::finished, this, [lookup, result, &done] {
            result->apps = lookup->apps();
            result->suggestions = lookup->suggestions();
            result->notFound = lookup->notFoundMessage();
            result->error = lookup->error();
            done = true;
        });
        lookup->start();
        if (!QTest::qWaitFor([&done] { return done; }, 30000))
            qWarning("lookup did not finish");
        return *result;
    }

    void compareWithTenant(const TeamsApp &app, int index)
    {
        const sim::SimCatalogApp &a = m_kit.tenant().app(index);
        QCOMPARE(app.id, a.id);
        QCOMPARE(app.externalId, a.externalId);
        QCOMPARE(app.displayName, a.displayName);
        QCOMPARE(app.version, a.definition.version);
        QCOMPARE(app.distributionMethod, a.distributionMethod);
    }

    int appIndex(const QString &distribution)
    {
        for (int i = 0; i < m_kit.tenant().appCount(); ++i) {
            if (m_kit.tenant().app(i).distributionMethod == distribution)
                return i;
        }
        return -1;
    }

private slots:
    void initTestCase() { QVERIFY(m_kit.start()); }

    void byExternalId()
    {
        const int org = m_kit.tenant().orgApp();
        const auto found = run(AppLookup::byExternalId(m_kit.client(), m_kit.tenant().app(org).externalId));
        QVERIFY2(!found.error.isError(), qPrintable(found.error.toString()));
        QCOMPARE(found.apps.size(), 1);
        compareWithTenant(found.apps.first(), org);
        QVERIFY(found.apps.first().installRefusal().isEmpty());
    }

    void storeAppByManifestId()
    {
        // A Store app: its catalog id is its manifest id.
        const int store = appIndex(QStringLiteral("store"));
        QVERIFY(store >= 0);
        const auto found = run(AppLookup::byExternalId(m_kit.client(), m_kit.tenant().app(store).id));
        QCOMPARE(found.apps.size(), 1);
        compareWithTenant(found.apps.first(), store);
    }

    void byId()
    {
        const int org = m_kit.tenant().orgApp();
        const auto found = run(AppLookup::byId(m_kit.client(), m_kit.appId()));
        QCOMPARE(found.apps.size(), 1);
        compareWithTenant(found.apps.first(), org);
    }

    void byName()
    {
        const int org = m_kit.tenant().orgApp();
        const auto found = run(AppLookup::byName(m_kit.client(), m_kit.tenant().app(org).displayName));
        QCOMPARE(found.apps.size(), 1);
        compareWithTenant(found.apps.first(), org);
    }

    void unknownNameGivesCloseMatches()
    {
        const QString name = m_kit.tenant().app(m_kit.tenant().orgApp()).displayName; // "Contoso Herald"
        const QString typo = name.left(name.size() - 1) + QLatin1Char('x');
        const auto found = run(AppLookup::byName(m_kit.client(), typo));
        QVERIFY2(!found.error.isError(), qPrintable(found.error.toString()));
        QVERIFY(found.apps.isEmpty());
        QVERIFY2(found.suggestions.contains(name), qPrintable(found.suggestions.join(',')));
        QVERIFY(found.notFound.contains(typo));
        QVERIFY(found.notFound.contains(name));
    }

    void quotesAreEscaped()
    {
        // Spliced in raw, the quote would end the literal: Graph answers 400.
        const auto found = run(AppLookup::byName(m_kit.client(), QStringLiteral("O'Brien's Bot")));
        QVERIFY2(!found.error.isError(), qPrintable(found.error.toString()));
        QVERIFY(found.apps.isEmpty());
        QVERIFY(found.notFound.contains(QLatin1String("O'Brien's Bot")));
        const auto byExternal
            = run(AppLookup::byExternalId(m_kit.client(), QStringLiteral("x' or id ne 'y")));
        QVERIFY2(!byExternal.error.isError(), qPrintable(byExternal.error.toString()));
        QVERIFY(byExternal.apps.isEmpty());
    }

    void sideloadedAppIsFlagged()
    {
        const int side = appIndex(QStringLiteral("sideloaded"));
        QVERIFY(side >= 0);
        const auto found = run(AppLookup::byExternalId(m_kit.client(), m_kit.tenant().app(side).externalId));
        QCOMPARE(found.apps.size(), 1);
        QVERIFY(found.apps.first().isSideloaded());
        QVERIFY(found.apps.first().installRefusal().contains(QLatin1String("sideloaded")));
    }

    void fromUserAndTeamInstallations()
    {
        sim::Tenant &tenant = m_kit.tenant();
        const QString externalId = tenant.app(tenant.orgApp()).externalId;
        const QList<int> users = m_kit.usersWhere([&](int i) { return m_kit.hasOrgApp(i); });
        QVERIFY(!users.isEmpty());
        const auto fromUser
            = run(AppLookup::fromUser(m_kit.client(), tenant.user(users.first()).id, externalId));
        QCOMPARE(fromUser.apps.size(), 1);
        QCOMPARE(fromUser.apps.first().id, m_kit.appId());
        QCOMPARE(fromUser.apps.first().version, tenant.app(tenant.orgApp()).definition.version);

        const QList<int> without
            = m_kit.usersWhere([&](int i) { return !m_kit.hasOrgApp(i) && tenant.user(i).teamsLicensed; });
        const auto none
            = run(AppLookup::fromUser(m_kit.client(), tenant.user(without.first()).id, externalId));
        QVERIFY(none.apps.isEmpty());
        QVERIFY(!none.error.isError());

        int team = -1;
        for (int t : tenant.teams()) {
            if (tenant.teamInstallOf(t, tenant.orgApp()) >= 0)
                team = t;
        }
        QVERIFY(team >= 0);
        const auto fromTeam = run(AppLookup::fromTeam(m_kit.client(), tenant.group(team).id, externalId));
        QCOMPARE(fromTeam.apps.size(), 1);
        QCOMPARE(fromTeam.apps.first().id, m_kit.appId());
    }

    void closeMatchesRanksSubstringsFirst()
    {
        const QStringList names{QStringLiteral("Approvals"), QStringLiteral("Contoso Herald"),
                                QStringLiteral("Herald Dev Build"), QStringLiteral("Polls")};
        QCOMPARE(closeMatches(QStringLiteral("herald"), names),
                 (QStringList{QStringLiteral("Contoso Herald"), QStringLiteral("Herald Dev Build")}));
        QCOMPARE(closeMatches(QStringLiteral("Aprovals"), names), QStringList{QStringLiteral("Approvals")});
        QVERIFY(closeMatches(QStringLiteral("zzzzzzzz"), names).isEmpty());
    }

private:
    InstallKit m_kit;
};

QTEST_GUILESS_MAIN(TestAppLookup)
#include "tst_applookup.moc"
