#pragma once

// Graph JSON shapes of the tenant's entities (user, group, team,
// conversationMember, teamsApp, teamsAppDefinition).

#include "sim/Tenant.h"

#include <QJsonObject>
#include <QStringList>

namespace herald::sim::json {

// Properties a client may $select on microsoft.graph.user.
const QStringList &userProperties();
// Without $select Graph returns only this default set (no department, no
// accountEnabled): https://learn.microsoft.com/graph/api/user-list "Properties".
const QStringList &userDefaultProperties();

QJsonObject user(const SimUser &user, const QStringList &select); // empty select = default set
QJsonObject userProperty(const SimUser &user, const QString &property, QJsonObject &&into);
QString userString(const SimUser &user,
                   const QString &property); // for $filter/$search; lower/upper as stored

const QStringList &groupProperties();
QJsonObject group(const SimGroup &group, const QString &domain);
QJsonObject selectFields(const QJsonObject &full, const QStringList &select); // keeps id always
QJsonObject team(const SimGroup &group, const QString &tenantId);
QJsonObject conversationMember(const SimGroup &team, const SimUser &user, bool owner,
                               const QString &tenantId);

QJsonObject teamsApp(const SimCatalogApp &app, bool withDefinitions);
QJsonObject appDefinition(const SimCatalogApp &app);
QString appDefinitionId(const SimCatalogApp &app);

} // namespace herald::sim::json
