#pragma once

// RecipientPipeline: the shared engine of StatusSweep, InstallRunner and
// ChatResolver. Recipients are pulled from a RecipientFeed only when the
// BatchScheduler asks for more (wantMore), each one goes through one or a
// few Graph requests (status -> upgrade, status -> chat, ...) batched 20 per
// $batch and paced by the RatePlanner, and its result is emitted as soon as
// it is known. So memory holds what is in flight, not the whole directory,
// and later steps of early recipients overlap earlier steps of later ones.
//
// Subclasses say what to send first (begin) and what an answer means
// (advance). A 403 that names a missing permission stops the whole run with
// an Auth error whose hint says which permission to grant: every other
// recipient would fail the same way.

#include "graph/BatchScheduler.h"
#include "graph/Job.h"
#include "install/RecipientResult.h"

#include <QPointer>
#include <unordered_map>

namespace herald::graph {
class GraphClient;
}

namespace herald::install {

class RecipientFeed;

class RecipientPipeline : public graph::Job
{
    Q_OBJECT

signals:
    void resultReady(const herald::install::RecipientResult &result);
    void progress(qint64 done, qint64 total);
    // From the feed: a problem that is not a recipient (bad CSV line, ...).
    void problem(const QString &message);
    void totalKnown(qint64 total);

public:
    ~RecipientPipeline() override;

    QString teamsAppId() const { return m_appId; }
    qint64 done() const { return m_done; }
    qint64 total() const { return m_total; } // -1 while unknown
    int requestsSent() const { return m_requests; }

protected:
    struct Entry
    {
        quint64 key = 0;
        Recipient recipient;
        int step = 0; // the subclass's own step counter
        QString installationId;
    };

    // Takes ownership of `feed`.
    RecipientPipeline(graph::GraphClient *client, RecipientFeed *feed, const QString &teamsAppId,
                      QObject *parent);

    // Checked in start(): an error here refuses the whole run.
    virtual graph::GraphError preflight() const { return {}; }
    // A recipient the feed resolved: send() its first request, or complete() it.
    virtual void begin(Entry &entry) = 0;
    // The answer to the entry's last request: send() the next one or complete().
    virtual void advance(Entry &entry, const graph::BatchResult &result) = 0;
    // Which permission a refused request of this pipeline needs (for the hint).
    virtual QString permissionFor(const Entry &entry) const = 0;
    // A recipient the directory could not find (default: not_found).
    virtual RecipientResult notFound(const Recipient &recipient) const;

    void send(Entry &entry, graph::BatchItem item);
    // Finishes the entry (it is gone afterwards: do not touch it again).
    void complete(Entry &entry, Outcome outcome, const QString &detail = {}, int httpStatus = 0);
    void completeWith(Entry &entry, RecipientResult result);
    // Emits a result for a recipient that never became an entry (cache hits).
    void emitResult(const RecipientResult &result);
    // Returns true (and ends the run with an Auth error) when `result` is a
    // 403 naming a missing permission.
    bool stopOnPermissionError(const Entry &entry, const graph::BatchResult &result);

    graph::GraphClient *client() const;
    // "Code: message" of a failed sub-request, for the detail field.
    static QString detailOf(const graph::BatchResult &result);
    // Status answers: value[] empty -> nothing; one item -> its installation id.
    static bool hasInstallation(const graph::BatchResult &result, QString *installationId);

private:
    void doStart() override;
    void doAbort() override;
    void startScheduler();
    void onWantMore(int count);
    void onChunk(const RecipientList &recipients);
    void onFeedFinished(const graph::GraphError &error);
    void onResult(const graph::BatchResult &result);
    void onSchedulerFinished();
    void maybeCloseInput();
    void stopAll();

    QPointer<graph::GraphClient> m_client;
    QPointer<RecipientFeed> m_feed;
    QPointer<graph::BatchScheduler> m_scheduler;
    QPointer<graph::Job> m_tokenJob;
    QString m_appId;
    std::unordered_map<quint64, Entry> m_entries;
    quint64 m_nextKey = 1;
    qint64 m_done = 0;
    qint64 m_total = -1;
    int m_requests = 0;
    int m_lastWant = 0;
    bool m_fetchPending = false;
    bool m_feedDone = false;
    bool m_inputClosed = false;
    graph::GraphError m_feedError;
};

} // namespace herald::install
