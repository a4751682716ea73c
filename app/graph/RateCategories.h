#pragma once

// Microsoft Graph's documented Teams limits (API-NOTES "Throttling") as
// RatePlanner classes, and the classifier that maps a request to its buckets.
// A request on /teams/{id}/... takes from its category AND from that team's
// bucket. $batch itself takes nothing: each sub-request is classified alone.

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace herald::graph {

class RatePlanner;

namespace rate {

inline const QString InstalledAppsGet = QStringLiteral("graph.installedApps.get"); // 30/s
inline const QString InstalledAppsPost = QStringLiteral("graph.installedApps.post"); // 30/s
inline const QString InstalledAppsDelete = QStringLiteral("graph.installedApps.delete"); // 15/s
inline const QString OtherGet = QStringLiteral("graph.get"); // 30/s
inline const QString OtherWrite = QStringLiteral("graph.write"); // 30/s: other Teams writes, conservatively
inline const QString Team = QStringLiteral("graph.team"); // 4/s per team

void defineGraphClasses(RatePlanner &planner);

// `url` is relative to the API root ("users/1/teamwork/installedApps?...",
// "/teams/x/installedApps") or absolute (a nextLink).
QStringList classifyGraphRequest(const QByteArray &method, const QString &url);

} // namespace rate
} // namespace herald::graph
