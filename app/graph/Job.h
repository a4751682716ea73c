#pragma once

// Job: the one asynchronous style of Herald's core (like Nextcloud's
// AbstractNetworkJob and qtkeychain's Job). Create a job, connect to
// finished(), call start(). finished() is emitted exactly once -- possibly
// from inside start() when the answer is already known -- and the job then
// deletes itself (deleteLater) unless setAutoDelete(false) was called.
// abort() finishes a running job with a Cancelled error; after abort() returns
// the job emits nothing more.

#include "graph/GraphError.h"

#include <QObject>

namespace herald::graph {

class Job : public QObject
{
    Q_OBJECT

signals:
    void finished();

public:
    explicit Job(QObject *parent = nullptr);
    ~Job() override;

    void start();
    void abort();

    bool isStarted() const { return m_started; }
    bool isFinished() const { return m_finished; }
    bool succeeded() const { return m_finished && !m_error.isError(); }
    const GraphError &error() const { return m_error; }

    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }

protected:
    virtual void doStart() = 0;
    // Release everything that could still call back (replies, timers, child
    // jobs). Called once, before the Cancelled finish.
    virtual void doAbort() { }

    void finishOk();
    void finishWithError(const GraphError &error);

private:
    void finish();

    GraphError m_error;
    bool m_started = false;
    bool m_finished = false;
    bool m_autoDelete = true;
};

} // namespace herald::graph
