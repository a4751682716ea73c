// Delegated tokens against herald-sim's Graph routes, over real HTTP. A token
// from the sim's /authorize + authorization-code grant (PKCE) carries the
// Graph scopes asked for in `scp`; every route then checks them against the
// "Delegated" row of its Graph API page, as Graph does, and app-only tokens
// keep being checked against the "Application" row:
// - requested scopes land in `scp` (prefix and OpenID scopes stripped);
//   ".default" = the consented set; a refresh can narrow it; an unconsented
//   scope is AADSTS65001;
// - a permission matrix (scopes x route) with the expected status and the
//   permission the 403 names;
// - an application permission's name in `scp`, or a delegated name in
//   `roles`, grants nothing.

#include "SimFixture.h"
#include "auth/Pkce.h"

#include <QJsonArray>
#include <QTest>
#include <QUrlQuery>

using namespace herald;
using test::ProbeReply;
using test::SimFixture;

namespace {

const QString kGraph = QStringLiteral("https://graph.microsoft.com/");

QJsonObject claimsOf(const QByteArray &token)
{
    return QJsonDocument::fromJson(
               QByteArray::fromBase64(token.split('.').value(1),
                                      QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals))
        .object();
}

// "User.ReadBasic.All AppCatalog.Read.All" -> "openid profile offline_access
// https://graph.microsoft.com/User.ReadBasic.All ..."
QString requestScope(const QStringList &scopes)
{
    QStringList items{QStringLiteral("openid"), QStringLiteral("profile"), QStringLiteral("offline_access")};
    for (const QString &scope : scopes)
        items << kGraph + scope;
    return items.join(QLatin1Char(' '));
}

} // namespace

class TestSimDelegated : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void requestedScopesAreInScp();
    void defaultGrantsConsentedScopes();
    void refreshNarrowsScopes();
    void permissions_data();
    void permissions();
    void installForSignedInUser();
    void readOnlyScopeCannotInstall();
    void ownProfileWithUserRead();
    void wrongKindOfNameIsRefused_data();
    void wrongKindOfNameIsRefused();
    void batchKeepsDelegatedChecks();

private:
    struct SignIn
    {
        QByteArray accessToken;
        QString refreshToken;
        QJsonObject answer;
        ProbeReply reply;
    };
    // /authorize with `scope`, then the code grant with the PKCE verifier.
    static SignIn signIn(SimFixture &sim, const QString &scope);
    static SignIn signIn(SimFixture &sim, const QStringList &scopes)
    {
        return signIn(sim, requestScope(scopes));
    }
    QString signedInUser() const { return m_sim->options().signedInUser; }
    int signedInIndex() const { return m_sim->tenant().findUser(signedInUser()); }

    std::unique_ptr<SimFixture> m_sim;
};

void TestSimDelegated::initTestCase()
{
    m_sim = std::make_unique<SimFixture>();
    QVERIFY(m_sim->start());
    // The signed-in user is a licensed user of the tenant.
    QVERIFY(signedInIndex() >= 0);
    QVERIFY(m_sim->tenant().user(signedInIndex()).teamsLicensed);
}

TestSimDelegated::SignIn TestSimDelegated::signIn(SimFixture &sim, const QString &scope)
{
    SignIn result;
    const QByteArray verifier = auth::pkce::generateVerifier();
    const QString redirect = QStringLiteral("http://localhost:4711/");
    QUrl authorize = sim.baseUrl();
    authorize.setPath(QStringLiteral("/%1/oauth2/v2.0/authorize").arg(sim.tenantId()));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("client_id"), sim.clientId());
    q.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    q.addQueryItem(QStringLiteral("redirect_uri"), redirect);
    q.addQueryItem(QStringLiteral("scope"), QString::fromLatin1(QUrl::toPercentEncoding(scope)));
    q.addQueryItem(QStringLiteral("state"), QStringLiteral("st"));
    q.addQueryItem(QStringLiteral("code_challenge"),
                   QString::fromLatin1(auth::pkce::challengeS256(verifier)));
    q.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    authorize.setQuery(q);
    test::HttpProbe probe;
    const ProbeReply redirected = probe.get(authorize);
    const QString code = QUrlQuery(QUrl(QString::fromLatin1(redirected.header("location"))))
                             .queryItemValue(QStringLiteral("code"));
    if (redirected.status != 302 || code.isEmpty()) {
        result.reply = redirected;
        return result;
    }
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("authorization_code"));
    form.addQueryItem(QStringLiteral("client_id"), sim.clientId());
    form.addQueryItem(QStringLiteral("code"), code);
    form.addQueryItem(QStringLiteral("redirect_uri"), redirect);
    form.addQueryItem(QStringLiteral("code_verifier"), QString::fromLatin1(verifier));
    result.reply = probe.postForm(sim.tokenUrl(), form);
    result.answer = result.reply.json();
    result.accessToken = result.answer.value(QStringLiteral("access_token")).toString().toLatin1();
    result.refreshToken = result.answer.value(QStringLiteral("refresh_token")).toString();
    return result;
}

void TestSimDelegated::requestedScopesAreInScp()
{
    const SignIn s = signIn(
        *m_sim, {QStringLiteral("User.ReadBasic.All"), QStringLiteral("TeamsAppInstallation.ReadForUser")});
    QVERIFY2(!s.accessToken.isEmpty(), s.reply.body.constData());
    const QJsonObject claims = claimsOf(s.accessToken);
    // Resource prefix stripped; openid, profile and offline_access are not Graph permissions.
    QCOMPARE(claims.value(QStringLiteral("scp")).toString(),
             QStringLiteral("User.ReadBasic.All TeamsAppInstallation.ReadForUser"));
    QVERIFY(!claims.contains(QStringLiteral("roles")));
    QCOMPARE(claims.value(QStringLiteral("idtyp")).toString(), QStringLiteral("user"));
    QCOMPARE(claims.value(QStringLiteral("oid")).toString(), signedInUser());
    QCOMPARE(claims.value(QStringLiteral("aud")).toString(), QStringLiteral("https://graph.microsoft.com"));
    QVERIFY(!s.refreshToken.isEmpty());
    // Bare names mean Graph too.
    const SignIn bare = signIn(*m_sim, QStringLiteral("AppCatalog.Read.All offline_access"));
    QCOMPARE(claimsOf(bare.accessToken).value(QStringLiteral("scp")).toString(),
             QStringLiteral("AppCatalog.Read.All"));
}

void TestSimDelegated::defaultGrantsConsentedScopes()
{
    auto options = SimFixture::defaultOptions();
    options.delegatedScopes
        = QStringList{QStringLiteral("User.ReadBasic.All"), QStringLiteral("Chat.ReadBasic")};
    SimFixture sim(options);
    QVERIFY(sim.start());
    const SignIn s = signIn(sim, kGraph + QStringLiteral(".default offline_access"));
    QVERIFY2(!s.accessToken.isEmpty(), s.reply.body.constData());
    QCOMPARE(claimsOf(s.accessToken).value(QStringLiteral("scp")).toString(),
             QStringLiteral("User.ReadBasic.All Chat.ReadBasic"));
    QCOMPARE(s.answer.value(QStringLiteral("scope")).toString(),
             QStringLiteral("User.ReadBasic.All Chat.ReadBasic"));
}

void TestSimDelegated::refreshNarrowsScopes()
{
    const SignIn s
        = signIn(*m_sim, {QStringLiteral("User.ReadBasic.All"), QStringLiteral("AppCatalog.Read.All")});
    QVERIFY(!s.refreshToken.isEmpty());
    auto refresh = [this](const QString &token, const QString &scope) {
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("refresh_token"));
        form.addQueryItem(QStringLiteral("client_id"), m_sim->clientId());
        form.addQueryItem(QStringLiteral("refresh_token"), token);
        form.addQueryItem(QStringLiteral("scope"), QString::fromLatin1(QUrl::toPercentEncoding(scope)));
        return m_sim->probe().postForm(m_sim->tokenUrl(), form);
    };
    const ProbeReply narrowed
        = refresh(s.refreshToken, kGraph + QStringLiteral("AppCatalog.Read.All offline_access"));
    QCOMPARE(narrowed.status, 200);
    QCOMPARE(claimsOf(narrowed.json().value(QStringLiteral("access_token")).toString().toLatin1())
                 .value(QStringLiteral("scp"))
                 .toString(),
             QStringLiteral("AppCatalog.Read.All"));
    // A scope nobody consented to (not in the admin-consented set, not asked
    // for at sign-in) needs a new interactive sign-in.
    const QString rotated = narrowed.json().value(QStringLiteral("refresh_token")).toString();
    QVERIFY(!rotated.isEmpty());
    const ProbeReply unconsented = refresh(rotated, kGraph + QStringLiteral("Mail.Read offline_access"));
    QCOMPARE(unconsented.status, 400);
    QCOMPARE(unconsented.errorCode(), QStringLiteral("invalid_grant"));
    QVERIFY2(unconsented.body.contains("AADSTS65001"), unconsented.body.constData());
}

void TestSimDelegated::permissions_data()
{
    QTest::addColumn<QStringList>("scopes");
    QTest::addColumn<QString>("path"); // {me} = the signed-in user, {other} = another user, {team}, {group}
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("errorCode");
    QTest::addColumn<QString>("named"); // a permission the 403 must name

    const QStringList none{QStringLiteral("Chat.ReadBasic")};
    QTest::newRow("users: ReadBasic.All lists")
        << QStringList{QStringLiteral("User.ReadBasic.All")} << QStringLiteral("/users?$top=5") << 200
        << QString() << QString();
    QTest::newRow("users: Read.All gets another user")
        << QStringList{QStringLiteral("User.Read.All")} << QStringLiteral("/users/{other}") << 200
        << QString() << QString();
    QTest::newRow("users: without a user scope")
        << none << QStringLiteral("/users?$top=5") << 403 << QStringLiteral("Authorization_RequestDenied")
        << QString();
    QTest::newRow("users: User.Read is not enough for others")
        << QStringList{QStringLiteral("User.Read")} << QStringLiteral("/users/{other}") << 403
        << QStringLiteral("Authorization_RequestDenied") << QString();
    QTest::newRow("installedApps: ReadForUser reads")
        << QStringList{QStringLiteral("TeamsAppInstallation.ReadForUser")}
        << QStringLiteral("/users/{me}/teamwork/installedApps?$expand=teamsApp") << 200 << QString()
        << QString();
    QTest::newRow("installedApps: ReadWriteSelfForUser reads")
        << QStringList{QStringLiteral("TeamsAppInstallation.ReadWriteSelfForUser")}
        << QStringLiteral("/users/{me}/teamwork/installedApps") << 200 << QString() << QString();
    QTest::newRow("installedApps: without a scope")
        << QStringList{QStringLiteral("User.ReadBasic.All")}
        << QStringLiteral("/users/{me}/teamwork/installedApps") << 403 << QStringLiteral("Forbidden")
        << QStringLiteral("TeamsAppInstallation.ReadForUser");
    QTest::newRow("team installedApps: ReadForTeam")
        << QStringList{QStringLiteral("TeamsAppInstallation.ReadForTeam")}
        << QStringLiteral("/teams/{team}/installedApps") << 200 << QString() << QString();
    QTest::newRow("team installedApps: a user scope does not do")
        << QStringList{QStringLiteral("TeamsAppInstallation.ReadForUser")}
        << QStringLiteral("/teams/{team}/installedApps") << 403 << QStringLiteral("Forbidden")
        << QStringLiteral("TeamsAppInstallation.ReadForTeam");
    QTest::newRow("catalog: AppCatalog.Read.All")
        << QStringList{QStringLiteral("AppCatalog.Read.All")} << QStringLiteral("/appCatalogs/teamsApps")
        << 200 << QString() << QString();
    QTest::newRow("catalog: AppCatalog.Submit (delegated only)")
        << QStringList{QStringLiteral("AppCatalog.Submit")} << QStringLiteral("/appCatalogs/teamsApps") << 200
        << QString() << QString();
    QTest::newRow("catalog: without a scope")
        << none << QStringLiteral("/appCatalogs/teamsApps") << 403 << QStringLiteral("Forbidden")
        << QStringLiteral("AppCatalog.Read.All");
    QTest::newRow("group members: GroupMember.Read.All")
        << QStringList{QStringLiteral("GroupMember.Read.All")}
        << QStringLiteral("/groups/{group}/transitiveMembers/microsoft.graph.user") << 200 << QString()
        << QString();
    QTest::newRow("group members: without a scope")
        << none << QStringLiteral("/groups/{group}/members") << 403
        << QStringLiteral("Authorization_RequestDenied") << QString();
    QTest::newRow("teams: Team.ReadBasic.All")
        << QStringList{QStringLiteral("Team.ReadBasic.All")} << QStringLiteral("/teams/{team}") << 200
        << QString() << QString();
    QTest::newRow("chats: Chat.ReadBasic")
        << QStringList{QStringLiteral("Chat.ReadBasic")} << QStringLiteral("/users/{me}/chats") << 200
        << QString() << QString();
    QTest::newRow("chats: without a scope")
        << QStringList{QStringLiteral("User.ReadBasic.All")} << QStringLiteral("/users/{me}/chats") << 403
        << QStringLiteral("Forbidden") << QStringLiteral("Chat.ReadBasic");
}

void TestSimDelegated::permissions()
{
    QFETCH(QStringList, scopes);
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(QString, errorCode);
    QFETCH(QString, named);
    const sim::Tenant &tenant = m_sim->tenant();
    const QString other = tenant.user(signedInIndex() == 0 ? 1 : 0).id;
    path.replace(QLatin1String("{me}"), signedInUser())
        .replace(QLatin1String("{other}"), other)
        .replace(QLatin1String("{team}"), tenant.group(tenant.teams().first()).id)
        .replace(QLatin1String("{group}"), tenant.group(0).id);
    const SignIn s = signIn(*m_sim, scopes);
    QVERIFY2(!s.accessToken.isEmpty(), s.reply.body.constData());
    test::HttpProbe probe;
    probe.setBearer(s.accessToken);
    const ProbeReply r = probe.get(m_sim->graph(path));
    QVERIFY2(r.status == status, r.body.constData());
    if (status != 403)
        return;
    QCOMPARE(r.errorCode(), errorCode);
    // Graph's error shape: code, message, innerError with the request id.
    const QJsonObject inner
        = r.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("innerError")).toObject();
    QVERIFY(!inner.value(QStringLiteral("request-id")).toString().isEmpty());
    if (named.isEmpty()) {
        // The directory names no permission.
        QCOMPARE(r.errorMessage(), QStringLiteral("Insufficient privileges to complete the operation."));
        return;
    }
    const QString message = r.errorMessage();
    QVERIFY2(
        message.startsWith(QLatin1String("Missing scope permissions on the request. API requires one of '")),
        qPrintable(message));
    QVERIFY2(message.contains(named), qPrintable(message));
    // Delegated names only: no application (".All" TeamsAppInstallation) name offered to a user token.
    QVERIFY2(!message.contains(named + QLatin1String(".All")), qPrintable(message));
    QVERIFY2(message.endsWith(
                 QStringLiteral("Scopes on the request '%1'.").arg(scopes.join(QStringLiteral(", ")))),
             qPrintable(message));
}

void TestSimDelegated::installForSignedInUser()
{
    const SignIn s = signIn(*m_sim, {QStringLiteral("TeamsAppInstallation.ReadWriteSelfForUser")});
    QVERIFY(!s.accessToken.isEmpty());
    test::HttpProbe probe;
    probe.setBearer(s.accessToken);
    const QUrl apps = m_sim->graph(QStringLiteral("/users/%1/teamwork/installedApps").arg(signedInUser()));
    const QUrl mine = m_sim->graph(
        QStringLiteral("/users/%1/teamwork/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '%2'")
            .arg(signedInUser(), m_sim->appId()));
    // Start from "not installed" (the generated tenant may have installed it already).
    const ProbeReply before = probe.get(mine);
    QCOMPARE(before.status, 200);
    const QJsonArray existing = before.json().value(QStringLiteral("value")).toArray();
    if (!existing.isEmpty()) {
        const QString id = existing.first().toObject().value(QStringLiteral("id")).toString();
        QCOMPARE(probe
                     .del(m_sim->graph(
                         QStringLiteral("/users/%1/teamwork/installedApps/%2").arg(signedInUser(), id)))
                     .status,
                 204);
    }
    const QJsonObject bind{
        {QStringLiteral("teamsApp@odata.bind"),
         QStringLiteral("https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/") + m_sim->appId()}};
    const ProbeReply installed = probe.postJson(apps, bind);
    QVERIFY2(installed.status == 201, installed.body.constData());
    QCOMPARE(probe.get(mine).json().value(QStringLiteral("value")).toArray().size(), 1);
    QCOMPARE(m_sim->tenant().userInstallOf(signedInIndex(), m_sim->tenant().orgApp()) >= 0, true);
    // ReadWriteSelfForUser covers Herald's own app only: another catalog app is refused.
    const sim::Tenant &tenant = m_sim->tenant();
    int otherApp = -1;
    for (int a = 0; a < tenant.appCount() && otherApp < 0; ++a) {
        if (a != tenant.orgApp() && tenant.app(a).distributionMethod != QLatin1String("sideloaded")
            && tenant.userInstallOf(signedInIndex(), a) < 0)
            otherApp = a;
    }
    QVERIFY(otherApp >= 0);
    const QJsonObject bindOther{{QStringLiteral("teamsApp@odata.bind"),
                                 QStringLiteral("https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/")
                                     + tenant.app(otherApp).id}};
    const ProbeReply refused = probe.postJson(apps, bindOther);
    QCOMPARE(refused.status, 403);
    QVERIFY2(refused.errorMessage().contains(QLatin1String("TeamsAppInstallation.ReadWriteForUser")),
             qPrintable(refused.errorMessage()));
    QVERIFY(!refused.errorMessage().contains(
        QLatin1String("API requires one of 'TeamsAppInstallation.ReadWriteSelfForUser")));
}

void TestSimDelegated::readOnlyScopeCannotInstall()
{
    const int user = signedInIndex();
    const SignIn s = signIn(*m_sim, {QStringLiteral("TeamsAppInstallation.ReadForUser")});
    test::HttpProbe probe;
    probe.setBearer(s.accessToken);
    const QJsonObject bind{
        {QStringLiteral("teamsApp@odata.bind"),
         QStringLiteral("https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/") + m_sim->appId()}};
    const bool wasInstalled = m_sim->tenant().userInstallOf(user, m_sim->tenant().orgApp()) >= 0;
    const ProbeReply r = probe.postJson(
        m_sim->graph(QStringLiteral("/users/%1/teamwork/installedApps").arg(signedInUser())), bind);
    QCOMPARE(r.status, 403);
    QCOMPARE(r.errorCode(), QStringLiteral("Forbidden"));
    QCOMPARE(
        r.errorMessage(),
        QStringLiteral("Missing scope permissions on the request. API requires one of "
                       "'TeamsAppInstallation.ReadWriteSelfForUser, TeamsAppInstallation.ReadWriteForUser, "
                       "TeamsAppInstallation.ReadWriteAndConsentSelfForUser, "
                       "TeamsAppInstallation.ReadWriteAndConsentForUser'. Scopes on the request "
                       "'TeamsAppInstallation.ReadForUser'."));
    // Nothing changed.
    QCOMPARE(m_sim->tenant().userInstallOf(user, m_sim->tenant().orgApp()) >= 0, wasInstalled);
}

void TestSimDelegated::ownProfileWithUserRead()
{
    const SignIn s = signIn(*m_sim, {QStringLiteral("User.Read")});
    test::HttpProbe probe;
    probe.setBearer(s.accessToken);
    const ProbeReply own = probe.get(m_sim->graph(QStringLiteral("/users/%1").arg(signedInUser())));
    QCOMPARE(own.status, 200);
    QCOMPARE(own.json().value(QStringLiteral("id")).toString(), signedInUser());
    // By UPN too.
    const QString upn = m_sim->tenant().user(signedInIndex()).userPrincipalName;
    QCOMPARE(probe.get(m_sim->graph(QStringLiteral("/users/%1").arg(upn))).status, 200);
    QCOMPARE(probe.get(m_sim->graph(QStringLiteral("/users?$top=1"))).status, 403);
}

void TestSimDelegated::wrongKindOfNameIsRefused_data()
{
    QTest::addColumn<bool>("delegated"); // token kind
    QTest::addColumn<QStringList>("names"); // in scp (delegated) or roles (app-only)
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("named");
    QTest::newRow("application name in scp")
        << true
        << QStringList{QStringLiteral("TeamsAppInstallation.ReadWriteSelfForUser.All"),
                       QStringLiteral("TeamsAppInstallation.ReadForUser.All")}
        << QStringLiteral("/users/{me}/teamwork/installedApps")
        << QStringLiteral("TeamsAppInstallation.ReadForUser");
    QTest::newRow("application chat name in scp")
        << true << QStringList{QStringLiteral("Chat.Read.All")} << QStringLiteral("/users/{me}/chats")
        << QStringLiteral("Chat.ReadBasic");
    QTest::newRow("delegated name in roles")
        << false << QStringList{QStringLiteral("TeamsAppInstallation.ReadWriteSelfForUser")}
        << QStringLiteral("/users/{me}/teamwork/installedApps")
        << QStringLiteral("TeamsAppInstallation.ReadForUser.All");
    QTest::newRow("delegated-only catalog name in roles")
        << false << QStringList{QStringLiteral("AppCatalog.Submit")}
        << QStringLiteral("/appCatalogs/teamsApps") << QStringLiteral("AppCatalog.Read.All");
}

void TestSimDelegated::wrongKindOfNameIsRefused()
{
    QFETCH(bool, delegated);
    QFETCH(QStringList, names);
    QFETCH(QString, path);
    QFETCH(QString, named);
    path.replace(QLatin1String("{me}"), signedInUser());
    QByteArray token;
    std::unique_ptr<SimFixture> appOnly;
    if (delegated) {
        token = signIn(*m_sim, names).accessToken;
        QCOMPARE(claimsOf(token).value(QStringLiteral("scp")).toString(), names.join(QLatin1Char(' ')));
    } else {
        auto options = SimFixture::defaultOptions();
        options.roles = names;
        appOnly = std::make_unique<SimFixture>(options);
        QVERIFY(appOnly->start());
        token = appOnly->graphToken();
        QVERIFY(!claimsOf(token).contains(QStringLiteral("scp")));
    }
    QVERIFY(!token.isEmpty());
    SimFixture &sim = appOnly ? *appOnly : *m_sim;
    test::HttpProbe probe;
    probe.setBearer(token);
    const ProbeReply r = probe.get(sim.graph(path));
    QCOMPARE(r.status, 403);
    QCOMPARE(r.errorCode(), QStringLiteral("Forbidden"));
    const QString message = r.errorMessage();
    QVERIFY2(message.startsWith(delegated ? QLatin1String("Missing scope permissions")
                                          : QLatin1String("Missing role permissions")),
             qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("'%1").arg(named)), qPrintable(message));
}

void TestSimDelegated::batchKeepsDelegatedChecks()
{
    const SignIn s = signIn(*m_sim, {QStringLiteral("TeamsAppInstallation.ReadForUser")});
    test::HttpProbe probe;
    probe.setBearer(s.accessToken);
    const QJsonObject batch{
        {QStringLiteral("requests"),
         QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("1")},
                                {QStringLiteral("method"), QStringLiteral("GET")},
                                {QStringLiteral("url"),
                                 QStringLiteral("/users/%1/teamwork/installedApps").arg(signedInUser())}},
                    QJsonObject{{QStringLiteral("id"), QStringLiteral("2")},
                                {QStringLiteral("method"), QStringLiteral("GET")},
                                {QStringLiteral("url"), QStringLiteral("/appCatalogs/teamsApps")}}}}};
    const ProbeReply r = probe.postJson(m_sim->graph(QStringLiteral("/$batch")), batch);
    QCOMPARE(r.status, 200);
    QHash<QString, int> statuses;
    for (const QJsonValue &item : r.json().value(QStringLiteral("responses")).toArray())
        statuses.insert(item.toObject().value(QStringLiteral("id")).toString(),
                        item.toObject().value(QStringLiteral("status")).toInt());
    QCOMPARE(statuses.value(QStringLiteral("1")), 200);
    QCOMPARE(statuses.value(QStringLiteral("2")), 403);
}

QTEST_GUILESS_MAIN(TestSimDelegated)
#include "tst_simdelegated.moc"
