#include "sim/UserRoutes.h"

#include "sim/SimServices.h"
#include "sim/TenantJson.h"

#include <algorithm>

namespace herald::sim {

namespace {

bool usesAdvancedOperators(const ODataFilter::Node &node)
{
    using Kind = ODataFilter::Node::Kind;
    if (node.kind == Kind::Ne || node.kind == Kind::Not)
        return true;
    for (const auto &child : node.children) {
        if (usesAdvancedOperators(child))
            return true;
    }
    return false;
}

bool isSignedInUser(const GraphContext &ctx, const Tenant &tenant, const QString &key)
{
    const int u = tenant.findUser(key);
    return u >= 0 && tenant.user(u).id.compare(ctx.claims.oid, Qt::CaseInsensitive) == 0;
}

} // namespace

UserRoutes::UserRoutes(SimServices &services)
    : m_services(services)
{
}

// learn.microsoft.com/graph/api/user-list and user-get (Permissions): the same
// names for both kinds of token.
const GraphPermissions &UserRoutes::readPermissions()
{
    static const QStringList names{QStringLiteral("User.ReadBasic.All"), QStringLiteral("User.Read.All"),
                                   QStringLiteral("User.ReadWrite.All"), QStringLiteral("Directory.Read.All"),
                                   QStringLiteral("Directory.ReadWrite.All")};
    static const GraphPermissions permissions{names, names};
    return permissions;
}

std::optional<SimResponse> UserRoutes::checkSelect(const GraphContext &ctx, const QStringList &select,
                                                   const QStringList &known, const QString &type)
{
    for (const QString &property : select) {
        if (!known.contains(property)) {
            return ctx.error(
                400, QStringLiteral("Request_BadRequest"),
                QStringLiteral("Could not find a property named '%1' on type 'microsoft.graph.%2'.")
                    .arg(property, type));
        }
    }
    return std::nullopt;
}

std::optional<SimResponse> UserRoutes::checkAdvancedQuery(const GraphContext &ctx, const ODataQuery &query)
{
    // https://learn.microsoft.com/graph/aad-advanced-queries: $search, $count and
    // ne/not need the ConsistencyLevel: eventual header.
    if (ctx.eventualConsistency())
        return std::nullopt;
    if (query.hasSearch) {
        return ctx.error(
            400, QStringLiteral("Request_UnsupportedQuery"),
            QStringLiteral("Request with $search query parameter only works through MSGraph with a "
                           "special request header: 'ConsistencyLevel: eventual'"));
    }
    if (query.count) {
        return ctx.error(400, QStringLiteral("Request_BadRequest"),
                         QStringLiteral("$count is not currently supported."));
    }
    if (query.filter && usesAdvancedOperators(query.filter->root())) {
        return ctx.error(400, QStringLiteral("Request_UnsupportedQuery"),
                         QStringLiteral("Unsupported property filter clause operator 'NotEqualsMatch'."));
    }
    return std::nullopt;
}

std::optional<SimResponse> UserRoutes::checkFilterProperties(const GraphContext &ctx, const ODataQuery &query,
                                                             const QStringList &allowed,
                                                             const QString &resource)
{
    if (!query.filter)
        return std::nullopt;
    for (const QString &property : query.filter->properties()) {
        if (!allowed.contains(property, Qt::CaseInsensitive)) {
            return ctx.error(
                400, QStringLiteral("Request_UnsupportedQuery"),
                QStringLiteral("Unsupported or invalid query filter clause specified for property '%1' "
                               "of resource '%2'.")
                    .arg(property, resource));
        }
    }
    return std::nullopt;
}

std::optional<SimResponse> UserRoutes::handle(const GraphContext &ctx)
{
    if (!ctx.segmentIs(0, "users") || ctx.depth() > 2)
        return std::nullopt;
    if (!ctx.isGet()) {
        return ctx.error(405, QStringLiteral("Request_BadRequest"),
                         QStringLiteral("Specified HTTP method is not allowed for the request target."));
    }
    // user-get: delegated User.Read reads the signed-in user's own profile only.
    static const GraphPermissions ownProfile{{}, {QStringLiteral("User.Read")}};
    const bool own = ctx.depth() == 2 && ctx.isDelegated() && ctx.allows(ownProfile)
        && isSignedInUser(ctx, m_services.tenant, ctx.segments.at(1));
    if (!own) {
        if (auto denied = ctx.requireDirectory(readPermissions()))
            return *denied;
    }
    return ctx.depth() == 1 ? list(ctx) : get(ctx, ctx.segments.at(1));
}

SimResponse UserRoutes::list(const GraphContext &ctx)
{
    static const QStringList filterable{QStringLiteral("id"),
                                        QStringLiteral("displayName"),
                                        QStringLiteral("givenName"),
                                        QStringLiteral("surname"),
                                        QStringLiteral("userPrincipalName"),
                                        QStringLiteral("mail"),
                                        QStringLiteral("jobTitle"),
                                        QStringLiteral("department"),
                                        QStringLiteral("accountEnabled"),
                                        QStringLiteral("officeLocation")};
    static const QStringList searchable{QStringLiteral("displayName"),       QStringLiteral("givenName"),
                                        QStringLiteral("surname"),           QStringLiteral("mail"),
                                        QStringLiteral("userPrincipalName"), QStringLiteral("jobTitle"),
                                        QStringLiteral("department")};
    static const QStringList orderable{QStringLiteral("displayName"), QStringLiteral("userPrincipalName")};
    ODataQuery query;
    if (auto error = ctx.parseQuery(&query, orderable))
        return *error;
    if (auto error = checkSelect(ctx, query.select, json::userProperties(), QStringLiteral("user")))
        return *error;
    if (auto error = checkAdvancedQuery(ctx, query))
        return *error;
    if (!query.orderBy.isEmpty() && (query.filter || query.hasSearch) && !ctx.eventualConsistency()) {
        // $orderby with $filter or $search is an advanced query
        // (learn.microsoft.com/graph/aad-advanced-queries).
        return ctx.error(400, QStringLiteral("Request_UnsupportedQuery"),
                         QStringLiteral("Sorting not supported for current query."));
    }
    if (auto error = checkFilterProperties(ctx, query, filterable, QStringLiteral("User")))
        return *error;
    for (const SearchClause &clause : query.search) {
        if (!searchable.contains(clause.property)) {
            return ctx.error(
                400, QStringLiteral("Request_UnsupportedQuery"),
                QStringLiteral("Unsupported $search property '%1' of resource 'User'.").arg(clause.property));
        }
    }
    const Tenant &tenant = m_services.tenant;
    // Equality on an indexed key answers from the index instead of a scan.
    // The index holds ids and UPNs only: a mail address may differ from the
    // UPN (aliases, guests), so a mail filter scans.
    QVector<int> candidates;
    bool indexed = false;
    if (query.filter) {
        for (const char *key : {"id", "userPrincipalName"}) {
            const QStringList values = query.filter->equalityValues(QLatin1String(key));
            if (values.isEmpty())
                continue;
            indexed = true;
            for (const QString &value : values) {
                const int u = tenant.findUser(value);
                if (u >= 0 && !candidates.contains(u))
                    candidates.append(u);
            }
            std::sort(candidates.begin(), candidates.end());
            break;
        }
    }
    if (!query.orderBy.isEmpty()) {
        // Walk candidates (or everybody) in the requested order; paging follows that order.
        const QVector<int> &order = tenant.usersOrderedBy(query.orderBy);
        QVector<int> ordered;
        if (indexed) {
            ordered = candidates;
            std::sort(ordered.begin(), ordered.end(),
                      [&order](int a, int b) { return order.indexOf(a) < order.indexOf(b); });
        } else {
            ordered = order;
        }
        if (query.orderDescending)
            std::reverse(ordered.begin(), ordered.end());
        candidates = ordered;
        indexed = true;
    }
    const auto userAt = [indexed, candidates](int i) { return indexed ? candidates.at(i) : i; };
    const std::shared_ptr<ODataFilter> filter = query.filter;
    const QVector<SearchClause> search = query.search;
    const bool searchAll = query.searchAll;
    paging::CollectionSpec spec;
    spec.contextFragment = QStringLiteral("users");
    spec.itemCount = indexed ? int(candidates.size()) : tenant.userCount();
    spec.withCount = query.count;
    if (filter || !search.isEmpty()) {
        spec.accept = [&tenant, filter, search, searchAll, userAt](int i) {
            const SimUser &u = tenant.user(userAt(i));
            if (filter && !filter->matches([&u](const QString &p) {
                    const QString v = json::userString(u, p);
                    return v.isEmpty() ? QStringList() : QStringList{v};
                }))
                return false;
            if (search.isEmpty())
                return true;
            bool any = false;
            bool all = true;
            for (const SearchClause &clause : search) {
                const bool hit = ODataQuery::searchMatches(json::userString(u, clause.property), clause.term);
                any = any || hit;
                all = all && hit;
            }
            return searchAll ? all : any;
        };
    }
    const QStringList select = query.select;
    spec.render = [&tenant, select, userAt](int i) { return json::user(tenant.user(userAt(i)), select); };
    return paging::respond(ctx, query, spec);
}

SimResponse UserRoutes::get(const GraphContext &ctx, const QString &key)
{
    ODataQuery query;
    if (auto error = ctx.parseQuery(&query))
        return *error;
    if (auto error = checkSelect(ctx, query.select, json::userProperties(), QStringLiteral("user")))
        return *error;
    const int u = m_services.tenant.findUser(key);
    if (u < 0) {
        return ctx.error(
            404, QStringLiteral("Request_ResourceNotFound"),
            QStringLiteral("Resource '%1' does not exist or one of its queried reference-property "
                           "objects are not present.")
                .arg(key));
    }
    QJsonObject body = json::user(m_services.tenant.user(u), query.select);
    body.insert(QStringLiteral("@odata.context"), ctx.contextUrl(QStringLiteral("users/$entity")));
    return ctx.ok(body);
}

} // namespace herald::sim
