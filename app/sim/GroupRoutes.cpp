#include "sim/GroupRoutes.h"

#include "sim/SimServices.h"
#include "sim/TenantJson.h"
#include "sim/UserRoutes.h"

namespace herald::sim {

namespace {

// learn.microsoft.com/graph/api/group-list, group-list-members and
// group-list-transitivemembers (Permissions): the same names for both kinds.
const GraphPermissions &groupPermissions()
{
    static const QStringList names{
        QStringLiteral("GroupMember.Read.All"), QStringLiteral("GroupMember.ReadWrite.All"),
        QStringLiteral("Group.Read.All"),       QStringLiteral("Group.ReadWrite.All"),
        QStringLiteral("Directory.Read.All"),   QStringLiteral("Directory.ReadWrite.All")};
    static const GraphPermissions permissions{names, names};
    return permissions;
}

// learn.microsoft.com/graph/api/team-get and team-list (Permissions); also
// used for the team's channels. Team.ReadBasic.All etc. exist in both kinds.
const GraphPermissions &teamPermissions()
{
    static const QStringList names{
        QStringLiteral("Team.ReadBasic.All"),         QStringLiteral("TeamSettings.Read.All"),
        QStringLiteral("TeamSettings.ReadWrite.All"), QStringLiteral("Group.Read.All"),
        QStringLiteral("Group.ReadWrite.All"),        QStringLiteral("Directory.Read.All"),
        QStringLiteral("Directory.ReadWrite.All")};
    static const GraphPermissions permissions{names, names};
    return permissions;
}

// learn.microsoft.com/graph/api/team-list-members (Permissions); Group.* and
// Directory.* only for backward compatibility.
const GraphPermissions &teamMemberPermissions()
{
    static const QStringList names{QStringLiteral("TeamMember.Read.All"),
                                   QStringLiteral("TeamMember.ReadWrite.All"),
                                   QStringLiteral("Group.Read.All"), QStringLiteral("Directory.Read.All"),
                                   QStringLiteral("Directory.ReadWrite.All")};
    static const GraphPermissions permissions{names, names};
    return permissions;
}

QStringList groupValues(const QJsonObject &group, const QString &path)
{
    const QJsonValue v = group.value(path);
    if (v.isArray()) {
        QStringList out;
        for (const QJsonValue &item : v.toArray())
            out.append(item.toString());
        return out;
    }
    if (v.isBool())
        return {v.toBool() ? QStringLiteral("true") : QStringLiteral("false")};
    return v.isString() ? QStringList{v.toString()} : QStringList();
}

} // namespace

GroupRoutes::GroupRoutes(SimServices &services)
    : m_services(services)
{
}

QJsonObject GroupRoutes::groupJson(int group) const
{
    return json::group(m_services.tenant.group(group), m_services.tenant.domain());
}

std::optional<SimResponse> GroupRoutes::handle(const GraphContext &ctx)
{
    const bool groups = ctx.segmentIs(0, "groups");
    const bool teams = ctx.segmentIs(0, "teams");
    if (!groups && !teams)
        return std::nullopt;
    if (teams && ctx.segmentIs(2, "installedApps"))
        return std::nullopt; // InstalledAppsRoutes
    if (!ctx.isGet()) {
        return ctx.error(405, QStringLiteral("Request_BadRequest"),
                         QStringLiteral("Specified HTTP method is not allowed for the request target."));
    }
    const Tenant &tenant = m_services.tenant;
    if (groups) {
        if (auto denied = ctx.requireDirectory(groupPermissions()))
            return *denied;
        if (ctx.depth() == 1)
            return listGroups(ctx);
        const int g = tenant.findGroup(ctx.segments.at(1));
        if (g < 0) {
            return ctx.error(
                404, QStringLiteral("Request_ResourceNotFound"),
                QStringLiteral("Resource '%1' does not exist or one of its queried reference-property "
                               "objects are not present.")
                    .arg(ctx.segments.at(1)));
        }
        if (ctx.depth() == 2)
            return getGroup(ctx, g);
        const bool transitive = ctx.segmentIs(2, "transitiveMembers");
        if ((transitive || ctx.segmentIs(2, "members")) && ctx.depth() <= 4) {
            const bool usersOnly = ctx.depth() == 4;
            if (usersOnly && !ctx.segmentIs(3, "microsoft.graph.user"))
                return std::nullopt;
            return members(ctx, g, transitive, usersOnly);
        }
        return std::nullopt;
    }
    // teams
    const bool members = ctx.depth() >= 3 && ctx.segmentIs(2, "members");
    if (auto denied = ctx.require(members ? teamMemberPermissions() : teamPermissions()))
        return *denied;
    if (ctx.depth() == 1)
        return listTeams(ctx);
    const int t = tenant.findTeam(ctx.segments.at(1));
    if (t < 0) {
        return ctx.error(404, QStringLiteral("NotFound"),
                         QStringLiteral("No team found with Group Id %1").arg(ctx.segments.at(1)));
    }
    if (ctx.depth() == 2)
        return getTeam(ctx, t);
    if (ctx.depth() == 3 && ctx.segmentIs(2, "members"))
        return teamMembers(ctx, t);
    if (ctx.depth() == 3 && (ctx.segmentIs(2, "primaryChannel") || ctx.segmentIs(2, "channels")))
        return channels(ctx, t, ctx.segmentIs(2, "primaryChannel"));
    return std::nullopt;
}

SimResponse GroupRoutes::listGroups(const GraphContext &ctx)
{
    static const QStringList filterable{QStringLiteral("id"),
                                        QStringLiteral("displayName"),
                                        QStringLiteral("mailNickname"),
                                        QStringLiteral("mail"),
                                        QStringLiteral("resourceProvisioningOptions"),
                                        QStringLiteral("groupTypes"),
                                        QStringLiteral("securityEnabled"),
                                        QStringLiteral("mailEnabled")};
    ODataQuery query;
    if (auto error = ctx.parseQuery(&query))
        return *error;
    if (auto error
        = UserRoutes::checkSelect(ctx, query.select, json::groupProperties(), QStringLiteral("group")))
        return *error;
    if (auto error = UserRoutes::checkAdvancedQuery(ctx, query))
        return *error;
    if (auto error = UserRoutes::checkFilterProperties(ctx, query, filterable, QStringLiteral("Group")))
        return *error;
    const std::shared_ptr<ODataFilter> filter = query.filter;
    const QVector<SearchClause> search = query.search;
    paging::CollectionSpec spec;
    spec.contextFragment = QStringLiteral("groups");
    spec.itemCount = m_services.tenant.groupCount();
    spec.withCount = query.count;
    if (filter || !search.isEmpty()) {
        spec.accept = [this, filter, search](int g) {
            const QJsonObject o = groupJson(g);
            if (filter && !filter->matches([&o](const QString &p) { return groupValues(o, p); }))
                return false;
            for (const SearchClause &clause : search) {
                if (ODataQuery::searchMatches(o.value(clause.property).toString(), clause.term))
                    return true;
            }
            return search.isEmpty();
        };
    }
    const QStringList select = query.select;
    spec.render = [this, select](int g) { return json::selectFields(groupJson(g), select); };
    return paging::respond(ctx, query, spec);
}

SimResponse GroupRoutes::getGroup(const GraphContext &ctx, int group)
{
    ODataQuery query;
    if (auto error = ctx.parseQuery(&query))
        return *error;
    QJsonObject body = json::selectFields(groupJson(group), query.select);
    body.insert(QStringLiteral("@odata.context"), ctx.contextUrl(QStringLiteral("groups/$entity")));
    return ctx.ok(body);
}

SimResponse GroupRoutes::members(const GraphContext &ctx, int group, bool transitive, bool usersOnly)
{
    ODataQuery query;
    if (auto error = ctx.parseQuery(&query))
        return *error;
    if (auto error = UserRoutes::checkAdvancedQuery(ctx, query))
        return *error;
    const Tenant &tenant = m_services.tenant;
    const SimGroup &g = tenant.group(group);
    // Members as (isGroup, index) entries: users first, then nested groups.
    QVector<int> users = transitive ? tenant.transitiveUserMembers(group) : g.memberUsers;
    QVector<int> groups;
    if (!usersOnly) {
        if (transitive) {
            QVector<bool> seen(tenant.groupCount(), false);
            QVector<int> queue = g.memberGroups;
            for (qsizetype i = 0; i < queue.size(); ++i) {
                if (seen.at(queue.at(i)))
                    continue;
                seen[queue.at(i)] = true;
                groups.append(queue.at(i));
                queue.append(tenant.group(queue.at(i)).memberGroups);
            }
        } else {
            groups = g.memberGroups;
        }
    }
    const QStringList select = query.select;
    if (auto error = UserRoutes::checkSelect(ctx, select, json::userProperties(), QStringLiteral("user")))
        return *error;
    const std::shared_ptr<ODataFilter> filter = query.filter;
    paging::CollectionSpec spec;
    spec.contextFragment = usersOnly ? QStringLiteral("users") : QStringLiteral("directoryObjects");
    spec.itemCount = int(users.size() + groups.size());
    spec.withCount = query.count;
    if (filter) {
        spec.accept = [&tenant, users, filter](int i) {
            if (i >= users.size())
                return false;
            const SimUser &u = tenant.user(users.at(i));
            return filter->matches([&u](const QString &p) {
                const QString v = json::userString(u, p);
                return v.isEmpty() ? QStringList() : QStringList{v};
            });
        };
    }
    spec.render = [this, &tenant, users, groups, select](int i) {
        if (i < users.size()) {
            QJsonObject o = json::user(tenant.user(users.at(i)), select);
            o.insert(QStringLiteral("@odata.type"), QStringLiteral("#microsoft.graph.user"));
            return o;
        }
        QJsonObject o = groupJson(groups.at(i - users.size()));
        o.insert(QStringLiteral("@odata.type"), QStringLiteral("#microsoft.graph.group"));
        return o;
    };
    return paging::respond(ctx, query, spec);
}

SimResponse GroupRoutes::listTeams(const GraphContext &ctx)
{
    ODataQuery query;
    if (auto error = ctx.parseQuery(&query))
        return *error;
    static const QStringList filterable{QStringLiteral("id"), QStringLiteral("displayName"),
                                        QStringLiteral("description"), QStringLiteral("visibility")};
    if (auto error = UserRoutes::checkFilterProperties(ctx, query, filterable, QStringLiteral("Team")))
        return *error;
    const Tenant &tenant = m_services.tenant;
    const std::shared_ptr<ODataFilter> filter = query.filter;
    const QStringList select = query.select;
    paging::CollectionSpec spec;
    spec.contextFragment = QStringLiteral("teams");
    spec.itemCount = int(tenant.teams().size());
    spec.defaultTop = 100;
    if (filter) {
        spec.accept = [&tenant, filter](int i) {
            const QJsonObject o = json::team(tenant.group(tenant.teams().at(i)), tenant.tenantId());
            return filter->matches([&o](const QString &p) { return groupValues(o, p); });
        };
    }
    spec.render = [&tenant, select](int i) {
        return json::selectFields(json::team(tenant.group(tenant.teams().at(i)), tenant.tenantId()), select);
    };
    return paging::respond(ctx, query, spec);
}

SimResponse GroupRoutes::getTeam(const GraphContext &ctx, int team)
{
    QJsonObject body = json::team(m_services.tenant.group(team), m_services.tenant.tenantId());
    body.insert(QStringLiteral("@odata.context"), ctx.contextUrl(QStringLiteral("teams/$entity")));
    return ctx.ok(body);
}

SimResponse GroupRoutes::teamMembers(const GraphContext &ctx, int team)
{
    ODataQuery query;
    if (auto error = ctx.parseQuery(&query))
        return *error;
    const Tenant &tenant = m_services.tenant;
    const SimGroup &t = tenant.group(team);
    paging::CollectionSpec spec;
    spec.contextFragment = QStringLiteral("teams('%1')/members").arg(t.id);
    spec.itemCount = int(t.memberUsers.size());
    spec.defaultTop = 999;
    spec.render = [&tenant, &t](int i) {
        const int u = t.memberUsers.at(i);
        return json::conversationMember(t, tenant.user(u), t.ownerUsers.contains(u), tenant.tenantId());
    };
    return paging::respond(ctx, query, spec);
}

SimResponse GroupRoutes::channels(const GraphContext &ctx, int team, bool primaryOnly)
{
    const SimGroup &t = m_services.tenant.group(team);
    const QJsonObject general{
        {QStringLiteral("id"), t.generalChannelId},
        {QStringLiteral("displayName"), QStringLiteral("General")},
        {QStringLiteral("description"), t.description},
        {QStringLiteral("membershipType"), QStringLiteral("standard")},
        {QStringLiteral("tenantId"), m_services.tenant.tenantId()},
        {QStringLiteral("isFavoriteByDefault"), true},
    };
    if (primaryOnly) {
        QJsonObject body = general;
        body.insert(QStringLiteral("@odata.context"),
                    ctx.contextUrl(QStringLiteral("teams('%1')/primaryChannel/$entity").arg(t.id)));
        return ctx.ok(body);
    }
    return ctx.ok(QJsonObject{
        {QStringLiteral("@odata.context"), ctx.contextUrl(QStringLiteral("teams('%1')/channels").arg(t.id))},
        {QStringLiteral("@odata.count"), 1},
        {QStringLiteral("value"), QJsonArray{general}}});
}

} // namespace herald::sim
