#include "install/InstallUrls.h"

#include "graph/OData.h"

namespace herald::install::urls {

using graph::odata::pathSegment;
using graph::odata::Query;

namespace {
const QString TeamsApp = QStringLiteral("teamsApp");
} // namespace

QString installedApps(RecipientKind kind, const QString &ownerId)
{
    return kind == RecipientKind::Team
        ? QStringLiteral("teams/%1/installedApps").arg(pathSegment(ownerId))
        : QStringLiteral("users/%1/teamwork/installedApps").arg(pathSegment(ownerId));
}

QString installationOf(RecipientKind kind, const QString &ownerId, const QString &teamsAppId)
{
    return installedApps(kind, ownerId)
        + Query()
              .expand(TeamsApp)
              .filter(graph::odata::eq(QStringLiteral("teamsApp/id"), teamsAppId))
              .toString();
}

QString installationByExternalId(RecipientKind kind, const QString &ownerId, const QString &externalId)
{
    return installedApps(kind, ownerId)
        + Query()
              .expand(QStringLiteral("teamsApp,teamsAppDefinition"))
              .filter(graph::odata::eq(QStringLiteral("teamsApp/externalId"), externalId))
              .toString();
}

QString installation(RecipientKind kind, const QString &ownerId, const QString &installationId)
{
    return installedApps(kind, ownerId) + QLatin1Char('/') + pathSegment(installationId);
}

QString upgrade(RecipientKind kind, const QString &ownerId, const QString &installationId)
{
    return installation(kind, ownerId, installationId) + QStringLiteral("/upgrade");
}

QString installationChat(const QString &userId, const QString &installationId)
{
    return installation(RecipientKind::User, userId, installationId) + QStringLiteral("/chat");
}

QString chatsWithApp(const QString &userId, const QString &teamsAppId)
{
    const QString inner = graph::odata::eq(QStringLiteral("a/teamsApp/id"), teamsAppId);
    return QStringLiteral("users/%1/chats").arg(pathSegment(userId))
        + Query()
              .filter(graph::odata::any(QStringLiteral("installedApps"), QStringLiteral("a"), inner))
              .toString();
}

QString bindUrl(graph::Cloud cloud, const QString &teamsAppId)
{
    return graph::graphApiRoot(graph::graphBaseUrl(cloud)).toString(QUrl::FullyEncoded)
        + QStringLiteral("/appCatalogs/teamsApps/") + pathSegment(teamsAppId);
}

QJsonObject installBody(graph::Cloud cloud, const QString &teamsAppId)
{
    return QJsonObject{{QStringLiteral("teamsApp@odata.bind"), bindUrl(cloud, teamsAppId)}};
}

static QString catalog(const QString &filter)
{
    return QStringLiteral("appCatalogs/teamsApps")
        + Query().filter(filter).expand(QStringLiteral("appDefinitions")).toString();
}

QString catalogByExternalId(const QString &externalId)
{
    return catalog(graph::odata::eq(QStringLiteral("externalId"), externalId));
}

QString catalogById(const QString &teamsAppId)
{
    return catalog(graph::odata::eq(QStringLiteral("id"), teamsAppId));
}

QString catalogByDisplayName(const QString &displayName)
{
    return catalog(graph::odata::eq(QStringLiteral("displayName"), displayName));
}

QString catalogOrganizationApps()
{
    return QStringLiteral("appCatalogs/teamsApps")
        + Query()
              .filter(graph::odata::eq(QStringLiteral("distributionMethod"), QStringLiteral("organization")))
              .select({QStringLiteral("id"), QStringLiteral("externalId"), QStringLiteral("displayName"),
                       QStringLiteral("distributionMethod")})
              .toString();
}

} // namespace herald::install::urls
