#pragma once

// LookupFeed: resolves a list the admin gave (--user values and --users rows,
// or --team values and --teams rows) one Graph request per entry, through
// JSON batching (BatchScheduler: up to 20 per $batch, paced, 429s retried).
//
// Only as many lookups as the consumer wants are in flight. Answers come back
// in any order; the feed delivers in input order, holding an early answer
// until the ones before it are in (never more than are in flight).
//
// Users: an object id or UPN is read with GET users/{key}; a mail address with
// a filter on mail. A UPN-shaped entry that is not a UPN in this tenant is
// tried once more as a mail address, since admins paste either. An entry that
// does not exist comes through with installState NotFound, other per-entry
// failures with Error and the error text.

#include "directory/ResolveFeed.h"

#include <QPointer>
#include <map>

namespace herald::graph {
class BatchScheduler;
class GraphClient;
struct BatchResult;
} // namespace herald::graph

namespace herald::directory {

class LookupFeed : public ResolveFeed
{
    Q_OBJECT

public:
    LookupFeed(graph::GraphClient *client, RecipientList entries, QObject *parent = nullptr);
    ~LookupFeed() override;

    void setWanted(int count) override;
    qsizetype size() const { return m_entries.size(); }

private:
    enum class Step : quint8 { ByKey, ByMail, Team };
    struct Slot
    {
        Recipient recipient;
        Step step = Step::ByKey;
        QString mail; // what ByMail looks for
        bool settled = false;
    };

    void doStart() override;
    void doAbort() override;
    void sendMore();
    void send(qint64 seq, const Slot &slot);
    void onResult(const graph::BatchResult &result);
    void settleFailure(Slot *slot, qint64 seq, const graph::GraphError &error);
    void deliverInOrder();
    void stopBatch();
    QString notFound(const Recipient &recipient) const;

    QPointer<graph::GraphClient> m_client;
    QPointer<graph::BatchScheduler> m_batch;
    RecipientList m_entries; // entries move out into m_open as they are sent
    std::map<qint64, Slot> m_open; // sent and not yet delivered, by input position
    qint64 m_nextToSend = 0;
    qint64 m_nextToDeliver = 0;
    int m_wanted = 0;
};

} // namespace herald::directory
