#pragma once

// The Graph requests of Microsoft's proactive-installation steps
// (seeds/, API-NOTES "Installation"), relative to the API root. Every id goes
// through graph/OData.h: UPNs such as o'brien#1@contoso.com are path-encoded,
// filter literals quoted.

#include "directory/Recipient.h"
#include "graph/Endpoints.h"

#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace herald::install::urls {

// users/{id}/teamwork/installedApps  or  teams/{id}/installedApps
QString installedApps(RecipientKind kind, const QString &ownerId);
// ...installedApps?$expand=teamsApp&$filter=teamsApp/id eq '{appId}'
QString installationOf(RecipientKind kind, const QString &ownerId, const QString &teamsAppId);
// ...installedApps?$expand=teamsApp,teamsAppDefinition&$filter=teamsApp/externalId eq '{externalId}'
QString installationByExternalId(RecipientKind kind, const QString &ownerId, const QString &externalId);
// ...installedApps/{installationId}
QString installation(RecipientKind kind, const QString &ownerId, const QString &installationId);
// ...installedApps/{installationId}/upgrade
QString upgrade(RecipientKind kind, const QString &ownerId, const QString &installationId);
// users/{id}/teamwork/installedApps/{installationId}/chat
QString installationChat(const QString &userId, const QString &installationId);
// users/{id}/chats?$filter=installedApps/any(a:a/teamsApp/id eq '{appId}')
QString chatsWithApp(const QString &userId, const QString &teamsAppId);

// {"teamsApp@odata.bind":"{graph base of the cloud}/v1.0/appCatalogs/teamsApps/{appId}"}
// Microsoft documents the bind URL with the public Graph host of the cloud,
// whatever host the request itself goes to.
QString bindUrl(graph::Cloud cloud, const QString &teamsAppId);
QJsonObject installBody(graph::Cloud cloud, const QString &teamsAppId);

// Catalog
QString catalogByExternalId(const QString &externalId);
QString catalogById(const QString &teamsAppId);
QString catalogByDisplayName(const QString &displayName);
// The organization's own apps (for "did you mean"), names only.
QString catalogOrganizationApps();

} // namespace herald::install::urls
