// TokenProvider / ClientSecretTokenProvider against the simulator's token
// endpoint: caching, one shared fetch, expiry, identity-platform errors.

#include "SimHarness.h"
#include "auth/ClientSecretTokenProvider.h"
#include "auth/IdentityError.h"
#include "auth/SecretEnvironment.h"
#include "graph/GraphRequestJob.h"
#include "graph/RequestLog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace herald;
using namespace herald::auth;
using graph::GraphError;
using herald::test::runJob;
using herald::test::SimHarness;

namespace {

sim::SimOptions simOptions(const QString &secret = QStringLiteral("tp-secret"))
{
    sim::SimOptions options;
    options.users = 10;
    options.teams = 1;
    options.groups = 1;
    options.timeScale = 20;
    options.clientSecret = secret;
    return options;
}

ClientCredentialsSettings settingsFor(sim::SimServer &server)
{
    ClientCredentialsSettings settings;
    settings.loginBase = server.loginUrl();
    settings.tenant = server.options().tenantId;
    settings.clientId = server.options().clientId;
    return settings;
}

} // namespace

class TestTokenProvider : public QObject
{
    Q_OBJECT

private slots:
    void cachesTheToken()
    {
        SimHarness sim(simOptions());
        QVERIFY(sim.start());
        QString first;
        for (int i = 0; i < 5; ++i) {
            auto job = runJob(sim.tokens().requestToken());
            QVERIFY2(job->succeeded(), qPrintable(job->error().toString()));
            QVERIFY(!job->accessToken().isEmpty());
            if (i == 0)
                first = job->accessToken();
            QCOMPARE(job->accessToken(), first);
        }
        QCOMPARE(sim.requests(QStringLiteral("token")), qint64(1));
        QCOMPARE(sim.tokens().fetchCount(), 1);
        QVERIFY(sim.tokens().hasValidToken());
    }

    void concurrentCallersShareOneFetch()
    {
        SimHarness sim(simOptions());
        QVERIFY(sim.start());
        QStringList tokens;
        for (int i = 0; i < 20; ++i) {
            TokenJob *job = sim.tokens().requestToken();
            connect(job, &graph::Job::finished, this, [&tokens, job] { tokens << job->accessToken(); });
            job->start();
        }
        QCOMPARE(tokens.size(), 0); // nobody answered synchronously: one fetch is on the wire
        QTRY_COMPARE_WITH_TIMEOUT(tokens.size(), 20, 5000);
        QCOMPARE(tokens.count(tokens.first()), 20);
        QCOMPARE(sim.requests(QStringLiteral("token")), qint64(1));
    }

    void refreshesShortlyBeforeExpiry()
    {
        // 4 simulated seconds at K = 20: 200 ms real, refreshed 10 % early.
        sim::SimOptions options = simOptions();
        options.tokenTtlSeconds = 4;
        SimHarness sim(options);
        QVERIFY(sim.start());
        auto first = runJob(sim.tokens().requestToken());
        QVERIFY(first->succeeded());
        QElapsedTimer since;
        since.start();
        QTRY_VERIFY_WITH_TIMEOUT(!sim.tokens().hasValidToken(), 2000);
        QVERIFY2(since.elapsed() >= 170 && since.elapsed() < 200 + 150,
                 qPrintable(QString::number(since.elapsed())));
        auto second = runJob(sim.tokens().requestToken());
        QVERIFY(second->succeeded());
        QVERIFY(second->accessToken() != first->accessToken());
        QCOMPARE(sim.requests(QStringLiteral("token")), qint64(2));
        // The new token works: the refresh happened before the service refused anything.
        auto job = runJob(sim.client().send(graph::GraphRequest::get(QStringLiteral("users?$top=1"))));
        QVERIFY(job->succeeded());
        QCOMPARE(sim.requests(QStringLiteral("unauthorized")), qint64(0));
    }

    void invalidateOnlyDropsTheCurrentToken()
    {
        SimHarness sim(simOptions());
        QVERIFY(sim.start());
        auto first = runJob(sim.tokens().requestToken());
        QVERIFY(first->succeeded());
        sim.tokens().invalidate(QStringLiteral("some-older-token"));
        QVERIFY(sim.tokens().hasValidToken()); // a 401 for an old token says nothing about ours
        sim.tokens().invalidate(first->accessToken());
        QVERIFY(!sim.tokens().hasValidToken());
        auto second = runJob(sim.tokens().requestToken());
        QVERIFY(second->succeeded());
        QCOMPARE(sim.requests(QStringLiteral("token")), qint64(2));
    }

    void identityErrors_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("aadsts");
        QTest::addColumn<QString>("hintWord");
        QTest::newRow("wrong secret") << "secret"
                                      << "invalid_client"
                                      << "AADSTS7000215"
                                      << "secret";
        QTest::newRow("unknown client") << "client"
                                        << "unauthorized_client"
                                        << "AADSTS700016"
                                        << "--client-id";
        QTest::newRow("unknown tenant") << "tenant"
                                        << "invalid_request"
                                        << "AADSTS90002"
                                        << "--tenant";
        QTest::newRow("bad scope") << "scope"
                                   << "invalid_scope"
                                   << "AADSTS70011"
                                   << "/.default";
    }
    void identityErrors()
    {
        QFETCH(QString, what);
        QFETCH(QString, code);
        QFETCH(QString, aadsts);
        QFETCH(QString, hintWord);
        SimHarness sim(simOptions());
        QVERIFY(sim.start());
        ClientCredentialsSettings settings = settingsFor(sim.server());
        QString secret = sim.server().options().clientSecret;
        if (what == QLatin1String("secret"))
            secret = QStringLiteral("wrong-secret-value");
        else if (what == QLatin1String("client"))
            settings.clientId = QStringLiteral("11111111-2222-3333-4444-555555555555");
        else if (what == QLatin1String("tenant"))
            settings.tenant = QStringLiteral("nosuchtenant.onmicrosoft.com");
        else
            settings.scope = QStringLiteral("https://graph.microsoft.com/User.Read");
        ClientSecretTokenProvider provider(&sim.network(), settings, secret);
        auto job = runJob(provider.requestToken());
        const GraphError &error = job->error();
        QCOMPARE(error.kind, GraphError::Kind::Auth);
        QCOMPARE(error.code, code);
        QVERIFY2(error.message.startsWith(aadsts), qPrintable(error.message));
        QVERIFY2(error.hint.contains(hintWord), qPrintable(error.hint));
        QVERIFY(!error.message.contains(QLatin1String("Trace ID"))); // the boilerplate is cut
        const QString text = error.toString();
        QVERIFY(text.contains(aadsts));
        QVERIFY(!text.contains(QLatin1String("wrong-secret-value")));
        QVERIFY(!text.contains(sim.server().options().clientSecret));
    }

    void wrongSecretSaysHowToFixIt()
    {
        SimHarness sim(simOptions());
        QVERIFY(sim.start());
        ClientSecretTokenProvider provider(&sim.network(), settingsFor(sim.server()), QStringLiteral("nope"));
        auto job = runJob(provider.requestToken());
        const QString text = job->error().toString();
        QVERIFY2(text.contains(QLatin1String("client secret is wrong")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("HERALD_CLIENT_SECRET")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("Certificates & secrets")), qPrintable(text));
        // Failure is not cached: the next caller tries again.
        auto again = runJob(provider.requestToken());
        QCOMPARE(again->error().kind, GraphError::Kind::Auth);
        QCOMPARE(provider.fetchCount(), 2);
    }

    void secretWithFormCharactersSurvives()
    {
        const QString secret = QStringLiteral("a+b&c=d%20e f~g/h?i#j'k\"l");
        SimHarness sim(simOptions(secret));
        QVERIFY(sim.start());
        auto job = runJob(sim.tokens().requestToken());
        QVERIFY2(job->succeeded(), qPrintable(job->error().toString()));
    }

    void botFrameworkScopeAndTenant()
    {
        // The same class gets the Bot Connector token: tenant botframework.com,
        // scope https://api.botframework.com/.default. Graph refuses that token.
        SimHarness sim(simOptions());
        QVERIFY(sim.start());
        ClientCredentialsSettings settings = settingsFor(sim.server());
        settings.tenant = BotFrameworkTenant;
        settings.scope = BotFrameworkScope;
        ClientSecretTokenProvider bot(&sim.network(), settings, sim.server().options().clientSecret);
        QVERIFY(
            bot.tokenEndpoint().toString().endsWith(QLatin1String("/botframework.com/oauth2/v2.0/token")));
        auto job = runJob(bot.requestToken());
        QVERIFY2(job->succeeded(), qPrintable(job->error().toString()));
        // The token's audience is the Bot Framework, not Graph.
        const QByteArray payload = QByteArray::fromBase64(
            job->accessToken().section(QLatin1Char('.'), 1, 1).toLatin1(), QByteArray::Base64UrlEncoding);
        QCOMPARE(QJsonDocument::fromJson(payload).object().value(QStringLiteral("aud")).toString(),
                 QStringLiteral("https://api.botframework.com"));
    }

    void configErrors()
    {
        QNetworkAccessManager network;
        ClientCredentialsSettings settings;
        settings.loginBase = QUrl(QStringLiteral("http://login.example.com"));
        settings.tenant = QStringLiteral("contoso.onmicrosoft.com");
        settings.clientId = QStringLiteral("app");
        ClientSecretTokenProvider plainHttp(&network, settings, QStringLiteral("s"));
        auto job = runJob(plainHttp.requestToken());
        QCOMPARE(job->error().kind, GraphError::Kind::Config);
        QVERIFY(job->error().toString().contains(QLatin1String("login URL")));

        settings.loginBase = QUrl(QStringLiteral("https://login.microsoftonline.com"));
        ClientSecretTokenProvider noSecret(&network, settings, QString());
        auto job2 = runJob(noSecret.requestToken());
        QCOMPARE(job2->error().kind, GraphError::Kind::Config);
        QVERIFY(job2->error().toString().contains(QLatin1String("HERALD_CLIENT_SECRET")));
    }

    void identityHintsForKnownCodes()
    {
        const QJsonObject expired{
            {QStringLiteral("error"), QStringLiteral("invalid_client")},
            {QStringLiteral("error_description"),
             QStringLiteral("AADSTS7000222: The provided client secret keys are expired.\r\nTrace ID: x")}};
        QCOMPARE(aadstsCode(expired), 7000222);
        const GraphError error
            = identityError(401, expired, QUrl(QStringLiteral("https://login/t/oauth2/v2.0/token")));
        QCOMPARE(error.message,
                 QStringLiteral("AADSTS7000222: The provided client secret keys are expired."));
        QVERIFY(error.hint.contains(QLatin1String("expired")));
        QCOMPARE(aadstsCode(QJsonObject{{QStringLiteral("error_codes"), QJsonArray{700016}}}), 700016);
        QCOMPARE(aadstsCode(QJsonObject{}), 0);
    }

    void secretFromEnvironmentReadsTheVariable()
    {
        qputenv("HERALD_TEST_SECRET_VAR", "s3cret");
        QCOMPARE(secretFromEnvironment("HERALD_TEST_SECRET_VAR").value_or(QString()),
                 QStringLiteral("s3cret"));
        qputenv("HERALD_TEST_SECRET_VAR", "");
        QVERIFY(!secretFromEnvironment("HERALD_TEST_SECRET_VAR").has_value());
        qunsetenv("HERALD_TEST_SECRET_VAR");
        QVERIFY(!secretFromEnvironment("HERALD_TEST_SECRET_VAR").has_value());
    }
};

QTEST_GUILESS_MAIN(TestTokenProvider)
#include "tst_tokenprovider.moc"
