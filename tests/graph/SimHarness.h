#pragma once

// SimHarness: an in-process herald-sim plus a fully wired GraphClient
// (network, client-secret token provider, rate planner at the same time
// scale) -- what every simulator-backed Graph test starts from.

#include "auth/ClientSecretTokenProvider.h"
#include "graph/GraphClient.h"
#include "graph/Job.h"
#include "graph/RatePlanner.h"
#include "sim/SimServer.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <memory>

namespace herald::test {

class SimHarness
{
public:
    explicit SimHarness(const sim::SimOptions &options);
    ~SimHarness();

    bool start(); // false (with errorString()) when the simulator cannot listen
    QString errorString() const;

    sim::SimServer &server() { return *m_server; }
    QNetworkAccessManager &network() { return m_network; }
    auth::ClientSecretTokenProvider &tokens() { return *m_tokens; }
    graph::RatePlanner &planner() { return m_planner; }
    graph::GraphClient &client() { return *m_client; }

    QString appId() const { return m_server->appId(); }
    QStringList userIds(int count = -1) const;
    // Counters from the simulator's statistics.
    qint64 requests(const QString &category) const;
    qint64 throttledTotal() const;

private:
    std::unique_ptr<sim::SimServer> m_server;
    QNetworkAccessManager m_network;
    graph::RatePlanner m_planner;
    std::unique_ptr<auth::ClientSecretTokenProvider> m_tokens;
    std::unique_ptr<graph::GraphClient> m_client;
};

// Starts `job` and waits until it finished (or `timeoutMs` passed). The job
// is kept alive (autoDelete off) so the caller can inspect it; returns it
// wrapped for deletion.
template <class J> std::unique_ptr<J> runJob(J *job, int timeoutMs = 15000)
{
    job->setAutoDelete(false);
    QSignalSpy spy(job, &graph::Job::finished);
    job->start();
    if (spy.isEmpty())
        spy.wait(timeoutMs);
    return std::unique_ptr<J>(job);
}

} // namespace herald::test
