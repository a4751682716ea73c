// RetryPolicy: Retry-After parsing and bounded, jittered backoff.

#include "graph/RetryPolicy.h"

#include <QTest>

using namespace herald::graph;

class TestRetryPolicy : public QObject
{
    Q_OBJECT

private slots:
    void parseRetryAfter_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<qint64>("expected"); // -1 = not parseable
        QTest::newRow("seconds") << QByteArray("3") << qint64(3000);
        QTest::newRow("spaces") << QByteArray(" 10 ") << qint64(10000);
        QTest::newRow("fraction") << QByteArray("1.5") << qint64(1500);
        QTest::newRow("zero") << QByteArray("0") << qint64(0);
        QTest::newRow("negative") << QByteArray("-4") << qint64(0);
        QTest::newRow("http date") << QByteArray("Wed, 21 Oct 2015 07:28:30 GMT") << qint64(30000);
        QTest::newRow("past date") << QByteArray("Wed, 21 Oct 2015 07:27:00 GMT") << qint64(0);
        QTest::newRow("empty") << QByteArray() << qint64(-1);
        QTest::newRow("garbage") << QByteArray("soon") << qint64(-1);
    }
    void parseRetryAfter()
    {
        QFETCH(QByteArray, value);
        QFETCH(qint64, expected);
        const QDateTime now(QDate(2015, 10, 21), QTime(7, 28, 0), Qt::UTC);
        const auto parsed = parseRetryAfterMs(value, now);
        QCOMPARE(parsed.value_or(-1), expected);
    }

    void retryAfterWinsOverBackoff()
    {
        RetryPolicy policy;
        QCOMPARE(policy.delayMs(1, "7"), qint64(7000));
        QCOMPARE(policy.delayMs(4, "0"), qint64(0));
    }

    void backoffIsExponentialJitteredAndCapped()
    {
        RetryPolicy policy;
        policy.baseBackoffMs = 100;
        policy.maxBackoffMs = 1000;
        for (int attempt = 1; attempt <= 8; ++attempt) {
            const qint64 ceiling = std::min<qint64>(100LL << (attempt - 1), 1000);
            qint64 lowest = ceiling;
            qint64 highest = 0;
            for (int i = 0; i < 200; ++i) {
                const qint64 d = policy.delayMs(attempt, {});
                QVERIFY2(d >= ceiling / 2 && d <= ceiling,
                         qPrintable(QStringLiteral("attempt %1: %2").arg(attempt).arg(d)));
                lowest = std::min(lowest, d);
                highest = std::max(highest, d);
            }
            QVERIFY(highest > lowest); // jitter spreads clients out
        }
    }

    void retryableStatuses()
    {
        RetryPolicy policy;
        for (int status : {429, 503, 504})
            QVERIFY(policy.isRetryableStatus(status));
        for (int status : {400, 401, 403, 404, 409, 500, 502})
            QVERIFY(!policy.isRetryableStatus(status));
    }
};

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
