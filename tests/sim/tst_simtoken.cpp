// The simulated identity platform token endpoint and token validation.

#include "SimFixture.h"

#include <QJsonArray>
#include <QTest>
#include <QUrlQuery>

using namespace herald::test;

namespace {

QUrlQuery form(const QString &clientId, const QString &secret, const QString &scope,
               const QString &grant = QStringLiteral("client_credentials"))
{
    QUrlQuery q;
    if (!grant.isEmpty())
        q.addQueryItem(QStringLiteral("grant_type"), grant);
    if (!clientId.isEmpty())
        q.addQueryItem(QStringLiteral("client_id"), clientId);
    if (!secret.isEmpty())
        q.addQueryItem(QStringLiteral("client_secret"), secret);
    if (!scope.isEmpty())
        q.addQueryItem(QStringLiteral("scope"), scope);
    return q;
}

QJsonObject payloadOf(const QByteArray &token)
{
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return {};
    return QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(1), QByteArray::Base64UrlEncoding))
        .object();
}

const QString kGraphScope = QStringLiteral("https://graph.microsoft.com/.default");
const QString kBotScope = QStringLiteral("https://api.botframework.com/.default");

} // namespace

class TestSimToken : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_sim = std::make_unique<SimFixture>();
        QVERIFY2(m_sim->start(), qPrintable(m_sim->errorString()));
    }

    void graphTokenHasDocumentedShape()
    {
        const ProbeReply r = m_sim->probe().postForm(m_sim->tokenUrl(),
                                                     form(m_sim->clientId(), m_sim->secret(), kGraphScope));
        QCOMPARE(r.status, 200);
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
        QCOMPARE(o.value(QStringLiteral("expires_in")).toInt(), m_sim->options().tokenTtlSeconds);
        QCOMPARE(o.value(QStringLiteral("ext_expires_in")).toInt(), m_sim->options().tokenTtlSeconds);
        const QByteArray token = o.value(QStringLiteral("access_token")).toString().toLatin1();
        const QJsonObject claims = payloadOf(token);
        QCOMPARE(claims.value(QStringLiteral("aud")).toString(),
                 QStringLiteral("https://graph.microsoft.com"));
        QCOMPARE(claims.value(QStringLiteral("tid")).toString(), m_sim->tenantId());
        QCOMPARE(claims.value(QStringLiteral("appid")).toString(), m_sim->clientId());
        const qint64 iat = claims.value(QStringLiteral("iat")).toInteger();
        QCOMPARE(claims.value(QStringLiteral("exp")).toInteger() - iat,
                 qint64(m_sim->options().tokenTtlSeconds));
        QVERIFY(claims.value(QStringLiteral("nbf")).toInteger() <= iat);
        const QJsonArray roles = claims.value(QStringLiteral("roles")).toArray();
        QVERIFY(roles.contains(QStringLiteral("TeamsAppInstallation.ReadWriteSelfForUser.All")));
        QVERIFY(roles.contains(QStringLiteral("User.Read.All")));
    }

    void tenantByDomainWorks()
    {
        const ProbeReply r = m_sim->probe().postForm(m_sim->tokenUrl(m_sim->options().tenantDomain),
                                                     form(m_sim->clientId(), m_sim->secret(), kGraphScope));
        QCOMPARE(r.status, 200);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("tenant");
        QTest::addColumn<QString>("clientId");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("scope");
        QTest::addColumn<QString>("grant");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("error");
        QTest::addColumn<int>("aadsts");
        const QString client = SimFixture::defaultOptions().clientId;
        const QString secret = SimFixture::defaultOptions().clientSecret;
        QTest::newRow("wrong secret") << QString() << client << "not-the-secret" << kGraphScope
                                      << "client_credentials" << 401 << "invalid_client" << 7000215;
        QTest::newRow("no secret") << QString() << client << QString() << kGraphScope << "client_credentials"
                                   << 401 << "invalid_client" << 7000218;
        QTest::newRow("unknown client")
            << QString() << "11111111-2222-3333-4444-555555555555" << secret << kGraphScope
            << "client_credentials" << 400 << "unauthorized_client" << 700016;
        QTest::newRow("unknown tenant") << "fabrikam.onmicrosoft.com" << client << secret << kGraphScope
                                        << "client_credentials" << 400 << "invalid_request" << 90002;
        QTest::newRow("bad scope") << QString() << client << secret << "User.Read"
                                   << "client_credentials" << 400 << "invalid_scope" << 70011;
        QTest::newRow("bad grant") << QString() << client << secret << kGraphScope << "password" << 400
                                   << "unsupported_grant_type" << 70003;
        QTest::newRow("graph scope at botframework.com")
            << "botframework.com" << client << secret << kGraphScope << "client_credentials" << 400
            << "unauthorized_client" << 700016;
    }

    void errors()
    {
        QFETCH(QString, tenant);
        QFETCH(QString, clientId);
        QFETCH(QString, secret);
        QFETCH(QString, scope);
        QFETCH(QString, grant);
        QFETCH(int, status);
        QFETCH(QString, error);
        QFETCH(int, aadsts);
        const ProbeReply r
            = m_sim->probe().postForm(m_sim->tokenUrl(tenant), form(clientId, secret, scope, grant));
        QCOMPARE(r.status, status);
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("error")).toString(), error);
        QVERIFY2(o.value(QStringLiteral("error_description"))
                     .toString()
                     .startsWith(QStringLiteral("AADSTS%1:").arg(aadsts)),
                 qPrintable(o.value(QStringLiteral("error_description")).toString()));
        QCOMPARE(o.value(QStringLiteral("error_codes")).toArray(), QJsonArray{aadsts});
        QVERIFY(!o.value(QStringLiteral("trace_id")).toString().isEmpty());
        QVERIFY(!o.value(QStringLiteral("correlation_id")).toString().isEmpty());
        QVERIFY(!o.value(QStringLiteral("timestamp")).toString().isEmpty());
        QVERIFY(!o.contains(QStringLiteral("access_token")));
        QVERIFY(!r.body.contains(m_sim->secret().toUtf8()));
    }

    void botTokensFromBothAuthorities()
    {
        for (const QString &authority : {QStringLiteral("botframework.com"), m_sim->tenantId()}) {
            const ProbeReply r = m_sim->probe().postForm(m_sim->tokenUrl(authority),
                                                         form(m_sim->clientId(), m_sim->secret(), kBotScope));
            QCOMPARE(r.status, 200);
            const QJsonObject claims
                = payloadOf(r.json().value(QStringLiteral("access_token")).toString().toLatin1());
            QCOMPARE(claims.value(QStringLiteral("aud")).toString(),
                     QStringLiteral("https://api.botframework.com"));
            QVERIFY(!claims.contains(QStringLiteral("roles")));
        }
    }

    void graphRequestWithoutTokenIs401()
    {
        const ProbeReply r = m_sim->probe().get(m_sim->graph(QStringLiteral("/users")));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), QStringLiteral("InvalidAuthenticationToken"));
        QCOMPARE(r.errorMessage(), QStringLiteral("Access token is empty."));
        QVERIFY(!r.header("request-id").isEmpty());
        const QJsonObject inner = r.json()
                                      .value(QStringLiteral("error"))
                                      .toObject()
                                      .value(QStringLiteral("innerError"))
                                      .toObject();
        QCOMPARE(inner.value(QStringLiteral("request-id")).toString().toLatin1(), r.header("request-id"));
        QVERIFY(!inner.value(QStringLiteral("date")).toString().isEmpty());
    }

    void clientRequestIdIsEchoed()
    {
        m_sim->probe().setBearer(m_sim->graphToken());
        const ProbeReply r
            = m_sim->probe().get(m_sim->graph(QStringLiteral("/users?$top=1")),
                                 {{"client-request-id", "7a1c9b2e-0000-4000-8000-123456789abc"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("client-request-id"), QByteArray("7a1c9b2e-0000-4000-8000-123456789abc"));
    }

    void tokensAreNotInterchangeable()
    {
        const QByteArray graph = m_sim->graphToken();
        const QByteArray bot = m_sim->botToken();
        QVERIFY(!graph.isEmpty() && !bot.isEmpty());
        m_sim->probe().setBearer(bot);
        ProbeReply r = m_sim->probe().get(m_sim->graph(QStringLiteral("/users")));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), QStringLiteral("InvalidAuthenticationToken"));
        m_sim->probe().setBearer(graph);
        r = m_sim->probe().postJson(
            m_sim->bot(QStringLiteral("/v3/conversations/19:x@unq.gbl.spaces/activities")),
            QJsonObject{{QStringLiteral("type"), QStringLiteral("message")},
                        {QStringLiteral("text"), QStringLiteral("hi")}});
        QCOMPARE(r.status, 401);
        r = m_sim->probe().get(m_sim->graph(QStringLiteral("/users?$top=1")));
        QCOMPARE(r.status, 200);
    }

    void forgedTokenIsRejected()
    {
        QByteArray token = m_sim->graphToken();
        token[token.size() - 2] = token.at(token.size() - 2) == 'A' ? 'B' : 'A';
        m_sim->probe().setBearer(token);
        const ProbeReply r = m_sim->probe().get(m_sim->graph(QStringLiteral("/users")));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), QStringLiteral("InvalidAuthenticationToken"));
    }

    void tokenFromAnotherServerIsRejected()
    {
        SimFixture other;
        QVERIFY(other.start());
        m_sim->probe().setBearer(other.graphToken());
        QCOMPARE(m_sim->probe().get(m_sim->graph(QStringLiteral("/users"))).status, 401);
    }

    void expiredTokenIs401()
    {
        auto options = SimFixture::defaultOptions();
        options.tokenTtlSeconds = 30; // 30 simulated seconds = 1 s real at scale 30
        options.timeScale = 30;
        SimFixture sim(options);
        QVERIFY(sim.start());
        const ProbeReply issued
            = sim.probe().postForm(sim.tokenUrl(), form(sim.clientId(), sim.secret(), kGraphScope));
        QCOMPARE(issued.json().value(QStringLiteral("expires_in")).toInt(), 30);
        sim.probe().setBearer(issued.json().value(QStringLiteral("access_token")).toString().toLatin1());
        QCOMPARE(sim.probe().get(sim.graph(QStringLiteral("/users?$top=1"))).status, 200);
        ProbeReply r;
        QTRY_VERIFY_WITH_TIMEOUT(
            (r = sim.probe().get(sim.graph(QStringLiteral("/users?$top=1")))).status == 401, 10000);
        QCOMPARE(r.errorCode(), QStringLiteral("InvalidAuthenticationToken"));
        QCOMPARE(r.errorMessage(), QStringLiteral("Lifetime validation failed, the token is expired."));
    }

    void missingRolesAre403()
    {
        auto options = SimFixture::defaultOptions();
        options.roles = QStringList{QStringLiteral("User.Read.All")};
        SimFixture sim(options);
        QVERIFY(sim.start());
        sim.probe().setBearer(sim.graphToken());
        QCOMPARE(sim.probe().get(sim.graph(QStringLiteral("/users?$top=1"))).status, 200);
        ProbeReply r = sim.probe().get(sim.graph(QStringLiteral("/groups")));
        QCOMPARE(r.status, 403);
        QCOMPARE(r.errorCode(), QStringLiteral("Authorization_RequestDenied"));
        QCOMPARE(r.errorMessage(), QStringLiteral("Insufficient privileges to complete the operation."));
        const QString user = sim.tenant().user(0).id;
        r = sim.probe().get(sim.graph(QStringLiteral("/users/%1/teamwork/installedApps").arg(user)));
        QCOMPARE(r.status, 403);
        QCOMPARE(r.errorCode(), QStringLiteral("Forbidden"));
        QVERIFY(r.errorMessage().contains(QStringLiteral("TeamsAppInstallation.ReadWriteSelfForUser.All")));
        QCOMPARE(sim.probe().get(sim.graph(QStringLiteral("/appCatalogs/teamsApps"))).status, 403);
        QCOMPARE(sim.probe().get(sim.graph(QStringLiteral("/teams"))).status, 403);
    }

    void tokenEndpointIsNotThrottled()
    {
        QList<ProbeRequest> requests;
        QByteArray body = "grant_type=client_credentials&client_id=" + m_sim->clientId().toUtf8()
            + "&client_secret=" + QUrl::toPercentEncoding(m_sim->secret())
            + "&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default";
        for (int i = 0; i < 80; ++i)
            requests.append(
                {"POST", m_sim->tokenUrl(), body, {{"Content-Type", "application/x-www-form-urlencoded"}}});
        for (const ProbeReply &r : m_sim->probe().sendAll(requests))
            QCOMPARE(r.status, 200);
    }

private:
    std::unique_ptr<SimFixture> m_sim;
};

QTEST_GUILESS_MAIN(TestSimToken)
#include "tst_simtoken.moc"
