#include "cli/commands/BotSession.h"

#include "auth/TokenFactory.h"
#include "bot/BotConnectorClient.h"
#include "bot/BotEndpoints.h"
#include "bot/BotRate.h"
#include "cli/CommandContext.h"
#include "graph/RatePlanner.h"

namespace herald::cli {

using graph::GraphError;

BotSession::BotSession(QObject *parent)
    : QObject(parent)
{
}

BotSession *BotSession::create(CommandContext &context, QObject *parent, GraphError *error)
{
    const config::ConnectionSettings &settings = context.settings();
    const QUrl serviceUrl
        = settings.botServiceUrl.isEmpty() ? bot::defaultServiceUrl(settings.cloud) : settings.botServiceUrl;
    if (serviceUrl.isEmpty()) {
        *error = GraphError::make(GraphError::Kind::Config,
                                  tr("Proactive bot messages are not offered in the %1 cloud; give "
                                     "--bot-service-url if your tenant has a Bot Connector endpoint.")
                                      .arg(graph::cloudName(settings.cloud)));
        return nullptr;
    }
    auth::TokenFactoryOptions options;
    options.requestLog = context.requestLog();
    std::unique_ptr<auth::TokenProvider> tokens
        = auth::makeBotTokenProvider(&context.network(), settings, context.credentials(), error, options);
    if (!tokens)
        return nullptr;
    auto *session = new BotSession(parent);
    tokens->setParent(session);
    session->m_tokens = tokens.release();

    auto *planner = new graph::RatePlanner(session);
    bot::rate::defineBotClasses(*planner);
    planner->setTimeScale(settings.timeScale);
    session->m_planner = planner;

    bot::BotSettings botSettings;
    botSettings.serviceUrl = serviceUrl;
    botSettings.botId = settings.effectiveBotId();
    botSettings.tenantId = settings.tenant;
    if (settings.concurrency > 0)
        botSettings.maxInFlight = settings.concurrency;
    auto *client = new bot::BotConnectorClient(botSettings, session->m_tokens, planner, session);
    client->setRequestLog(context.requestLog());
    session->m_client = client;
    if (client->configError().isError()) {
        *error = client->configError();
        delete session;
        return nullptr;
    }
    return session;
}

} // namespace herald::cli
