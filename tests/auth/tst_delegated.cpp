// Delegated sign-in end to end and headless against herald-sim: the
// /authorize redirect is followed by a plain HTTP client (standing in for
// the browser) into Qt's loopback reply handler; the code is redeemed with
// the PKCE verifier; the refresh token then rotates. The simulator's own
// PKCE and code checks are probed directly too. Preflight on a delegated
// sign-in compares the token's `scp` with the delegated permissions each
// feature needs and names the delegated permission in its fixes.

#include "SimFixture.h"
#include "auth/DelegatedSignIn.h"
#include "auth/Pkce.h"
#include "auth/Preflight.h"
#include "auth/RefreshTokenProvider.h"
#include "auth/TokenFactory.h"
#include "config/Clouds.h"
#include "graph/GraphClient.h"
#include "secrets/SecretStore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>
#include <QUuid>

using namespace herald;
using auth::DelegatedSignIn;
using graph::GraphError;

namespace {

QJsonObject claimsOf(const QString &token)
{
    return QJsonDocument::fromJson(
               QByteArray::fromBase64(token.toLatin1().split('.').value(1),
                                      QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals))
        .object();
}

} // namespace

class TestDelegated : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void signInEndToEnd();
    void refreshTokenRotates();
    void rotationIsSavedToKeychain();
    void deniedSignIn();
    void simChecksPkce();
    void simRequiresPkce();
    void preflightNamesMissingScopes();
    void preflightRefusesApplicationNamesInScp();
    void preflightAllScopesGranted();

private:
    DelegatedSignIn::Settings settings() const;
    // A headless sign-in against `sim` (".default offline_access"); the refresh token.
    QString signInTo(test::SimFixture &sim);
    // Preflight (catalog check for the org app) with a delegated profile on `sim`.
    QList<auth::PreflightCheck> delegatedPreflight(test::SimFixture &sim, QUrl *consentUrl = nullptr);
    std::unique_ptr<test::SimFixture> m_sim;
    QNetworkAccessManager m_browser;
    QString m_refreshToken;
};

void TestDelegated::initTestCase()
{
    m_sim = std::make_unique<test::SimFixture>();
    QVERIFY(m_sim->start());
    // The "browser": follows redirects from the simulator to the loopback handler.
    m_browser.setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

DelegatedSignIn::Settings TestDelegated::settings() const
{
    DelegatedSignIn::Settings s;
    s.loginBase = m_sim->baseUrl();
    s.tenant = m_sim->tenantId();
    s.clientId = m_sim->clientId();
    s.scope = auth::delegatedScope(QStringLiteral("https://graph.microsoft.com/.default"));
    s.timeoutMs = 20000;
    return s;
}

void TestDelegated::signInEndToEnd()
{
    DelegatedSignIn signIn(settings());
    signIn.setAutoDelete(false);
    QUrl authorizeUrl;
    QNetworkReply *browserReply = nullptr;
    connect(&signIn, &DelegatedSignIn::authorizationUrlReady, this, [&](const QUrl &url) {
        authorizeUrl = url;
        browserReply = m_browser.get(QNetworkRequest(url));
    });
    QSignalSpy finished(&signIn, &graph::Job::finished);
    signIn.start();
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 20000);
    QVERIFY2(signIn.succeeded(), qPrintable(signIn.error().toString()));

    // What the authorization request carried.
    const QUrlQuery query(authorizeUrl);
    QCOMPARE(query.queryItemValue(QStringLiteral("response_type")), QStringLiteral("code"));
    QCOMPARE(query.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
    QCOMPARE(query.queryItemValue(QStringLiteral("code_challenge")).size(), 43);
    QVERIFY(!query.queryItemValue(QStringLiteral("state")).isEmpty());
    const QUrl redirect(query.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
    QCOMPARE(redirect.host(), QStringLiteral("localhost"));
    QVERIFY(redirect.port() > 0);
    QVERIFY(query.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded)
                .contains(QLatin1String("offline_access")));

    // The browser saw Herald's page; the tokens are a delegated Graph token and a refresh token.
    QTRY_VERIFY(browserReply && browserReply->isFinished());
    QVERIFY(QString::fromUtf8(browserReply->readAll()).contains(QLatin1String("signed in")));
    const QJsonObject claims = claimsOf(signIn.accessToken());
    QCOMPARE(claims.value(QStringLiteral("aud")).toString(), QStringLiteral("https://graph.microsoft.com"));
    QVERIFY(claims.contains(QStringLiteral("scp")));
    QCOMPARE(claims.value(QStringLiteral("tid")).toString(), m_sim->tenantId());
    QVERIFY(!signIn.refreshToken().isEmpty());
    QVERIFY(signIn.expiresInSeconds() > 0);
    m_refreshToken = signIn.refreshToken();
    browserReply->deleteLater();
}

void TestDelegated::refreshTokenRotates()
{
    QVERIFY(!m_refreshToken.isEmpty());
    QNetworkAccessManager network;
    auth::ClientCredentialsSettings identity{
        m_sim->baseUrl(), m_sim->tenantId(), m_sim->clientId(),
        auth::delegatedScope(QStringLiteral("https://graph.microsoft.com/.default"))};
    auth::RefreshTokenProvider provider(&network, identity, m_refreshToken);
    QSignalSpy rotated(&provider, &auth::RefreshTokenProvider::refreshTokenChanged);
    auto fetch = [&provider]() {
        std::optional<bool> ok;
        GraphError error;
        QString token;
        auto *job = provider.requestToken();
        connect(job, &graph::Job::finished, job, [&, job] {
            ok = job->succeeded();
            error = job->error();
            token = job->accessToken();
        });
        job->start();
        if (!QTest::qWaitFor([&] { return ok.has_value(); }, 10000))
            error = GraphError::make(GraphError::Kind::Timeout, QStringLiteral("test timeout"));
        return std::make_tuple(ok.value_or(false), token, error);
    };
    const auto [ok, token, error] = fetch();
    QVERIFY2(ok, qPrintable(error.toString()));
    QVERIFY(claimsOf(token).contains(QStringLiteral("scp")));
    QCOMPARE(rotated.size(), 1);
    const QString newRefresh = rotated.first().first().toString();
    QVERIFY(newRefresh != m_refreshToken);
    QCOMPARE(provider.refreshToken(), newRefresh);

    // The old refresh token no longer works (the simulator is strict about rotation).
    auth::RefreshTokenProvider stale(&network, identity, m_refreshToken);
    std::optional<bool> staleOk;
    GraphError staleError;
    auto *job = stale.requestToken();
    connect(job, &graph::Job::finished, job, [&, job] {
        staleOk = job->succeeded();
        staleError = job->error();
    });
    job->start();
    QTRY_VERIFY(staleOk.has_value());
    QVERIFY(!*staleOk);
    QCOMPARE(staleError.code, QStringLiteral("invalid_grant"));
    QVERIFY2(staleError.hint.contains(QLatin1String("herald-cli login")), qPrintable(staleError.hint));
}

void TestDelegated::rotationIsSavedToKeychain()
{
    // A fresh sign-in, then a refresh through a provider that persists: the
    // keychain entry must hold the newest (rotated) refresh token.
    DelegatedSignIn signIn(settings());
    signIn.setAutoDelete(false);
    connect(&signIn, &DelegatedSignIn::authorizationUrlReady, this,
            [this](const QUrl &url) { m_browser.get(QNetworkRequest(url))->setParent(this); });
    QSignalSpy signedIn(&signIn, &graph::Job::finished);
    signIn.start();
    QTRY_VERIFY_WITH_TIMEOUT(!signedIn.isEmpty(), 20000);
    QVERIFY(signIn.succeeded());

    secrets::SecretStore store;
    store.setServiceName(QStringLiteral("Herald-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces));
    auto run = [](secrets::SecretJob *job) {
        std::optional<bool> ok;
        QString secret;
        QString message;
        connect(job, &graph::Job::finished, job, [&, job] {
            ok = job->succeeded();
            secret = job->secret();
            message = job->error().message;
        });
        job->start();
        if (!QTest::qWaitFor([&] { return ok.has_value(); }, 20000))
            message = QStringLiteral("timed out");
        return std::make_tuple(ok.value_or(false), secret, message);
    };
    const auto [stored, unused, why]
        = run(store.write(QStringLiteral("me"), config::SecretKind::RefreshToken, signIn.refreshToken()));
    Q_UNUSED(unused);
    if (!stored) {
        if (qEnvironmentVariable("HERALD_REQUIRE_KEYCHAIN") == QLatin1String("1"))
            QFAIL(qPrintable(why));
        QSKIP(qPrintable(QStringLiteral("no keychain: ") + why));
    }
    QNetworkAccessManager network;
    auth::ClientCredentialsSettings identity{
        m_sim->baseUrl(), m_sim->tenantId(), m_sim->clientId(),
        auth::delegatedScope(QStringLiteral("https://graph.microsoft.com/.default"))};
    auth::RefreshTokenProvider provider(&network, identity, signIn.refreshToken());
    provider.persistTo(&store, QStringLiteral("me"));
    std::optional<bool> ok;
    auto *job = provider.requestToken();
    connect(job, &graph::Job::finished, job, [&, job] { ok = job->succeeded(); });
    job->start();
    QTRY_VERIFY(ok.has_value());
    QVERIFY(*ok);
    QVERIFY(provider.refreshToken() != signIn.refreshToken());
    QTRY_VERIFY_WITH_TIMEOUT(
        std::get<1>(run(store.read(QStringLiteral("me"), config::SecretKind::RefreshToken)))
            == provider.refreshToken(),
        10000);
    std::get<0>(run(store.remove(QStringLiteral("me"), config::SecretKind::RefreshToken)));
}

void TestDelegated::deniedSignIn()
{
    // An unknown client id: the authorize page shows the error and never
    // redirects; the job times out with advice (short timeout here).
    DelegatedSignIn::Settings s = settings();
    s.clientId = QStringLiteral("11111111-1111-1111-1111-111111111111");
    s.timeoutMs = 1500;
    DelegatedSignIn signIn(s);
    signIn.setAutoDelete(false);
    QNetworkReply *page = nullptr;
    connect(&signIn, &DelegatedSignIn::authorizationUrlReady, this,
            [&](const QUrl &url) { page = m_browser.get(QNetworkRequest(url)); });
    QSignalSpy finished(&signIn, &graph::Job::finished);
    signIn.start();
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 10000);
    QVERIFY(!signIn.succeeded());
    QCOMPARE(signIn.error().kind, GraphError::Kind::Timeout);
    QTRY_VERIFY(page && page->isFinished());
    QCOMPARE(page->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 400);
    QVERIFY(page->readAll().contains("AADSTS700016"));
    page->deleteLater();
}

void TestDelegated::simChecksPkce()
{
    const QByteArray verifier = auth::pkce::generateVerifier();
    QUrl authorize = m_sim->baseUrl();
    authorize.setPath(QStringLiteral("/%1/oauth2/v2.0/authorize").arg(m_sim->tenantId()));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("client_id"), m_sim->clientId());
    q.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    q.addQueryItem(QStringLiteral("redirect_uri"), QStringLiteral("http://localhost:1234/"));
    q.addQueryItem(QStringLiteral("scope"),
                   QStringLiteral("https://graph.microsoft.com/.default offline_access"));
    q.addQueryItem(QStringLiteral("state"), QStringLiteral("s1"));
    q.addQueryItem(QStringLiteral("code_challenge"),
                   QString::fromLatin1(auth::pkce::challengeS256(verifier)));
    q.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    authorize.setQuery(q);
    const test::ProbeReply redirect = m_sim->probe().get(authorize);
    QCOMPARE(redirect.status, 302);
    const QUrlQuery back(QUrl(QString::fromLatin1(redirect.header("location"))));
    QCOMPARE(back.queryItemValue(QStringLiteral("state")), QStringLiteral("s1"));
    const QString code = back.queryItemValue(QStringLiteral("code"));
    QVERIFY(!code.isEmpty());

    auto redeem = [&](const QByteArray &v) {
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("authorization_code"));
        form.addQueryItem(QStringLiteral("client_id"), m_sim->clientId());
        form.addQueryItem(QStringLiteral("code"), code);
        form.addQueryItem(QStringLiteral("redirect_uri"), QStringLiteral("http://localhost:1234/"));
        form.addQueryItem(QStringLiteral("code_verifier"), QString::fromLatin1(v));
        return m_sim->probe().postForm(m_sim->tokenUrl(), form);
    };
    // A wrong verifier burns the code: Entra codes are single use.
    const test::ProbeReply wrong = redeem(auth::pkce::generateVerifier());
    QCOMPARE(wrong.status, 400);
    QVERIFY(wrong.body.contains("AADSTS501481"));
    const test::ProbeReply reused = redeem(verifier);
    QCOMPARE(reused.status, 400);
    QVERIFY(reused.body.contains("AADSTS54005"));
}

void TestDelegated::simRequiresPkce()
{
    QUrl authorize = m_sim->baseUrl();
    authorize.setPath(QStringLiteral("/%1/oauth2/v2.0/authorize").arg(m_sim->tenantId()));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("client_id"), m_sim->clientId());
    q.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    q.addQueryItem(QStringLiteral("redirect_uri"), QStringLiteral("http://localhost/"));
    q.addQueryItem(QStringLiteral("scope"), QStringLiteral("openid"));
    authorize.setQuery(q);
    const test::ProbeReply reply = m_sim->probe().get(authorize);
    QCOMPARE(reply.status, 302);
    QVERIFY(reply.header("location").contains("error=invalid_request"));
    // A non-loopback redirect is refused on the page itself.
    q.removeAllQueryItems(QStringLiteral("redirect_uri"));
    q.addQueryItem(QStringLiteral("redirect_uri"), QStringLiteral("https://evil.example.com/"));
    authorize.setQuery(q);
    const test::ProbeReply evil = m_sim->probe().get(authorize);
    QCOMPARE(evil.status, 400);
    QVERIFY(evil.body.contains("AADSTS50011"));
}

QString TestDelegated::signInTo(test::SimFixture &sim)
{
    DelegatedSignIn::Settings s = settings();
    s.loginBase = sim.baseUrl();
    DelegatedSignIn signIn(s);
    signIn.setAutoDelete(false);
    connect(&signIn, &DelegatedSignIn::authorizationUrlReady, this,
            [this](const QUrl &url) { m_browser.get(QNetworkRequest(url))->setParent(this); });
    QSignalSpy finished(&signIn, &graph::Job::finished);
    signIn.start();
    if (!QTest::qWaitFor([&] { return !finished.isEmpty(); }, 20000) || !signIn.succeeded())
        return {};
    return signIn.refreshToken();
}

QList<auth::PreflightCheck> TestDelegated::delegatedPreflight(test::SimFixture &sim, QUrl *consentUrl)
{
    const QString refreshToken = signInTo(sim);
    if (refreshToken.isEmpty())
        return {};
    // A delegated profile, wired as herald-cli wires it (TokenFactory).
    config::ConnectionSettings profile;
    profile.tenant = sim.tenantId();
    profile.clientId = sim.clientId();
    profile.graphUrl = sim.baseUrl();
    profile.loginUrl = sim.baseUrl();
    profile.delegated = true;
    QNetworkAccessManager network;
    GraphError error;
    std::unique_ptr<auth::TokenProvider> tokens = auth::makeGraphTokenProvider(
        &network, profile, config::Credentials(QString(), QString(), refreshToken), &error);
    if (!tokens) {
        qWarning("%s", qPrintable(error.toString()));
        return {};
    }
    graph::GraphClient client(&network, config::effectiveGraphUrl(profile), tokens.get());
    auth::Preflight preflight(&client, tokens.get(), nullptr, profile, sim.appId());
    preflight.setAutoDelete(false);
    QSignalSpy finished(&preflight, &graph::Job::finished);
    preflight.start();
    if (!QTest::qWaitFor([&] { return !finished.isEmpty(); }, 20000) || !preflight.succeeded())
        return {};
    if (consentUrl)
        *consentUrl = preflight.adminConsentUrl();
    return preflight.checks();
}

namespace {

const auth::PreflightCheck *findCheck(const QList<auth::PreflightCheck> &checks, const QString &id)
{
    for (const auth::PreflightCheck &check : checks) {
        if (check.id == id)
            return &check;
    }
    return nullptr;
}

QStringList idsOf(const QList<auth::PreflightCheck> &checks)
{
    QStringList ids;
    for (const auth::PreflightCheck &check : checks)
        ids << check.id + QLatin1Char('=') + auth::PreflightCheck::stateName(check.state);
    return ids;
}

} // namespace

void TestDelegated::preflightNamesMissingScopes()
{
    // The admin consented some delegated permissions only: ".default" grants those.
    auto options = test::SimFixture::defaultOptions();
    options.delegatedScopes
        = QStringList{QStringLiteral("User.ReadBasic.All"), QStringLiteral("AppCatalog.Read.All"),
                      QStringLiteral("Group.Read.All")};
    test::SimFixture sim(options);
    QVERIFY(sim.start());
    QUrl consent;
    const QList<auth::PreflightCheck> checks = delegatedPreflight(sim, &consent);
    QVERIFY(!checks.isEmpty());
    const QString all = idsOf(checks).join(QLatin1Char(' '));
    // Delegated checks only: the `roles` of an app-only token play no part.
    QVERIFY2(!all.contains(QLatin1String("role:")), qPrintable(all));
    using State = auth::PreflightCheck::State;
    for (const char *granted : {"User.ReadBasic.All", "AppCatalog.Read.All"}) {
        const auto *check = findCheck(checks, QStringLiteral("scope:") + QLatin1String(granted));
        QVERIFY2(check && check->state == State::Ok, qPrintable(all));
        QCOMPARE(check->detail, QStringLiteral("granted"));
    }
    const auto *groups = findCheck(checks, QStringLiteral("scope:GroupMember.Read.All"));
    QVERIFY2(groups && groups->state == State::Ok, qPrintable(all));
    QCOMPARE(groups->detail, QStringLiteral("granted through Group.Read.All"));
    for (const char *missing :
         {"TeamsAppInstallation.ReadWriteSelfForUser", "TeamsAppInstallation.ReadWriteSelfForTeam"}) {
        const auto *check = findCheck(checks, QStringLiteral("scope:") + QLatin1String(missing));
        QVERIFY2(check && check->state == State::Missing, qPrintable(all));
        QVERIFY(check->isAuth);
        QVERIFY2(
            check->fix.contains(QStringLiteral("Delegated permissions > %1;").arg(QLatin1String(missing))),
            qPrintable(check->fix));
        QVERIFY2(!check->fix.contains(QLatin1String(".All")), qPrintable(check->fix));
        QVERIFY2(check->fix.contains(consent.toString())
                     && check->fix.contains(QLatin1String("herald-cli login")),
                 qPrintable(check->fix));
    }
    const auto *catalog = findCheck(checks, QStringLiteral("catalog"));
    QVERIFY2(catalog && catalog->state == State::Ok, qPrintable(all));
}

void TestDelegated::preflightRefusesApplicationNamesInScp()
{
    // The application permissions consented as if they were delegated ones end
    // up in `scp`, where Graph ignores them: preflight says so, and the catalog
    // read fails with a 403 whose fix is the delegated permission.
    auto options = test::SimFixture::defaultOptions();
    options.delegatedScopes = QStringList{QStringLiteral("TeamsAppInstallation.ReadWriteSelfForUser.All"),
                                          QStringLiteral("TeamsAppInstallation.ReadWriteSelfForTeam.All"),
                                          QStringLiteral("User.ReadBasic.All")};
    test::SimFixture sim(options);
    QVERIFY(sim.start());
    const QList<auth::PreflightCheck> checks = delegatedPreflight(sim);
    QVERIFY(!checks.isEmpty());
    const QString all = idsOf(checks).join(QLatin1Char(' '));
    using State = auth::PreflightCheck::State;
    for (const char *missing : {"TeamsAppInstallation.ReadWriteSelfForUser",
                                "TeamsAppInstallation.ReadWriteSelfForTeam", "AppCatalog.Read.All"}) {
        const auto *check = findCheck(checks, QStringLiteral("scope:") + QLatin1String(missing));
        QVERIFY2(check && check->state == State::Missing, qPrintable(all));
    }
    const auto *catalog = findCheck(checks, QStringLiteral("catalog"));
    QVERIFY2(catalog && catalog->state == State::Failed && catalog->isAuth, qPrintable(all));
    QVERIFY2(catalog->fix.contains(QLatin1String("AppCatalog.Read.All (delegated)")),
             qPrintable(catalog->fix));
}

void TestDelegated::preflightAllScopesGranted()
{
    // The simulator's default consent: every delegated permission Herald needs.
    const QList<auth::PreflightCheck> checks = delegatedPreflight(*m_sim);
    QVERIFY(!checks.isEmpty());
    const QString all = idsOf(checks).join(QLatin1Char(' '));
    int scopes = 0;
    for (const auth::PreflightCheck &check : checks) {
        if (!check.id.startsWith(QLatin1String("scope:")))
            continue;
        ++scopes;
        QVERIFY2(check.state == auth::PreflightCheck::State::Ok, qPrintable(all));
    }
    QCOMPARE(scopes, int(auth::requiredScopes().size()));
    const auto *catalog = findCheck(checks, QStringLiteral("catalog"));
    QVERIFY2(catalog && catalog->state == auth::PreflightCheck::State::Ok, qPrintable(all));
}

QTEST_GUILESS_MAIN(TestDelegated)
#include "tst_delegated.moc"
