// The simulated Bot Connector: conversations, sends, delivery log, limits.

#include "SimFixture.h"

#include <QJsonArray>
#include <QTest>
#include <functional>

using namespace herald::test;
using herald::sim::SimUser;
using herald::sim::Tenant;

namespace {

QJsonObject message(const QString &text)
{
    return {{QStringLiteral("type"), QStringLiteral("message")},
            {QStringLiteral("text"), text},
            {QStringLiteral("textFormat"), QStringLiteral("markdown")}};
}

} // namespace

class TestSimBot : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        auto options = SimFixture::defaultOptions();
        options.installedFraction = 0.6;
        options.botBlockedFraction = 0.1;
        m_sim = std::make_unique<SimFixture>(options);
        QVERIFY2(m_sim->start(), qPrintable(m_sim->errorString()));
        m_sim->probe().setBearer(m_sim->botToken());
        QVERIFY(m_sim->tenant().orgApp() >= 0);
    }

    void createOneOnOneMatchesGraphChatId()
    {
        const int u = reachable();
        const ProbeReply r
            = m_sim->probe().postJson(m_sim->bot(QStringLiteral("/v3/conversations")), createBody(u));
        QCOMPARE(r.status, 201);
        const QString id = r.json().value(QStringLiteral("id")).toString();
        QCOMPARE(id, Tenant::personalChatId(m_sim->tenant().user(u).id, m_sim->clientId()));
        QVERIFY(!r.json().contains(QStringLiteral("activityId")));
        QCOMPARE(m_sim->server().stats().value(QStringLiteral("deliveries")).toInt(), 0);

        // The same id as Graph's installation chat.
        HttpProbe graph(m_sim->probe().manager());
        graph.setBearer(m_sim->graphToken());
        const QString user = m_sim->tenant().user(u).id;
        const ProbeReply chat
            = graph.get(m_sim->graph(QStringLiteral("/users/%1/teamwork/installedApps/%2/chat")
                                         .arg(user, Tenant::installationId(user, m_sim->appId()))));
        QCOMPARE(chat.json().value(QStringLiteral("id")).toString(), id);
    }

    void createWithFirstMessageDelivers()
    {
        const int u = reachable();
        QJsonObject body = createBody(u);
        body.insert(QStringLiteral("activity"), message(QStringLiteral("Hello **everyone**")));
        const ProbeReply r = m_sim->probe().postJson(m_sim->bot(QStringLiteral("/v3/conversations")), body);
        QCOMPARE(r.status, 201);
        QVERIFY(!r.json().value(QStringLiteral("activityId")).toString().isEmpty());
        const QString conversation = r.json().value(QStringLiteral("id")).toString();
        const ProbeReply log = m_sim->probe().get(m_sim->simUrl(QStringLiteral("/deliveries?conversation=")
                                                                + QUrl::toPercentEncoding(conversation)));
        const QJsonArray list
            = log.json().value(QStringLiteral("conversations")).toObject().value(conversation).toArray();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().toObject().value(QStringLiteral("activityId")).toString(),
                 r.json().value(QStringLiteral("activityId")).toString());
    }

    void createNeedsTheAppInstalled()
    {
        const int u = findUser([this](const SimUser &user, int i) {
            return user.teamsLicensed && m_sim->tenant().userInstallOf(i, m_sim->tenant().orgApp()) < 0;
        });
        QVERIFY(u >= 0);
        QJsonObject body = createBody(u);
        body.insert(QStringLiteral("activity"), message(QStringLiteral("hi")));
        ProbeReply r = m_sim->probe().postJson(m_sim->bot(QStringLiteral("/v3/conversations")), body);
        QCOMPARE(r.status, 403);
        QCOMPARE(m_sim->server().stats().value(QStringLiteral("deliveries")).toInt(), 0);
        body = createBody(u);
        body.insert(QStringLiteral("members"),
                    QJsonArray{QJsonObject{
                        {QStringLiteral("id"), QStringLiteral("00000000-0000-4000-8000-000000000001")}}});
        QCOMPARE(m_sim->probe().postJson(m_sim->bot(QStringLiteral("/v3/conversations")), body).status, 404);
        body = createBody(u);
        body.insert(QStringLiteral("tenantId"), QStringLiteral("00000000-0000-4000-8000-000000000002"));
        QCOMPARE(m_sim->probe().postJson(m_sim->bot(QStringLiteral("/v3/conversations")), body).status, 400);
        body = createBody(u);
        body.insert(QStringLiteral("bot"),
                    QJsonObject{{QStringLiteral("id"), QStringLiteral("28:someone-else")}});
        QCOMPARE(m_sim->probe().postJson(m_sim->bot(QStringLiteral("/v3/conversations")), body).status, 400);
    }

    void sendsAreRecordedAndDuplicatesCounted()
    {
        const QString conversation = conversationOf(reachable());
        const QUrl url = m_sim->bot(QStringLiteral("/v3/conversations/%1/activities").arg(conversation));
        ProbeReply r = m_sim->probe().postJson(url, message(QStringLiteral("one")));
        QCOMPARE(r.status, 201);
        QVERIFY(!r.json().value(QStringLiteral("id")).toString().isEmpty());
        QCOMPARE(m_sim->probe().postJson(url, message(QStringLiteral("two"))).status, 201);
        QCOMPARE(m_sim->probe().postJson(url, message(QStringLiteral("one"))).status, 201);
        const QJsonObject stats = m_sim->statsOverHttp();
        QCOMPARE(stats.value(QStringLiteral("deliveries")).toInt(), 3);
        QCOMPARE(stats.value(QStringLiteral("duplicates")).toInt(), 1);
        QCOMPARE(stats.value(QStringLiteral("deliveriesPerConversation"))
                     .toObject()
                     .value(QStringLiteral("3"))
                     .toInt(),
                 1);
        QCOMPARE(stats.value(QStringLiteral("requests")).toObject().value(QStringLiteral("bot.send")).toInt(),
                 3);
    }

    void userWhoBlockedTheBot()
    {
        const int u = findUser([this](const SimUser &user, int i) {
            return user.botBlocked && user.teamsLicensed
                && m_sim->tenant().userInstallOf(i, m_sim->tenant().orgApp()) >= 0;
        });
        QVERIFY(u >= 0);
        const QString conversation = Tenant::personalChatId(m_sim->tenant().user(u).id, m_sim->clientId());
        ProbeReply r = m_sim->probe().postJson(
            m_sim->bot(QStringLiteral("/v3/conversations/%1/activities").arg(conversation)),
            message(QStringLiteral("hi")));
        QCOMPARE(r.status, 403);
        QVERIFY(r.body.contains("MessageWritesBlocked"));
        QJsonObject body = createBody(u);
        body.insert(QStringLiteral("activity"), message(QStringLiteral("hi")));
        r = m_sim->probe().postJson(m_sim->bot(QStringLiteral("/v3/conversations")), body);
        QCOMPARE(r.status, 403);
        QVERIFY(r.body.contains("MessageWritesBlocked"));
        QCOMPARE(m_sim->server().stats().value(QStringLiteral("deliveries")).toInt(), 0);
    }

    void badActivities_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::newRow("not json") << QByteArray("{\"type\":") << 400;
        QTest::newRow("array") << QByteArray("[1,2]") << 400;
        QTest::newRow("no type") << QByteArray("{\"text\":\"hi\"}") << 400;
        QTest::newRow("empty message") << QByteArray("{\"type\":\"message\"}") << 400;
        QTest::newRow("attachment without type")
            << QByteArray("{\"type\":\"message\",\"attachments\":[{\"content\":{}}]}") << 400;
        QTest::newRow("card") << QByteArray(
            "{\"type\":\"message\",\"attachments\":[{\"contentType\":\"application/"
            "vnd.microsoft.card.adaptive\",\"content\":{\"type\":\"AdaptiveCard\",\"version\":\"1.5\"}}]}")
                              << 201;
        QTest::newRow("too large") << QByteArray("{\"type\":\"message\",\"text\":\""
                                                 + QByteArray(41 * 1024, 'x') + "\"}")
                                   << 413;
    }

    void badActivities()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        const QString conversation = conversationOf(reachable());
        const ProbeReply r = m_sim->probe().postRaw(
            m_sim->bot(QStringLiteral("/v3/conversations/%1/activities").arg(conversation)), body,
            "application/json");
        QCOMPARE(r.status, status);
        QCOMPARE(m_sim->server().stats().value(QStringLiteral("deliveries")).toInt(), status == 201 ? 1 : 0);
    }

    void unknownConversationIs404()
    {
        for (const QString &id :
             {QStringLiteral("19:nothing@thread.tacv2"), QStringLiteral("a:1garbage"),
              Tenant::personalChatId(QStringLiteral("00000000-0000-4000-8000-000000000003"),
                                     m_sim->clientId())}) {
            const ProbeReply r = m_sim->probe().postJson(
                m_sim->bot(QStringLiteral("/v3/conversations/%1/activities").arg(id)),
                message(QStringLiteral("hi")));
            QCOMPARE(r.status, 404);
        }
    }

    void needsABotToken()
    {
        m_sim->probe().setBearer(m_sim->graphToken());
        const ProbeReply r = m_sim->probe().postJson(
            m_sim->bot(QStringLiteral("/v3/conversations/%1/activities").arg(conversationOf(reachable()))),
            message(QStringLiteral("hi")));
        QCOMPARE(r.status, 401);
        m_sim->probe().setBearer({});
        QCOMPARE(m_sim->probe()
                     .postJson(m_sim->bot(QStringLiteral("/v3/conversations")), createBody(reachable()))
                     .status,
                 401);
    }

    void channelPosts()
    {
        const Tenant &tenant = m_sim->tenant();
        int with = -1;
        int without = -1;
        for (int t : tenant.teams())
            (tenant.teamInstallOf(t, tenant.orgApp()) >= 0 ? with : without) = t;
        QVERIFY(with >= 0 && without >= 0);
        const auto post = [this, &tenant](int team) {
            return m_sim->probe().postJson(
                m_sim->bot(QStringLiteral("/v3/conversations")),
                QJsonObject{
                    {QStringLiteral("isGroup"), true},
                    {QStringLiteral("channelData"),
                     QJsonObject{
                         {QStringLiteral("channel"),
                          QJsonObject{{QStringLiteral("id"), tenant.group(team).generalChannelId}}},
                         {QStringLiteral("tenant"), QJsonObject{{QStringLiteral("id"), tenant.tenantId()}}}}},
                    {QStringLiteral("activity"), message(QStringLiteral("Team news"))}});
        };
        const ProbeReply ok = post(with);
        QCOMPARE(ok.status, 201);
        QVERIFY(ok.json()
                    .value(QStringLiteral("id"))
                    .toString()
                    .startsWith(tenant.group(with).generalChannelId + QStringLiteral(";messageid=")));
        QCOMPARE(post(without).status, 403);
        QCOMPARE(m_sim->server().stats().value(QStringLiteral("deliveries")).toInt(), 1);
    }

    void perConversationLimit()
    {
        const QUrl url
            = m_sim->bot(QStringLiteral("/v3/conversations/%1/activities").arg(conversationOf(reachable())));
        QList<int> statuses;
        for (int i = 0; i < 9; ++i)
            statuses.append(m_sim->probe().postJson(url, message(QStringLiteral("m%1").arg(i))).status);
        // 7 per second: the first 7 go through, the rest are throttled.
        QCOMPARE(statuses.mid(0, 7), QList<int>(7, 201));
        QCOMPARE(statuses.at(7), 429);
        const ProbeReply r = m_sim->probe().postJson(url, message(QStringLiteral("again")));
        QCOMPARE(r.status, 429);
        QVERIFY(r.header("retry-after").toInt() >= 1);
        QCOMPARE(r.errorCode(), QStringLiteral("TooManyRequests"));
        QCOMPARE(m_sim->server().stats().value(QStringLiteral("deliveries")).toInt(), 7);
        QVERIFY(m_sim->server()
                    .stats()
                    .value(QStringLiteral("throttledByLimit"))
                    .toObject()
                    .value(QStringLiteral("conversation"))
                    .toInt()
                >= 2);
    }

    void createWithMessageSharesTheConversationWindows()
    {
        // "Rate limiting for bots": the windows are per conversation, whichever
        // call writes to it; a create that carries a message writes to the 1:1 chat.
        const int u = reachable();
        QJsonObject body = createBody(u);
        const QUrl create = m_sim->bot(QStringLiteral("/v3/conversations"));
        const QUrl send
            = m_sim->bot(QStringLiteral("/v3/conversations/%1/activities").arg(conversationOf(u)));
        QList<int> statuses;
        for (int i = 0; i < 4; ++i) {
            body.insert(QStringLiteral("activity"), message(QStringLiteral("c%1").arg(i)));
            statuses.append(m_sim->probe().postJson(create, body).status);
        }
        for (int i = 0; i < 4; ++i)
            statuses.append(m_sim->probe().postJson(send, message(QStringLiteral("s%1").arg(i))).status);
        QCOMPARE(statuses.mid(0, 7), QList<int>(7, 201));
        QCOMPARE(statuses.at(7), 429);
        QCOMPARE(m_sim->server().stats().value(QStringLiteral("deliveries")).toInt(), 7);
        // A create without a message delivers nothing and is not held by the windows.
        QCOMPARE(m_sim->probe().postJson(create, createBody(u)).status, 201);
    }

    void oversizedCreateIs413()
    {
        QJsonObject body = createBody(reachable());
        body.insert(QStringLiteral("activity"), message(QString(41 * 1024, QLatin1Char('x'))));
        const ProbeReply r = m_sim->probe().postJson(m_sim->bot(QStringLiteral("/v3/conversations")), body);
        QCOMPARE(r.status, 413);
        QCOMPARE(m_sim->server().stats().value(QStringLiteral("deliveries")).toInt(), 0);
    }

    void perBotLimit()
    {
        QList<ProbeRequest> requests;
        int sent = 0;
        for (int u = 0; u < m_sim->tenant().userCount() && sent < 90; ++u) {
            const SimUser &user = m_sim->tenant().user(u);
            if (!user.teamsLicensed || user.botBlocked
                || m_sim->tenant().userInstallOf(u, m_sim->tenant().orgApp()) < 0)
                continue;
            requests.append(
                {"POST",
                 m_sim->bot(QStringLiteral("/v3/conversations/%1/activities").arg(conversationOf(u))),
                 QJsonDocument(message(QStringLiteral("hello"))).toJson(),
                 {{"Content-Type", "application/json"}}});
            ++sent;
        }
        QCOMPARE(sent, 90);
        int ok = 0;
        int throttled = 0;
        for (const ProbeReply &r : m_sim->probe().sendAll(requests)) {
            ok += r.status == 201;
            throttled += r.status == 429;
        }
        QVERIFY2(ok >= 50 && throttled >= 10, qPrintable(QStringLiteral("%1 %2").arg(ok).arg(throttled)));
        QVERIFY(m_sim->server()
                    .stats()
                    .value(QStringLiteral("throttledByLimit"))
                    .toObject()
                    .value(QStringLiteral("bot"))
                    .toInt()
                >= 10);
    }

private:
    QJsonObject createBody(int user) const
    {
        return {{QStringLiteral("bot"),
                 QJsonObject{{QStringLiteral("id"), QStringLiteral("28:") + m_sim->clientId()}}},
                {QStringLiteral("members"),
                 QJsonArray{QJsonObject{{QStringLiteral("id"), m_sim->tenant().user(user).id}}}},
                {QStringLiteral("tenantId"), m_sim->tenantId()},
                {QStringLiteral("isGroup"), false}};
    }

    QString conversationOf(int user) const
    {
        return Tenant::personalChatId(m_sim->tenant().user(user).id, m_sim->clientId());
    }

    int findUser(const std::function<bool(const SimUser &, int)> &match) const
    {
        for (int i = 0; i < m_sim->tenant().userCount(); ++i) {
            if (match(m_sim->tenant().user(i), i))
                return i;
        }
        return -1;
    }

    // Has the app, did not block the bot.
    int reachable() const
    {
        return findUser([this](const SimUser &user, int i) {
            return user.teamsLicensed && !user.botBlocked
                && m_sim->tenant().userInstallOf(i, m_sim->tenant().orgApp()) >= 0;
        });
    }

    std::unique_ptr<SimFixture> m_sim;
};

QTEST_GUILESS_MAIN(TestSimBot)
#include "tst_simbot.moc"
