// RatePlanner and the Graph request classifier, on an injected clock.

#include "graph/RateCategories.h"
#include "graph/RatePlanner.h"

#include <QRandomGenerator>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <deque>

using namespace herald::graph;

namespace {

// The server's view: a token bucket with one second of burst, as herald-sim
// and Graph apply it. Used to check the planner never provokes a 429.
struct ServerBucket
{
    double rate;
    double tokens;
    qint64 lastUs = 0;
    bool take(qint64 nowUs)
    {
        tokens = std::min(rate, tokens + double(nowUs - lastUs) * rate / 1e6);
        lastUs = nowUs;
        if (tokens >= 1.0 - 1e-9) {
            tokens -= 1.0;
            return true;
        }
        return false;
    }
};

} // namespace

class TestRatePlanner : public QObject
{
    Q_OBJECT

    qint64 m_now = 0;

    void attachClock(RatePlanner &planner)
    {
        m_now = 0;
        planner.setClock([this] { return m_now; });
        planner.setSafetyMargin(0, 0); // exact windows; the margin has its own test
    }

private slots:
    void classify_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QStringList>("keys");
        QTest::newRow("user installed apps GET")
            << QByteArray("GET") << "users/u1/teamwork/installedApps?$expand=teamsApp"
            << QStringList{rate::InstalledAppsGet};
        QTest::newRow("leading slash, case")
            << QByteArray("get") << "/users/u1/teamwork/INSTALLEDAPPS" << QStringList{rate::InstalledAppsGet};
        QTest::newRow("install POST") << QByteArray("POST") << "users/u1/teamwork/installedApps"
                                      << QStringList{rate::InstalledAppsPost};
        QTest::newRow("upgrade POST") << QByteArray("POST") << "users/u1/teamwork/installedApps/i1/upgrade"
                                      << QStringList{rate::InstalledAppsPost};
        QTest::newRow("uninstall DELETE") << QByteArray("DELETE") << "users/u1/teamwork/installedApps/i1"
                                          << QStringList{rate::InstalledAppsDelete};
        QTest::newRow("chat lookup") << QByteArray("GET") << "users/u1/teamwork/installedApps/i1/chat"
                                     << QStringList{rate::InstalledAppsGet};
        QTest::newRow("team install")
            << QByteArray("POST") << "teams/T1/installedApps"
            << QStringList{rate::InstalledAppsPost, rate::Team + QStringLiteral(":t1")};
        QTest::newRow("team members") << QByteArray("GET") << "/teams/t2/members"
                                      << QStringList{rate::OtherGet, rate::Team + QStringLiteral(":t2")};
        QTest::newRow("teams list") << QByteArray("GET") << "teams?$top=5" << QStringList{rate::OtherGet};
        QTest::newRow("users") << QByteArray("GET") << "users?$top=999" << QStringList{rate::OtherGet};
        QTest::newRow("absolute nextLink")
            << QByteArray("GET") << "https://graph.microsoft.com/v1.0/users?$skiptoken=x"
            << QStringList{rate::OtherGet};
        QTest::newRow("batch") << QByteArray("POST") << "$batch" << QStringList{};
        QTest::newRow("other write") << QByteArray("PATCH") << "groups/g1" << QStringList{rate::OtherWrite};
    }
    void classify()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, url);
        QFETCH(QStringList, keys);
        QCOMPARE(rate::classifyGraphRequest(method, url), keys);
    }

    void slidingWindowLimit()
    {
        RatePlanner planner;
        attachClock(planner);
        planner.defineClass(QStringLiteral("c"), {0, 0, {{30, 1000}}});
        const QStringList keys{QStringLiteral("c")};
        for (int i = 0; i < 30; ++i)
            QVERIFY(planner.tryAcquire(keys));
        QVERIFY(!planner.tryAcquire(keys));
        QCOMPARE(planner.delayUs(keys), qint64(1000000));
        m_now = 999999;
        QVERIFY(!planner.tryAcquire(keys));
        QCOMPARE(planner.delayUs(keys), qint64(1));
        m_now = 1000000;
        QVERIFY(planner.tryAcquire(keys));
        QCOMPARE(planner.acquiredCount(), qint64(31));
    }

    void bulkAcquire()
    {
        RatePlanner planner;
        attachClock(planner);
        planner.defineClass(QStringLiteral("c"), {0, 0, {{30, 1000}}});
        const QStringList keys{QStringLiteral("c")};
        QVERIFY(planner.tryAcquire(keys, 20));
        QVERIFY(!planner.tryAcquire(keys, 20)); // only 10 left: all or nothing
        QVERIFY(planner.tryAcquire(keys, 10));
        m_now = 500000;
        QVERIFY(!planner.tryAcquire(keys));
        QCOMPARE(planner.delayUs(keys), qint64(500000));
    }

    void timeScaleShortensWindows()
    {
        RatePlanner planner;
        attachClock(planner);
        planner.defineClass(QStringLiteral("c"), {0, 0, {{30, 1000}}});
        planner.setTimeScale(20);
        const QStringList keys{QStringLiteral("c")};
        for (int i = 0; i < 30; ++i)
            QVERIFY(planner.tryAcquire(keys));
        QCOMPARE(planner.delayUs(keys), qint64(50000)); // 1 s / 20
        QCOMPARE(planner.toRealMs(3000), qint64(150)); // Retry-After 3 s at K = 20
    }

    void teamAndCategoryTogether()
    {
        RatePlanner planner;
        attachClock(planner);
        rate::defineGraphClasses(planner);
        const QStringList teamA = rate::classifyGraphRequest("GET", QStringLiteral("teams/a/installedApps"));
        QCOMPARE(planner.burstFor(teamA), 2);
        QVERIFY(planner.tryAcquire(teamA));
        QVERIFY(planner.tryAcquire(teamA));
        QVERIFY(!planner.tryAcquire(teamA)); // the team's burst
        // The refused request took nothing from the category: 13 of 15 remain.
        for (int i = 0; i < 13; ++i) {
            const QStringList other
                = rate::classifyGraphRequest("GET", QStringLiteral("teams/t%1/installedApps").arg(i));
            QVERIFY(planner.tryAcquire(other));
        }
        QVERIFY(
            !planner.tryAcquire(rate::classifyGraphRequest("GET", QStringLiteral("teams/z/installedApps"))));
        // Other categories are independent.
        QVERIFY(planner.tryAcquire({rate::InstalledAppsPost}));
        // The team refills at 4/s.
        QCOMPARE(planner.delayUs(teamA), qint64(250000) + 1);
    }

    void multipleWindows()
    {
        // The Bot Connector's per-conversation limits, the reason for windows.
        RatePlanner planner;
        attachClock(planner);
        planner.defineClass(QStringLiteral("bot.conversation"), {0, 0, {{7, 1000}, {8, 2000}, {60, 30000}}});
        const QStringList conv{QStringLiteral("bot.conversation:19:a")};
        for (int i = 0; i < 7; ++i)
            QVERIFY(planner.tryAcquire(conv));
        QCOMPARE(planner.delayUs(conv), qint64(1000000));
        m_now = 1000000;
        QVERIFY(planner.tryAcquire(conv)); // 8 in 2 s
        QCOMPARE(planner.delayUs(conv), qint64(1000000)); // 9th only after the first 7 leave 2 s
        // A different conversation has its own windows.
        QVERIFY(planner.tryAcquire({QStringLiteral("bot.conversation:19:b")}));
    }

    void throttleFeedbackPausesBucket()
    {
        RatePlanner planner;
        attachClock(planner);
        rate::defineGraphClasses(planner);
        planner.setTimeScale(20);
        planner.reportThrottled({rate::InstalledAppsGet}, 2000); // Retry-After: 2
        QCOMPARE(planner.delayUs({rate::InstalledAppsGet}), qint64(100000));
        QVERIFY(!planner.tryAcquire({rate::InstalledAppsGet}));
        QVERIFY(planner.tryAcquire({rate::InstalledAppsPost}));
        // After the pause the bucket starts empty, as the service's does (the
        // refused requests counted against it): no burst straight into it.
        m_now = 100000;
        QVERIFY(!planner.tryAcquire({rate::InstalledAppsGet}));
        const double perToken = 1e6 / (30 * 20); // µs (no safety margin here)
        QVERIFY(qAbs(double(planner.delayUs({rate::InstalledAppsGet})) - perToken) <= 2);
        QVERIFY(qAbs(double(planner.delayUs({rate::InstalledAppsGet}, 15)) - 15 * perToken) <= 2);
        m_now = 100000 + qint64(15 * perToken) + 1;
        QVERIFY(planner.tryAcquire({rate::InstalledAppsGet}, 15));
    }

    void latenessRoomStaysBelowTheServiceSecond()
    {
        // At K = 100 the 10 ms lateness allowance is a whole service second
        // (30 tokens): the bucket must still stop halfway between its burst
        // and the service's own one second of rate, so jitter has room.
        RatePlanner planner;
        attachClock(planner);
        planner.setLatenessToleranceUs(10000);
        planner.defineClass(QStringLiteral("c"), {30, 15, {}});
        planner.setTimeScale(100);
        const QStringList keys{QStringLiteral("c")};
        QVERIFY(planner.tryAcquire(keys, 15));
        m_now = 60000000; // idle for a long time
        QCOMPARE(planner.delayUs(keys, 15), qint64(0));
        QVERIFY(planner.tryAcquire(keys, 15));
        QVERIFY(planner.delayUs(keys, 8) > 0); // 22.5 - 15 = 7.5 tokens left
        QVERIFY(planner.tryAcquire(keys, 7));
    }

    void disabledNeverWaits()
    {
        RatePlanner planner;
        attachClock(planner);
        rate::defineGraphClasses(planner);
        planner.setPacingEnabled(false);
        for (int i = 0; i < 1000; ++i)
            QVERIFY(planner.tryAcquire({rate::InstalledAppsGet}));
        QCOMPARE(planner.delayUs({rate::InstalledAppsGet}), qint64(0));
    }

    void unknownKeysAreFree()
    {
        RatePlanner planner;
        attachClock(planner);
        for (int i = 0; i < 100; ++i)
            QVERIFY(planner.tryAcquire({QStringLiteral("nobody.defined.this")}));
        QCOMPARE(planner.bucketCount(), 0);
    }

    void sustainedRateMatchesServerWithoutRefusals_data()
    {
        QTest::addColumn<int>("batch");
        QTest::newRow("single requests") << 1;
        QTest::newRow("batches of 20") << 20;
    }
    void sustainedRateMatchesServerWithoutRefusals()
    {
        // Drive the planner as a greedy client would for 20 simulated seconds
        // and feed every admitted request to a server-side token bucket: the
        // planner must reach the limit and never be refused.
        QFETCH(int, batch);
        RatePlanner planner;
        attachClock(planner);
        rate::defineGraphClasses(planner);
        ServerBucket server{30, 30};
        const QStringList keys{rate::InstalledAppsGet};
        qint64 admitted = 0;
        int refused = 0;
        while (m_now < 20000000) {
            int taken = 0;
            while (taken < batch && planner.tryAcquire(keys))
                ++taken;
            for (int i = 0; i < taken; ++i)
                refused += server.take(m_now) ? 0 : 1;
            admitted += taken;
            const qint64 wait = planner.delayUs(keys);
            m_now += std::max<qint64>(wait, 1000);
        }
        QCOMPARE(refused, 0);
        // 30/s for 20 s (less the 1 % safety margin), plus the first burst.
        QVERIFY2(admitted >= 20 * 30 * 0.98 && admitted <= 20 * 30 + 16,
                 qPrintable(QString::number(admitted)));
    }

    void tokenBucketPacing()
    {
        RatePlanner planner;
        attachClock(planner);
        planner.defineClass(QStringLiteral("c"), {30, 15, {}});
        const QStringList keys{QStringLiteral("c")};
        QCOMPARE(planner.burstFor(keys), 15);
        QVERIFY(planner.tryAcquire(keys, 15));
        QVERIFY(!planner.tryAcquire(keys));
        QCOMPARE(planner.delayUs(keys), qint64(1000000 / 30) + 1);
        QCOMPARE(planner.delayUs(keys, 15), qint64(500000) + 1);
        m_now = 500001;
        QVERIFY(planner.tryAcquire(keys, 15));
        QVERIFY(!planner.tryAcquire(keys));
        // Idle for long: the bucket holds one burst, no more.
        m_now = 60000000;
        QVERIFY(planner.tryAcquire(keys, 15));
        QVERIFY(!planner.tryAcquire(keys));
    }

    void latenessDoesNotCostRate()
    {
        // A caller that wakes 5 ms late keeps the refill of those 5 ms: the
        // next batch is due 5 ms sooner, so the average rate stays exact.
        RatePlanner planner;
        attachClock(planner);
        planner.setLatenessToleranceUs(10000);
        planner.defineClass(QStringLiteral("c"), {30, 15, {}});
        const QStringList keys{QStringLiteral("c")};
        QVERIFY(planner.tryAcquire(keys, 15));
        m_now = 500001 + 5000;
        QVERIFY(planner.tryAcquire(keys, 15));
        QVERIFY(qAbs(planner.delayUs(keys, 15) - 495000) <= 2); // not 500000
        // Beyond the tolerance the refill is lost (no unbounded catch-up).
        m_now = 10000000;
        QVERIFY(planner.tryAcquire(keys, 15));
        QVERIFY(planner.delayUs(keys, 15) >= 490000 - 2); // kept only 10 ms of refill (0.3 tokens)
    }

    void batchesToleratePlannedJitter()
    {
        // Batches at K = 20 leave up to 5 ms late and arrive at the server
        // with up to 10 ms of random extra latency (the server's token
        // bucket: 30 burst, 600/s). With bursts of 15 the server always keeps
        // spare tokens: no refusal, and the lateness costs no rate.
        RatePlanner planner;
        attachClock(planner);
        rate::defineGraphClasses(planner);
        planner.setTimeScale(20);
        const QStringList keys{rate::InstalledAppsGet};
        QList<QPair<qint64, int>> arrivals;
        QRandomGenerator random(7);
        qint64 admitted = 0;
        while (m_now < 2000000) { // 2 s real = 40 service seconds
            const int batch = planner.burstFor(keys);
            const qint64 wait = planner.delayUs(keys, batch);
            if (wait > 0) {
                m_now += wait + qint64(random.bounded(5000)); // the caller wakes up late
                continue;
            }
            QVERIFY(planner.tryAcquire(keys, batch));
            admitted += batch;
            arrivals.append({m_now + qint64(random.bounded(10000)), batch});
        }
        std::sort(arrivals.begin(), arrivals.end());
        ServerBucket server{600, 30};
        int refused = 0;
        for (const auto &[time, count] : arrivals) {
            for (int i = 0; i < count; ++i)
                refused += server.take(time) ? 0 : 1;
        }
        QCOMPARE(refused, 0);
        // ... at the full rate (600/s real for 2 s, less the 1 % safety margin).
        QVERIFY2(admitted >= 1170, qPrintable(QString::number(admitted)));
    }

    void safetyMarginStretchesWindows()
    {
        RatePlanner planner;
        attachClock(planner);
        planner.defineClass(QStringLiteral("c"), {0, 0, {{10, 1000}}});
        planner.setTimeScale(10);
        planner.setSafetyMargin(0.1, 2000);
        QVERIFY(planner.tryAcquire({QStringLiteral("c")}, 10));
        QCOMPARE(planner.delayUs({QStringLiteral("c")}), qint64(100000 * 1.1 + 2000));
    }

    void forgetsIdleTeamBuckets()
    {
        RatePlanner planner;
        attachClock(planner);
        rate::defineGraphClasses(planner);
        for (int i = 0; i < 5000; ++i)
            QVERIFY(planner.tryAcquire({rate::Team + QStringLiteral(":t%1").arg(i)}));
        QVERIFY(planner.bucketCount() >= 4096);
        m_now = 2000000; // every window expired
        QVERIFY(planner.tryAcquire({rate::Team + QStringLiteral(":fresh")}));
        QVERIFY2(planner.bucketCount() < 10, qPrintable(QString::number(planner.bucketCount())));
    }
};

QTEST_GUILESS_MAIN(TestRatePlanner)
#include "tst_rateplanner.moc"
