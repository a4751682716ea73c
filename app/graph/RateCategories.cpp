#include "graph/RateCategories.h"

#include "graph/RatePlanner.h"

#include <QUrl>

namespace herald::graph::rate {

void defineGraphClasses(RatePlanner &planner)
{
    // Token buckets at the documented rates. Bursts of half (a third) of one
    // second's worth: requests leave in evenly spaced batches of 15 (5) at
    // the full rate, and the service keeps spare tokens for jitter.
    planner.defineClass(InstalledAppsGet, {30, 15, {}});
    planner.defineClass(InstalledAppsPost, {30, 15, {}});
    planner.defineClass(InstalledAppsDelete, {15, 5, {}});
    planner.defineClass(OtherGet, {30, 15, {}});
    planner.defineClass(OtherWrite, {30, 15, {}});
    planner.defineClass(Team, {4, 2, {}});
}

static QStringList pathSegments(const QString &url)
{
    QString path = url;
    if (url.contains(QLatin1String("://")))
        path = QUrl::fromEncoded(url.toUtf8()).path();
    const int query = path.indexOf(QLatin1Char('?'));
    if (query >= 0)
        path.truncate(query);
    QStringList segments = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (!segments.isEmpty()
        && (segments.first() == QLatin1String("v1.0") || segments.first() == QLatin1String("beta")))
        segments.removeFirst();
    return segments;
}

QStringList classifyGraphRequest(const QByteArray &method, const QString &url)
{
    const QStringList segments = pathSegments(url);
    if (segments.isEmpty() || segments.first() == QLatin1String("$batch"))
        return {};

    QStringList keys;
    const bool installedApps = segments.contains(QLatin1String("installedApps"), Qt::CaseInsensitive);
    const QByteArray verb = method.toUpper();
    if (installedApps) {
        if (verb == "GET")
            keys << InstalledAppsGet;
        else if (verb == "DELETE")
            keys << InstalledAppsDelete;
        else
            keys << InstalledAppsPost; // POST install, POST .../upgrade, PATCH
    } else if (verb == "GET") {
        keys << OtherGet;
    } else {
        keys << OtherWrite;
    }
    if (segments.size() >= 2 && segments.first().compare(QLatin1String("teams"), Qt::CaseInsensitive) == 0)
        keys << Team + QLatin1Char(':') + segments.at(1).toLower();
    return keys;
}

} // namespace herald::graph::rate
