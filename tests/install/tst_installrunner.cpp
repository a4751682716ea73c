// InstallRunner against the simulated tenant: every answer maps to its CLI
// state (201/409/403/404), the tenant really changes (or, in a dry run,
// does not), team installs keep to a team's 4 requests/s, and apps Graph
// cannot install are refused before anything is sent.

#include "InstallKit.h"
#include "install/InstallRunner.h"
#include "install/InstallUrls.h"
#include "install/RecipientFeed.h"
#include "sim/Tenant.h"

#include <QTest>

using namespace herald;
using namespace herald::install;
using herald::test::InstallKit;
using herald::test::runPipeline;

class TestInstallRunner : public QObject
{
    Q_OBJECT

private:
    TeamsApp orgApp(InstallKit &kit)
    {
        const sim::SimCatalogApp &a = kit.tenant().app(kit.tenant().orgApp());
        return TeamsApp{a.id, a.externalId, a.displayName, a.definition.version, a.distributionMethod};
    }

    InstallRunner *runner(InstallKit &kit, const RecipientList &recipients, InstallRunner::Operation op)
    {
        return new InstallRunner(kit.client(), new ListRecipientFeed(recipients), orgApp(kit), op);
    }

private slots:
    void bindUrlUsesTheCloudsGraphHost()
    {
        QCOMPARE(urls::bindUrl(graph::Cloud::Global, QStringLiteral("abc")),
                 QStringLiteral("https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/abc"));
        QCOMPARE(urls::bindUrl(graph::Cloud::UsGov, QStringLiteral("abc")),
                 QStringLiteral("https://graph.microsoft.us/v1.0/appCatalogs/teamsApps/abc"));
        QCOMPARE(urls::installationOf(RecipientKind::User, QStringLiteral("o'brien#1@contoso.com"),
                                      QStringLiteral("it's")),
                 QStringLiteral("users/o'brien%231@contoso.com/teamwork/installedApps"
                                "?$expand=teamsApp&$filter=teamsApp/id%20eq%20'it''s'"));
    }

    void installMapsEveryAnswer()
    {
        InstallKit kit;
        QVERIFY(kit.start());
        sim::Tenant &tenant = kit.tenant();
        const QList<int> had = kit.usersWhere([&](int i) { return kit.hasOrgApp(i); });
        const QList<int> blocked = kit.usersWhere([&](int i) {
            return tenant.user(i).policyBlocked && tenant.user(i).teamsLicensed && !kit.hasOrgApp(i);
        });
        const QList<int> unlicensed = kit.usersWhere([&](int i) { return !tenant.user(i).teamsLicensed; });
        QVERIFY(!had.isEmpty() && !blocked.isEmpty() && !unlicensed.isEmpty());

        RecipientList recipients = kit.allUsers();
        recipients.append(InstallKit::unknownUser(QStringLiteral("ghost@contoso.onmicrosoft.com")));
        const auto run = runPipeline(runner(kit, recipients, InstallRunner::Operation::Install));
        QVERIFY2(!run.error.isError(), qPrintable(run.error.toString()));
        QCOMPARE(run.results.size(), recipients.size());

        const auto byId = run.byId();
        int newly = 0;
        for (int i = 0; i < tenant.userCount(); ++i) {
            const sim::SimUser &u = tenant.user(i);
            const RecipientResult r = byId.value(u.id);
            if (!u.teamsLicensed) {
                QCOMPARE(toName(r.outcome), QStringLiteral("not_found"));
                QCOMPARE(r.httpStatus, 404);
            } else if (had.contains(i)) {
                QCOMPARE(toName(r.outcome), QStringLiteral("already_installed"));
                QCOMPARE(r.httpStatus, 409);
            } else if (blocked.contains(i)) {
                QCOMPARE(toName(r.outcome), QStringLiteral("blocked"));
                QCOMPARE(r.httpStatus, 403);
                QVERIFY2(r.detail.contains(QLatin1String("permission policy")), qPrintable(r.detail));
                QVERIFY(!kit.hasOrgApp(i));
            } else {
                QCOMPARE(toName(r.outcome), QStringLiteral("installed"));
                QCOMPARE(r.httpStatus, 201);
                QVERIFY(kit.hasOrgApp(i)); // the tenant really has it now
                ++newly;
            }
        }
        QCOMPARE(byId.value(QStringLiteral("ghost@contoso.onmicrosoft.com")).outcome, Outcome::NotFound);
        // The fastest path: one POST per resolved user, no status sweep first.
        QCOMPARE(kit.stat(QStringLiteral("installs")), qint64(newly));
        QCOMPARE(kit.served(QStringLiteral("installedApps.post")), qint64(tenant.userCount()));
        QCOMPARE(kit.stat(QStringLiteral("requests/installedApps.get")), qint64(0));
        QByteArray why;
        QVERIFY2(kit.throttlingWithinTarget(&why), why.constData());

        // Again: everyone who could get it has it now.
        const auto again = runPipeline(runner(kit, kit.allUsers(), InstallRunner::Operation::Install));
        QCOMPARE(again.count(Outcome::Installed), 0);
        QCOMPARE(again.count(Outcome::AlreadyInstalled), newly + had.size());
    }

    void dryRunWritesNothing()
    {
        InstallKit kit;
        QVERIFY(kit.start());
        sim::Tenant &tenant = kit.tenant();
        auto *install = runner(kit, kit.allUsers(), InstallRunner::Operation::Install);
        install->setDryRun(true);
        const auto run = runPipeline(install);
        QVERIFY2(!run.error.isError(), qPrintable(run.error.toString()));
        QCOMPARE(run.results.size(), tenant.userCount());
        for (const RecipientResult &r : run.results) {
            const int i = tenant.findUser(r.recipient.id);
            if (!tenant.user(i).teamsLicensed) {
                QCOMPARE(r.outcome, Outcome::NotFound);
            } else if (kit.hasOrgApp(i)) {
                QCOMPARE(r.outcome, Outcome::AlreadyInstalled);
                QVERIFY(r.dryRun);
            } else {
                QCOMPARE(r.outcome, Outcome::Installed);
                QVERIFY(r.detail.contains(QLatin1String("would install")));
                QVERIFY(r.dryRun);
            }
        }
        QCOMPARE(kit.stat(QStringLiteral("installs")), qint64(0));
        QCOMPARE(kit.stat(QStringLiteral("requests/installedApps.post")), qint64(0));

        auto *uninstall = runner(kit, kit.allUsers(), InstallRunner::Operation::Uninstall);
        uninstall->setDryRun(true);
        const auto removed = runPipeline(uninstall);
        QVERIFY(removed.count(Outcome::Removed) > 0);
        QCOMPARE(kit.stat(QStringLiteral("uninstalls")), qint64(0));
        QCOMPARE(kit.stat(QStringLiteral("requests/installedApps.delete")), qint64(0));
    }

    void upgradeAndUninstall()
    {
        InstallKit kit;
        QVERIFY(kit.start());
        sim::Tenant &tenant = kit.tenant();
        const QList<int> had = kit.usersWhere([&](int i) { return kit.hasOrgApp(i); });
        const auto upgraded = runPipeline(runner(kit, kit.allUsers(), InstallRunner::Operation::Upgrade));
        QVERIFY2(!upgraded.error.isError(), qPrintable(upgraded.error.toString()));
        for (const RecipientResult &r : upgraded.results) {
            const int i = tenant.findUser(r.recipient.id);
            if (!tenant.user(i).teamsLicensed)
                QCOMPARE(r.outcome, Outcome::NotFound);
            else if (had.contains(i)) {
                QCOMPARE(r.outcome, Outcome::Upgraded);
                QCOMPARE(r.installationId, sim::Tenant::installationId(r.recipient.id, kit.appId()));
            } else
                QCOMPARE(r.outcome, Outcome::NotInstalled);
        }
        QCOMPARE(kit.served(QStringLiteral("installedApps.post")), qint64(had.size()));

        const auto removed = runPipeline(runner(kit, kit.allUsers(), InstallRunner::Operation::Uninstall));
        QVERIFY2(!removed.error.isError(), qPrintable(removed.error.toString()));
        QCOMPARE(removed.count(Outcome::Removed), had.size());
        QCOMPARE(kit.stat(QStringLiteral("uninstalls")), qint64(had.size()));
        for (int i : had)
            QVERIFY(!kit.hasOrgApp(i));
        QByteArray why;
        QVERIFY2(kit.throttlingWithinTarget(&why), why.constData());
    }

    void teamInstallsKeepToTheTeamLimit()
    {
        // Every team five times over: sent without per-team pacing, the
        // copies of one team would arrive together, over its 4 requests/s.
        InstallKit kit;
        QVERIFY(kit.start());
        sim::Tenant &tenant = kit.tenant();
        RecipientList recipients;
        for (int copy = 0; copy < 5; ++copy)
            recipients += kit.allTeams();
        const int teams = int(tenant.teams().size());
        int hadBefore = 0;
        for (int t : tenant.teams())
            hadBefore += tenant.teamInstallOf(t, tenant.orgApp()) >= 0 ? 1 : 0;

        const auto run = runPipeline(runner(kit, recipients, InstallRunner::Operation::Install));
        QVERIFY2(!run.error.isError(), qPrintable(run.error.toString()));
        QCOMPARE(run.results.size(), recipients.size());
        QCOMPARE(run.count(Outcome::Installed), teams - hadBefore);
        QCOMPARE(run.count(Outcome::AlreadyInstalled), recipients.size() - (teams - hadBefore));
        for (int t : tenant.teams())
            QVERIFY(tenant.teamInstallOf(t, tenant.orgApp()) >= 0);
        // The per-team limit is planned for, never hit.
        QCOMPARE(kit.stat(QStringLiteral("throttledByLimit/team")), qint64(0));
        QByteArray why;
        QVERIFY2(kit.throttlingWithinTarget(&why), why.constData());
        QCOMPARE(kit.served(QStringLiteral("installedApps.post")), qint64(recipients.size()));
    }

    void sideloadedAppIsRefusedBeforeAnyRequest()
    {
        InstallKit kit;
        QVERIFY(kit.start());
        sim::Tenant &tenant = kit.tenant();
        int sideloaded = -1;
        for (int i = 0; i < tenant.appCount(); ++i) {
            if (tenant.app(i).distributionMethod == QLatin1String("sideloaded"))
                sideloaded = i;
        }
        QVERIFY(sideloaded >= 0);
        const sim::SimCatalogApp &a = tenant.app(sideloaded);
        const TeamsApp app{a.id, a.externalId, a.displayName, a.definition.version, a.distributionMethod};
        auto *install = new InstallRunner(kit.client(), new ListRecipientFeed(kit.allUsers()), app,
                                          InstallRunner::Operation::Install);
        const auto run = runPipeline(install);
        QCOMPARE(run.error.kind, graph::GraphError::Kind::Config);
        QVERIFY2(run.error.message.contains(QLatin1String("sideloaded")), qPrintable(run.error.message));
        QVERIFY(run.error.message.contains(a.displayName));
        QVERIFY(run.results.isEmpty());
        QCOMPARE(kit.stat(QStringLiteral("requestsTotal")), qint64(0));

        // Unknown distribution (only the id given): Graph's own 403 is reported per user.
        const TeamsApp bare{a.id, {}, {}, {}, {}};
        auto *blind = new InstallRunner(kit.client(), new ListRecipientFeed(kit.users({0, 1, 2})), bare,
                                        InstallRunner::Operation::Install);
        const auto refused = runPipeline(blind);
        QVERIFY2(!refused.error.isError(), qPrintable(refused.error.toString()));
        for (const RecipientResult &r : refused.results) {
            if (r.outcome == Outcome::NotFound)
                continue;
            QCOMPARE(r.outcome, Outcome::Blocked);
            QVERIFY2(r.detail.contains(QLatin1String("sideloaded")), qPrintable(r.detail));
        }
        QCOMPARE(kit.stat(QStringLiteral("installs")), qint64(0));
    }

    void chinaCloudIsRefused()
    {
        InstallKit kit;
        QVERIFY(kit.start());
        auto *install = runner(kit, kit.users({0}), InstallRunner::Operation::Install);
        install->setCloud(graph::Cloud::China);
        const auto run = runPipeline(install);
        QCOMPARE(run.error.kind, graph::GraphError::Kind::Config);
        QVERIFY(run.error.message.contains(QLatin1String("China")));
        QCOMPARE(kit.stat(QStringLiteral("requestsTotal")), qint64(0));
    }

    void missingWriteRoleStopsWithHint()
    {
        sim::SimOptions options = InstallKit::options(40);
        options.roles = QStringList{QStringLiteral("TeamsAppInstallation.ReadForUser.All")};
        InstallKit kit(options);
        QVERIFY(kit.start());
        const auto run = runPipeline(runner(kit, kit.allUsers(), InstallRunner::Operation::Install));
        QCOMPARE(run.error.kind, graph::GraphError::Kind::Auth);
        QVERIFY2(run.error.hint.contains(QLatin1String("TeamsAppInstallation.ReadWriteSelfForUser.All")),
                 qPrintable(run.error.hint));
        QCOMPARE(kit.stat(QStringLiteral("installs")), qint64(0));
    }

    void abortMidwayKeepsWhatFinished()
    {
        InstallKit kit(InstallKit::options(600));
        QVERIFY(kit.start());
        auto *install = runner(kit, kit.allUsers(), InstallRunner::Operation::Install);
        install->setAutoDelete(false);
        QList<RecipientResult> results;
        connect(install, &RecipientPipeline::resultReady, this, [&](const RecipientResult &r) {
            results.append(r);
            if (results.size() == 100)
                install->abort();
        });
        install->start();
        QTRY_VERIFY_WITH_TIMEOUT(install->isFinished(), 30000);
        QCOMPARE(install->error().kind, graph::GraphError::Kind::Cancelled);
        QCOMPARE(results.size(), 100);
        QTRY_COMPARE_WITH_TIMEOUT(kit.stat(QStringLiteral("inFlight")), qint64(0), 10000);
        QCoreApplication::processEvents();
        QCOMPARE(results.size(), 100);
        // Every reported install is real.
        for (const RecipientResult &r : results) {
            if (r.outcome == Outcome::Installed)
                QVERIFY(kit.hasOrgApp(kit.userIndexById(r.recipient.id)));
        }
        QVERIFY(kit.stat(QStringLiteral("requests/installedApps.post")) < 600);
        delete install;
    }
};

QTEST_GUILESS_MAIN(TestInstallRunner)
#include "tst_installrunner.moc"
