#include "graph/Job.h"

namespace herald::graph {

Job::Job(QObject *parent)
    : QObject(parent)
{
}

Job::~Job() = default;

void Job::start()
{
    if (m_started || m_finished)
        return;
    m_started = true;
    doStart();
}

void Job::abort()
{
    if (m_finished)
        return;
    doAbort();
    GraphError error;
    error.kind = GraphError::Kind::Cancelled;
    error.message = GraphError::tr("The operation was cancelled.");
    finishWithError(error);
}

void Job::finishOk()
{
    if (m_finished)
        return;
    m_error = {};
    finish();
}

void Job::finishWithError(const GraphError &error)
{
    if (m_finished)
        return;
    m_error = error;
    if (!m_error.isError())
        m_error.kind = GraphError::Kind::Protocol; // a failure must never look like success
    finish();
}

void Job::finish()
{
    m_finished = true;
    emit finished();
    if (m_autoDelete)
        deleteLater();
}

} // namespace herald::graph
