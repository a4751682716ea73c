#include "cli/SimDemoEnvironment.h"

#include "cli/ProgressFormat.h"
#include "sim/Tenant.h"

#include <QCoreApplication>
#include <functional>

namespace herald::cli {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("herald::cli::SimDemoEnvironment", text);
}
constexpr int kSampleUsers = 6;
} // namespace

sim::SimOptions SimDemoEnvironment::defaults()
{
    sim::SimOptions options;
    options.users = 2000;
    options.teams = 40;
    options.groups = 24;
    options.seed = 20240;
    options.timeScale = 10; // 30 requests/s become 300: a 2,000-user sweep takes ~7 s
    return options;
}

SimDemoEnvironment::SimDemoEnvironment(const sim::SimOptions &options)
    : m_options(options)
{
}

SimDemoEnvironment::~SimDemoEnvironment() = default;

bool SimDemoEnvironment::start(QString *error)
{
    m_server = std::make_unique<sim::SimServer>(m_options);
    if (!m_server->listen(QHostAddress::LocalHost, 0)) {
        if (error)
            *error = m_server->errorString();
        m_server.reset();
        return false;
    }
    // Generated when the options left it empty; read back, kept in memory only.
    const QString secret = m_server->options().clientSecret;
    m_secrets.set(config::SecretKind::Client, secret);
    m_secrets.set(config::SecretKind::Bot, secret);
    return true;
}

void SimDemoEnvironment::apply(config::ConnectionSettings &settings) const
{
    if (!m_server)
        return;
    const sim::SimOptions &options = m_server->options();
    settings.tenant = options.tenantId;
    settings.clientId = options.clientId;
    settings.botId.clear(); // the bot is the same app as the Graph client
    settings.botTenant.clear();
    settings.cloud = config::Cloud::Global;
    settings.certFile.clear();
    settings.graphUrl = m_server->graphUrl();
    settings.loginUrl = m_server->loginUrl();
    settings.botServiceUrl = m_server->botServiceUrl();
    settings.timeScale = options.timeScale;
}

QString SimDemoEnvironment::banner() const
{
    const sim::SimOptions &options = m_server ? m_server->options() : m_options;
    return tr("herald-cli: DEMO - simulated tenant %1 (%2 users, %3 teams, time x%4) at %5; "
              "nothing is sent to Microsoft.")
        .arg(options.tenantDomain, progress::count(options.users), progress::count(options.teams))
        .arg(options.timeScale)
        .arg(m_server ? m_server->baseUrl().toString() : QString());
}

DemoFacts SimDemoEnvironment::facts() const
{
    DemoFacts facts;
    const sim::SimOptions &options = m_server ? m_server->options() : m_options;
    facts.appExternalId = options.appExternalId;
    if (m_server) {
        // A sample that shows every install outcome: users who have the app,
        // users who do not, one whose policy blocks it, one without Teams.
        const sim::Tenant &tenant = m_server->tenant();
        const auto pick = [&](int wanted, const std::function<bool(const sim::SimUser &, bool)> &fits) {
            for (int i = 0; i < tenant.userCount() && wanted > 0; ++i) {
                const sim::SimUser &u = tenant.user(i);
                if (!facts.sampleUsers.contains(u.userPrincipalName)
                    && fits(u, tenant.userInstallOf(i, tenant.orgApp()) >= 0)) {
                    facts.sampleUsers.append(u.userPrincipalName);
                    --wanted;
                }
            }
        };
        pick(2, [](const sim::SimUser &u, bool has) { return has && u.teamsLicensed; });
        pick(2, [](const sim::SimUser &u, bool has) { return !has && u.teamsLicensed && !u.policyBlocked; });
        pick(1, [](const sim::SimUser &u, bool has) { return !has && u.teamsLicensed && u.policyBlocked; });
        pick(1, [](const sim::SimUser &u, bool) { return !u.teamsLicensed; });
        pick(kSampleUsers - int(facts.sampleUsers.size()), [](const sim::SimUser &, bool) { return true; });
    }
    return facts;
}

} // namespace herald::cli
