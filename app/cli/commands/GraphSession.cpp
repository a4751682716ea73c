#include "cli/commands/GraphSession.h"

#include "auth/ClientSecretTokenProvider.h"
#include "cli/CommandContext.h"
#include "graph/Endpoints.h"
#include "graph/GraphClient.h"
#include "graph/RateCategories.h"
#include "graph/RatePlanner.h"

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

graph::RatePlanner *GraphSession::planner() const
{
    return m_planner;
}

GraphSession *GraphSession::create(CommandContext &context, QObject *parent, GraphError *error)
{
    const config::ConnectionSettings &settings = context.settings();
    if (settings.usesCertificate()) {
        *error = GraphError::make(GraphError::Kind::Config,
                                  tr("Certificate sign-in (--cert) is not available for this command yet; set "
                                     "HERALD_CLIENT_SECRET instead."));
        return nullptr;
    }
    auto *session = new GraphSession(parent);

    auth::ClientCredentialsSettings identity;
    identity.loginBase = settings.loginUrl.isEmpty() ? graph::loginBaseUrl(settings.cloud) : settings.loginUrl;
    identity.tenant = settings.tenant;
    identity.clientId = settings.clientId;
    identity.scope = graph::graphDefaultScope(settings.cloud);
    auto *tokens = new auth::ClientSecretTokenProvider(&context.network(), identity,
                                                       context.credentials().clientSecret, session);
    tokens->setTimeScale(settings.timeScale);
    tokens->setRequestLog(context.requestLog());
    session->m_tokens = tokens;

    auto *planner = new graph::RatePlanner(session);
    graph::rate::defineGraphClasses(*planner);
    planner->setTimeScale(settings.timeScale);
    session->m_planner = planner;

    const QUrl base = settings.graphUrl.isEmpty() ? graph::graphBaseUrl(settings.cloud) : settings.graphUrl;
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
