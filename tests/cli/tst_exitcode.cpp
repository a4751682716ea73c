#include "cli/ExitCode.h"

#include <QTest>

using namespace herald::cli;

class TestExitCode : public QObject
{
    Q_OBJECT

private slots:
    void values();
    void outcome_data();
    void outcome();
    void countsOrder();
    void interruptWins_data();
    void interruptWins();
};

void TestExitCode::values()
{
    // CLI.md "Exit codes": scripts rely on these numbers.
    QCOMPARE(toInt(ExitCode::Success), 0);
    QCOMPARE(toInt(ExitCode::SomeFailed), 1);
    QCOMPARE(toInt(ExitCode::Usage), 2);
    QCOMPARE(toInt(ExitCode::Auth), 3);
    QCOMPARE(toInt(ExitCode::Interrupted), 4);
}

void TestExitCode::outcome_data()
{
    QTest::addColumn<QStringList>("states");
    QTest::addColumn<QStringList>("success");
    QTest::addColumn<int>("expected");

    const QStringList install{QStringLiteral("installed"), QStringLiteral("already_installed")};
    const QStringList status{QStringLiteral("installed"), QStringLiteral("not_installed")};
    QTest::newRow("no records") << QStringList() << install << 0;
    QTest::newRow("all installed") << QStringList{"installed", "already_installed", "installed"} << install
                                   << 0;
    QTest::newRow("one blocked") << QStringList{"installed", "blocked", "installed"} << install << 1;
    QTest::newRow("not_found fails install") << QStringList{"not_found"} << install << 1;
    QTest::newRow("status: not_installed is an answer")
        << QStringList{"installed", "not_installed"} << status << 0;
    QTest::newRow("status: error") << QStringList{"installed", "error"} << status << 1;
    QTest::newRow("send: unconfirmed is not success")
        << QStringList{"sent", "unconfirmed"} << QStringList{"sent"} << 1;
}

void TestExitCode::outcome()
{
    QFETCH(QStringList, states);
    QFETCH(QStringList, success);
    QFETCH(int, expected);
    StateTally tally;
    for (const QString &state : states)
        tally.add(state);
    QCOMPARE(tally.total(), states.size());
    QCOMPARE(toInt(tally.outcome(success)), expected);
}

void TestExitCode::countsOrder()
{
    StateTally tally;
    for (const char *state : {"failed", "installed", "weird", "installed", "failed", "installed"})
        tally.add(QLatin1String(state));
    QCOMPARE(tally.count(QStringLiteral("installed")), 3);
    QCOMPARE(tally.count(QStringLiteral("absent")), 0);

    // Documented order first, states never seen left out, others as first seen.
    const auto counts
        = tally.counts({QStringLiteral("installed"), QStringLiteral("blocked"), QStringLiteral("failed")});
    QCOMPARE(counts.size(), 3);
    QCOMPARE(counts[0], qMakePair(QStringLiteral("installed"), 3));
    QCOMPARE(counts[1], qMakePair(QStringLiteral("failed"), 2));
    QCOMPARE(counts[2], qMakePair(QStringLiteral("weird"), 1));

    const auto seen = tally.counts();
    QCOMPARE(seen[0].first, QStringLiteral("failed"));
}

void TestExitCode::interruptWins_data()
{
    QTest::addColumn<int>("command");
    QTest::addColumn<bool>("interrupted");
    QTest::addColumn<int>("expected");
    for (int code = 0; code <= 4; ++code) {
        QTest::addRow("code %d, not interrupted", code) << code << false << code;
        QTest::addRow("code %d, interrupted", code) << code << true << 4;
    }
}

void TestExitCode::interruptWins()
{
    QFETCH(int, command);
    QFETCH(bool, interrupted);
    QFETCH(int, expected);
    QCOMPARE(toInt(finalExitCode(static_cast<ExitCode>(command), interrupted)), expected);
}

QTEST_GUILESS_MAIN(TestExitCode)
#include "tst_exitcode.moc"
