#pragma once

// What the Graph benchmarks share: a herald-sim child process with a fresh
// secret and throttling on, the Graph client wired the way herald-cli wires
// it (cli/commands/GraphSession: token provider, rate planner with the Graph
// classes, all at the simulator's time scale), and the simulator's control
// endpoints. Benchmark mains only: these helpers block in local event loops,
// the library never does.

#include "SimProcess.h"
#include "auth/ClientSecretTokenProvider.h"
#include "graph/GraphClient.h"
#include "graph/RatePlanner.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QStringList>
#include <memory>

namespace herald::test {

class BenchTenant
{
public:
    // `name` prefixes error messages; `simArguments` come after --users N
    // --teams 2 --groups 1 --time-scale K.
    BenchTenant(const char *name, int users, double timeScale, const QStringList &simArguments = {});
    ~BenchTenant();

    // Starts the simulator and wires the client; false (reason on stderr)
    // when the simulator does not come up.
    bool start();
    void stop() { m_sim.stop(); }

    QString appId() const { return m_sim.ready().value(QStringLiteral("appId")).toString(); }
    QNetworkAccessManager &network() { return m_network; }
    graph::RatePlanner &planner() { return m_planner; }
    graph::GraphClient &graph() { return *m_graph; }

    // GET /_sim/stats, POST /_sim/reset-stats (no token needed).
    QJsonObject stats();
    void resetStats();

private:
    QJsonObject simCall(const QByteArray &method, const QString &path);

    const char *m_name;
    double m_timeScale;
    SimProcess m_sim;
    QNetworkAccessManager m_network;
    graph::RatePlanner m_planner;
    std::unique_ptr<auth::ClientSecretTokenProvider> m_tokens;
    std::unique_ptr<graph::GraphClient> m_graph;
};

// Starts `job` (kept alive: auto-delete off) and waits for it to finish.
bool runToEnd(graph::Job *job);

} // namespace herald::test
