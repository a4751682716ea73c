#include "sim/BotConnectorRoutes.h"

#include "sim/SimServices.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace herald::sim {

namespace {

const char *const kCreate = "bot.create";
const char *const kSend = "bot.send";

SimResponse notInRoster()
{
    return BotConnectorRoutes::error(403, QStringLiteral("BotNotInConversationRoster"),
                                     QStringLiteral("The bot is not part of the conversation roster."));
}

SimResponse blockedByUser()
{
    // Teams: "403 with subCode MessageWritesBlocked" when the user blocked the bot.
    QJsonObject err{
        {QStringLiteral("code"), QStringLiteral("ConversationBlockedByUser")},
        {QStringLiteral("subCode"), QStringLiteral("MessageWritesBlocked")},
        {QStringLiteral("message"), QStringLiteral("User blocked the conversation with the bot.")}};
    return SimResponse::json(403, QJsonObject{{QStringLiteral("error"), err}});
}

} // namespace

std::optional<SimResponse> BotConnectorRoutes::checkTenant(const QJsonObject &params,
                                                           const QJsonObject &channelData) const
{
    // The tenant a conversation is created in is named by its tenant ID: Teams
    // "Send proactive messages" (learn.microsoft.com/microsoftteams/platform/
    // bots/how-to/conversations/send-proactive-messages: "obtain the user's
    // unique ID and tenant ID") and Bot Framework ConversationParameters.
    // TenantId ("the tenant ID in which the conversation should be created"),
    // carried in Teams as channelData.tenant.id too. A tenant ID is the
    // directory's GUID; a verified domain is not one. Neither page states
    // the exact refusal, so this returns the closest documented Bot Framework
    // error: 400 with an ErrorResponse whose code is `BadArgument` (Bot
    // Framework ErrorCodes: BadArgument "Bad argument"; BadSyntax is for a
    // request that cannot be parsed). Every tenant id given must be the GUID.
    const QString expected = m_services.tenant.tenantId();
    const QString top = params.value(QStringLiteral("tenantId")).toString();
    const QString inChannelData
        = channelData.value(QStringLiteral("tenant")).toObject().value(QStringLiteral("id")).toString();
    if (top.isEmpty() && inChannelData.isEmpty())
        return error(400, QStringLiteral("BadArgument"),
                     QStringLiteral("Incorrect conversation creation parameters: a tenant id (tenantId or "
                                    "channelData.tenant.id) is required."));
    for (const QString &given : {top, inChannelData}) {
        if (!given.isEmpty() && given.compare(expected, Qt::CaseInsensitive) != 0)
            return error(400, QStringLiteral("BadArgument"),
                         QStringLiteral("Incorrect conversation creation parameters: '%1' is not the tenant "
                                        "id of this tenant (a GUID).")
                             .arg(given));
    }
    return std::nullopt;
}

BotConnectorRoutes::BotConnectorRoutes(SimServices &services)
    : m_services(services)
    , m_nextActivityId(services.clock.epochMs() * 1000)
{
}

SimResponse BotConnectorRoutes::error(int status, const QString &code, const QString &message)
{
    return SimResponse::json(
        status,
        QJsonObject{{QStringLiteral("error"),
                     QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}}});
}

SimResponse BotConnectorRoutes::handle(const SimRequest &request)
{
    // /bot/v3/conversations[/{id}/activities[/{replyToId}]]
    const QStringList segments = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts).mid(1);
    const auto validation
        = m_services.issuer.validate(request.header("authorization"), TokenIssuer::botAudience(), {});
    const bool tenantOk = validation.claims.tid == TokenIssuer::botFrameworkTenantId()
        || validation.claims.tid.compare(m_services.options.tenantId, Qt::CaseInsensitive) == 0;
    if (validation.result != TokenIssuer::Check::Ok || !tenantOk) {
        SimResponse denied = SimResponse::json(
            401,
            QJsonObject{{QStringLiteral("message"),
                         QStringLiteral("Authorization has been denied for this request.")}});
        denied.setHeader("WWW-Authenticate", "Bearer realm=\"botframework.com\"");
        return denied;
    }
    if (segments.value(0) != QLatin1String("v3") || segments.value(1) != QLatin1String("conversations"))
        return error(404, QStringLiteral("NotFound"), QStringLiteral("Unknown Bot Connector resource."));
    if (request.method != "POST")
        return error(405, QStringLiteral("MethodNotAllowed"),
                     QStringLiteral("herald-sim only accepts POST here."));
    if (request.body.size() > kMaxPayloadBytes) {
        m_services.stats.countRequest(QString::fromLatin1(segments.size() == 2 ? kCreate : kSend));
        return error(413, QStringLiteral("MessageSizeTooBig"),
                     QStringLiteral("The request payload is larger than %1 bytes.").arg(kMaxPayloadBytes));
    }
    if (segments.size() == 2)
        return createConversation(request, validation.claims);
    if ((segments.size() == 4 || segments.size() == 5) && segments.at(3) == QLatin1String("activities"))
        return sendActivity(request, validation.claims, segments.at(2));
    return error(404, QStringLiteral("NotFound"), QStringLiteral("Unknown Bot Connector resource."));
}

std::optional<SimResponse> BotConnectorRoutes::throttle(const RateLimiter::Decision &decision,
                                                        const char *category)
{
    if (decision.allowed)
        return std::nullopt;
    m_services.stats.countThrottled(QString::fromLatin1(category), decision.limit);
    SimResponse response = error(429, QStringLiteral("TooManyRequests"),
                                 QStringLiteral("Too many requests (%1 limit). Retry after %2 seconds.")
                                     .arg(decision.limit)
                                     .arg(decision.retryAfterSeconds));
    response.setHeader("Retry-After", QByteArray::number(decision.retryAfterSeconds));
    return response;
}

std::optional<SimResponse> BotConnectorRoutes::validateActivity(const QJsonValue &value) const
{
    if (!value.isObject())
        return error(400, QStringLiteral("BadArgument"),
                     QStringLiteral("The activity must be a JSON object."));
    const QJsonObject activity = value.toObject();
    const QString type = activity.value(QStringLiteral("type")).toString();
    if (type.isEmpty())
        return error(400, QStringLiteral("BadArgument"), QStringLiteral("Activity type is required."));
    if (type == QLatin1String("message")) {
        const bool hasText = !activity.value(QStringLiteral("text")).toString().isEmpty();
        const QJsonArray attachments = activity.value(QStringLiteral("attachments")).toArray();
        for (const QJsonValue &a : attachments) {
            if (a.toObject().value(QStringLiteral("contentType")).toString().isEmpty())
                return error(400, QStringLiteral("BadArgument"),
                             QStringLiteral("Attachment contentType is required."));
        }
        if (!hasText && attachments.isEmpty()) {
            return error(400, QStringLiteral("BadArgument"),
                         QStringLiteral("A message activity needs text or attachments."));
        }
    } else if (type != QLatin1String("typing")) {
        return error(400, QStringLiteral("BadArgument"),
                     QStringLiteral("Activity type '%1' cannot be sent proactively.").arg(type));
    }
    return std::nullopt;
}

QString BotConnectorRoutes::deliver(const QString &conversationId, const QJsonObject &activity)
{
    const QString activityId = QString::number(++m_nextActivityId);
    if (activity.value(QStringLiteral("type")).toString() != QLatin1String("message"))
        return activityId;
    // Same content = the activity minus the fields a client may vary per attempt.
    QJsonObject content = activity;
    content.remove(QStringLiteral("id"));
    content.remove(QStringLiteral("timestamp"));
    content.remove(QStringLiteral("localTimestamp"));
    const QByteArray hash = QCryptographicHash::hash(QJsonDocument(content).toJson(QJsonDocument::Compact),
                                                     QCryptographicHash::Sha1)
                                .toHex();
    m_services.stats.recordDelivery(conversationId, {activityId, hash, m_services.clock.epochMs()});
    return activityId;
}

SimResponse BotConnectorRoutes::createConversation(const SimRequest &request, const TokenClaims &claims)
{
    m_services.stats.countRequest(QString::fromLatin1(kCreate));
    if (auto refused = throttle(m_services.limiter.bot(claims.appid), kCreate))
        return *refused;
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return error(400, QStringLiteral("BadArgument"), QStringLiteral("Invalid conversation parameters."));
    const QJsonObject params = doc.object();
    const Tenant &tenant = m_services.tenant;

    const QString botId
        = params.value(QStringLiteral("bot")).toObject().value(QStringLiteral("id")).toString();
    if (!botId.isEmpty() && botId != QStringLiteral("28:") + claims.appid && botId != claims.appid) {
        return error(400, QStringLiteral("BadArgument"),
                     QStringLiteral("The bot id '%1' does not match the authenticated bot.").arg(botId));
    }
    const QJsonObject channelData = params.value(QStringLiteral("channelData")).toObject();
    if (auto refused = checkTenant(params, channelData))
        return *refused;
    const int app = tenant.findAppByBotId(claims.appid);
    const bool hasActivity = params.contains(QStringLiteral("activity"));
    const QJsonValue activity = params.value(QStringLiteral("activity"));

    if (params.value(QStringLiteral("isGroup")).toBool()) {
        // A new thread in a team channel: the app must be installed in that team.
        const QString channelId
            = channelData.value(QStringLiteral("channel")).toObject().value(QStringLiteral("id")).toString();
        const int team = tenant.findTeamByChannel(channelId);
        if (team < 0)
            return error(404, QStringLiteral("ConversationNotFound"), QStringLiteral("Channel not found."));
        if (app < 0 || tenant.teamInstallOf(team, app) < 0)
            return notInRoster();
        if (!hasActivity)
            return error(400, QStringLiteral("BadArgument"),
                         QStringLiteral("A channel post needs an activity."));
        if (auto refused = throttle(m_services.limiter.conversation(channelId), kCreate))
            return *refused;
        if (auto invalid = validateActivity(activity))
            return *invalid;
        const QString activityId = deliver(channelId, activity.toObject());
        return SimResponse::json(
            201,
            QJsonObject{{QStringLiteral("id"), channelId + QStringLiteral(";messageid=") + activityId},
                        {QStringLiteral("activityId"), activityId}});
    }

    const QJsonArray members = params.value(QStringLiteral("members")).toArray();
    if (members.size() != 1) {
        return error(400, QStringLiteral("BadArgument"),
                     QStringLiteral("A 1:1 conversation needs exactly one member."));
    }
    const QJsonObject member = members.first().toObject();
    QString memberId = member.value(QStringLiteral("aadObjectId")).toString();
    if (memberId.isEmpty())
        memberId = member.value(QStringLiteral("id")).toString();
    const int user = tenant.findUser(memberId);
    if (user < 0 || memberId.contains(QLatin1Char('@')))
        return error(404, QStringLiteral("NotFound"), QStringLiteral("User '%1' not found.").arg(memberId));
    const SimUser &u = tenant.user(user);
    if (app < 0 || !u.teamsLicensed || tenant.userInstallOf(user, app) < 0)
        return notInRoster();
    const QString conversationId = Tenant::personalChatId(u.id, claims.appid);
    if (!hasActivity)
        return SimResponse::json(201, QJsonObject{{QStringLiteral("id"), conversationId}});
    if (u.botBlocked)
        return blockedByUser();
    if (auto refused = throttle(m_services.limiter.conversation(conversationId), kCreate))
        return *refused;
    if (auto invalid = validateActivity(activity))
        return *invalid;
    const QString activityId = deliver(conversationId, activity.toObject());
    return SimResponse::json(
        201, QJsonObject{{QStringLiteral("id"), conversationId}, {QStringLiteral("activityId"), activityId}});
}

SimResponse BotConnectorRoutes::sendActivity(const SimRequest &request, const TokenClaims &claims,
                                             const QString &conversationId)
{
    m_services.stats.countRequest(QString::fromLatin1(kSend));
    if (auto refused = throttle(m_services.limiter.bot(claims.appid), kSend))
        return *refused;
    const Tenant &tenant = m_services.tenant;
    const int app = tenant.findAppByBotId(claims.appid);
    QString userId;
    QString botId;
    QString deliveryKey = conversationId;
    if (Tenant::parsePersonalChatId(conversationId, &userId, &botId)) {
        const int user = tenant.findUser(userId);
        if (user < 0)
            return error(404, QStringLiteral("ConversationNotFound"),
                         QStringLiteral("Conversation not found."));
        const SimUser &u = tenant.user(user);
        if (botId.compare(claims.appid, Qt::CaseInsensitive) != 0 || app < 0 || !u.teamsLicensed
            || tenant.userInstallOf(user, app) < 0)
            return notInRoster();
        if (u.botBlocked)
            return blockedByUser();
    } else {
        const QString channelId = conversationId.section(QLatin1Char(';'), 0, 0);
        const int team = tenant.findTeamByChannel(channelId);
        if (team < 0)
            return error(404, QStringLiteral("ConversationNotFound"),
                         QStringLiteral("Conversation not found."));
        if (app < 0 || tenant.teamInstallOf(team, app) < 0)
            return notInRoster();
        deliveryKey = channelId;
    }
    // The per-conversation windows apply to the thread the bot writes to.
    if (auto refused = throttle(m_services.limiter.conversation(deliveryKey), kSend))
        return *refused;
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return error(400, QStringLiteral("BadArgument"),
                     QStringLiteral("Malformed activity: %1").arg(parseError.errorString()));
    if (auto invalid = validateActivity(doc.isObject() ? QJsonValue(doc.object()) : QJsonValue()))
        return *invalid;
    return SimResponse::json(201, QJsonObject{{QStringLiteral("id"), deliver(deliveryKey, doc.object())}});
}

} // namespace herald::sim
