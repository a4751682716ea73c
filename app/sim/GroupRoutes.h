#pragma once

// Groups and teams: GET /groups, /groups/{id}, /groups/{id}/members,
// /groups/{id}/transitiveMembers[/microsoft.graph.user], GET /teams,
// /teams/{id}, /teams/{id}/members, /teams/{id}/primaryChannel and /channels.
// Mirrors the Graph pages group-list, group-list-members,
// group-list-transitivemembers, teams-list, team-get, team-list-members.

#include "sim/GraphContext.h"

#include <optional>

namespace herald::sim {

struct SimServices;

class GroupRoutes
{
public:
    explicit GroupRoutes(SimServices &services);
    std::optional<SimResponse> handle(const GraphContext &ctx);

private:
    SimResponse listGroups(const GraphContext &ctx);
    SimResponse getGroup(const GraphContext &ctx, int group);
    SimResponse members(const GraphContext &ctx, int group, bool transitive, bool usersOnly);
    SimResponse listTeams(const GraphContext &ctx);
    SimResponse getTeam(const GraphContext &ctx, int team);
    SimResponse teamMembers(const GraphContext &ctx, int team);
    SimResponse channels(const GraphContext &ctx, int team, bool primaryOnly);
    QJsonObject groupJson(int group) const;

    SimServices &m_services;
};

} // namespace herald::sim
