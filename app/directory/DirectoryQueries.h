#pragma once

// The Graph requests the recipient resolver sends, and how their answers map
// onto a Recipient. Every value that came from the admin goes through
// graph::odata (path segment or quoted literal), never spliced in raw.

#include "directory/Recipient.h"
#include "graph/GraphResponse.h"

#include <QJsonObject>
#include <QString>

namespace herald::directory::query {

// GET users/{id-or-upn}?$select=...
QString userByKey(const QString &idOrUpn);
// GET users?$filter=mail eq '...'&$select=...
QString userByMail(const QString &mail);
// GET teams/{id}?$select=id,displayName
QString teamById(const QString &teamId);
// First page of a group's transitive user members, counted.
QString groupUsers(const QString &groupId, int pageSize);
// First page of every user in the tenant, counted.
QString allUsers(int pageSize);
// Pickers (GUI): one page of users or groups matching `term` by word start
// ($search, an advanced query: send countHeaders()), and teams whose name
// starts with `prefix` (teams has no $search). Quotes and backslashes are
// dropped from the term: they would end the $search clause.
QString searchUsers(const QString &term, int pageSize);
QString searchGroups(const QString &term, int pageSize);
QString teamsByPrefix(const QString &prefix, int pageSize);
// $count on directory objects is an advanced query: it needs this header.
graph::HeaderList countHeaders();

// Copies the directory's view of a user onto `recipient`, keeping what the
// admin gave (input, template data).
void applyUser(const QJsonObject &user, Recipient *recipient);
void applyTeam(const QJsonObject &team, Recipient *recipient);
// A member of a paged listing: the recipient the admin did not name one by one.
Recipient userFromListing(const QJsonObject &user);

} // namespace herald::directory::query
