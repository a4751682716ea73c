#include "cli/ProgressFormat.h"
#include "cli/ProgressReporter.h"

#include <QTest>
#include <QTextStream>

using namespace herald::cli;

namespace {

struct Harness
{
    qint64 now = 1000;
    QString text;
    QTextStream err{&text};
    ProgressReporter reporter;

    explicit Harness(ProgressReporter::Mode mode)
        : reporter(err, mode, [this] { return now; })
    {
    }
    QString output()
    {
        err.flush();
        return text;
    }
};

} // namespace

class TestProgressReporter : public QObject
{
    Q_OBJECT

private slots:
    void count_data();
    void count();
    void rate_data();
    void rate();
    void duration_data();
    void duration();
    void eta_data();
    void eta();
    void line();
    void summary();
    void terminalRedrawsInPlaceAndThrottles();
    void plainLinesAreOccasional();
    void silentPrintsOnlySummary();
    void rateIsRecent();
    void hideAndShow();
};

void TestProgressReporter::count_data()
{
    QTest::addColumn<qint64>("n");
    QTest::addColumn<QString>("text");
    QTest::newRow("0") << qint64(0) << "0";
    QTest::newRow("999") << qint64(999) << "999";
    QTest::newRow("1000") << qint64(1000) << "1,000";
    QTest::newRow("1234567") << qint64(1234567) << "1,234,567";
    QTest::newRow("negative") << qint64(-12345) << "-12,345";
}

void TestProgressReporter::count()
{
    QFETCH(qint64, n);
    QFETCH(QString, text);
    QCOMPARE(progress::count(n), text);
}

void TestProgressReporter::rate_data()
{
    QTest::addColumn<double>("perSecond");
    QTest::addColumn<QString>("text");
    QTest::newRow("none") << 0.0 << "0/s";
    QTest::newRow("slow") << 0.44 << "0.4/s";
    QTest::newRow("graph quota") << 29.84 << "29.8/s";
    QTest::newRow("fast") << 312.4 << "312/s";
    QTest::newRow("very fast") << 1499.6 << "1,500/s";
}

void TestProgressReporter::rate()
{
    QFETCH(double, perSecond);
    QFETCH(QString, text);
    QCOMPARE(progress::rate(perSecond), text);
}

void TestProgressReporter::duration_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("0") << qint64(0) << "0s";
    QTest::newRow("45") << qint64(45) << "45s";
    QTest::newRow("185") << qint64(185) << "3m 05s";
    QTest::newRow("7620") << qint64(7620) << "2h 07m";
    QTest::newRow("negative") << qint64(-3) << "0s";
}

void TestProgressReporter::duration()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    QCOMPARE(progress::duration(seconds), text);
}

void TestProgressReporter::eta_data()
{
    QTest::addColumn<qint64>("done");
    QTest::addColumn<qint64>("total");
    QTest::addColumn<double>("rate");
    QTest::addColumn<qint64>("eta"); // -1 = unknown
    QTest::newRow("10k at 30/s") << qint64(0) << qint64(10000) << 30.0 << qint64(334);
    QTest::newRow("half done") << qint64(1000) << qint64(2000) << 50.0 << qint64(20);
    QTest::newRow("done") << qint64(2000) << qint64(2000) << 50.0 << qint64(0);
    QTest::newRow("no total") << qint64(5) << qint64(-1) << 50.0 << qint64(-1);
    QTest::newRow("no rate yet") << qint64(0) << qint64(100) << 0.0 << qint64(-1);
}

void TestProgressReporter::eta()
{
    QFETCH(qint64, done);
    QFETCH(qint64, total);
    QFETCH(double, rate);
    QFETCH(qint64, eta);
    progress::Snapshot s;
    s.done = done;
    s.total = total;
    s.ratePerSecond = rate;
    const auto got = progress::etaSeconds(s);
    QCOMPARE(got.value_or(-1), eta);
}

void TestProgressReporter::line()
{
    progress::Snapshot s;
    s.done = 1234;
    s.total = 2000;
    s.ratePerSecond = 29.8;
    QCOMPARE(progress::line(QStringLiteral("status"), s),
             QStringLiteral("status  1,234/2,000 (61%)  29.8/s  ETA 26s"));
    s.total = -1;
    QCOMPARE(progress::line(QStringLiteral("status"), s), QStringLiteral("status  1,234  29.8/s"));
    s.ratePerSecond = 0;
    s.total = 10;
    s.done = 0;
    QCOMPARE(progress::line(QString(), s), QStringLiteral("0/10 (0%)"));
}

void TestProgressReporter::summary()
{
    const QList<QPair<QString, int>> counts{{QStringLiteral("installed"), 600},
                                            {QStringLiteral("not_installed"), 1380},
                                            {QStringLiteral("not_found"), 20}};
    QCOMPARE(
        progress::summary(QStringLiteral("status"), 2000, 67000, counts, false),
        QStringLiteral("status: 2,000 in 1m 07s (29.9/s): installed 600, not_installed 1,380, not_found 20"));
    QCOMPARE(progress::summary(QStringLiteral("send"), 3, 2000, {{QStringLiteral("sent"), 3}}, true),
             QStringLiteral("send: interrupted after 3 in 2s (1.5/s): sent 3"));
}

void TestProgressReporter::terminalRedrawsInPlaceAndThrottles()
{
    Harness h(ProgressReporter::Mode::Terminal);
    h.reporter.setLabel(QStringLiteral("install"));
    h.reporter.setTotal(100);
    // 50 records within 100 ms: at most one redraw (interval 200 ms).
    for (int i = 0; i < 50; ++i) {
        h.now += 2;
        h.reporter.advance(QStringLiteral("installed"));
    }
    QCOMPARE(h.reporter.redrawCount(), 0);
    h.now += ProgressReporter::kTerminalIntervalMs;
    h.reporter.advance(QStringLiteral("installed"));
    QCOMPARE(h.reporter.redrawCount(), 1);
    // 2 s of one record per 10 ms: about 10 redraws, never more than 5 per second.
    for (int i = 0; i < 200; ++i) {
        h.now += 10;
        h.reporter.advance(i % 10 == 0 ? QStringLiteral("failed") : QStringLiteral("installed"));
    }
    QVERIFY2(h.reporter.redrawCount() <= 1 + 2 * 5, qPrintable(QString::number(h.reporter.redrawCount())));
    QVERIFY(h.reporter.redrawCount() >= 8);

    const QString out = h.output();
    QVERIFY(out.startsWith(QLatin1String("\r\x1b[K")));
    QVERIFY(!out.contains(QLatin1Char('\n'))); // redrawn in place
    QVERIFY(out.contains(QLatin1String("install  ")));
    QVERIFY(out.contains(QLatin1String("/100 (")));

    h.reporter.finish(false);
    const QString done = h.output();
    QVERIFY(done.endsWith(QLatin1String("\n")));
    const QString last = done.section(QLatin1String("\r\x1b[K"), -1);
    QVERIFY2(last.startsWith(QLatin1String("install: 251 in ")), qPrintable(last));
    QVERIFY2(last.contains(QLatin1String("installed 231, failed 20")), qPrintable(last));
    h.reporter.finish(false); // idempotent
    QCOMPARE(h.output(), done);
}

void TestProgressReporter::plainLinesAreOccasional()
{
    Harness h(ProgressReporter::Mode::Lines);
    h.reporter.setTotal(1000);
    for (int i = 0; i < 1000; ++i) {
        h.now += 30; // 30 s in all
        h.reporter.advance(QStringLiteral("sent"));
    }
    QCOMPARE(h.reporter.redrawCount(), 2); // every 10 s: at 10 s and 20 s (30 s ends exactly)
    const QString out = h.output();
    QVERIFY(!out.contains(QLatin1Char('\r')));
    QVERIFY(!out.contains(QLatin1String("\x1b")));
    QCOMPARE(out.count(QLatin1Char('\n')), 2);
    h.reporter.finish(false);
    QVERIFY(h.output().endsWith(QLatin1String("sent 1,000\n")));
}

void TestProgressReporter::silentPrintsOnlySummary()
{
    Harness h(ProgressReporter::Mode::Silent);
    h.reporter.setTotal(10);
    for (int i = 0; i < 10; ++i) {
        h.now += 5000;
        h.reporter.advance(QStringLiteral("sent"));
    }
    QVERIFY(h.output().isEmpty());
    h.reporter.finish(true);
    QVERIFY(h.output().contains(QLatin1String("interrupted after 10")));
    QCOMPARE(h.output().count(QLatin1Char('\n')), 1);
}

void TestProgressReporter::rateIsRecent()
{
    Harness h(ProgressReporter::Mode::Silent);
    h.reporter.setTotal(10000);
    // 20 s at 10/s, then 20 s at 50/s: the rate follows the recent pace.
    for (int i = 0; i < 200; ++i) {
        h.now += 100;
        h.reporter.advance(QStringLiteral("installed"));
    }
    QVERIFY(qAbs(h.reporter.snapshot().ratePerSecond - 10.0) < 0.5);
    for (int i = 0; i < 1000; ++i) {
        h.now += 20;
        h.reporter.advance(QStringLiteral("installed"));
    }
    const progress::Snapshot s = h.reporter.snapshot();
    QVERIFY2(qAbs(s.ratePerSecond - 50.0) < 2.5, qPrintable(QString::number(s.ratePerSecond)));
    QCOMPARE(s.done, qint64(1200));
    QCOMPARE(s.elapsedMs, qint64(40000));
    // ETA from the recent rate: 8,800 left at ~50/s.
    const auto eta = progress::etaSeconds(s);
    QVERIFY(eta && *eta >= 168 && *eta <= 186);
}

void TestProgressReporter::hideAndShow()
{
    Harness h(ProgressReporter::Mode::Terminal);
    h.reporter.setTotal(10);
    h.now += 500;
    h.reporter.advance(QStringLiteral("installed"));
    QCOMPARE(h.reporter.redrawCount(), 1);
    const int before = int(h.output().size());
    h.reporter.hideLine();
    QCOMPARE(h.output().mid(before), QStringLiteral("\r\x1b[K"));
    h.reporter.hideLine(); // nothing visible: nothing written
    QCOMPARE(int(h.output().size()), before + 4);
    h.reporter.showLine();
    QCOMPARE(h.reporter.redrawCount(), 2);
    QVERIFY(h.output().endsWith(QLatin1String("1/10 (10%)")));
}

QTEST_GUILESS_MAIN(TestProgressReporter)
#include "tst_progressreporter.moc"
