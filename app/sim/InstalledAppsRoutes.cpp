#include "sim/InstalledAppsRoutes.h"

#include "sim/CatalogRoutes.h"
#include "sim/SimServices.h"
#include "sim/TenantJson.h"
#include "sim/UserRoutes.h"

#include <QJsonDocument>
#include <QUrl>

namespace herald::sim {

namespace {

// TeamsAppInstallation.{kind}For{User|Team} is the delegated name; the
// application name adds ".All". `both`: names shared by the two kinds.
GraphPermissions installation(bool team, std::initializer_list<const char *> kinds,
                              const QStringList &both = {})
{
    GraphPermissions p;
    for (const char *kind : kinds) {
        const QString name
            = QStringLiteral("TeamsAppInstallation.%1For%2")
                  .arg(QLatin1String(kind), team ? QStringLiteral("Team") : QStringLiteral("User"));
        p.delegated << name;
        p.application << name + QStringLiteral(".All");
    }
    p.delegated << both;
    p.application << both;
    return p;
}

const QStringList kGroupWrite{QStringLiteral("Group.ReadWrite.All"),
                              QStringLiteral("Directory.ReadWrite.All")};
const QStringList kGroupRead{QStringLiteral("Group.Read.All"), QStringLiteral("Directory.Read.All"),
                             QStringLiteral("Group.ReadWrite.All"),
                             QStringLiteral("Directory.ReadWrite.All")};

// List and get: userteamwork-list-installedapps, userteamwork-get-installedapps;
// team-list-installedapps, team-get-installedapps (Permissions). The
// resource-specific (*.Group, *.User) and *Selected* permissions are not modelled.
const GraphPermissions &readPermissions(bool team)
{
    static const GraphPermissions user = installation(
        false, {"Read", "ReadWriteSelf", "ReadWrite", "ReadWriteAndConsentSelf", "ReadWriteAndConsent"});
    static const GraphPermissions teams = installation(
        true, {"Read", "ReadWriteSelf", "ReadWrite", "ReadWriteAndConsentSelf", "ReadWriteAndConsent"},
        kGroupRead);
    return team ? teams : user;
}

// Install, upgrade, uninstall: userteamwork-post-installedapps,
// userteamwork-teamsappinstallation-upgrade, userteamwork-delete-installedapps;
// team-post-installedapps, teamsappinstallation-upgrade, team-delete-installedapps.
// *Self* permissions only count when the app acted on is the calling app.
const GraphPermissions &writePermissions(bool team, bool self)
{
    static const GraphPermissions user = installation(false, {"ReadWrite", "ReadWriteAndConsent"});
    static const GraphPermissions userSelf = installation(
        false, {"ReadWriteSelf", "ReadWrite", "ReadWriteAndConsentSelf", "ReadWriteAndConsent"});
    static const GraphPermissions teams
        = installation(true, {"ReadWrite", "ReadWriteAndConsent"}, kGroupWrite);
    static const GraphPermissions teamSelf = installation(
        true, {"ReadWriteSelf", "ReadWrite", "ReadWriteAndConsentSelf", "ReadWriteAndConsent"}, kGroupWrite);
    return team ? (self ? teamSelf : teams) : (self ? userSelf : user);
}

// The user's chat with the app: userscopeteamsappinstallation-get-chat (Permissions).
const GraphPermissions &chatPermissions()
{
    static const GraphPermissions permissions = installation(false, {"Read", "ReadWrite", "ReadWriteSelf"});
    return permissions;
}

QString bindTarget(const QJsonObject &body)
{
    // "https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{id}" (any host; also teamsApps('{id}'))
    QString bind = body.value(QStringLiteral("teamsApp@odata.bind")).toString();
    static const QString marker = QStringLiteral("appCatalogs/teamsApps");
    const qsizetype at = bind.indexOf(marker, 0, Qt::CaseInsensitive);
    if (at < 0)
        return {};
    QString id = bind.mid(at + marker.size());
    if (id.startsWith(QLatin1Char('/')))
        id = id.mid(1);
    else if (id.startsWith(QLatin1String("('")) && id.endsWith(QLatin1String("')")))
        id = id.mid(2, id.size() - 4);
    else
        return {};
    return id.contains(QLatin1Char('/')) ? QString() : id;
}

} // namespace

InstalledAppsRoutes::InstalledAppsRoutes(SimServices &services)
    : m_services(services)
{
}

const QVector<SimInstallation> &InstalledAppsRoutes::installs(const Owner &owner) const
{
    return owner.team ? m_services.tenant.group(owner.index).installs
                      : m_services.tenant.userInstalls(owner.index);
}

std::optional<SimResponse> InstalledAppsRoutes::handle(const GraphContext &ctx)
{
    int base = 0; // index of the "installedApps" segment
    Owner owner;
    if (ctx.segmentIs(0, "users") && ctx.segmentIs(2, "teamwork") && ctx.segmentIs(3, "installedApps")) {
        base = 3;
    } else if (ctx.segmentIs(0, "teams") && ctx.segmentIs(2, "installedApps")) {
        base = 2;
        owner.team = true;
    } else {
        return std::nullopt;
    }
    if (ctx.depth() > base + 3)
        return std::nullopt;
    if (auto denied = ctx.require(readPermissions(owner.team)))
        return *denied;

    const Tenant &tenant = m_services.tenant;
    const QString key = ctx.segments.at(1);
    if (owner.team) {
        owner.index = tenant.findTeam(key);
        if (owner.index < 0)
            return ctx.error(404, QStringLiteral("NotFound"),
                             QStringLiteral("No team found with Group Id %1").arg(key));
        owner.id = tenant.group(owner.index).id;
    } else {
        owner.index = tenant.findUser(key);
        if (owner.index < 0) {
            return ctx.error(404, QStringLiteral("NotFound"),
                             QStringLiteral("User '%1' was not found in the tenant.").arg(key));
        }
        owner.id = tenant.user(owner.index).id;
        if (!tenant.user(owner.index).teamsLicensed) {
            // Teams answers 404 for users without a Teams licence.
            return ctx.error(
                404, QStringLiteral("NotFound"),
                QStringLiteral("Failed to get license information for the user. Ensure user has a "
                               "valid Office365 license assigned to them."));
        }
    }
    if (ctx.depth() == base + 1) {
        if (ctx.isGet())
            return list(ctx, owner);
        if (ctx.request.method == "POST")
            return install(ctx, owner);
    } else {
        const QString action = ctx.depth() == base + 3 ? ctx.segments.at(base + 2) : QString();
        return onInstallation(ctx, owner, ctx.segments.at(base + 1), action);
    }
    return ctx.error(405, QStringLiteral("MethodNotAllowed"),
                     QStringLiteral("Specified HTTP method is not allowed for the request target."));
}

QJsonObject InstalledAppsRoutes::installationJson(const Owner &owner, int app, const QString &version,
                                                  const ODataQuery &query) const
{
    const SimCatalogApp &a = m_services.tenant.app(app);
    QJsonObject o{
        {QStringLiteral("@odata.type"),
         owner.team ? QStringLiteral("#microsoft.graph.teamsAppInstallation")
                    : QStringLiteral("#microsoft.graph.userScopeTeamsAppInstallation")},
        {QStringLiteral("id"), Tenant::installationId(owner.id, a.id)},
        {QStringLiteral("consentedPermissionSet"), QJsonValue::Null},
    };
    if (query.expands(QStringLiteral("teamsApp")))
        o.insert(QStringLiteral("teamsApp"), json::teamsApp(a, false));
    if (query.expands(QStringLiteral("teamsAppDefinition"))) {
        QJsonObject def = json::appDefinition(a);
        def.insert(QStringLiteral("version"), version);
        o.insert(QStringLiteral("teamsAppDefinition"), def);
    }
    return o;
}

SimResponse InstalledAppsRoutes::list(const GraphContext &ctx, const Owner &owner)
{
    ODataQuery query;
    if (auto error = ctx.parseQuery(&query))
        return *error;
    static const QStringList filterable{QStringLiteral("teamsApp/id"),
                                        QStringLiteral("teamsApp/externalId"),
                                        QStringLiteral("teamsApp/displayName"),
                                        QStringLiteral("teamsApp/distributionMethod"),
                                        QStringLiteral("teamsAppDefinition/version"),
                                        QStringLiteral("teamsAppDefinition/teamsAppId"),
                                        QStringLiteral("teamsAppDefinition/displayName")};
    if (auto error
        = UserRoutes::checkFilterProperties(ctx, query, filterable, QStringLiteral("TeamsAppInstallation")))
        return *error;
    const Tenant &tenant = m_services.tenant;
    QJsonArray value;
    for (const SimInstallation &inst : installs(owner)) {
        const SimCatalogApp &app = tenant.app(inst.app);
        if (query.filter && !query.filter->matches([&](const QString &path) {
                if (path.startsWith(QLatin1String("teamsApp/"), Qt::CaseInsensitive))
                    return CatalogRoutes::appValues(app, path.mid(9));
                if (path.compare(QLatin1String("teamsAppDefinition/version"), Qt::CaseInsensitive) == 0)
                    return QStringList{inst.version};
                if (path.compare(QLatin1String("teamsAppDefinition/teamsAppId"), Qt::CaseInsensitive) == 0)
                    return QStringList{app.id};
                return QStringList{app.definition.displayName};
            }))
            continue;
        value.append(
            json::selectFields(installationJson(owner, inst.app, inst.version, query), query.select));
    }
    const QString fragment = owner.team ? QStringLiteral("teams('%1')/installedApps").arg(owner.id)
                                        : QStringLiteral("users('%1')/teamwork/installedApps").arg(owner.id);
    return ctx.ok(QJsonObject{{QStringLiteral("@odata.context"), ctx.contextUrl(fragment)},
                              {QStringLiteral("value"), value}});
}

std::optional<SimResponse> InstalledAppsRoutes::checkWritePermission(const GraphContext &ctx,
                                                                     const Owner &owner, int app) const
{
    // *Self* permissions only cover the calling app: the catalog app whose
    // manifest webApplicationInfo.id is the token's appid.
    const bool self
        = m_services.tenant.app(app).webApplicationId.compare(ctx.claims.appid, Qt::CaseInsensitive) == 0;
    return ctx.require(writePermissions(owner.team, self));
}

SimResponse InstalledAppsRoutes::install(const GraphContext &ctx, const Owner &owner)
{
    Tenant &tenant = m_services.tenant;
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(ctx.request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        return ctx.error(400, QStringLiteral("BadRequest"),
                         QStringLiteral("Invalid request body: %1").arg(parseError.errorString()));
    }
    const QString appId = bindTarget(doc.object());
    if (appId.isEmpty()) {
        return ctx.error(
            400, QStringLiteral("BadRequest"),
            QStringLiteral("The request body must bind the app: \"teamsApp@odata.bind\": "
                           "\"https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{teamsAppId}\"."));
    }
    const int app = tenant.findApp(appId);
    if (app < 0) {
        return ctx.error(404, QStringLiteral("NotFound"),
                         QStringLiteral("App with id '%1' was not found in the app catalog.").arg(appId));
    }
    const SimCatalogApp &a = tenant.app(app);
    if (a.distributionMethod == QLatin1String("sideloaded")) {
        // "Microsoft Graph can only install apps published to your organization's
        // app store or the Microsoft Teams Store." (proactive installation docs)
        return ctx.error(
            403, QStringLiteral("Forbidden"),
            QStringLiteral("App '%1' is sideloaded. Microsoft Graph can only install apps published "
                           "to the organization's app catalog or the Microsoft Teams Store.")
                .arg(a.displayName));
    }
    if (auto error = checkWritePermission(ctx, owner, app))
        return *error;
    if (!owner.team && app == tenant.orgApp() && tenant.user(owner.index).policyBlocked) {
        return ctx.error(
            403, QStringLiteral("Forbidden"),
            QStringLiteral("Installation of app '%1' failed: the app is blocked by app permission "
                           "policy for user '%2'.")
                .arg(a.displayName, owner.id));
    }
    const bool installed
        = owner.team ? tenant.installForTeam(owner.index, app) : tenant.installForUser(owner.index, app);
    if (!installed) {
        return ctx.error(409, QStringLiteral("Conflict"),
                         QStringLiteral("App '%1' is already installed.").arg(a.displayName));
    }
    m_services.stats.countInstall();
    return SimResponse::empty(201);
}

SimResponse InstalledAppsRoutes::onInstallation(const GraphContext &ctx, const Owner &owner,
                                                const QString &installationId, const QString &action)
{
    Tenant &tenant = m_services.tenant;
    QString ownerId;
    QString appId;
    const int app
        = Tenant::parseInstallationId(installationId, &ownerId, &appId) ? tenant.findApp(appId) : -1;
    const int position = app < 0 || ownerId.compare(owner.id, Qt::CaseInsensitive) != 0
        ? -1
        : (owner.team ? tenant.teamInstallOf(owner.index, app) : tenant.userInstallOf(owner.index, app));
    if (position < 0) {
        return ctx.error(404, QStringLiteral("NotFound"),
                         QStringLiteral("The app installation '%1' was not found.").arg(installationId));
    }
    const QByteArray &method = ctx.request.method;
    if (action.isEmpty() && method == "GET") {
        ODataQuery query;
        if (auto error = ctx.parseQuery(&query))
            return *error;
        QJsonObject body = installationJson(owner, app, installs(owner).at(position).version, query);
        body.insert(QStringLiteral("@odata.context"),
                    ctx.contextUrl(QStringLiteral("installedApps/$entity")));
        return ctx.ok(body);
    }
    if (action.isEmpty() && method == "DELETE") {
        if (auto error = checkWritePermission(ctx, owner, app))
            return *error;
        if (owner.team)
            tenant.uninstallForTeam(owner.index, app);
        else
            tenant.uninstallForUser(owner.index, app);
        m_services.stats.countUninstall();
        return SimResponse::empty(204);
    }
    if (action.compare(QLatin1String("upgrade"), Qt::CaseInsensitive) == 0 && method == "POST") {
        if (auto error = checkWritePermission(ctx, owner, app))
            return *error;
        // Already at the catalog's latest version after this call.
        if (owner.team)
            tenant.mutableGroup(owner.index).installs[position].version = tenant.app(app).definition.version;
        return SimResponse::empty(204);
    }
    if (!owner.team && action.compare(QLatin1String("chat"), Qt::CaseInsensitive) == 0 && method == "GET") {
        if (auto denied = ctx.require(chatPermissions()))
            return *denied;
        const SimCatalogApp &a = tenant.app(app);
        if (a.botId.isEmpty()) {
            return ctx.error(
                404, QStringLiteral("NotFound"),
                QStringLiteral("App '%1' has no bot, so there is no chat with it.").arg(a.displayName));
        }
        QJsonObject body = chatJson(ctx, Tenant::personalChatId(owner.id, a.botId), tenant.tenantId());
        body.insert(QStringLiteral("@odata.context"), ctx.contextUrl(QStringLiteral("chats/$entity")));
        return ctx.ok(body);
    }
    if (!action.isEmpty() && action.compare(QLatin1String("upgrade"), Qt::CaseInsensitive) != 0
        && action.compare(QLatin1String("chat"), Qt::CaseInsensitive) != 0) {
        return ctx.error(400, QStringLiteral("BadRequest"),
                         QStringLiteral("Resource not found for the segment '%1'.").arg(action));
    }
    return ctx.error(405, QStringLiteral("MethodNotAllowed"),
                     QStringLiteral("Specified HTTP method is not allowed for the request target."));
}

QJsonObject InstalledAppsRoutes::chatJson(const GraphContext &ctx, const QString &chatId,
                                          const QString &tenantId)
{
    Q_UNUSED(ctx)
    return QJsonObject{
        {QStringLiteral("id"), chatId},
        {QStringLiteral("topic"), QJsonValue::Null},
        {QStringLiteral("createdDateTime"), QStringLiteral("2023-11-02T09:00:00.000Z")},
        {QStringLiteral("lastUpdatedDateTime"), QStringLiteral("2023-11-02T09:00:00.000Z")},
        {QStringLiteral("chatType"), QStringLiteral("oneOnOne")},
        {QStringLiteral("webUrl"),
         QStringLiteral("https://teams.microsoft.com/l/chat/%1/0?tenantId=%2")
             .arg(QString::fromLatin1(QUrl::toPercentEncoding(chatId)), tenantId)},
        {QStringLiteral("tenantId"), tenantId},
        {QStringLiteral("onlineMeetingInfo"), QJsonValue::Null},
        {QStringLiteral("viewpoint"), QJsonValue::Null},
    };
}

} // namespace herald::sim
