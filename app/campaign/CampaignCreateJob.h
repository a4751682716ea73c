#pragma once

// CampaignCreateJob: CampaignStore::create() on a worker thread, so a GUI
// campaign for 100,000 recipients (the campaign row and its `inputs` in one
// transaction, ~0.6 s and more on a loaded machine) never blocks the event
// loop. Qt SQL connections belong to the thread that opened them, so the
// worker opens its own CampaignStore on the same journal file (WAL: the
// GUI's store keeps reading meanwhile) with the same refusals -- read-only,
// damaged, newer-schema journals fail with the store's sentence and nothing
// is written. The transaction either commits or not; finished() comes on the
// thread that owns the job once it has, with campaignId() or errorString().
//
// cancel() asks the worker to roll back (checked between the 100-row
// inserts and before the commit); finished() follows, Cancelled -- or with
// the id when the commit had already happened (the campaign then exists,
// stopped, with every input: it can be resumed). Destroying a running job
// cancels it and waits for the worker (at most one insert or the commit).

#include "campaign/CampaignTypes.h"
#include "directory/Recipient.h"
#include "graph/Job.h"

#include <memory>

class QThread;

namespace herald::campaign {

class CampaignCreateJob : public graph::Job
{
    Q_OBJECT

public:
    // `journalPath`: CampaignStore::databasePath() of the data directory.
    CampaignCreateJob(const QString &journalPath, CampaignSpec spec, JournalInputs inputs,
                      QObject *parent = nullptr);
    // The GUI's table as it is: JournalInput::from() of every recipient with
    // an id, in order, done on the worker too (another ~20-100 ms off the
    // event loop for 100,000).
    CampaignCreateJob(const QString &journalPath, CampaignSpec spec, RecipientList recipients,
                      QObject *parent = nullptr);
    ~CampaignCreateJob() override;

    // Tests: CampaignStore::setMaxPageCount() on the worker's connection, so
    // the create fails as on a full disk.
    void setMaxPageCount(int pages);

    // Asks for a rollback; finished() follows (see above). No-op when done.
    void cancel();

    // > 0 once the campaign is committed (also after a cancel that came too late).
    qint64 campaignId() const;
    // The store's sentence for the failure (read-only, disk full, name taken, cancelled...).
    QString errorString() const;
    bool diskFull() const;
    bool cancelled() const;

protected:
    void doStart() override;
    void doAbort() override;

private:
    struct State;
    static void createOnWorker(State *state);
    void onWorkerDone();
    void stopWorker();

    std::shared_ptr<State> m_state;
    std::unique_ptr<QThread> m_thread;
};

} // namespace herald::campaign
