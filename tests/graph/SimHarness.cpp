#include "SimHarness.h"

#include "graph/RateCategories.h"
#include "sim/Tenant.h"

namespace herald::test {

SimHarness::SimHarness(const sim::SimOptions &options)
    : m_server(std::make_unique<sim::SimServer>(options))
{
}

SimHarness::~SimHarness()
{
    if (m_client)
        m_client->cancelAll();
}

bool SimHarness::start()
{
    if (!m_server->listen())
        return false;
    const sim::SimOptions &options = m_server->options();
    graph::rate::defineGraphClasses(m_planner);
    m_planner.setTimeScale(options.timeScale);

    auth::ClientCredentialsSettings settings;
    settings.loginBase = m_server->loginUrl();
    settings.tenant = options.tenantId;
    settings.clientId = options.clientId;
    m_tokens = std::make_unique<auth::ClientSecretTokenProvider>(&m_network, settings, options.clientSecret);
    m_tokens->setTimeScale(options.timeScale);
    m_client
        = std::make_unique<graph::GraphClient>(&m_network, m_server->graphUrl(), m_tokens.get(), &m_planner);
    return true;
}

QString SimHarness::errorString() const
{
    return m_server->errorString();
}

QStringList SimHarness::userIds(int count) const
{
    QStringList ids;
    const sim::Tenant &tenant = m_server->tenant();
    const int n = count < 0 ? tenant.userCount() : std::min(count, tenant.userCount());
    for (int i = 0; i < n; ++i)
        ids << tenant.user(i).id;
    return ids;
}

qint64 SimHarness::requests(const QString &category) const
{
    return qint64(m_server->stats().value(QStringLiteral("requests")).toObject().value(category).toDouble());
}

qint64 SimHarness::throttledTotal() const
{
    return qint64(m_server->stats().value(QStringLiteral("throttledTotal")).toDouble());
}

} // namespace herald::test
