#include "campaign/CampaignCreateJob.h"

#include "campaign/CampaignLogging.h"
#include "campaign/CampaignStore.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QMutexLocker>
#include <QThread>
#include <atomic>

namespace herald::campaign {

// Shared by the job (its thread) and the worker: the input is set before the
// worker starts and the result is read after it has finished (QThread's
// start()/finished order it); `cancel` is the one thing touched while both run.
struct CampaignCreateJob::State
{
    QString path;
    CampaignSpec spec;
    JournalInputs inputs;
    RecipientList recipients; // turned into `inputs` on the worker
    int maxPageCount = 0;
    std::atomic_bool cancel{false};

    QMutex mutex; // the result, for a reader that did not wait on the thread
    qint64 id = 0;
    QString error;
    bool diskFull = false;
    bool cancelled = false;
};

void CampaignCreateJob::createOnWorker(State *state)
{
    QElapsedTimer clock;
    clock.start();
    if (!state->recipients.isEmpty()) {
        state->inputs.reserve(state->recipients.size());
        for (const Recipient &r : std::as_const(state->recipients)) {
            if (!r.id.isEmpty())
                state->inputs.append(JournalInput::from(r));
        }
        state->recipients = {};
    }
    qint64 id = 0;
    QString error;
    bool diskFull = false;
    bool cancelled = false;
    {
        // Its own connection (named after this store), opened and closed on
        // this thread; the same open() as everywhere, so the same refusals.
        CampaignStore store(state->path);
        store.setCancelFlag(&state->cancel);
        if (!store.open(CampaignStore::Mode::ReadWrite, &error)) {
            // nothing written
        } else if (state->maxPageCount > 0 && !store.setMaxPageCount(state->maxPageCount)) {
            error = store.lastError();
        } else {
            id = store.create(state->spec, state->inputs);
            if (id <= 0) {
                error = store.lastError();
                diskFull = store.lastErrorWasDiskFull();
                cancelled = store.lastErrorWasCancelled();
            }
        }
    }
    qCDebug(lcCampaign) << "campaign" << state->spec.name << "id" << id << "with" << state->inputs.size()
                        << "inputs:" << clock.elapsed() << "ms on a worker thread";
    state->inputs = {}; // the worker's copy goes with the worker
    const QMutexLocker lock(&state->mutex);
    state->id = id;
    state->error = error;
    state->diskFull = diskFull;
    state->cancelled = cancelled;
}

CampaignCreateJob::CampaignCreateJob(const QString &journalPath, CampaignSpec spec, JournalInputs inputs,
                                     QObject *parent)
    : graph::Job(parent)
    , m_state(std::make_shared<State>())
{
    m_state->path = journalPath;
    m_state->spec = std::move(spec);
    m_state->inputs = std::move(inputs);
}

CampaignCreateJob::CampaignCreateJob(const QString &journalPath, CampaignSpec spec, RecipientList recipients,
                                     QObject *parent)
    : CampaignCreateJob(journalPath, std::move(spec), JournalInputs(), parent)
{
    m_state->recipients = std::move(recipients);
}

CampaignCreateJob::~CampaignCreateJob()
{
    stopWorker();
}

void CampaignCreateJob::setMaxPageCount(int pages)
{
    if (!isStarted())
        m_state->maxPageCount = pages;
}

void CampaignCreateJob::cancel()
{
    if (!isFinished())
        m_state->cancel = true;
}

qint64 CampaignCreateJob::campaignId() const
{
    const QMutexLocker lock(&m_state->mutex);
    return m_state->id;
}

QString CampaignCreateJob::errorString() const
{
    const QMutexLocker lock(&m_state->mutex);
    return m_state->error;
}

bool CampaignCreateJob::diskFull() const
{
    const QMutexLocker lock(&m_state->mutex);
    return m_state->diskFull;
}

bool CampaignCreateJob::cancelled() const
{
    const QMutexLocker lock(&m_state->mutex);
    return m_state->cancelled;
}

void CampaignCreateJob::doStart()
{
    // The thread object lives here; only the lambda runs on the worker, and
    // it keeps the state alive even if it outlived the job (it cannot: the
    // destructor waits).
    std::shared_ptr<State> state = m_state;
    m_thread.reset(QThread::create([state] { createOnWorker(state.get()); }));
    m_thread->setObjectName(QStringLiteral("herald.campaign.create"));
    connect(m_thread.get(), &QThread::finished, this, &CampaignCreateJob::onWorkerDone, Qt::QueuedConnection);
    m_thread->start();
}

void CampaignCreateJob::doAbort()
{
    // abort() reports Cancelled right away, so the worker must be done first:
    // afterwards campaignId() says whether the commit happened anyway.
    stopWorker();
}

void CampaignCreateJob::stopWorker()
{
    if (!m_thread)
        return;
    m_state->cancel = true;
    m_thread->disconnect(this);
    m_thread->wait();
    m_thread.reset();
}

void CampaignCreateJob::onWorkerDone()
{
    if (!m_thread)
        return;
    m_thread->wait(); // finished() is emitted just before the thread ends
    m_thread.reset();
    if (campaignId() > 0) {
        finishOk();
        return;
    }
    graph::GraphError error;
    error.kind = cancelled() ? graph::GraphError::Kind::Cancelled : graph::GraphError::Kind::Config;
    error.message = errorString();
    finishWithError(error);
}

} // namespace herald::campaign
