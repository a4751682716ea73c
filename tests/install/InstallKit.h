#pragma once

// What every install-area suite needs: a simulated tenant (in-process, real
// HTTP on loopback) with a Graph client pointed at it, recipients built from
// the tenant's own data, and a way to run a pipeline to the end and collect
// its results.

#include "SimFixture.h"
#include "auth/ClientSecretTokenProvider.h"
#include "graph/GraphClient.h"
#include "graph/RatePlanner.h"
#include "install/RecipientPipeline.h"

#include <QList>
#include <QNetworkAccessManager>
#include <memory>

namespace herald::test {

class InstallKit
{
public:
    // 30 requests/s become 300. The simulator shares the test's event loop,
    // so its arrival times jitter by a few ms: keep windows long next to that.
    static constexpr double kTimeScale = 10;

    static sim::SimOptions options(int users = 200);
    explicit InstallKit(const sim::SimOptions &options = InstallKit::options());
    ~InstallKit();

    bool start();
    SimFixture &sim() { return m_sim; }
    sim::Tenant &tenant() { return m_sim.tenant(); }
    graph::GraphClient *client() { return m_client.get(); }
    graph::RatePlanner &planner() { return m_planner; }
    QString appId() const { return m_sim.appId(); }

    // Every user of the tenant as a resolved recipient (input = UPN).
    RecipientList allUsers();
    RecipientList users(const QList<int> &indexes);
    Recipient user(int index);
    Recipient team(int groupIndex);
    RecipientList allTeams();
    // A recipient the directory could not resolve.
    static Recipient unknownUser(const QString &input);

    // Indexes of users matching a predicate over the tenant data.
    QList<int> usersWhere(const std::function<bool(int)> &predicate);
    bool hasOrgApp(int user);
    int userIndexById(const QString &id) { return m_sim.tenant().findUser(id); }

    qint64 stat(const QString &path); // "installs", "requests/installedApps.get", ...
    // Requests of a category that the simulator carried out (not refused with 429).
    qint64 served(const QString &category);
    // At most 1 % of all requests throttled (PERFORMANCE.md); the stats on failure.
    bool throttlingWithinTarget(QByteArray *why);

private:
    SimFixture m_sim;
    QNetworkAccessManager m_nam;
    graph::RatePlanner m_planner;
    std::unique_ptr<auth::ClientSecretTokenProvider> m_tokens;
    std::unique_ptr<graph::GraphClient> m_client;
};

// Runs a pipeline to its end; results in arrival order.
struct PipelineRun
{
    QList<install::RecipientResult> results;
    graph::GraphError error;
    bool finished = false;

    QHash<QString, install::RecipientResult> byId() const; // by recipient id (or input when unresolved)
    int count(install::Outcome outcome) const;
};
PipelineRun runPipeline(install::RecipientPipeline *pipeline, int timeoutMs = 60000);

} // namespace herald::test
