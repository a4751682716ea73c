// The documented per-app limits (API-NOTES "Throttling") on the simulated Graph.

#include "SimFixture.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

using namespace herald::test;

namespace {

struct Tally
{
    int ok = 0;
    int throttled = 0;
    int maxRetryAfter = 0;
    bool wellFormed429 = true;
};

Tally tally(const QList<ProbeReply> &replies)
{
    Tally t;
    for (const ProbeReply &r : replies) {
        if (r.status == 429) {
            ++t.throttled;
            bool ok = false;
            const int retryAfter = r.header("retry-after").toInt(&ok);
            t.wellFormed429 = t.wellFormed429 && ok && retryAfter >= 1
                && r.errorCode() == QLatin1String("TooManyRequests");
            t.maxRetryAfter = std::max(t.maxRetryAfter, retryAfter);
        } else if (r.status >= 200 && r.status < 500 && r.status != 401) {
            ++t.ok;
        }
    }
    return t;
}

} // namespace

class TestSimThrottling : public QObject
{
    Q_OBJECT

private slots:
    void burstPastThirtyIsThrottled()
    {
        SimFixture sim;
        QVERIFY(sim.start());
        sim.probe().setBearer(sim.graphToken());
        const Tally t
            = tally(sim.probe().sendAll(repeat(sim.graph(QStringLiteral("/users?$top=1&$select=id")), 70)));
        QVERIFY2(t.throttled >= 10, qPrintable(QString::number(t.throttled)));
        QVERIFY2(t.ok >= 30, qPrintable(QString::number(t.ok)));
        QVERIFY(t.wellFormed429);
        const QJsonObject stats = sim.statsOverHttp();
        QCOMPARE(
            stats.value(QStringLiteral("throttled")).toObject().value(QStringLiteral("graph.get")).toInt(),
            t.throttled);
    }

    void pacingAtTheLimitIsNeverThrottled()
    {
        SimFixture sim;
        QVERIFY(sim.start());
        sim.probe().setBearer(sim.graphToken());
        // 60 requests at 25/s (under the 30/s limit) spread over 2.4 s.
        QElapsedTimer clock;
        clock.start();
        int throttled = 0;
        for (int i = 0; i < 60; ++i) {
            const qint64 due = i * 40;
            if (clock.elapsed() < due)
                QTest::qWait(int(due - clock.elapsed())); // pacing, not synchronisation
            throttled += sim.probe().get(sim.graph(QStringLiteral("/users?$top=1&$select=id"))).status == 429;
        }
        QCOMPARE(throttled, 0);
    }

    void hammeringKeepsYouThrottled()
    {
        SimFixture sim;
        QVERIFY(sim.start());
        sim.probe().setBearer(sim.graphToken());
        const QUrl url = sim.graph(QStringLiteral("/users?$top=1&$select=id"));
        sim.probe().sendAll(repeat(url, 100));
        // The refused requests put the bucket into debt: right after, still refused,
        // and Retry-After says so.
        const ProbeReply next = sim.probe().get(url);
        QCOMPARE(next.status, 429);
        const int retryAfter = next.header("retry-after").toInt();
        QVERIFY(retryAfter >= 1 && retryAfter <= 3);
        // Honouring Retry-After (and not polling meanwhile) is enough.
        QTest::qWait(retryAfter * 1000);
        QCOMPARE(sim.probe().get(url).status, 200);
    }

    void installedAppsHaveTheirOwnLimits()
    {
        SimFixture sim;
        QVERIFY(sim.start());
        sim.probe().setBearer(sim.graphToken());
        const QString user = sim.tenant().user(0).id;
        // DELETE: 15/s. Unknown installations still count (they reach the service).
        const Tally deletes = tally(sim.probe().sendAll(repeat(
            sim.graph(QStringLiteral("/users/%1/teamwork/installedApps/bm9uZQ==").arg(user)), 40, "DELETE")));
        QVERIFY2(deletes.ok >= 15 && deletes.ok <= 24, qPrintable(QString::number(deletes.ok)));
        QVERIFY(deletes.throttled >= 16);
        // GETs of installedApps are a separate bucket from other GETs.
        const Tally gets = tally(sim.probe().sendAll(
            repeat(sim.graph(QStringLiteral("/users/%1/teamwork/installedApps").arg(user)), 25)));
        QCOMPARE(gets.throttled, 0);
        const Tally users
            = tally(sim.probe().sendAll(repeat(sim.graph(QStringLiteral("/users?$top=1")), 25)));
        QCOMPARE(users.throttled, 0);
    }

    void anyOneTeamIsFourPerSecond()
    {
        SimFixture sim;
        QVERIFY(sim.start());
        sim.probe().setBearer(sim.graphToken());
        const QString team = sim.tenant().group(sim.tenant().teams().first()).id;
        const QString other = sim.tenant().group(sim.tenant().teams().last()).id;
        const Tally t
            = tally(sim.probe().sendAll(repeat(sim.graph(QStringLiteral("/teams/%1").arg(team)), 12)));
        QVERIFY2(t.ok >= 4 && t.ok <= 6, qPrintable(QString::number(t.ok)));
        QVERIFY(t.wellFormed429);
        // Another team is not affected.
        QCOMPARE(sim.probe().get(sim.graph(QStringLiteral("/teams/%1").arg(other))).status, 200);
        QVERIFY(sim.statsOverHttp()
                    .value(QStringLiteral("throttledByLimit"))
                    .toObject()
                    .value(QStringLiteral("team"))
                    .toInt()
                > 0);
    }

    void timeScaleRunsLimitsFaster()
    {
        auto options = SimFixture::defaultOptions();
        options.timeScale = 10; // 300 requests per real second; Retry-After still in simulated seconds
        SimFixture sim(options);
        QVERIFY(sim.start());
        sim.probe().setBearer(sim.graphToken());
        const QUrl url = sim.graph(QStringLiteral("/users?$top=1&$select=id"));
        ProbeReply r;
        int sent = 0;
        while ((r = sim.probe().get(url)).status != 429 && sent < 2000)
            ++sent;
        QCOMPARE(r.status, 429);
        const int retryAfter = r.header("retry-after").toInt();
        QVERIFY(retryAfter >= 1);
        // Waiting Retry-After simulated seconds takes a tenth of that in real time.
        QTest::qWait(retryAfter * 1000 / 10 + 20);
        QCOMPARE(sim.probe().get(url).status, 200);
        QCOMPARE(sim.statsOverHttp().value(QStringLiteral("timeScale")).toDouble(), 10.0);
    }

    void noThrottlingOption()
    {
        auto options = SimFixture::defaultOptions();
        options.throttling = false;
        SimFixture sim(options);
        QVERIFY(sim.start());
        sim.probe().setBearer(sim.graphToken());
        QCOMPARE(tally(sim.probe().sendAll(repeat(sim.graph(QStringLiteral("/users?$top=1")), 80))).throttled,
                 0);
    }

    void simEndpointsAreNotThrottled()
    {
        SimFixture sim;
        QVERIFY(sim.start());
        QCOMPARE(tally(sim.probe().sendAll(repeat(sim.simUrl(QStringLiteral("/stats")), 60))).throttled, 0);
    }

private:
    static QList<ProbeRequest> repeat(const QUrl &url, int n, const QByteArray &verb = "GET")
    {
        QList<ProbeRequest> requests;
        for (int i = 0; i < n; ++i)
            requests.append({verb, url, {}, {}});
        return requests;
    }
};

QTEST_GUILESS_MAIN(TestSimThrottling)
#include "tst_simthrottling.moc"
