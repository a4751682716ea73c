// WireClient over TLS: the Bot Connector's transport must refuse a
// certificate it cannot verify (never ignore TLS errors) and must work over
// https once the certificate is trusted. herald-sim is plain http, so this
// suite uses the TLS test server of tests/graph (a throw-away self-signed
// certificate made with openssl).

#include "FakeHttpServer.h"
#include "bot/WireClient.h"

#include <QScopeGuard>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTest>

using namespace herald;
using herald::test::FakeHttpServer;
using herald::test::FakeRequest;
using herald::test::FakeResponse;

class TestWireClient : public QObject
{
    Q_OBJECT

private slots:
    void untrustedCertificateIsNeverIgnored();
    void trustedCertificateCarriesTheRequest();

private:
    static QUrl httpsUrl(const FakeHttpServer &server, const QString &path)
    {
        QUrl url = server.baseUrl();
        url.setScheme(QStringLiteral("https"));
        url.setPath(path);
        return url;
    }
    static const bot::WireReply &run(bot::WireClient &client, const QUrl &url, const QByteArray &body)
    {
        bot::WireExchange *exchange = client.post(url, body, {{"Content-Type", "application/json"}}, 10000);
        QSignalSpy done(exchange, &bot::WireExchange::finished);
        [&] { QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 15000); }();
        return exchange->reply();
    }
};

void TestWireClient::untrustedCertificateIsNeverIgnored()
{
    QString why;
    const QSslConfiguration tls = test::makeSelfSignedCertificate(&why);
    QVERIFY2(!tls.isNull(), qPrintable(why));
    FakeHttpServer server;
    QVERIFY(server.listenTls(tls));
    server.setHandler(
        [](const FakeRequest &) { return FakeResponse::json(201, QByteArray(R"({"id":"1"})")); });

    const QUrl url = httpsUrl(server, QStringLiteral("/v3/conversations/19:a/activities"));
    bot::WireClient client(url);
    const bot::WireReply &reply = run(client, url, R"({"type":"message","text":"secret plan"})");
    QVERIFY(reply.tlsError);
    // The handshake failed, so nothing was written: safe to say "not sent".
    QCOMPARE(reply.phase, bot::WireReply::Phase::NotSent);
    QVERIFY(!reply.error.isEmpty());
    QVERIFY(server.requests().isEmpty()); // the message never crossed the untrusted channel
}

void TestWireClient::trustedCertificateCarriesTheRequest()
{
    QString why;
    const QSslConfiguration tls = test::makeSelfSignedCertificate(&why);
    QVERIFY2(!tls.isNull(), qPrintable(why));
    // Trust the test certificate for this test only.
    const QSslConfiguration saved = QSslConfiguration::defaultConfiguration();
    QSslConfiguration trusting = saved;
    trusting.addCaCertificate(tls.localCertificate());
    QSslConfiguration::setDefaultConfiguration(trusting);
    const auto restore = qScopeGuard([saved] { QSslConfiguration::setDefaultConfiguration(saved); });

    FakeHttpServer server;
    QVERIFY(server.listenTls(tls));
    server.setHandler(
        [](const FakeRequest &) { return FakeResponse::json(201, QByteArray(R"({"id":"m1"})")); });

    const QUrl url = httpsUrl(server, QStringLiteral("/v3/conversations/19:a/activities"));
    bot::WireClient client(url);
    const QByteArray body = R"({"type":"message","text":"hello"})";
    const bot::WireReply &first = run(client, url, body);
    QVERIFY2(!first.tlsError, qPrintable(first.error));
    QCOMPARE(first.phase, bot::WireReply::Phase::Answered);
    QCOMPARE(first.status, 201);
    QCOMPARE(first.body, QByteArray(R"({"id":"m1"})"));
    QCOMPARE(server.requests().size(), 1);
    QCOMPARE(server.requests().first().method, QByteArray("POST"));
    QCOMPARE(server.requests().first().body, body);

    // A second request over the kept-alive TLS connection: written once.
    const bot::WireReply &second = run(client, url, body);
    QCOMPARE(second.phase, bot::WireReply::Phase::Answered);
    QCOMPARE(server.requests().size(), 2);
}

QTEST_GUILESS_MAIN(TestWireClient)
#include "tst_wireclient.moc"
