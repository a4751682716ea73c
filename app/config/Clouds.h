#pragma once

// The national cloud table beyond what the Graph client needs
// (graph/Endpoints.h keeps login and Graph bases): the Bot Framework scope,
// token authority and Bot Connector service URL per cloud, whether Graph's
// proactive install is offered, and the admin-consent link. Values from
// API-NOTES.md "National clouds" and "Bot Connector".

#include "config/ConnectionSettings.h"

#include <QString>
#include <QUrl>

namespace herald::config {

struct CloudInfo
{
    Cloud cloud = Cloud::Global;
    QString name; // "global", "usgov", ...
    QString displayName; // "US Government L4 (GCC High)"
    QUrl loginBase;
    QUrl graphBase;
    QString graphScope; // "{graph}/.default"
    QString botScope; // "https://api.botframework.com/.default"
    QUrl botServiceUrl; // empty when we know no public default (China)
    bool proactiveInstall = true; // Graph installs apps for users/teams in this cloud
};

CloudInfo cloudInfo(Cloud cloud);

// "Proactive install is not available in the China cloud ..." (empty for other clouds).
QString proactiveInstallNotice(Cloud cloud);

// The effective endpoints of a settings value: overrides win over the cloud's defaults.
QUrl effectiveLoginUrl(const ConnectionSettings &settings);
QUrl effectiveGraphUrl(const ConnectionSettings &settings);
QUrl effectiveBotServiceUrl(const ConnectionSettings &settings);
QString botScope(const ConnectionSettings &settings);

// {login}/{tenant}/adminconsent?client_id={id}[&redirect_uri=...]: the page
// where a Global or Privileged Role Administrator grants the app's
// application permissions for the whole tenant.
QUrl adminConsentUrl(const QUrl &loginBase, const QString &tenant, const QString &clientId,
                     const QString &redirectUri = QStringLiteral("http://localhost"));

} // namespace herald::config
