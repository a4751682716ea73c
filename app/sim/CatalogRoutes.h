#pragma once

// The tenant app catalog: GET /appCatalogs/teamsApps[/{id}[/appDefinitions]],
// mirroring https://learn.microsoft.com/graph/api/appcatalogs-list-teamsapps
// ($filter on id, externalId, displayName, distributionMethod; $expand=appDefinitions).

#include "sim/GraphContext.h"

#include <optional>

namespace herald::sim {

struct SimServices;

class CatalogRoutes
{
public:
    explicit CatalogRoutes(SimServices &services);
    std::optional<SimResponse> handle(const GraphContext &ctx);

    static QStringList appValues(const struct SimCatalogApp &app, const QString &path);

private:
    SimServices &m_services;
};

} // namespace herald::sim
