// The tenant id of Bot Connector payloads, over real HTTP against the
// in-process herald-sim: the simulator refuses a create-conversation whose
// tenant id is not the tenant's GUID (as the service does), and the client
// turns a domain --tenant into the GUID from a Graph token's `tid`.

#include "SimFixture.h"
#include "auth/ClientSecretTokenProvider.h"
#include "auth/TokenClaims.h"
#include "bot/BotConnectorClient.h"
#include "bot/BotRate.h"
#include "bot/TenantId.h"
#include "graph/RatePlanner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace herald;
using herald::bot::BotSendResult;
using herald::bot::BotTarget;
using herald::sim::Tenant;
using herald::test::SimFixture;
using Outcome = BotSendResult::Outcome;

namespace {

QByteArray message(const QString &text)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("message")},
                                     {QStringLiteral("text"), text}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestBotTenant : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void simRefusesATenantThatIsNotTheGuid_data();
    void simRefusesATenantThatIsNotTheGuid();
    void domainTenantIsSentAsTheGuid();
    void guidTenantNeedsNoLookup();
    void domainWithoutLookupSendsNothing();
    void chatSendsNeedNoTenant();
    void tokenClaims_data();
    void tokenClaims();

private:
    std::unique_ptr<bot::BotConnectorClient> client(const QString &tenant, bool lookup);
    BotSendResult send(bot::BotConnectorClient &client, const BotTarget &target);
    int reachableUser(int skip = 0);
    qint64 createRequests();

    std::unique_ptr<SimFixture> m_sim;
    QNetworkAccessManager m_network;
    std::unique_ptr<auth::ClientSecretTokenProvider> m_botTokens;
    std::unique_ptr<auth::ClientSecretTokenProvider> m_graphTokens;
    std::unique_ptr<graph::RatePlanner> m_planner;
};

void TestBotTenant::init()
{
    sim::SimOptions o = SimFixture::defaultOptions();
    o.installedFraction = 1.0;
    o.botBlockedFraction = 0;
    o.timeScale = 20;
    m_sim = std::make_unique<SimFixture>(o);
    QVERIFY2(m_sim->start(), qPrintable(m_sim->errorString()));
    auth::ClientCredentialsSettings identity;
    identity.loginBase = m_sim->baseUrl();
    identity.clientId = m_sim->clientId();
    identity.tenant = auth::BotFrameworkTenant;
    identity.scope = auth::BotFrameworkScope;
    m_botTokens = std::make_unique<auth::ClientSecretTokenProvider>(&m_network, identity, m_sim->secret());
    // The Graph identity as an admin may type it: the verified domain.
    identity.tenant = m_sim->options().tenantDomain;
    identity.scope = auth::GraphScope;
    m_graphTokens = std::make_unique<auth::ClientSecretTokenProvider>(&m_network, identity, m_sim->secret());
    m_planner = std::make_unique<graph::RatePlanner>();
    bot::rate::defineBotClasses(*m_planner);
    m_planner->setTimeScale(o.timeScale);
}

void TestBotTenant::cleanup()
{
    m_planner.reset();
    m_graphTokens.reset();
    m_botTokens.reset();
    m_sim.reset();
}

std::unique_ptr<bot::BotConnectorClient> TestBotTenant::client(const QString &tenant, bool lookup)
{
    bot::BotSettings settings;
    settings.serviceUrl = m_sim->server().botServiceUrl();
    settings.botId = m_sim->clientId();
    settings.tenantId = tenant;
    settings.timeoutMs = 5000;
    auto c = std::make_unique<bot::BotConnectorClient>(settings, m_botTokens.get(), m_planner.get());
    if (lookup)
        c->setTenantLookup(m_graphTokens.get());
    return c;
}

BotSendResult TestBotTenant::send(bot::BotConnectorClient &client, const BotTarget &target)
{
    bot::BotSendJob *job = client.send(target, message(QStringLiteral("hello")));
    job->setAutoDelete(false);
    QSignalSpy done(job, &graph::Job::finished);
    job->start();
    if (!job->isFinished())
        done.wait(20000);
    const BotSendResult result = job->result();
    delete job;
    return result;
}

int TestBotTenant::reachableUser(int skip)
{
    Tenant &t = m_sim->tenant();
    for (int i = 0; i < t.userCount(); ++i) {
        const auto &u = t.user(i);
        if (u.teamsLicensed && !u.botBlocked && t.userInstallOf(i, t.orgApp()) >= 0 && skip-- == 0)
            return i;
    }
    return -1;
}

qint64 TestBotTenant::createRequests()
{
    return qint64(m_sim->server()
                      .stats()
                      .value(QStringLiteral("requests"))
                      .toObject()
                      .value(QStringLiteral("bot.create"))
                      .toDouble());
}

void TestBotTenant::simRefusesATenantThatIsNotTheGuid_data()
{
    QTest::addColumn<QString>("top"); // tenantId; "-" = leave out
    QTest::addColumn<QString>("inChannelData"); // channelData.tenant.id; "-" = leave out
    QTest::addColumn<int>("status");
    const QString guid = QStringLiteral("GUID");
    const QString domain = QStringLiteral("contoso.onmicrosoft.com");
    QTest::newRow("GUID in both") << guid << guid << 201;
    QTest::newRow("GUID in tenantId only") << guid << "-" << 201;
    QTest::newRow("GUID in channelData only") << "-" << guid << 201;
    QTest::newRow("domain in both") << domain << domain << 400;
    QTest::newRow("domain in tenantId") << domain << guid << 400;
    QTest::newRow("domain in channelData") << guid << domain << 400;
    QTest::newRow("another tenant's GUID") << "0b0b0b0b-1111-2222-3333-444455556666"
                                           << "-" << 400;
    QTest::newRow("no tenant at all") << "-"
                                      << "-" << 400;
}

void TestBotTenant::simRefusesATenantThatIsNotTheGuid()
{
    QFETCH(QString, top);
    QFETCH(QString, inChannelData);
    QFETCH(int, status);
    const auto fill = [this](const QString &v) { return v == QLatin1String("GUID") ? m_sim->tenantId() : v; };
    const int user = reachableUser();
    QVERIFY(user >= 0);
    QJsonObject params{
        {QStringLiteral("bot"),
         QJsonObject{{QStringLiteral("id"), QStringLiteral("28:") + m_sim->clientId()}}},
        {QStringLiteral("isGroup"), false},
        {QStringLiteral("members"),
         QJsonArray{QJsonObject{{QStringLiteral("id"), m_sim->tenant().user(user).id}}}},
        {QStringLiteral("activity"), QJsonDocument::fromJson(message(QStringLiteral("hi"))).object()}};
    if (top != QLatin1String("-"))
        params.insert(QStringLiteral("tenantId"), fill(top));
    if (inChannelData != QLatin1String("-"))
        params.insert(QStringLiteral("channelData"),
                      QJsonObject{{QStringLiteral("tenant"),
                                   QJsonObject{{QStringLiteral("id"), fill(inChannelData)}}}});
    const QByteArray token = m_sim->botToken();
    QVERIFY(!token.isEmpty());
    const auto reply = m_sim->probe().postJson(m_sim->bot(QStringLiteral("/v3/conversations")), params,
                                               {{"Authorization", "Bearer " + token}});
    QCOMPARE(reply.status, status);
    if (status == 400) {
        // The Bot Framework ErrorResponse shape: {"error": {"code", "message"}}.
        QCOMPARE(reply.errorCode(), QStringLiteral("BadArgument"));
        QVERIFY2(reply.errorMessage().contains(QLatin1String("tenant")), qPrintable(reply.errorMessage()));
        QCOMPARE(m_sim->server().stats().value(QStringLiteral("deliveries")).toDouble(), 0.0);
    }
}

void TestBotTenant::domainTenantIsSentAsTheGuid()
{
    auto c = client(m_sim->options().tenantDomain, true);
    QVERIFY(c->tenantId().isEmpty()); // a domain is not a tenant id
    const int first = reachableUser(0);
    const int second = reachableUser(1);
    QVERIFY(first >= 0 && second >= 0);
    const BotSendResult a = send(*c, BotTarget::user(m_sim->tenant().user(first).id));
    QCOMPARE(toName(a.outcome), QStringLiteral("sent"));
    // The simulator takes only the GUID, so this went out with it; it is kept.
    QCOMPARE(c->tenantId(), m_sim->tenantId().toLower());
    QVERIFY(c->requestBody(BotTarget::user(QStringLiteral("x")), message(QStringLiteral("m")))
                .contains(m_sim->tenantId().toLower().toLatin1()));
    const int fetches = m_graphTokens->fetchCount();
    const BotSendResult b = send(*c, BotTarget::user(m_sim->tenant().user(second).id));
    QCOMPARE(toName(b.outcome), QStringLiteral("sent"));
    QCOMPARE(m_graphTokens->fetchCount(), fetches); // resolved once, not per message
    QCOMPARE(createRequests(), 2);
}

void TestBotTenant::guidTenantNeedsNoLookup()
{
    auto c = client(m_sim->tenantId().toUpper(), false);
    QCOMPARE(c->tenantId(), m_sim->tenantId().toLower());
    const BotSendResult r = send(*c, BotTarget::user(m_sim->tenant().user(reachableUser()).id));
    QCOMPARE(toName(r.outcome), QStringLiteral("sent"));
    QCOMPARE(m_graphTokens->fetchCount(), 0);
}

void TestBotTenant::domainWithoutLookupSendsNothing()
{
    auto c = client(m_sim->options().tenantDomain, false);
    bot::BotSendJob *job = c->send(BotTarget::user(m_sim->tenant().user(reachableUser()).id),
                                   message(QStringLiteral("hello")));
    job->setAutoDelete(false);
    QSignalSpy done(job, &graph::Job::finished);
    job->start();
    QTRY_VERIFY(job->isFinished());
    QCOMPARE(job->error().kind, graph::GraphError::Kind::Config);
    QVERIFY2(job->error().message.contains(QLatin1String("tenant id")), qPrintable(job->error().message));
    QCOMPARE(job->result().outcome, Outcome::Failed);
    QVERIFY(job->result().retryable); // nothing was written
    QCOMPARE(job->result().attempts, 0);
    delete job;
    QCOMPARE(createRequests(), 0);
}

void TestBotTenant::chatSendsNeedNoTenant()
{
    // Into a known 1:1 chat no tenant is named: nothing to resolve.
    auto c = client(m_sim->options().tenantDomain, false);
    const int user = reachableUser();
    const QString chat = Tenant::personalChatId(m_sim->tenant().user(user).id, m_sim->clientId());
    const BotSendResult r = send(*c, BotTarget::conversation(chat));
    QCOMPARE(toName(r.outcome), QStringLiteral("sent"));
    QVERIFY(c->tenantId().isEmpty());
}

void TestBotTenant::tokenClaims_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("tid");
    const auto jwt = [](const QByteArray &payload) {
        const auto b64 = [](const QByteArray &b) {
            return b.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        };
        return QString::fromLatin1(b64("{\"alg\":\"none\"}") + '.' + b64(payload) + '.' + b64("sig"));
    };
    QTest::newRow("tid") << jwt(R"({"tid":"9f0c7a4e-2b1d-4c3e-8a5f-6d7e8f901234"})")
                         << "9f0c7a4e-2b1d-4c3e-8a5f-6d7e8f901234";
    QTest::newRow("no tid") << jwt(R"({"roles":["User.Read.All"]})") << "";
    QTest::newRow("not JSON") << jwt("tid=1") << "";
    QTest::newRow("two parts") << "abc.def"
                               << "";
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("bad base64") << "a.!!!.c"
                                << "";
}

void TestBotTenant::tokenClaims()
{
    QFETCH(QString, token);
    QFETCH(QString, tid);
    QCOMPARE(auth::tenantIdOfToken(token), tid);
}

QTEST_GUILESS_MAIN(TestBotTenant)
#include "tst_bottenant.moc"
