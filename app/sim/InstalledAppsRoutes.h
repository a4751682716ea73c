#pragma once

// App installations for a user (/users/{id}/teamwork/installedApps) and for a
// team (/teams/{id}/installedApps): list, get, install, upgrade, uninstall and
// the user's chat with the app's bot. Mirrors the Graph pages
// userteamwork-list-installedapps, userteamwork-post-installedapps,
// teamsappinstallation-upgrade, userteamwork-delete-installedapps,
// teamsappinstallation-get-chat and their team counterparts.

#include "sim/GraphContext.h"

#include <optional>

namespace herald::sim {

struct SimServices;

class InstalledAppsRoutes
{
public:
    explicit InstalledAppsRoutes(SimServices &services);
    std::optional<SimResponse> handle(const GraphContext &ctx);

    // Shared with ChatRoutes: a user's 1:1 chat with an app's bot.
    static QJsonObject chatJson(const GraphContext &ctx, const QString &chatId, const QString &tenantId);

private:
    struct Owner
    {
        bool team = false;
        int index = -1;
        QString id;
    };

    SimResponse list(const GraphContext &ctx, const Owner &owner);
    SimResponse install(const GraphContext &ctx, const Owner &owner);
    SimResponse onInstallation(const GraphContext &ctx, const Owner &owner, const QString &installationId,
                               const QString &action);
    std::optional<SimResponse> checkWritePermission(const GraphContext &ctx, const Owner &owner,
                                                    int app) const;
    QJsonObject installationJson(const Owner &owner, int app, const QString &version,
                                 const class ODataQuery &query) const;
    const QVector<struct SimInstallation> &installs(const Owner &owner) const;

    SimServices &m_services;
};

} // namespace herald::sim
