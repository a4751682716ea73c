#pragma once

// BotConnectorClient: proactive messages through the Bot Connector
// (API-NOTES "Bot Connector"; Teams "Proactive messages").
//
//   Target::Conversation  POST {serviceUrl}/v3/conversations/{chatId}/activities
//   Target::User          POST {serviceUrl}/v3/conversations  with the 1:1
//                         parameters and the message as "activity": one
//                         request finds (or creates) the chat and delivers
//   Target::Channel       POST {serviceUrl}/v3/conversations  isGroup, channel
//                         id in channelData, the message as "activity"
//
// Every request is paced by the RatePlanner (bot/BotRate.h) BEFORE it leaves,
// carries the bot token (refreshed once on 401) and is written exactly once
// per attempt over WireClient (never QNetworkAccessManager, which resends
// unanswered POSTs). Outcomes (BotSendResult):
//   2xx                              sent
//   403 MessageWritesBlocked         blocked_by_user   (never retried)
//   403 BotNotInConversationRoster   not_installed     (the app is not installed)
//   404 / 413 / other 4xx            failed with the service's detail
//   429 / 503                        retried after Retry-After (bounded), then
//                                    failed (retryable: nothing was delivered)
//   not sent (connect/TLS failure)   retried (bounded), then failed (retryable)
//   no answer after writing          unconfirmed: it may have been delivered;
//                                    never retried here
// Time scale: like the Graph client, every delay is divided by the planner's
// time scale (herald-sim --time-scale).
//
// Tenant: User and Channel targets carry the tenant's id (a GUID) in
// `tenantId` and `channelData.tenant.id`. When the configured tenant is a
// domain, the GUID is resolved once (bot/TenantId.h: the `tid` of a Graph
// token, setTenantLookup) and kept; a journaled campaign sets the GUID it
// recorded with setTenantId(). No create-conversation leaves without it.

#include "auth/TokenProvider.h"
#include "graph/GraphError.h"
#include "graph/Job.h"
#include "graph/RatePlanner.h"
#include "graph/RequestLog.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

namespace herald::bot {

class WireClient;
class WireExchange;

struct BotTarget
{
    enum class Kind : quint8 { Conversation, User, Channel };
    Kind kind = Kind::Conversation;
    QString id; // conversation (chat) id, Entra object id of the user, or channel id

    static BotTarget conversation(const QString &chatId) { return {Kind::Conversation, chatId}; }
    static BotTarget user(const QString &objectId) { return {Kind::User, objectId}; }
    static BotTarget channel(const QString &channelId) { return {Kind::Channel, channelId}; }
};

struct BotSendResult
{
    enum class Outcome : quint8 { Sent, BlockedByUser, NotInstalled, Failed, Unconfirmed };
    Outcome outcome = Outcome::Failed;
    bool retryable = false; // Failed, and certainly not delivered: may be sent again later
    int httpStatus = 0; // of the deciding answer; 0 when none
    QString conversationId; // known after a create, or the target's
    QString activityId;
    QString detail; // the service's error code and message, or the transport error
    int attempts = 0; // requests written (or tried) for this message
};

// "sent", "blocked_by_user", "not_installed", "failed", "unconfirmed" (CLI.md states).
QString toName(BotSendResult::Outcome outcome);

struct BotSettings
{
    QUrl serviceUrl; // https://smba.trafficmanager.net/teams/ or --bot-service-url
    QString botId; // the bot's Microsoft App id (without "28:")
    QString tenantId; // the tenant the recipients are in, as configured (GUID or domain)
    int timeoutMs = 30000; // per attempt, real time
    int maxAttempts = 5; // per message, for 429/503 and not-sent failures
    int maxInFlight = 16; // connections (requests on the wire at once)
};

class BotConnectorClient;
class TenantIdJob;

class BotSendJob : public graph::Job
{
    Q_OBJECT

public:
    ~BotSendJob() override;

    const BotTarget &target() const { return m_target; }
    // Valid after finished(); after abort() it says whether the request was
    // on the wire (Unconfirmed) or not (Failed, retryable).
    const BotSendResult &result() const { return m_result; }

private:
    friend class BotConnectorClient;
    BotSendJob(BotConnectorClient *client, const BotTarget &target, QByteArray activity,
               QStringList rateKeys);

    void doStart() override;
    void doAbort() override;
    void onTenant();
    void beginAttempt();
    void onToken();
    void waitForPlanner();
    void sendNow();
    void onAnswer();
    void retryLater(qint64 serviceDelayMs, const QString &why);
    void done(BotSendResult::Outcome outcome, const QString &detail, bool retryable = false);

    QPointer<BotConnectorClient> m_client;
    BotTarget m_target;
    QByteArray m_activity;
    QByteArray m_body;
    QUrl m_url;
    QStringList m_rateKeys;
    QPointer<auth::TokenJob> m_tokenJob;
    QPointer<TenantIdJob> m_tenantJob;
    QPointer<WireExchange> m_exchange;
    QTimer m_timer;
    QString m_token;
    BotSendResult m_result;
    qint64 m_sentAtMs = 0;
    int m_retries = 0;
    bool m_refreshedToken = false;
};

class BotConnectorClient : public QObject
{
    Q_OBJECT

public:
    // `planner` needs the bot classes (rate::defineBotClasses); `tokens`
    // gives bot tokens (scope https://api.botframework.com/.default).
    BotConnectorClient(const BotSettings &settings, auth::TokenProvider *tokens, graph::RatePlanner *planner,
                       QObject *parent = nullptr);
    ~BotConnectorClient() override;

    // A Config error when the service URL is unusable (plain http to a
    // non-loopback host, no host); every job then fails with it.
    const graph::GraphError &configError() const { return m_configError; }
    const BotSettings &settings() const { return m_settings; }
    void setRequestLog(graph::RequestLog *log) { m_log = log; }

    // `activityJson` is the Activity exactly as it goes on the wire (for a
    // User/Channel target it is embedded as "activity" byte for byte).
    BotSendJob *send(const BotTarget &target, const QByteArray &activityJson);

    // The request body for a target (public for tests). For User/Channel
    // targets it needs tenantId() (empty there until it is known).
    QByteArray requestBody(const BotTarget &target, const QByteArray &activityJson) const;

    // The tenant GUID the payloads carry: set, resolved, or the configured
    // tenant when that is a GUID; empty while unknown.
    QString tenantId() const;
    // A GUID known from elsewhere (the campaign journal).
    void setTenantId(const QString &tenantGuid);
    // Where a domain --tenant is resolved from: Graph tokens of that tenant.
    void setTenantLookup(auth::TokenProvider *graphTokens) { m_tenantTokens = graphTokens; }
    bool hasTenantLookup() const { return m_tenantTokens; }
    // Finds the GUID (at once when known) and keeps it; see bot/TenantId.h.
    TenantIdJob *resolveTenantId();
    QUrl requestUrl(const BotTarget &target) const;

    auth::TokenProvider *tokenProvider() const { return m_tokens; }
    graph::RatePlanner *planner() const { return m_planner; }
    double timeScale() const;
    int requestsWritten() const { return m_written; }

private:
    friend class BotSendJob;

    BotSettings m_settings;
    QPointer<auth::TokenProvider> m_tokens;
    QPointer<graph::RatePlanner> m_planner;
    QPointer<graph::RequestLog> m_log;
    QPointer<auth::TokenProvider> m_tenantTokens;
    QString m_tenantId; // resolved or set
    WireClient *m_wire = nullptr;
    graph::GraphError m_configError;
    int m_written = 0;
};

} // namespace herald::bot
