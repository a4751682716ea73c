#include "ProgressEstimate.h"

#include <QtTest>

using herald::ProgressEstimate;
using Samples = QList<QPair<qint64, qint64>>; // (ms, done)

class TestProgressEstimate : public QObject
{
    Q_OBJECT

private slots:
    void rateAndEta_data();
    void rateAndEta();
    void rateFollowsTheRecentWindow();
    void formatDuration_data();
    void formatDuration();
};

void TestProgressEstimate::rateAndEta_data()
{
    QTest::addColumn<qint64>("total");
    QTest::addColumn<Samples>("samples");
    QTest::addColumn<double>("rate");
    QTest::addColumn<qint64>("eta");

    using S = Samples;
    QTest::newRow("no progress yet") << qint64(100) << S{} << 0.0 << qint64(-1);
    QTest::newRow("too soon to tell") << qint64(100) << S{{100, 10}} << 0.0 << qint64(-1);
    QTest::newRow("steady 10/s") << qint64(100) << S{{1000, 10}, {2000, 20}} << 10.0 << qint64(8000);
    QTest::newRow("total unknown") << qint64(-1) << S{{1000, 30}} << 30.0 << qint64(-1);
    QTest::newRow("done") << qint64(50) << S{{1000, 50}} << 50.0 << qint64(0);
}

void TestProgressEstimate::rateAndEta()
{
    QFETCH(qint64, total);
    QFETCH(Samples, samples);
    QFETCH(double, rate);
    QFETCH(qint64, eta);
    ProgressEstimate estimate;
    estimate.start(total);
    for (const auto &[ms, done] : samples)
        estimate.update(done, ms);
    QCOMPARE(estimate.ratePerSecond(), rate);
    QCOMPARE(estimate.etaMs(), eta);
}

void TestProgressEstimate::rateFollowsTheRecentWindow()
{
    // 60 s throttled at 1/s, then 10 s at 100/s: the rate is the recent one.
    ProgressEstimate estimate(10000);
    estimate.start(5000);
    qint64 done = 0;
    for (qint64 s = 1; s <= 60; ++s)
        estimate.update(done += 1, s * 1000);
    for (qint64 s = 61; s <= 70; ++s)
        estimate.update(done += 100, s * 1000);
    QCOMPARE(estimate.ratePerSecond(), 100.0);
    QCOMPARE(estimate.etaMs(), qint64((5000 - done) * 10));
    QVERIFY2(estimate.summary().contains(QStringLiteral("100/s")), qPrintable(estimate.summary()));
    QVERIFY2(estimate.summary().contains(QStringLiteral("left")), qPrintable(estimate.summary()));
}

void TestProgressEstimate::formatDuration_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("text");
    QTest::newRow("under a second rounds up") << qint64(1) << QStringLiteral("1 s");
    QTest::newRow("seconds") << qint64(42000) << QStringLiteral("42 s");
    QTest::newRow("minutes") << qint64(125000) << QStringLiteral("2 min 5 s");
    QTest::newRow("hours") << qint64(3600000 + 30 * 60000) << QStringLiteral("1 h 30 min");
}

void TestProgressEstimate::formatDuration()
{
    QFETCH(qint64, ms);
    QFETCH(QString, text);
    QCOMPARE(ProgressEstimate::formatDuration(ms), text);
}

QTEST_GUILESS_MAIN(TestProgressEstimate)
#include "tst_progressestimate.moc"
