// Certificate credentials: loading the PEM (and every wrong file a user may
// give), the client assertion JWT (checked here with OpenSSL, independently
// of the signer), and the token request against herald-sim, which verifies
// the signature against the certificate it was given.

#include "SimFixture.h"
#include "TestCertificates.h"
#include "auth/CertificateTokenProvider.h"
#include "auth/Pkce.h"
#include "auth/TokenFactory.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace herald;
using auth::CertificateCredential;
using graph::GraphError;

namespace {

QJsonObject part(const QByteArray &jwt, int index)
{
    const QByteArray bytes = QByteArray::fromBase64(
        jwt.split('.').value(index), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    return QJsonDocument::fromJson(bytes).object();
}

struct TokenOutcome
{
    bool ok = false;
    QString token;
    GraphError error;
};

TokenOutcome fetch(auth::TokenProvider &provider)
{
    TokenOutcome outcome;
    bool done = false;
    auto *job = provider.requestToken();
    QObject::connect(job, &graph::Job::finished, job, [&, job] {
        outcome.ok = job->succeeded();
        outcome.token = job->accessToken();
        outcome.error = job->error();
        done = true;
    });
    job->start();
    if (!QTest::qWaitFor([&] { return done; }, 15000))
        outcome.error = GraphError::make(GraphError::Kind::Timeout, QStringLiteral("test timeout"));
    return outcome;
}

} // namespace

class TestCertificate : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void loadErrors_data();
    void loadErrors();
    void assertionShape();
    void assertionVerifiedByOpenSsl_data();
    void assertionVerifiedByOpenSsl();
    void simAcceptsAssertion_data();
    void simAcceptsAssertion();
    void simRefusesOtherCertificate();
    void simRefusesSkewedClock();
    void simVerifiesSignature();
    void botTokenWithCertificate();

private:
    QString write(const char *name, const QByteArray &content);
    QTemporaryDir m_dir;
    test::TestCertificate m_cert;
};

void TestCertificate::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_cert = test::makeRsaCertificate();
    QVERIFY(m_cert.certPem.startsWith("-----BEGIN CERTIFICATE-----"));
}

QString TestCertificate::write(const char *name, const QByteArray &content)
{
    const QString path = m_dir.filePath(QLatin1String(name));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(content);
    return path;
}

void TestCertificate::loadErrors_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("expected");
    const test::TestCertificate other = test::makeRsaCertificate(QStringLiteral("other"));
    QTest::newRow("missing") << m_dir.filePath(QStringLiteral("nope.pem")) << "does not exist";
    QTest::newRow("der") << write("cert.der", test::certificateDer(m_cert)) << "not a PEM file";
    QTest::newRow("cert only") << write("cert.pem", m_cert.certPem) << "no private key";
    QTest::newRow("key only") << write("key.pem", m_cert.keyPem) << "no certificate";
    QTest::newRow("encrypted key") << write("enc.pem", m_cert.certPem + test::encryptedKeyPem(m_cert, "pw"))
                                   << "encrypted";
    QTest::newRow("wrong key") << write("mismatch.pem", m_cert.certPem + other.keyPem) << "does not belong";
    QTest::newRow("ec key") << write("ec.pem", test::makeEcCertificate().combined()) << "not an RSA key";
    QTest::newRow("expired") << write("expired.pem",
                                      test::makeRsaCertificate(QStringLiteral("old"), -1).combined())
                             << "expired";
}

void TestCertificate::loadErrors()
{
    QFETCH(QString, file);
    QFETCH(QString, expected);
    GraphError error;
    QVERIFY(!CertificateCredential::load(file, &error));
    QCOMPARE(error.kind, GraphError::Kind::Config);
    QVERIFY2(error.toString().contains(expected), qPrintable(error.toString()));
    QVERIFY(!error.hint.isEmpty() || QByteArray(QTest::currentDataTag()) == "expired"
            || QByteArray(QTest::currentDataTag()) == "missing" || !error.message.isEmpty());
}

void TestCertificate::assertionShape()
{
    GraphError error;
    const auto credential = CertificateCredential::load(write("good.pem", m_cert.combined()), &error);
    QVERIFY2(credential, qPrintable(error.toString()));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QUrl aud(
        QStringLiteral("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token"));
    const QByteArray jwt = credential->makeAssertion(QStringLiteral("app-id"), aud, now);
    const QJsonObject header = part(jwt, 0);
    const QJsonObject claims = part(jwt, 1);
    QCOMPARE(header.value(QStringLiteral("alg")).toString(), QStringLiteral("RS256"));
    QCOMPARE(header.value(QStringLiteral("typ")).toString(), QStringLiteral("JWT"));
    const QByteArray thumb = auth::pkce::base64Url(
        QCryptographicHash::hash(test::certificateDer(m_cert), QCryptographicHash::Sha256));
    QCOMPARE(header.value(QStringLiteral("x5t#S256")).toString().toLatin1(), thumb);
    QCOMPARE(claims.value(QStringLiteral("aud")).toString(), aud.toString());
    QCOMPARE(claims.value(QStringLiteral("iss")).toString(), QStringLiteral("app-id"));
    QCOMPARE(claims.value(QStringLiteral("sub")).toString(), QStringLiteral("app-id"));
    QVERIFY(!claims.value(QStringLiteral("jti")).toString().isEmpty());
    const qint64 nbf = qint64(claims.value(QStringLiteral("nbf")).toDouble());
    const qint64 exp = qint64(claims.value(QStringLiteral("exp")).toDouble());
    QCOMPARE(nbf, now.toSecsSinceEpoch());
    QVERIFY(exp > nbf && exp - nbf <= 600);
    // A fresh jti each time.
    const QByteArray again = credential->makeAssertion(QStringLiteral("app-id"), aud, now);
    QVERIFY(part(again, 1).value(QStringLiteral("jti")) != claims.value(QStringLiteral("jti")));
}

void TestCertificate::assertionVerifiedByOpenSsl_data()
{
    QTest::addColumn<int>("algorithm");
    QTest::addColumn<QByteArray>("alg");
    QTest::newRow("RS256") << int(CertificateCredential::Algorithm::RS256) << QByteArray("RS256");
    QTest::newRow("PS256") << int(CertificateCredential::Algorithm::PS256) << QByteArray("PS256");
}

void TestCertificate::assertionVerifiedByOpenSsl()
{
    QFETCH(int, algorithm);
    QFETCH(QByteArray, alg);
    GraphError error;
    const auto credential = CertificateCredential::load(write("good.pem", m_cert.combined()), &error);
    QVERIFY(credential);
    const QByteArray jwt = credential->makeAssertion(
        QStringLiteral("app"), QUrl(QStringLiteral("https://x/t")), QDateTime::currentDateTimeUtc(),
        CertificateCredential::Algorithm(algorithm));
    QVERIFY(test::verifyJws(jwt, m_cert.certPem, alg));
    // The same bytes fail with another certificate, or when one byte changes.
    QVERIFY(!test::verifyJws(jwt, test::makeRsaCertificate(QStringLiteral("x")).certPem, alg));
    QByteArray tampered = jwt;
    tampered[jwt.indexOf('.') + 5] = tampered[jwt.indexOf('.') + 5] == 'A' ? 'B' : 'A';
    QVERIFY(!test::verifyJws(tampered, m_cert.certPem, alg));
}

void TestCertificate::simAcceptsAssertion_data()
{
    assertionVerifiedByOpenSsl_data();
}

void TestCertificate::simAcceptsAssertion()
{
    QFETCH(int, algorithm);
    sim::SimOptions options = test::SimFixture::defaultOptions();
    options.clientCertificatePem = m_cert.certPem;
    test::SimFixture sim(options);
    QVERIFY(sim.start());
    GraphError error;
    auto credential = CertificateCredential::load(write("good.pem", m_cert.combined()), &error);
    QVERIFY(credential);
    QNetworkAccessManager network;
    auth::ClientCredentialsSettings settings;
    settings.loginBase = sim.baseUrl();
    settings.tenant = sim.tenantId();
    settings.clientId = sim.clientId();
    auth::CertificateTokenProvider provider(&network, settings, credential);
    provider.setAlgorithm(CertificateCredential::Algorithm(algorithm));
    const TokenOutcome outcome = fetch(provider);
    QVERIFY2(outcome.ok, qPrintable(outcome.error.toString()));
    QVERIFY(!outcome.token.isEmpty());
    // The token works against Graph in the simulator.
    sim.probe().setBearer(outcome.token.toLatin1());
    QCOMPARE(sim.probe().get(sim.graph(QStringLiteral("/users?$top=1"))).status, 200);
}

void TestCertificate::simRefusesOtherCertificate()
{
    sim::SimOptions options = test::SimFixture::defaultOptions();
    options.clientCertificatePem = test::makeRsaCertificate(QStringLiteral("uploaded")).certPem;
    test::SimFixture sim(options);
    QVERIFY(sim.start());
    GraphError error;
    auto credential = CertificateCredential::load(write("good.pem", m_cert.combined()), &error);
    QNetworkAccessManager network;
    auth::ClientCredentialsSettings settings{sim.baseUrl(), sim.tenantId(), sim.clientId()};
    auth::CertificateTokenProvider provider(&network, settings, credential);
    const TokenOutcome outcome = fetch(provider);
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.error.kind, GraphError::Kind::Auth);
    QCOMPARE(outcome.error.code, QStringLiteral("invalid_client"));
    QVERIFY2(outcome.error.message.contains(QLatin1String("AADSTS700027")),
             qPrintable(outcome.error.message));
    QVERIFY(outcome.error.hint.contains(QLatin1String("certificate is uploaded")));
}

void TestCertificate::simRefusesSkewedClock()
{
    sim::SimOptions options = test::SimFixture::defaultOptions();
    options.clientCertificatePem = m_cert.certPem;
    test::SimFixture sim(options);
    QVERIFY(sim.start());
    GraphError error;
    auto credential = CertificateCredential::load(write("good.pem", m_cert.combined()), &error);
    QNetworkAccessManager network;
    auth::ClientCredentialsSettings settings{sim.baseUrl(), sim.tenantId(), sim.clientId()};
    auth::CertificateTokenProvider provider(&network, settings, credential);
    // A machine clock an hour fast: the assertion is not yet valid.
    provider.setClock([] { return QDateTime::currentDateTimeUtc().addSecs(3600); });
    const TokenOutcome outcome = fetch(provider);
    QVERIFY(!outcome.ok);
    QVERIFY2(outcome.error.message.contains(QLatin1String("AADSTS700024")),
             qPrintable(outcome.error.message));
    QVERIFY(outcome.error.hint.contains(QLatin1String("clock")));
}

void TestCertificate::simVerifiesSignature()
{
    // A forged assertion: the header names the uploaded certificate, but the
    // signature is made with another key. Only a real signature check catches it.
    sim::SimOptions options = test::SimFixture::defaultOptions();
    options.clientCertificatePem = m_cert.certPem;
    test::SimFixture sim(options);
    QVERIFY(sim.start());
    GraphError error;
    const auto genuine = CertificateCredential::load(write("good.pem", m_cert.combined()), &error);
    const auto forger = CertificateCredential::load(
        write("forger.pem", test::makeRsaCertificate(QStringLiteral("forger")).combined()), &error);
    QVERIFY(genuine && forger);
    const QUrl aud = sim.tokenUrl();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QList<QByteArray> real = genuine->makeAssertion(sim.clientId(), aud, now).split('.');
    const QList<QByteArray> fake = forger->makeAssertion(sim.clientId(), aud, now).split('.');
    auto post = [&](const QByteArray &assertion) {
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
        form.addQueryItem(QStringLiteral("client_id"), sim.clientId());
        form.addQueryItem(QStringLiteral("scope"), QStringLiteral("https://graph.microsoft.com/.default"));
        form.addQueryItem(QStringLiteral("client_assertion_type"),
                          QStringLiteral("urn:ietf:params:oauth:client-assertion-type:jwt-bearer"));
        form.addQueryItem(QStringLiteral("client_assertion"), QString::fromLatin1(assertion));
        return sim.probe().postForm(sim.tokenUrl(), form);
    };
    const test::ProbeReply forged = post(real.at(0) + '.' + fake.at(1) + '.' + fake.at(2));
    QCOMPARE(forged.status, 401);
    QVERIFY2(forged.body.contains("failed signature validation"), forged.body.constData());
    // The genuine one passes through the same path.
    const test::ProbeReply ok = post(real.at(0) + '.' + real.at(1) + '.' + real.at(2));
    QVERIFY2(ok.status == 200, ok.body.constData());
    // A claim changed after signing: refused too.
    QJsonObject claims = part(real.join('.'), 1);
    claims.insert(QStringLiteral("sub"), QStringLiteral("someone-else"));
    const QByteArray edited = auth::pkce::base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    QCOMPARE(post(real.at(0) + '.' + edited + '.' + real.at(2)).status, 401);
}

void TestCertificate::botTokenWithCertificate()
{
    sim::SimOptions options = test::SimFixture::defaultOptions();
    options.clientCertificatePem = m_cert.certPem;
    test::SimFixture sim(options);
    QVERIFY(sim.start());
    config::ConnectionSettings settings;
    settings.tenant = sim.tenantId();
    settings.clientId = sim.clientId();
    settings.loginUrl = sim.baseUrl();
    settings.certFile = write("good.pem", m_cert.combined());
    QNetworkAccessManager network;
    GraphError error;
    auto bot = auth::makeBotTokenProvider(&network, settings, {}, &error);
    QVERIFY2(bot, qPrintable(error.toString()));
    const TokenOutcome outcome = fetch(*bot);
    QVERIFY2(outcome.ok, qPrintable(outcome.error.toString()));
    const QJsonObject claims = part(outcome.token.toLatin1(), 1);
    QCOMPARE(claims.value(QStringLiteral("aud")).toString(), QStringLiteral("https://api.botframework.com"));

    // Without the certificate and without a bot secret: a clear Auth error.
    settings.certFile.clear();
    QVERIFY(!auth::makeBotTokenProvider(&network, settings, {}, &error));
    QVERIFY(error.hint.contains(QLatin1String("secret set --kind bot")));
}

QTEST_GUILESS_MAIN(TestCertificate)
#include "tst_certificate.moc"
