#pragma once

// GraphClient: the entry point for Microsoft Graph. Owns the policy every
// request follows -- URL checks, bearer token (refreshed once on 401),
// pacing through the RatePlanner, bounded retries on 429/503/504 honouring
// Retry-After, per-request timeout, bounded concurrency, the request log --
// and hands out jobs:
//
//   send(request)   one request             -> GraphRequestJob
//   pager(request)  @odata.nextLink paging  -> GraphPager (page() per page)
//   batch()         JSON $batch scheduler   -> BatchScheduler
//
// cancelAll() aborts every job of this client, running or waiting.

#include "auth/TokenProvider.h"
#include "graph/GraphError.h"
#include "graph/GraphRequest.h"
#include "graph/RatePlanner.h"
#include "graph/RequestLog.h"
#include "graph/RetryPolicy.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QUrl>
#include <deque>

class QNetworkAccessManager;

namespace herald::graph {

class BatchScheduler;
class GraphPager;
class GraphRequestJob;
class Job;

class GraphClient : public QObject
{
    Q_OBJECT

public:
    // `baseUrl` is the service base (https://graph.microsoft.com or
    // --graph-url); the client appends /v1.0. An unusable base (plain http to
    // a non-loopback host, ...) makes every job fail with configError().
    GraphClient(QNetworkAccessManager *network, const QUrl &baseUrl, auth::TokenProvider *tokens,
                RatePlanner *planner = nullptr, QObject *parent = nullptr);
    ~GraphClient() override;

    QUrl apiRoot() const { return m_apiRoot; }
    const GraphError &configError() const { return m_configError; }

    void setRetryPolicy(const RetryPolicy &policy) { m_retry = policy; }
    const RetryPolicy &retryPolicy() const { return m_retry; }
    void setTransferTimeout(int ms) { m_timeoutMs = ms; }
    int transferTimeout() const { return m_timeoutMs; }
    // Upper bound on HTTP requests on the wire (0 = no bound besides
    // QNetworkAccessManager's own per-host limit).
    void setMaxInFlight(int count);
    int maxInFlight() const { return m_maxInFlight; }
    int inFlight() const { return m_inFlight; }
    void setRequestLog(RequestLog *log) { m_log = log; }
    RequestLog *requestLog() const { return m_log; }

    QNetworkAccessManager *network() const { return m_network; }
    auth::TokenProvider *tokenProvider() const { return m_tokens; }
    RatePlanner *planner() const { return m_planner; }
    // Service time per real time (from the planner; 1 without one).
    double timeScale() const;

    GraphRequestJob *send(const GraphRequest &request);
    GraphPager *pager(const GraphRequest &firstPage);
    BatchScheduler *batch();
    void cancelAll();

    // Relative -> under apiRoot(); absolute -> only on apiRoot()'s origin.
    QUrl resolve(const QString &url, GraphError *error) const;

private:
    friend class GraphRequestJob;
    void track(Job *job);
    void requestSlot(GraphRequestJob *job);
    void releaseSlot();
    void withdrawSlotRequest(GraphRequestJob *job);
    void grantSlots();

    QNetworkAccessManager *m_network;
    QPointer<auth::TokenProvider> m_tokens;
    QPointer<RatePlanner> m_planner;
    QPointer<RequestLog> m_log;
    QUrl m_apiRoot;
    GraphError m_configError;
    RetryPolicy m_retry;
    int m_timeoutMs = 60000;
    int m_maxInFlight = 0;
    int m_inFlight = 0;
    bool m_cancelling = false;
    QSet<Job *> m_jobs;
    std::deque<QPointer<GraphRequestJob>> m_slotQueue;
};

} // namespace herald::graph
