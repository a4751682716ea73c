#include "bot/BotEndpoints.h"

namespace herald::bot {

QUrl defaultServiceUrl(graph::Cloud cloud)
{
    switch (cloud) {
    case graph::Cloud::Global:
        return QUrl(QStringLiteral("https://smba.trafficmanager.net/teams/"));
    case graph::Cloud::UsGov:
        return QUrl(QStringLiteral("https://smba.infra.gov.teams.microsoft.us/teams/"));
    case graph::Cloud::UsGovDod:
        return QUrl(QStringLiteral("https://smba.infra.dod.teams.microsoft.us/teams/"));
    case graph::Cloud::China:
        return {};
    }
    return {};
}

} // namespace herald::bot
