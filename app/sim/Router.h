#pragma once

// Routes one request: /_sim control endpoints, the token endpoint, Graph
// (authorisation, throttling, then the resource handlers) and the Bot
// Connector. Transport-independent: the HTTP front end calls dispatch(), the
// $batch handler calls graph() for each sub-request.

#include "sim/SimTypes.h"

#include <memory>

namespace herald::sim {

struct SimServices;
class TokenEndpoint;
class UserRoutes;
class GroupRoutes;
class CatalogRoutes;
class InstalledAppsRoutes;
class ChatRoutes;
class BatchHandler;
class BotConnectorRoutes;
class SimControlRoutes;

class Router
{
public:
    explicit Router(SimServices &services);
    ~Router();

    // A request as received from the network: decides faults and latency too.
    SimOutcome dispatch(const SimRequest &request);
    // One Graph request (top level or inside $batch): auth, throttling, handlers.
    SimResponse graph(const SimRequest &request);

private:
    SimResponse graphResources(const SimRequest &request, struct GraphContext &ctx);

    SimServices &m_services;
    std::unique_ptr<TokenEndpoint> m_token;
    std::unique_ptr<UserRoutes> m_users;
    std::unique_ptr<GroupRoutes> m_groups;
    std::unique_ptr<CatalogRoutes> m_catalog;
    std::unique_ptr<InstalledAppsRoutes> m_installedApps;
    std::unique_ptr<ChatRoutes> m_chats;
    std::unique_ptr<BatchHandler> m_batch;
    std::unique_ptr<BotConnectorRoutes> m_bot;
    std::unique_ptr<SimControlRoutes> m_control;
    quint64 m_requestCounter = 0;
};

} // namespace herald::sim
