// StatusSweep against the simulated tenant: every state matches the tenant's
// own data, requests go out batched and paced, input is pulled in bounded
// chunks, and an abort stops everything.

#include "InstallKit.h"
#include "install/RecipientFeed.h"
#include "install/StatusSweep.h"
#include "sim/Tenant.h"

#include <QTest>

using namespace herald;
using namespace herald::install;
using herald::test::InstallKit;
using herald::test::runPipeline;

namespace {

// A list feed that records how far input ran ahead of the results.
// Counts what the pipeline asks for. The counters live with the test: the
// feed goes away with its pipeline when the run ends.
struct FeedCounts
{
    int fetches = 0;
    int largestAsk = 0;
};

class CountingFeed : public ListRecipientFeed
{
public:
    CountingFeed(RecipientList recipients, FeedCounts *counts)
        : ListRecipientFeed(std::move(recipients))
        , m_counts(counts)
    {
    }
    void fetchMore(int count) override
    {
        ++m_counts->fetches;
        m_counts->largestAsk = std::max(m_counts->largestAsk, count);
        ListRecipientFeed::fetchMore(count);
    }

private:
    FeedCounts *m_counts;
};

} // namespace

class TestStatusSweep : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_kit.start()); }

    void statesMatchTheTenant()
    {
        sim::Tenant &tenant = m_kit.tenant();
        RecipientList recipients = m_kit.allUsers();
        recipients.append(InstallKit::unknownUser(QStringLiteral("nobody@contoso.onmicrosoft.com")));
        const qint64 getsBefore = m_kit.served(QStringLiteral("installedApps.get"));

        auto *sweep = new StatusSweep(m_kit.client(), new ListRecipientFeed(recipients), m_kit.appId());
        const auto run = runPipeline(sweep);
        QVERIFY2(!run.error.isError(), qPrintable(run.error.toString()));
        QCOMPARE(run.results.size(), recipients.size());

        const auto byId = run.byId();
        int installed = 0;
        for (int i = 0; i < tenant.userCount(); ++i) {
            const sim::SimUser &u = tenant.user(i);
            QVERIFY2(byId.contains(u.id), qPrintable(u.id));
            const RecipientResult r = byId.value(u.id);
            if (!u.teamsLicensed) {
                QCOMPARE(toName(r.outcome), QStringLiteral("not_found"));
                QVERIFY(!r.detail.isEmpty());
            } else if (m_kit.hasOrgApp(i)) {
                ++installed;
                QCOMPARE(toName(r.outcome), QStringLiteral("installed"));
                QCOMPARE(r.installationId, sim::Tenant::installationId(u.id, m_kit.appId()));
            } else {
                QCOMPARE(toName(r.outcome), QStringLiteral("not_installed"));
                QVERIFY(r.installationId.isEmpty());
            }
        }
        QVERIFY(installed > 0);
        const RecipientResult unknown = byId.value(QStringLiteral("nobody@contoso.onmicrosoft.com"));
        QCOMPARE(unknown.outcome, Outcome::NotFound);
        QVERIFY(unknown.detail.contains(QLatin1String("nobody@")));

        // One status request per resolved user, sent batched, none throttled.
        QCOMPARE(m_kit.served(QStringLiteral("installedApps.get")) - getsBefore, qint64(tenant.userCount()));
        QByteArray why;
        QVERIFY2(m_kit.throttlingWithinTarget(&why), why.constData());
    }

    void teamsMatchTheTenant()
    {
        sim::Tenant &tenant = m_kit.tenant();
        const RecipientList teams = m_kit.allTeams();
        QVERIFY(!teams.isEmpty());
        auto *sweep = new StatusSweep(m_kit.client(), new ListRecipientFeed(teams), m_kit.appId());
        const auto run = runPipeline(sweep);
        QVERIFY2(!run.error.isError(), qPrintable(run.error.toString()));
        QCOMPARE(run.results.size(), teams.size());
        for (const RecipientResult &r : run.results) {
            const int group = tenant.findTeam(r.recipient.id);
            QVERIFY(group >= 0);
            const bool has = tenant.teamInstallOf(group, tenant.orgApp()) >= 0;
            QCOMPARE(r.outcome, has ? Outcome::Installed : Outcome::NotInstalled);
            QCOMPARE(r.recipient.kind, RecipientKind::Team);
        }
    }

    void inputIsPulledInBoundedChunks()
    {
        // 2,000 recipients (the tenant's users ten times over): the sweep
        // must never ask for more than its buffer, and results stream while
        // input is still coming.
        RecipientList recipients;
        for (int round = 0; round < 10; ++round)
            recipients += m_kit.allUsers();
        FeedCounts counts;
        auto *feed = new CountingFeed(recipients, &counts);
        auto *sweep = new StatusSweep(m_kit.client(), feed, m_kit.appId());
        int maxAhead = 0;
        qint64 firstResultAt = -1;
        int fetchesAtFirstResult = 0;
        connect(sweep, &RecipientPipeline::resultReady, this, [&] {
            if (firstResultAt < 0) {
                firstResultAt = sweep->done();
                fetchesAtFirstResult = counts.fetches;
            }
        });
        connect(sweep, &RecipientPipeline::progress, this, [&](qint64 done, qint64 total) {
            QCOMPARE(total, qint64(recipients.size()));
            Q_UNUSED(done)
        });
        // How many recipients were handed out but not yet answered.
        qint64 handedOut = 0;
        connect(feed, &RecipientFeed::chunk, this, [&](const RecipientList &chunk) {
            handedOut += chunk.size();
            maxAhead = std::max<int>(maxAhead, int(handedOut - sweep->done()));
        });
        const auto run = runPipeline(sweep, 120000);
        QVERIFY2(!run.error.isError(), qPrintable(run.error.toString()));
        QCOMPARE(run.results.size(), recipients.size());
        QVERIFY2(maxAhead <= 400, qPrintable(QString::number(maxAhead)));
        QVERIFY(counts.largestAsk <= 400);
        QVERIFY(counts.fetches > 5); // pulled many times, not once
        QVERIFY(fetchesAtFirstResult < counts.fetches);
    }

    void abortStopsEverything()
    {
        RecipientList recipients;
        for (int round = 0; round < 5; ++round)
            recipients += m_kit.allUsers();
        auto *sweep = new StatusSweep(m_kit.client(), new ListRecipientFeed(recipients), m_kit.appId());
        sweep->setAutoDelete(false);
        int results = 0;
        int afterAbort = 0;
        bool aborted = false;
        int finishedCount = 0;
        connect(sweep, &RecipientPipeline::resultReady, this, [&] {
            ++results;
            if (aborted)
                ++afterAbort;
            else if (results == 30) {
                aborted = true;
                sweep->abort();
            }
        });
        connect(sweep, &graph::Job::finished, this, [&] { ++finishedCount; });
        sweep->start();
        QTRY_VERIFY_WITH_TIMEOUT(aborted, 30000);
        QCOMPARE(finishedCount, 1);
        QCOMPARE(sweep->error().kind, graph::GraphError::Kind::Cancelled);
        // Let the simulator answer everything that was in flight: late
        // answers must be dropped, and nothing new may be sent.
        const qint64 batches = m_kit.stat(QStringLiteral("requests/batch"));
        QTRY_COMPARE_WITH_TIMEOUT(m_kit.stat(QStringLiteral("inFlight")), qint64(0), 10000);
        QCoreApplication::processEvents();
        QCOMPARE(afterAbort, 0);
        QCOMPARE(finishedCount, 1);
        QVERIFY(results < recipients.size());
        QVERIFY(m_kit.stat(QStringLiteral("requests/batch")) - batches <= 4); // at most what was in flight
        delete sweep;
    }

    void missingPermissionStopsWithHint()
    {
        sim::SimOptions options = InstallKit::options(30);
        options.roles = QStringList{QStringLiteral("User.Read.All")};
        InstallKit kit(options);
        QVERIFY(kit.start());
        auto *sweep = new StatusSweep(kit.client(), new ListRecipientFeed(kit.allUsers()), kit.appId());
        const auto run = runPipeline(sweep);
        QCOMPARE(run.error.kind, graph::GraphError::Kind::Auth);
        QCOMPARE(run.error.httpStatus, 403);
        QVERIFY2(run.error.hint.contains(QLatin1String("TeamsAppInstallation.ReadWriteSelfForUser.All")),
                 qPrintable(run.error.hint));
    }

private:
    InstallKit m_kit;
};

QTEST_GUILESS_MAIN(TestStatusSweep)
#include "tst_statussweep.moc"
