#include "sim/ChatRoutes.h"

#include "sim/CatalogRoutes.h"
#include "sim/InstalledAppsRoutes.h"
#include "sim/SimServices.h"
#include "sim/UserRoutes.h"

namespace herald::sim {

ChatRoutes::ChatRoutes(SimServices &services)
    : m_services(services)
{
}

std::optional<SimResponse> ChatRoutes::handle(const GraphContext &ctx)
{
    if (!ctx.segmentIs(0, "users") || !ctx.segmentIs(2, "chats") || ctx.depth() > 4)
        return std::nullopt;
    // learn.microsoft.com/graph/api/chat-list and chat-get (Permissions).
    static const GraphPermissions permissions{
        {QStringLiteral("Chat.ReadBasic.All"), QStringLiteral("Chat.Read.All"),
         QStringLiteral("Chat.ReadWrite.All")},
        {QStringLiteral("Chat.ReadBasic"), QStringLiteral("Chat.Read"), QStringLiteral("Chat.ReadWrite")}};
    if (!ctx.isGet()) {
        return ctx.error(405, QStringLiteral("MethodNotAllowed"),
                         QStringLiteral("Specified HTTP method is not allowed for the request target."));
    }
    if (auto denied = ctx.require(permissions))
        return *denied;
    const Tenant &tenant = m_services.tenant;
    const int user = tenant.findUser(ctx.segments.at(1));
    if (user < 0) {
        return ctx.error(404, QStringLiteral("NotFound"),
                         QStringLiteral("User '%1' was not found in the tenant.").arg(ctx.segments.at(1)));
    }
    if (!tenant.user(user).teamsLicensed) {
        return ctx.error(
            404, QStringLiteral("NotFound"),
            QStringLiteral("Failed to get license information for the user. Ensure user has a valid "
                           "Office365 license assigned to them."));
    }
    ODataQuery query;
    if (auto error = ctx.parseQuery(&query))
        return *error;
    static const QStringList filterable{QStringLiteral("installedApps/teamsApp/id"),
                                        QStringLiteral("installedApps/teamsApp/externalId"),
                                        QStringLiteral("installedApps/teamsApp/displayName"),
                                        QStringLiteral("chatType"), QStringLiteral("topic")};
    if (auto error = UserRoutes::checkFilterProperties(ctx, query, filterable, QStringLiteral("Chat")))
        return *error;
    const QString userId = tenant.user(user).id;
    QJsonArray value;
    for (const SimInstallation &inst : tenant.userInstalls(user)) {
        const SimCatalogApp &app = tenant.app(inst.app);
        if (app.botId.isEmpty())
            continue;
        const QString chatId = Tenant::personalChatId(userId, app.botId);
        if (ctx.depth() == 4 && ctx.segments.at(3) != chatId)
            continue;
        if (query.filter && !query.filter->matches([&app](const QString &path) {
                if (path.startsWith(QLatin1String("installedApps/teamsApp/"), Qt::CaseInsensitive))
                    return CatalogRoutes::appValues(app, path.mid(23));
                if (path == QLatin1String("chatType"))
                    return QStringList{QStringLiteral("oneOnOne")};
                return QStringList();
            }))
            continue;
        value.append(InstalledAppsRoutes::chatJson(ctx, chatId, tenant.tenantId()));
    }
    if (ctx.depth() == 4) {
        if (value.isEmpty()) {
            return ctx.error(404, QStringLiteral("NotFound"),
                             QStringLiteral("Chat '%1' was not found.").arg(ctx.segments.at(3)));
        }
        QJsonObject body = value.first().toObject();
        body.insert(QStringLiteral("@odata.context"), ctx.contextUrl(QStringLiteral("chats/$entity")));
        return ctx.ok(body);
    }
    return ctx.ok(QJsonObject{
        {QStringLiteral("@odata.context"), ctx.contextUrl(QStringLiteral("users('%1')/chats").arg(userId))},
        {QStringLiteral("@odata.count"), value.size()},
        {QStringLiteral("value"), value}});
}

} // namespace herald::sim
