// RequestLog: lines carry what --verbose promises, never a secret.

#include "graph/RequestLog.h"

#include <QSignalSpy>
#include <QTest>

using namespace herald::graph;

class TestRequestLog : public QObject
{
    Q_OBJECT

private slots:
    void redactsAuthorizationHeader()
    {
        QCOMPARE(RequestLog::redactHeader("Authorization", "Bearer eyJ0eXAi.secret.sig"),
                 QByteArray("Bearer [redacted]"));
        QCOMPARE(RequestLog::redactHeader("authorization", "opaque"), QByteArray("[redacted]"));
        QCOMPARE(RequestLog::redactHeader("Proxy-Authorization", "Basic dXNlcjpwYXNz"),
                 QByteArray("Basic [redacted]"));
        QCOMPARE(RequestLog::redactHeader("Cookie", "a=b"), QByteArray("[redacted]"));
        QCOMPARE(RequestLog::redactHeader("ConsistencyLevel", "eventual"), QByteArray("eventual"));
    }

    void redactsBodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArrayList>("secrets");
        QTest::addColumn<QByteArrayList>("kept");

        QTest::newRow("client secret form") << QByteArray(
            "grant_type=client_credentials&client_id=app1&client_secret=S3cr%2Bt~x&scope=https%3A%2F%2Fg")
                                            << QByteArray("application/x-www-form-urlencoded")
                                            << QByteArrayList{"S3cr%2Bt~x", "S3cr"}
                                            << QByteArrayList{"client_id=app1",
                                                              "grant_type=client_credentials", "scope="};
        QTest::newRow("assertion form") << QByteArray(
            "client_assertion_type=urn%3Ajwt-bearer&client_assertion=eyJhbGciOi.payload.sig&client_id=x")
                                        << QByteArray("application/x-www-form-urlencoded")
                                        << QByteArrayList{"eyJhbGciOi", "payload.sig"}
                                        << QByteArrayList{"client_assertion_type=urn%3Ajwt-bearer",
                                                          "client_id=x"};
        QTest::newRow("auth code form") << QByteArray(
            "grant_type=authorization_code&code=0.AAAbc&code_verifier=verif123&refresh_token=rt456")
                                        << QByteArray("application/x-www-form-urlencoded")
                                        << QByteArrayList{"0.AAAbc", "verif123", "rt456"}
                                        << QByteArrayList{"grant_type=authorization_code"};
        QTest::newRow("token answer json")
            << QByteArray("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"eyJ0.abc.def\","
                          "\"refresh_token\":\"r1\"}")
            << QByteArray("application/json") << QByteArrayList{"eyJ0.abc.def", "\"r1\""}
            << QByteArrayList{"\"expires_in\":3599", "\"token_type\":\"Bearer\""};
        QTest::newRow("nested json") << QByteArray(
            "{\"a\":[{\"client_secret\":\"deep1\"}],\"b\":{\"Code\":\"deep2\"},\"name\":\"Ann\"}")
                                     << QByteArray("application/json") << QByteArrayList{"deep1", "deep2"}
                                     << QByteArrayList{"Ann"};
        QTest::newRow("malformed json")
            << QByteArray("{\"access_token\":\"tok\\\"en1\",\"x\":") << QByteArray("application/json")
            << QByteArrayList{"tok\\\"en1", "en1"} << QByteArrayList{"\"x\":"};
        QTest::newRow("unlabelled form") << QByteArray("client_secret=abc&x=1") << QByteArray()
                                         << QByteArrayList{"abc"} << QByteArrayList{"x=1"};
    }
    void redactsBodies()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArrayList, secrets);
        QFETCH(QByteArrayList, kept);
        const QByteArray redacted = RequestLog::redactBody(body, contentType);
        for (const QByteArray &secret : secrets)
            QVERIFY2(!redacted.contains(secret), redacted.constData());
        for (const QByteArray &part : kept)
            QVERIFY2(redacted.contains(part), redacted.constData());
        QVERIFY(redacted.contains(RequestLog::Redacted));
    }

    void redactsUrl()
    {
        const QUrl url(QStringLiteral("http://localhost:1/cb?state=s1&code=0.AAAxyz&client_secret=abc"));
        const QString text = RequestLog::redactUrl(url);
        QVERIFY(!text.contains(QLatin1String("0.AAAxyz")));
        QVERIFY(!text.contains(QLatin1String("abc")));
        QVERIFY(text.contains(QLatin1String("state=s1")));
        const QUrl plain(QStringLiteral("https://graph.microsoft.com/v1.0/users?$top=999"));
        QCOMPARE(RequestLog::redactUrl(plain),
                 QStringLiteral("https://graph.microsoft.com/v1.0/users?$top=999"));
    }

    void recordsOneLinePerAttempt()
    {
        RequestLog log;
        QSignalSpy spy(&log, &RequestLog::line);
        RequestLogEntry entry;
        entry.method = "GET";
        entry.url = QUrl(QStringLiteral("https://graph.microsoft.com/v1.0/users/1"));
        entry.status = 404;
        entry.durationMs = 37;
        entry.requestId = QStringLiteral("req-123");
        entry.attempt = 2;
        entry.requestHeaders = {{"Authorization", "Bearer topsecret"}, {"ConsistencyLevel", "eventual"}};
        log.record(entry);
        QCOMPARE(spy.count(), 1);
        const QString line = spy.at(0).at(0).toString();
        for (const char *part :
             {"GET", "https://graph.microsoft.com/v1.0/users/1", "404", "37 ms", "req-123", "attempt 2"})
            QVERIFY2(line.contains(QLatin1String(part)), qPrintable(line));
        QVERIFY(!line.contains(QLatin1String("topsecret")));
        QVERIFY(!line.contains(QLatin1String("ConsistencyLevel"))); // headers only in detail mode

        log.setDetail(true);
        log.record(entry);
        const QString detailed = spy.at(1).at(0).toString();
        QVERIFY(detailed.contains(QLatin1String("ConsistencyLevel: eventual")));
        QVERIFY(detailed.contains(QLatin1String("Authorization: Bearer [redacted]")));
        QVERIFY(!detailed.contains(QLatin1String("topsecret")));
    }
};

QTEST_GUILESS_MAIN(TestRequestLog)
#include "tst_requestlog.moc"
