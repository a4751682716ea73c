#include "cli/commands/GraphSession.h"

#include "auth/TokenFactory.h"
#include "cli/CommandContext.h"
#include "config/Clouds.h"
#include "graph/Endpoints.h"
#include "graph/GraphClient.h"
#include "graph/RateCategories.h"
#include "graph/RatePlanner.h"
#include "secrets/SecretStore.h"

namespace herald::cli {

using graph::GraphError;

GraphSession::GraphSession(QObject *parent)
    : QObject(parent)
{
}

graph::GraphClient *GraphSession::client() const
{
    return m_client;
}

auth::TokenProvider *GraphSession::tokens() const
{
    return m_tokens;
}

graph::RatePlanner *GraphSession::planner() const
{
    return m_planner;
}

GraphSession *GraphSession::create(CommandContext &context, QObject *parent, GraphError *error)
{
    const config::ConnectionSettings &settings = context.settings();
    auto *session = new GraphSession(parent);

    auth::TokenFactoryOptions options;
    options.requestLog = context.requestLog();
    if (settings.usesDelegated())
        options.secretStore = new secrets::SecretStore(session); // rotated refresh tokens
    std::unique_ptr<auth::TokenProvider> made
        = auth::makeGraphTokenProvider(&context.network(), settings, context.credentials(), error, options);
    if (!made) {
        delete session;
        return nullptr;
    }
    auth::TokenProvider *tokens = made.release();
    tokens->setParent(session);
    session->m_tokens = tokens;

    auto *planner = new graph::RatePlanner(session);
    graph::rate::defineGraphClasses(*planner);
    planner->setTimeScale(settings.timeScale);
    session->m_planner = planner;

    const QUrl base = config::effectiveGraphUrl(settings);
    auto *client = new graph::GraphClient(&context.network(), base, tokens, planner, session);
    client->setRequestLog(context.requestLog());
    if (settings.concurrency > 0)
        client->setMaxInFlight(settings.concurrency);
    session->m_client = client;
    if (client->configError().isError()) {
        *error = client->configError();
        delete session;
        return nullptr;
    }
    return session;
}

} // namespace herald::cli
