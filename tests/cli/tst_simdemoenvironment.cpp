// --demo's simulator wiring: the settings it fills are valid and point at
// the in-process simulator, and the in-memory secret really gets a token.

#include "cli/SimDemoEnvironment.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace herald::cli;

namespace {

std::optional<QString> secretOf(herald::config::SecretSource &source, herald::config::SecretKind kind)
{
    std::optional<QString> secret;
    source.lookup(kind, QStringLiteral("default"), [&](std::optional<QString> s) { secret = s; });
    return secret;
}

herald::sim::SimOptions smallTenant()
{
    herald::sim::SimOptions options = SimDemoEnvironment::defaults();
    options.users = 50; // the wiring, not the size, is under test
    options.teams = 4;
    return options;
}

} // namespace

class TestSimDemoEnvironment : public QObject
{
    Q_OBJECT

private slots:
    void defaultsAreRealistic();
    void fillsSettingsForTheSimulator();
    void secretObtainsAToken();
};

void TestSimDemoEnvironment::defaultsAreRealistic()
{
    const herald::sim::SimOptions options = SimDemoEnvironment::defaults();
    QCOMPARE(options.users, 2000);
    QCOMPARE(options.teams, 40);
    QVERIFY(options.timeScale > 1 && options.timeScale <= 20); // quick, but pacing still visible
    QVERIFY(options.clientSecret.isEmpty()); // generated, never a constant
}

void TestSimDemoEnvironment::fillsSettingsForTheSimulator()
{
    SimDemoEnvironment demo(smallTenant());
    QString error;
    QVERIFY2(demo.start(&error), qPrintable(error));

    herald::config::ConnectionSettings settings;
    settings.graphUrl = QUrl(QStringLiteral("https://graph.microsoft.com"));
    settings.certFile = QStringLiteral("/some/cert.pem");
    demo.apply(settings);
    QVERIFY2(settings.validate().isEmpty(), qPrintable(settings.validate().join('\n')));
    QVERIFY(settings.missingIdentity().isEmpty());
    QCOMPARE(settings.graphUrl.host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(settings.graphUrl.port(), int(demo.server()->port()));
    QCOMPARE(settings.loginUrl, demo.server()->loginUrl());
    QCOMPARE(settings.botServiceUrl, demo.server()->botServiceUrl());
    QCOMPARE(settings.tenant, demo.server()->options().tenantId);
    QCOMPARE(settings.clientId, demo.server()->options().clientId);
    QCOMPARE(settings.effectiveBotId(), settings.clientId);
    QVERIFY(settings.certFile.isEmpty()); // the simulator's secret is used
    QCOMPARE(settings.timeScale, demo.server()->options().timeScale);

    const QString banner = demo.banner();
    QVERIFY2(banner.contains(QLatin1String("simulated tenant")), qPrintable(banner));
    QVERIFY(banner.contains(demo.server()->baseUrl().toString()));
    QVERIFY(!banner.contains(demo.server()->options().clientSecret));
    QVERIFY(!banner.contains(QLatin1Char('\n')));

    const DemoFacts facts = demo.facts();
    QCOMPARE(facts.appExternalId, demo.server()->options().appExternalId);
    QVERIFY(!facts.sampleUsers.isEmpty());
    for (const QString &upn : facts.sampleUsers)
        QVERIFY2(upn.contains(QLatin1Char('@')), qPrintable(upn));
}

void TestSimDemoEnvironment::secretObtainsAToken()
{
    SimDemoEnvironment demo(smallTenant());
    QString error;
    QVERIFY2(demo.start(&error), qPrintable(error));
    const auto client = secretOf(demo.secrets(), herald::config::SecretKind::Client);
    const auto bot = secretOf(demo.secrets(), herald::config::SecretKind::Bot);
    QVERIFY(client && !client->isEmpty());
    QCOMPARE(bot, client);

    herald::config::ConnectionSettings settings;
    demo.apply(settings);
    QUrl tokenUrl = settings.loginUrl;
    tokenUrl.setPath(QStringLiteral("/%1/oauth2/v2.0/token").arg(settings.tenant));
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
    form.addQueryItem(QStringLiteral("client_id"), settings.clientId);
    form.addQueryItem(QStringLiteral("client_secret"), *client);
    form.addQueryItem(QStringLiteral("scope"), QStringLiteral("https://graph.microsoft.com/.default"));
    QNetworkRequest request(tokenUrl);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QStringLiteral("application/x-www-form-urlencoded"));

    QNetworkAccessManager network;
    QNetworkReply *reply = network.post(request, form.toString(QUrl::FullyEncoded).toUtf8());
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
    QVERIFY(!body.value(QLatin1String("access_token")).toString().isEmpty());
    reply->deleteLater();
}

QTEST_GUILESS_MAIN(TestSimDemoEnvironment)
#include "tst_simdemoenvironment.moc"
