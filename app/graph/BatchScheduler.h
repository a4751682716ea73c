#pragma once

// BatchScheduler: runs many Graph sub-requests through JSON batching
// (POST /$batch, up to 20 per batch), paced by the RatePlanner so a long
// sweep runs at the service limit instead of collecting 429s.
//
// Input is pulled lazily: the scheduler emits wantMore(n) when its buffer
// runs low; answer with append() (now or later) and call closeInput() when
// there is nothing more. So a sweep of 100,000 users never holds 100,000
// requests. Each sub-request gets exactly one resultReady(), in the order the
// answers arrive. Sub-requests answered 429/503/504 -- and only those -- are
// retried after their own Retry-After, up to the client's RetryPolicy; a
// batch answer that lacks an id gives that sub-request a Protocol error. When
// a batch's connection is lost or times out, its repeatable items (GETs by
// default) are sent again after a backoff; the others fail with that error,
// since they may have taken effect.
// Several batches are kept in flight so one round trip never idles the
// bucket. finished() comes after the last result (or on a fatal error:
// Auth, Config, Cancelled).

#include "graph/GraphResponse.h"
#include "graph/Job.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace herald::graph {

class GraphClient;
class GraphRequestJob;

struct BatchItem
{
    QString id; // the caller's id, echoed in the result (need not be unique)
    QByteArray method = "GET";
    QString url; // relative to the API root, no /v1.0 ("users/{id}/teamwork/installedApps?...")
    HeaderList headers;
    QJsonValue body = QJsonValue::Undefined;
    std::optional<QStringList> rateKeys; // default: rate::classifyGraphRequest(method, url)
    // May it be sent again when the connection of its batch is lost (no
    // answer, so it may or may not have taken effect)? Default: GET only.
    // A caller sets true for writes whose repeat is harmless (an install
    // answers 409 the second time).
    std::optional<bool> repeatable;

    bool isRepeatable() const { return repeatable.value_or(method == "GET"); }
};

struct BatchResult
{
    QString id;
    int status = 0; // the sub-response status; 0 when there was none
    QJsonObject headers;
    QJsonValue body;
    GraphError error; // none for 2xx
    int attempts = 0;
    bool ok() const { return !error.isError(); }
};

class BatchScheduler : public Job
{
    Q_OBJECT

signals:
    void wantMore(int count);
    void resultReady(const herald::graph::BatchResult &result);
    void progress(qint64 done, qint64 total);

public:
    ~BatchScheduler() override;

    void append(const BatchItem &item);
    void closeInput();
    void setExpectedTotal(qint64 total) { m_expectedTotal = total; }

    void setMaxBatchSize(int size); // 1..20, default 20
    void setMaxBatchesInFlight(int count); // default 4
    void setBufferTarget(int items); // items kept ready (wantMore), default 200

    qint64 done() const { return m_done; }
    qint64 total() const;
    qint64 retried() const { return m_retried; }
    int batchesSent() const { return m_batchesSent; }

private:
    friend class GraphClient;
    explicit BatchScheduler(GraphClient *client);

    struct Pending
    {
        BatchItem item;
        QStringList keys;
        int attempts = 0;
    };
    struct Flight
    {
        QPointer<GraphRequestJob> job;
        std::vector<Pending> items;
    };

    void doStart() override;
    void doAbort() override;
    void schedulePump();
    void pump();
    std::vector<Pending> takeBatch(qint64 *waitUs);
    void sendBatch(std::vector<Pending> items);
    void onBatchFinished(Flight *flight);
    void failFlight(std::vector<Pending> &items, const GraphError &error);
    void retryLostFlight(std::vector<Pending> &items, const GraphError &error);
    void requeueLater(Pending pending, qint64 serviceDelayMs);
    bool emitResult(const BatchResult &result);
    void abortFlights();

    QPointer<GraphClient> m_client;
    std::deque<Pending> m_queue;
    std::multimap<qint64, Pending> m_delayed; // due time (ms on m_clock) -> retry
    std::vector<std::unique_ptr<Flight>> m_flights;
    QElapsedTimer m_clock;
    QTimer m_timer;
    int m_maxBatchSize = 20;
    int m_maxInFlight = 4;
    int m_bufferTarget = 200;
    qint64 m_expectedTotal = -1;
    qint64 m_appended = 0;
    qint64 m_done = 0;
    qint64 m_retried = 0;
    int m_batchesSent = 0;
    bool m_inputClosed = false;
    bool m_pumpScheduled = false;
};

} // namespace herald::graph

Q_DECLARE_METATYPE(herald::graph::BatchResult)
