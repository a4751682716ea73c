#pragma once

// Service base URLs per national cloud, and the URL policy: plain http:// only
// for loopback hosts, everything else https://.

#include "graph/GraphError.h"

#include <QString>
#include <QUrl>
#include <optional>

namespace herald::graph {

enum class Cloud { Global, UsGov, UsGovDod, China };

std::optional<Cloud> cloudFromName(const QString &name); // "global", "usgov", "usgovdod", "china"
QString cloudName(Cloud cloud);
QUrl graphBaseUrl(Cloud cloud);
QUrl loginBaseUrl(Cloud cloud);
// The app-only scope for Graph in that cloud: "{graph base}/.default".
QString graphDefaultScope(Cloud cloud);

// 127.0.0.0/8, ::1 and "localhost" (any case).
bool isLoopbackHost(const QString &host);

// Checks a service base URL (--graph-url, --login-url, ...). Returns a Config
// error naming `what` when the URL is unusable, or a no-error GraphError.
GraphError checkServiceUrl(const QUrl &url, const QString &what);

// {base}/v1.0 (a trailing slash on base is tolerated, an existing /v1.0 is kept).
QUrl graphApiRoot(const QUrl &base);

// True when `url` has the same scheme, host and port as `root`: the only
// place a bearer token may be sent.
bool isSameOrigin(const QUrl &url, const QUrl &root);

} // namespace herald::graph
