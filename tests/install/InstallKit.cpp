#include "InstallKit.h"

#include "graph/RateCategories.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

namespace herald::test {

sim::SimOptions InstallKit::options(int users)
{
    sim::SimOptions options = SimFixture::defaultOptions();
    options.users = users;
    options.timeScale = kTimeScale;
    // Enough of every kind to test each mapping on a small tenant.
    options.unlicensedFraction = 0.05;
    options.policyBlockedFraction = 0.05;
    return options;
}

InstallKit::InstallKit(const sim::SimOptions &options)
    : m_sim(options)
{
    graph::rate::defineGraphClasses(m_planner);
    m_planner.setTimeScale(options.timeScale);
    m_planner.setSafetyMargin(0.02, 1000);
}

InstallKit::~InstallKit()
{
    if (m_client)
        m_client->cancelAll();
}

bool InstallKit::start()
{
    if (!m_sim.start())
        return false;
    auth::ClientCredentialsSettings settings;
    settings.loginBase = m_sim.server().loginUrl();
    settings.tenant = m_sim.tenantId();
    settings.clientId = m_sim.clientId();
    m_tokens = std::make_unique<auth::ClientSecretTokenProvider>(&m_nam, settings, m_sim.secret());
    m_tokens->setTimeScale(m_sim.options().timeScale);
    m_client
        = std::make_unique<graph::GraphClient>(&m_nam, m_sim.server().graphUrl(), m_tokens.get(), &m_planner);
    return true;
}

Recipient InstallKit::user(int index)
{
    const sim::SimUser &u = m_sim.tenant().user(index);
    Recipient r;
    r.input = u.userPrincipalName;
    r.inputKind = InputKind::UserPrincipalName;
    r.id = u.id;
    r.kind = RecipientKind::User;
    r.displayName = u.displayName;
    r.userPrincipalName = u.userPrincipalName;
    return r;
}

RecipientList InstallKit::users(const QList<int> &indexes)
{
    RecipientList list;
    for (int i : indexes)
        list.append(user(i));
    return list;
}

RecipientList InstallKit::allUsers()
{
    RecipientList list;
    const int n = m_sim.tenant().userCount();
    for (int i = 0; i < n; ++i)
        list.append(user(i));
    return list;
}

Recipient InstallKit::team(int groupIndex)
{
    const sim::SimGroup &g = m_sim.tenant().group(groupIndex);
    Recipient r;
    r.input = g.id;
    r.inputKind = InputKind::ObjectId;
    r.id = g.id;
    r.kind = RecipientKind::Team;
    r.displayName = g.displayName;
    return r;
}

RecipientList InstallKit::allTeams()
{
    RecipientList list;
    for (int index : m_sim.tenant().teams())
        list.append(team(index));
    return list;
}

Recipient InstallKit::unknownUser(const QString &input)
{
    Recipient r;
    r.input = input;
    r.inputKind = InputKind::UserPrincipalName;
    r.installState = InstallState::NotFound;
    r.detail = QStringLiteral("No user '%1' in the directory.").arg(input);
    return r;
}

QList<int> InstallKit::usersWhere(const std::function<bool(int)> &predicate)
{
    QList<int> result;
    const int n = m_sim.tenant().userCount();
    for (int i = 0; i < n; ++i) {
        if (predicate(i))
            result.append(i);
    }
    return result;
}

bool InstallKit::hasOrgApp(int user)
{
    sim::Tenant &t = m_sim.tenant();
    return t.userInstallOf(user, t.orgApp()) >= 0;
}

qint64 InstallKit::stat(const QString &path)
{
    QJsonValue value = m_sim.server().stats();
    for (const QString &part : path.split(QLatin1Char('/')))
        value = value.toObject().value(part);
    return qint64(value.toDouble());
}

qint64 InstallKit::served(const QString &category)
{
    return stat(QStringLiteral("requests/") + category) - stat(QStringLiteral("throttled/") + category);
}

bool InstallKit::throttlingWithinTarget(QByteArray *why)
{
    const QJsonObject stats = m_sim.server().stats();
    const double total = stats.value(QStringLiteral("requestsTotal")).toDouble();
    const double throttled = stats.value(QStringLiteral("throttledTotal")).toDouble();
    *why = QJsonDocument(stats).toJson(QJsonDocument::Compact);
    return throttled <= 0.01 * total;
}

QHash<QString, install::RecipientResult> PipelineRun::byId() const
{
    QHash<QString, install::RecipientResult> map;
    for (const install::RecipientResult &r : results)
        map.insert(r.recipient.id.isEmpty() ? r.recipient.input : r.recipient.id, r);
    return map;
}

int PipelineRun::count(install::Outcome outcome) const
{
    return int(std::count_if(results.cbegin(), results.cend(),
                             [outcome](const install::RecipientResult &r) { return r.outcome == outcome; }));
}

PipelineRun runPipeline(install::RecipientPipeline *pipeline, int timeoutMs)
{
    auto run = std::make_shared<PipelineRun>();
    QObject::connect(pipeline, &install::RecipientPipeline::resultReady, pipeline,
                     [run](const install::RecipientResult &r) { run->results.append(r); });
    QObject::connect(pipeline, &graph::Job::finished, pipeline, [run, pipeline] {
        run->finished = true;
        run->error = pipeline->error();
    });
    pipeline->start();
    if (!QTest::qWaitFor([run] { return run->finished; }, timeoutMs))
        qWarning("pipeline did not finish within %d ms", timeoutMs);
    return *run;
}

} // namespace herald::test
