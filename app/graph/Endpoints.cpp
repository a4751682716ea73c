#include "graph/Endpoints.h"

#include <QHostAddress>

namespace herald::graph {

std::optional<Cloud> cloudFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("global"))
        return Cloud::Global;
    if (n == QLatin1String("usgov"))
        return Cloud::UsGov;
    if (n == QLatin1String("usgovdod"))
        return Cloud::UsGovDod;
    if (n == QLatin1String("china"))
        return Cloud::China;
    return std::nullopt;
}

QString cloudName(Cloud cloud)
{
    switch (cloud) {
    case Cloud::Global:
        return QStringLiteral("global");
    case Cloud::UsGov:
        return QStringLiteral("usgov");
    case Cloud::UsGovDod:
        return QStringLiteral("usgovdod");
    case Cloud::China:
        return QStringLiteral("china");
    }
    return {};
}

QUrl graphBaseUrl(Cloud cloud)
{
    switch (cloud) {
    case Cloud::Global:
        return QUrl(QStringLiteral("https://graph.microsoft.com"));
    case Cloud::UsGov:
        return QUrl(QStringLiteral("https://graph.microsoft.us"));
    case Cloud::UsGovDod:
        return QUrl(QStringLiteral("https://dod-graph.microsoft.us"));
    case Cloud::China:
        return QUrl(QStringLiteral("https://microsoftgraph.chinacloudapi.cn"));
    }
    return {};
}

QUrl loginBaseUrl(Cloud cloud)
{
    switch (cloud) {
    case Cloud::Global:
        return QUrl(QStringLiteral("https://login.microsoftonline.com"));
    case Cloud::UsGov:
    case Cloud::UsGovDod:
        return QUrl(QStringLiteral("https://login.microsoftonline.us"));
    case Cloud::China:
        return QUrl(QStringLiteral("https://login.chinacloudapi.cn"));
    }
    return {};
}

QString graphDefaultScope(Cloud cloud)
{
    return graphBaseUrl(cloud).toString() + QStringLiteral("/.default");
}

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    QHostAddress address;
    // QUrl::host() gives IPv6 without brackets; tolerate them anyway.
    QString bare = host;
    if (bare.startsWith(QLatin1Char('[')) && bare.endsWith(QLatin1Char(']')))
        bare = bare.mid(1, bare.size() - 2);
    if (!address.setAddress(bare))
        return false;
    return address.isLoopback();
}

GraphError checkServiceUrl(const QUrl &url, const QString &what)
{
    GraphError error;
    error.kind = GraphError::Kind::Config;
    error.url = url;
    if (!url.isValid() || url.host().isEmpty()) {
        error.message = GraphError::tr("The %1 \"%2\" is not a valid URL.").arg(what, url.toString());
        return error;
    }
    if (!url.userInfo().isEmpty()) {
        error.message = GraphError::tr("The %1 must not contain a user name or password.").arg(what);
        error.url = url.adjusted(QUrl::RemoveUserInfo);
        return error;
    }
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return {};
    if (scheme == QLatin1String("http")) {
        if (isLoopbackHost(url.host()))
            return {};
        error.message = GraphError::tr("The %1 %2 uses plain http:// for a host that is not on this "
                                       "machine; tokens and data would travel unencrypted.")
                            .arg(what, url.toString());
        error.hint = GraphError::tr("Use https://, or http:// only with 127.0.0.1, ::1 or localhost.");
        return error;
    }
    error.message = GraphError::tr("The %1 %2 must start with https://.").arg(what, url.toString());
    return error;
}

QUrl graphApiRoot(const QUrl &base)
{
    QUrl root = base;
    QString path = root.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    if (!path.endsWith(QLatin1String("/v1.0")))
        path += QStringLiteral("/v1.0");
    root.setPath(path);
    root.setQuery(QString());
    root.setFragment(QString());
    return root;
}

bool isSameOrigin(const QUrl &url, const QUrl &root)
{
    const int defaultPort
        = root.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0 ? 443 : 80;
    return url.scheme().compare(root.scheme(), Qt::CaseInsensitive) == 0
        && url.host().compare(root.host(), Qt::CaseInsensitive) == 0
        && url.port(defaultPort) == root.port(defaultPort) && url.userInfo().isEmpty();
}

} // namespace herald::graph
