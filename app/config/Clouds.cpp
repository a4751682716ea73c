#include "config/Clouds.h"

#include <QCoreApplication>
#include <QUrlQuery>

namespace herald::config {

namespace {

// lupdate files a tr() outside a class under the enclosing namespace: same context here.
QString tr(const char *text)
{
    return QCoreApplication::translate("herald::config", text);
}

} // namespace

CloudInfo cloudInfo(Cloud cloud)
{
    CloudInfo info;
    info.cloud = cloud;
    info.name = cloudName(cloud);
    info.loginBase = graph::loginBaseUrl(cloud);
    info.graphBase = graph::graphBaseUrl(cloud);
    info.graphScope = graph::graphDefaultScope(cloud);
    switch (cloud) {
    case Cloud::Global:
        info.displayName = tr("Global (commercial, GCC)");
        info.botScope = QStringLiteral("https://api.botframework.com/.default");
        // GCC (moderate) tenants use the global login and Graph but their own
        // Bot Connector (https://smba.infra.gcc.teams.microsoft.com/teams):
        // they set --bot-service-url.
        info.botServiceUrl = QUrl(QStringLiteral("https://smba.trafficmanager.net/teams/"));
        break;
    case Cloud::UsGov:
        info.displayName = tr("US Government L4 (GCC High)");
        info.botScope = QStringLiteral("https://api.botframework.us/.default");
        info.botServiceUrl = QUrl(QStringLiteral("https://smba.infra.gov.teams.microsoft.us/teams"));
        break;
    case Cloud::UsGovDod:
        info.displayName = tr("US Government L5 (DoD)");
        info.botScope = QStringLiteral("https://api.botframework.us/.default");
        info.botServiceUrl = QUrl(QStringLiteral("https://smba.infra.dod.teams.microsoft.us/teams"));
        break;
    case Cloud::China:
        info.displayName = tr("China (operated by 21Vianet)");
        // Azure Bot Service in Azure China. The scope is the one "Deploy bots
        // to Azure operated by 21Vianet" (docs.azure.cn/bot-service/
        // how-to-deploy-china-cloud) configures as ToChannelFromBotOAuthScope,
        // https://api.botframework.azure.cn, with its token endpoint at
        // login.partner.microsoftonline.cn (an alias of the China login base).
        // The Teams Bot Connector URL there is not documented in our sources,
        // so none is assumed.
        info.botScope = QStringLiteral("https://api.botframework.azure.cn/.default");
        info.proactiveInstall = false;
        break;
    }
    return info;
}

QString proactiveInstallNotice(Cloud cloud)
{
    if (cloudInfo(cloud).proactiveInstall)
        return {};
    return tr("Proactive install is not available in the China cloud (21Vianet): Microsoft Graph cannot "
              "install the app for users or teams there. Ask users to add the app themselves in Teams; "
              "messages reach those who have it. The Bot Connector service URL must be given with "
              "--bot-service-url.");
}

QUrl effectiveLoginUrl(const ConnectionSettings &settings)
{
    return settings.loginUrl.isEmpty() ? graph::loginBaseUrl(settings.cloud) : settings.loginUrl;
}

QUrl effectiveGraphUrl(const ConnectionSettings &settings)
{
    return settings.graphUrl.isEmpty() ? graph::graphBaseUrl(settings.cloud) : settings.graphUrl;
}

QUrl effectiveBotServiceUrl(const ConnectionSettings &settings)
{
    return settings.botServiceUrl.isEmpty() ? cloudInfo(settings.cloud).botServiceUrl
                                            : settings.botServiceUrl;
}

QString botScope(const ConnectionSettings &settings)
{
    return cloudInfo(settings.cloud).botScope;
}

QUrl adminConsentUrl(const QUrl &loginBase, const QString &tenant, const QString &clientId,
                     const QString &redirectUri)
{
    QUrl url = loginBase;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(tenant))
                    + QStringLiteral("/adminconsent"),
                QUrl::TolerantMode);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("client_id"), clientId);
    if (!redirectUri.isEmpty())
        query.addQueryItem(QStringLiteral("redirect_uri"),
                           QString::fromLatin1(QUrl::toPercentEncoding(redirectUri)));
    url.setQuery(query);
    return url;
}

} // namespace herald::config
