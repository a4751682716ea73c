#include "sim/SimControlRoutes.h"

#include "sim/SimServices.h"

namespace herald::sim {

SimControlRoutes::SimControlRoutes(SimServices &services)
    : m_services(services)
{
}

QJsonObject SimControlRoutes::info(const SimServices &services)
{
    const Tenant &tenant = services.tenant;
    const QString appId = tenant.orgApp() >= 0 ? tenant.app(tenant.orgApp()).id : QString();
    return QJsonObject{{QStringLiteral("baseUrl"), services.baseUrl},
                       {QStringLiteral("tenantId"), services.options.tenantId},
                       {QStringLiteral("tenantDomain"), services.options.tenantDomain},
                       {QStringLiteral("clientId"), services.options.clientId},
                       {QStringLiteral("botId"), QStringLiteral("28:") + services.options.clientId},
                       {QStringLiteral("appId"), appId},
                       {QStringLiteral("appExternalId"), services.options.appExternalId},
                       {QStringLiteral("timeScale"), services.clock.timeScale()},
                       {QStringLiteral("throttling"), services.options.throttling},
                       {QStringLiteral("users"), tenant.userCount()}};
}

SimResponse SimControlRoutes::handle(const SimRequest &request)
{
    const QString what = request.path.mid(QStringLiteral("/_sim/").size());
    const bool get = request.method == "GET";
    if (get && what == QLatin1String("stats"))
        return SimResponse::json(200, m_services.stats.toJson(m_services.clock.timeScale()));
    if (request.method == "POST" && what == QLatin1String("reset-stats")) {
        m_services.stats.reset();
        return SimResponse::json(200, m_services.stats.toJson(m_services.clock.timeScale()));
    }
    if (get && what == QLatin1String("deliveries"))
        return SimResponse::json(
            200, m_services.stats.deliveriesJson(request.queryValue(QStringLiteral("conversation"))));
    if (get && what == QLatin1String("tenant"))
        return SimResponse::json(200, m_services.tenant.dump());
    if (get && what == QLatin1String("info"))
        return SimResponse::json(200, info(m_services));
    return SimResponse::json(404,
                             QJsonObject{{QStringLiteral("error"),
                                          QJsonObject{{QStringLiteral("code"), QStringLiteral("NotFound")},
                                                      {QStringLiteral("message"),
                                                       QStringLiteral("Unknown simulator endpoint.")}}}});
}

} // namespace herald::sim
