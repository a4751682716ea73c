#include "sim/CatalogRoutes.h"

#include "sim/SimServices.h"
#include "sim/TenantJson.h"
#include "sim/UserRoutes.h"

namespace herald::sim {

namespace {

// learn.microsoft.com/graph/api/appcatalogs-list-teamsapps (Permissions).
// Directory.* are delegated only, "supported only for backward compatibility".
const GraphPermissions &catalogPermissions()
{
    static const GraphPermissions permissions{
        {QStringLiteral("AppCatalog.Read.All"), QStringLiteral("AppCatalog.ReadWrite.All")},
        {QStringLiteral("AppCatalog.Submit"), QStringLiteral("AppCatalog.Read.All"),
         QStringLiteral("AppCatalog.ReadWrite.All"), QStringLiteral("Directory.Read.All"),
         QStringLiteral("Directory.ReadWrite.All")}};
    return permissions;
}

} // namespace

CatalogRoutes::CatalogRoutes(SimServices &services)
    : m_services(services)
{
}

QStringList CatalogRoutes::appValues(const SimCatalogApp &app, const QString &path)
{
    const auto one = [](const QString &v) { return v.isEmpty() ? QStringList() : QStringList{v}; };
    if (path.compare(QLatin1String("id"), Qt::CaseInsensitive) == 0)
        return one(app.id);
    if (path.compare(QLatin1String("externalId"), Qt::CaseInsensitive) == 0)
        return one(app.externalId);
    if (path.compare(QLatin1String("displayName"), Qt::CaseInsensitive) == 0)
        return one(app.displayName);
    if (path.compare(QLatin1String("distributionMethod"), Qt::CaseInsensitive) == 0)
        return one(app.distributionMethod);
    if (path.compare(QLatin1String("appDefinitions/version"), Qt::CaseInsensitive) == 0)
        return one(app.definition.version);
    if (path.compare(QLatin1String("appDefinitions/displayName"), Qt::CaseInsensitive) == 0)
        return one(app.definition.displayName);
    if (path.compare(QLatin1String("appDefinitions/azureADAppId"), Qt::CaseInsensitive) == 0)
        return one(app.webApplicationId);
    return {};
}

std::optional<SimResponse> CatalogRoutes::handle(const GraphContext &ctx)
{
    if (!ctx.segmentIs(0, "appCatalogs") || !ctx.segmentIs(1, "teamsApps") || ctx.depth() > 4)
        return std::nullopt;
    if (!ctx.isGet()) {
        return ctx.error(405, QStringLiteral("MethodNotAllowed"),
                         QStringLiteral("herald-sim does not publish apps; only GET is supported here."));
    }
    if (auto denied = ctx.require(catalogPermissions()))
        return *denied;
    ODataQuery query;
    if (auto error = ctx.parseQuery(&query))
        return *error;
    static const QStringList filterable{QStringLiteral("id"),
                                        QStringLiteral("externalId"),
                                        QStringLiteral("displayName"),
                                        QStringLiteral("distributionMethod"),
                                        QStringLiteral("appDefinitions/version"),
                                        QStringLiteral("appDefinitions/displayName"),
                                        QStringLiteral("appDefinitions/azureADAppId")};
    if (auto error = UserRoutes::checkFilterProperties(ctx, query, filterable, QStringLiteral("TeamsApp")))
        return *error;
    const Tenant &tenant = m_services.tenant;
    const bool expandDefinitions = query.expands(QStringLiteral("appDefinitions"));
    if (ctx.depth() == 2) {
        const std::shared_ptr<ODataFilter> filter = query.filter;
        const QStringList select = query.select;
        paging::CollectionSpec spec;
        spec.contextFragment = QStringLiteral("appCatalogs/teamsApps");
        spec.itemCount = tenant.appCount();
        spec.defaultTop = 999;
        if (filter) {
            spec.accept = [&tenant, filter](int i) {
                return filter->matches([&](const QString &p) { return appValues(tenant.app(i), p); });
            };
        }
        spec.render = [&tenant, expandDefinitions, select](int i) {
            return json::selectFields(json::teamsApp(tenant.app(i), expandDefinitions), select);
        };
        return paging::respond(ctx, query, spec);
    }
    const int app = tenant.findApp(ctx.segments.at(2));
    if (app < 0) {
        return ctx.error(
            404, QStringLiteral("NotFound"),
            QStringLiteral("App with id '%1' was not found in the app catalog.").arg(ctx.segments.at(2)));
    }
    if (ctx.depth() == 3) {
        QJsonObject body = json::teamsApp(tenant.app(app), expandDefinitions);
        body.insert(QStringLiteral("@odata.context"),
                    ctx.contextUrl(QStringLiteral("appCatalogs/teamsApps/$entity")));
        return ctx.ok(body);
    }
    if (!ctx.segmentIs(3, "appDefinitions"))
        return std::nullopt;
    return ctx.ok(QJsonObject{
        {QStringLiteral("@odata.context"),
         ctx.contextUrl(
             QStringLiteral("appCatalogs/teamsApps('%1')/appDefinitions").arg(tenant.app(app).id))},
        {QStringLiteral("value"), QJsonArray{json::appDefinition(tenant.app(app))}}});
}

} // namespace herald::sim
