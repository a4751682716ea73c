#pragma once

// GET /users and GET /users/{id | userPrincipalName}, mirroring
// https://learn.microsoft.com/graph/api/user-list and user-get
// (paging, $select, $filter, $search + ConsistencyLevel, $count).

#include "sim/GraphContext.h"

#include <optional>

namespace herald::sim {

struct SimServices;

class UserRoutes
{
public:
    explicit UserRoutes(SimServices &services);
    std::optional<SimResponse> handle(const GraphContext &ctx);

    static const GraphPermissions &readPermissions();
    // Shared by group member listings: validates $select against user properties.
    static std::optional<SimResponse> checkSelect(const GraphContext &ctx, const QStringList &select,
                                                  const QStringList &known, const QString &type);
    // $search / $count need "ConsistencyLevel: eventual" on directory objects.
    static std::optional<SimResponse> checkAdvancedQuery(const GraphContext &ctx, const ODataQuery &query);
    static std::optional<SimResponse> checkFilterProperties(const GraphContext &ctx, const ODataQuery &query,
                                                            const QStringList &allowed,
                                                            const QString &resource);

private:
    SimResponse list(const GraphContext &ctx);
    SimResponse get(const GraphContext &ctx, const QString &key);

    SimServices &m_services;
};

} // namespace herald::sim
