// BotConnectorClient against the in-process herald-sim over real HTTP:
// outcome mapping, exactly-once on dropped connections, retries, pacing.

#include "SimFixture.h"
#include "auth/ClientSecretTokenProvider.h"
#include "bot/BotConnectorClient.h"
#include "bot/BotRate.h"
#include "graph/RatePlanner.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <functional>
#include <memory>

using namespace herald;
using herald::bot::BotSendJob;
using herald::bot::BotSendResult;
using herald::bot::BotTarget;
using herald::sim::SimUser;
using herald::sim::Tenant;
using herald::test::SimFixture;
using Outcome = BotSendResult::Outcome;

namespace {

QByteArray message(const QString &text)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("message")},
                                     {QStringLiteral("text"), text},
                                     {QStringLiteral("textFormat"), QStringLiteral("markdown")}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestBotClient : public QObject
{
    Q_OBJECT

private slots:
    void outcomes();
    void createCarriesTheMessageAndNamesTheChat();
    void blockedUserIsTriedOnce();
    void dropAfterEffectIsUnconfirmedAndDeliveredOnce();
    void dropBeforeEffectIsUnconfirmedNotDelivered();
    void serviceUnavailableIsRetried();
    void pacedAtTheBotLimit();
    void oneConversationStaysInItsWindows();
    void channelPost();
    void shortTokensAreRefreshed();
    void plainHttpToARemoteHostIsRefused();

private:
    struct Kit
    {
        std::unique_ptr<SimFixture> sim;
        QNetworkAccessManager network;
        std::unique_ptr<auth::ClientSecretTokenProvider> tokens;
        graph::RatePlanner planner;
        std::unique_ptr<bot::BotConnectorClient> client;
    };

    static sim::SimOptions options(double timeScale = 20)
    {
        sim::SimOptions o = SimFixture::defaultOptions();
        o.installedFraction = 0.5;
        o.botBlockedFraction = 0.05;
        o.timeScale = timeScale;
        return o;
    }

    static std::unique_ptr<Kit> kit(const sim::SimOptions &o, int maxAttempts = 5)
    {
        auto k = std::make_unique<Kit>();
        k->sim = std::make_unique<SimFixture>(o);
        if (!k->sim->start())
            return nullptr;
        auth::ClientCredentialsSettings identity;
        identity.loginBase = k->sim->baseUrl();
        identity.tenant = auth::BotFrameworkTenant;
        identity.clientId = k->sim->clientId();
        identity.scope = auth::BotFrameworkScope;
        k->tokens
            = std::make_unique<auth::ClientSecretTokenProvider>(&k->network, identity, k->sim->secret());
        k->tokens->setTimeScale(o.timeScale);
        bot::rate::defineBotClasses(k->planner);
        k->planner.setTimeScale(o.timeScale);
        bot::BotSettings settings;
        settings.serviceUrl = k->sim->server().botServiceUrl();
        settings.botId = k->sim->clientId();
        settings.tenantId = k->sim->tenantId();
        settings.timeoutMs = 5000;
        settings.maxAttempts = maxAttempts;
        k->client = std::make_unique<bot::BotConnectorClient>(settings, k->tokens.get(), &k->planner);
        return k;
    }

    static BotSendResult sendAndWait(Kit &k, const BotTarget &target, const QByteArray &activity)
    {
        BotSendJob *job = k.client->send(target, activity);
        job->setAutoDelete(false);
        QSignalSpy done(job, &graph::Job::finished);
        job->start();
        if (!job->isFinished())
            done.wait(20000);
        const BotSendResult result = job->result();
        delete job;
        return result;
    }

    static int findUser(Kit &k, const std::function<bool(const SimUser &, bool installed)> &fits)
    {
        Tenant &t = k.sim->tenant();
        for (int i = 0; i < t.userCount(); ++i) {
            if (fits(t.user(i), t.userInstallOf(i, t.orgApp()) >= 0))
                return i;
        }
        return -1;
    }
    static int reachable(Kit &k, int skip = 0)
    {
        return findUser(k, [&skip](const SimUser &u, bool installed) {
            return u.teamsLicensed && !u.botBlocked && installed && skip-- == 0;
        });
    }
    static QString chatOf(Kit &k, int user)
    {
        return Tenant::personalChatId(k.sim->tenant().user(user).id, k.sim->clientId());
    }
    static qint64 stat(Kit &k, const QString &path)
    {
        QJsonValue v = k.sim->server().stats();
        for (const QString &part : path.split(QLatin1Char('/')))
            v = v.toObject().value(part);
        return qint64(v.toDouble());
    }
};

void TestBotClient::outcomes()
{
    auto k = kit(options());
    QVERIFY(k);
    const int ok = reachable(*k);
    QVERIFY(ok >= 0);

    BotSendResult r = sendAndWait(*k, BotTarget::conversation(chatOf(*k, ok)), message(QStringLiteral("hi")));
    QCOMPARE(r.outcome, Outcome::Sent);
    QCOMPARE(r.httpStatus, 201);
    QVERIFY(!r.activityId.isEmpty());
    QCOMPARE(r.attempts, 1);
    QCOMPARE(stat(*k, QStringLiteral("deliveries")), 1);

    // 404: a conversation that does not exist.
    r = sendAndWait(
        *k, BotTarget::conversation(QStringLiteral("19:nobody_%1@unq.gbl.spaces").arg(k->sim->clientId())),
        message(QStringLiteral("hi")));
    QCOMPARE(r.outcome, Outcome::Failed);
    QCOMPARE(r.httpStatus, 404);
    QVERIFY2(r.detail.contains(QLatin1String("404")), qPrintable(r.detail));
    QVERIFY(!r.retryable);

    // 413: over the Bot Connector's ~40 KB.
    r = sendAndWait(*k, BotTarget::conversation(chatOf(*k, ok)),
                    message(QString(45 * 1024, QLatin1Char('x'))));
    QCOMPARE(r.outcome, Outcome::Failed);
    QCOMPARE(r.httpStatus, 413);

    // 403 not in roster: the app is not installed for this user.
    const int without
        = findUser(*k, [](const SimUser &u, bool installed) { return u.teamsLicensed && !installed; });
    QVERIFY(without >= 0);
    r = sendAndWait(*k, BotTarget::user(k->sim->tenant().user(without).id), message(QStringLiteral("hi")));
    QCOMPARE(r.outcome, Outcome::NotInstalled);
    QCOMPARE(r.httpStatus, 403);
    QCOMPARE(stat(*k, QStringLiteral("deliveries")), 1);
    QCOMPARE(toName(Outcome::BlockedByUser), QStringLiteral("blocked_by_user"));
}

void TestBotClient::createCarriesTheMessageAndNamesTheChat()
{
    auto k = kit(options());
    QVERIFY(k);
    const int u = reachable(*k);
    const QByteArray activity = message(QStringLiteral("Hello **${name}**"));
    const QByteArray body = k->client->requestBody(BotTarget::user(k->sim->tenant().user(u).id), activity);
    // The activity is embedded byte for byte: what was hashed is what is sent.
    QVERIFY(body.contains("\"activity\":" + activity + "}"));
    QCOMPARE(QJsonDocument::fromJson(body).object().value(QStringLiteral("isGroup")).toBool(true), false);

    const BotSendResult r = sendAndWait(*k, BotTarget::user(k->sim->tenant().user(u).id), activity);
    QCOMPARE(r.outcome, Outcome::Sent);
    QCOMPARE(r.conversationId, chatOf(*k, u));
    QVERIFY(!r.activityId.isEmpty());
    const QJsonObject deliveries = k->sim->server().stats();
    QCOMPARE(deliveries.value(QStringLiteral("deliveries")).toInt(), 1);
    QCOMPARE(stat(*k, QStringLiteral("requests/bot.create")), 1);
}

void TestBotClient::blockedUserIsTriedOnce()
{
    auto k = kit(options());
    QVERIFY(k);
    const int blocked = findUser(
        *k, [](const SimUser &u, bool installed) { return u.teamsLicensed && u.botBlocked && installed; });
    QVERIFY(blocked >= 0);
    const BotSendResult r
        = sendAndWait(*k, BotTarget::conversation(chatOf(*k, blocked)), message(QStringLiteral("hi")));
    QCOMPARE(r.outcome, Outcome::BlockedByUser);
    QCOMPARE(r.httpStatus, 403);
    QCOMPARE(r.attempts, 1);
    QVERIFY(r.detail.contains(QLatin1String("MessageWritesBlocked")));
    QCOMPARE(stat(*k, QStringLiteral("requests/bot.send")), 1);
    QCOMPARE(stat(*k, QStringLiteral("deliveries")), 0);
}

void TestBotClient::dropAfterEffectIsUnconfirmedAndDeliveredOnce()
{
    sim::SimOptions o = options();
    o.faults.dropAfterEffect = 1.0;
    auto k = kit(o);
    QVERIFY(k);
    const int u = reachable(*k);
    // Get the token first (the token endpoint is not subject to faults).
    const BotSendResult r
        = sendAndWait(*k, BotTarget::conversation(chatOf(*k, u)), message(QStringLiteral("once")));
    QCOMPARE(r.outcome, Outcome::Unconfirmed);
    QCOMPARE(r.attempts, 1);
    // Delivered exactly once: no transport resend behind our back (unlike
    // QNetworkAccessManager, see tst_simfaults).
    QCOMPARE(stat(*k, QStringLiteral("deliveries")), 1);
    QCOMPARE(stat(*k, QStringLiteral("duplicates")), 0);
    QCOMPARE(stat(*k, QStringLiteral("faults/dropAfterEffect")), 1);
}

void TestBotClient::dropBeforeEffectIsUnconfirmedNotDelivered()
{
    sim::SimOptions o = options();
    o.faults.dropBeforeEffect = 1.0;
    auto k = kit(o);
    QVERIFY(k);
    const int u = reachable(*k);
    const BotSendResult r
        = sendAndWait(*k, BotTarget::conversation(chatOf(*k, u)), message(QStringLiteral("x")));
    // The client cannot tell a drop before the effect from one after it.
    QCOMPARE(r.outcome, Outcome::Unconfirmed);
    QCOMPARE(stat(*k, QStringLiteral("deliveries")), 0);
    QCOMPARE(stat(*k, QStringLiteral("faults/dropBeforeEffect")), 1);
}

void TestBotClient::serviceUnavailableIsRetried()
{
    sim::SimOptions o = options(50);
    o.faults.serviceUnavailable = 0.5;
    o.faults.seed = 3;
    auto k = kit(o, 8);
    QVERIFY(k);
    int sent = 0;
    for (int i = 0; i < 6; ++i) {
        const int u = reachable(*k, i);
        const BotSendResult r
            = sendAndWait(*k, BotTarget::conversation(chatOf(*k, u)), message(QStringLiteral("retry me")));
        QVERIFY2(r.outcome == Outcome::Sent || (r.outcome == Outcome::Failed && r.retryable),
                 qPrintable(r.detail));
        sent += r.outcome == Outcome::Sent ? 1 : 0;
    }
    QVERIFY(stat(*k, QStringLiteral("faults/serviceUnavailable")) > 0);
    QCOMPARE(stat(*k, QStringLiteral("deliveries")), sent);
    QCOMPARE(stat(*k, QStringLiteral("duplicates")), 0);
    QVERIFY(sent >= 5);
}

void TestBotClient::pacedAtTheBotLimit()
{
    sim::SimOptions o = options(20);
    o.installedFraction = 1.0;
    o.botBlockedFraction = 0;
    o.unlicensedFraction = 0;
    o.policyBlockedFraction = 0;
    o.users = 300;
    auto k = kit(o);
    QVERIFY(k);
    const int n = 250;
    QList<BotSendJob *> jobs;
    int finished = 0;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < n; ++i) {
        BotSendJob *job
            = k->client->send(BotTarget::conversation(chatOf(*k, i)), message(QStringLiteral("paced")));
        connect(job, &graph::Job::finished, this, [&finished] { ++finished; });
        job->start();
    }
    QTRY_COMPARE_WITH_TIMEOUT(finished, n, 30000);
    const double elapsed = double(timer.elapsed()) / 1000.0;
    const double ideal = double(n) / (bot::rate::kSendsPerSecond * o.timeScale);
    QCOMPARE(stat(*k, QStringLiteral("deliveries")), n);
    QCOMPARE(stat(*k, QStringLiteral("throttledTotal")), 0);
    // Paced, not flooded: at least the documented time (minus the first burst).
    QVERIFY2(elapsed >= ideal * 0.8,
             qPrintable(QStringLiteral("%1 s for ideal %2 s").arg(elapsed).arg(ideal)));
}

void TestBotClient::oneConversationStaysInItsWindows()
{
    sim::SimOptions o = options(20);
    auto k = kit(o);
    QVERIFY(k);
    const QString chat = chatOf(*k, reachable(*k));
    const int n = 20; // more than the 8 per 2 s window allows at once
    int finished = 0;
    int sent = 0;
    for (int i = 0; i < n; ++i) {
        BotSendJob *job
            = k->client->send(BotTarget::conversation(chat), message(QStringLiteral("m%1").arg(i)));
        connect(job, &graph::Job::finished, this, [&finished, &sent, job] {
            ++finished;
            sent += job->result().outcome == Outcome::Sent ? 1 : 0;
        });
        job->start();
    }
    QTRY_COMPARE_WITH_TIMEOUT(finished, n, 30000);
    QCOMPARE(sent, n);
    QCOMPARE(stat(*k, QStringLiteral("throttledByLimit/conversation")), 0);
}

void TestBotClient::channelPost()
{
    auto k = kit(options());
    QVERIFY(k);
    Tenant &t = k->sim->tenant();
    int team = -1;
    for (int g : t.teams()) {
        if (t.teamInstallOf(g, t.orgApp()) >= 0)
            team = g;
    }
    if (team < 0) {
        team = t.teams().first();
        t.installForTeam(team, t.orgApp());
    }
    const BotSendResult r = sendAndWait(*k, BotTarget::channel(t.group(team).generalChannelId),
                                        message(QStringLiteral("to the channel")));
    QCOMPARE(r.outcome, Outcome::Sent);
    QVERIFY(r.conversationId.startsWith(t.group(team).generalChannelId));
    QCOMPARE(stat(*k, QStringLiteral("deliveries")), 1);
}

void TestBotClient::shortTokensAreRefreshed()
{
    sim::SimOptions o = options(20);
    o.tokenTtlSeconds = 60; // 3 s real at scale 20; refreshed ahead of expiry
    o.installedFraction = 1.0;
    o.botBlockedFraction = 0;
    o.unlicensedFraction = 0;
    o.policyBlockedFraction = 0;
    auto k = kit(o);
    QVERIFY(k);
    int finished = 0;
    int sent = 0;
    const int n = 120;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < n; ++i) {
        const QString chat = chatOf(*k, i % 150);
        QTimer::singleShot(i * 40, this, [&, chat, i] {
            BotSendJob *job
                = k->client->send(BotTarget::conversation(chat), message(QStringLiteral("t%1").arg(i)));
            connect(job, &graph::Job::finished, this, [&finished, &sent, job] {
                ++finished;
                sent += job->result().outcome == Outcome::Sent ? 1 : 0;
            });
            job->start();
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(finished, n, 30000);
    QCOMPARE(sent, n);
    QVERIFY2(k->tokens->fetchCount() >= 2, qPrintable(QString::number(k->tokens->fetchCount())));
}

void TestBotClient::plainHttpToARemoteHostIsRefused()
{
    bot::BotSettings settings;
    settings.serviceUrl = QUrl(QStringLiteral("http://smba.example.com/teams/"));
    settings.botId = QStringLiteral("b");
    graph::RatePlanner planner;
    bot::BotConnectorClient client(settings, nullptr, &planner);
    QVERIFY(client.configError().isError());
    BotSendJob *job
        = client.send(BotTarget::conversation(QStringLiteral("19:x")), message(QStringLiteral("x")));
    job->setAutoDelete(false);
    job->start();
    QVERIFY(job->isFinished());
    QCOMPARE(job->error().kind, graph::GraphError::Kind::Config);
    delete job;
}

QTEST_GUILESS_MAIN(TestBotClient)
#include "tst_botclient.moc"
