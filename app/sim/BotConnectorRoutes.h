#pragma once

// The Bot Connector under /bot/: create a conversation (1:1 with an optional
// first activity, or a channel post) and send activities, as in the Bot
// Framework REST API reference and the Teams pages "Proactive messages" and
// "Rate limiting for bots". Requires a bot token (aud https://api.botframework.com).
// Every delivery is recorded (conversation, content hash, time) for /_sim stats.

#include "sim/RateLimiter.h"
#include "sim/SimTypes.h"
#include "sim/TokenIssuer.h"

#include <QJsonObject>
#include <optional>

namespace herald::sim {

struct SimServices;

class BotConnectorRoutes
{
public:
    explicit BotConnectorRoutes(SimServices &services);
    SimResponse handle(const SimRequest &request);

    static constexpr int kMaxPayloadBytes = 40 * 1024;
    static SimResponse error(int status, const QString &code, const QString &message);

private:
    SimResponse createConversation(const SimRequest &request, const TokenClaims &claims);
    SimResponse sendActivity(const SimRequest &request, const TokenClaims &claims,
                             const QString &conversationId);
    // Charges the bot's limit (every call) or a conversation's windows (every delivery).
    std::optional<SimResponse> throttle(const RateLimiter::Decision &decision, const char *category);
    std::optional<SimResponse> validateActivity(const QJsonValue &activity) const;
    // tenantId / channelData.tenant.id must be the tenant's GUID.
    std::optional<SimResponse> checkTenant(const QJsonObject &params, const QJsonObject &channelData) const;
    QString deliver(const QString &conversationId, const QJsonObject &activity);

    SimServices &m_services;
    qint64 m_nextActivityId = 0;
};

} // namespace herald::sim
