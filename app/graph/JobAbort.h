#pragma once

// The abort step every request job shares (GraphRequestJob, bot's
// BotSendJob and TenantIdJob): release what could still call back before
// the Cancelled finish. The member is cleared first, so a handler running
// because of the abort sees no child; the child is disconnected from the
// owner, then aborted (a Job emits nothing after abort()).

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace herald::graph {

// Detach `child` (a Job or anything with abort()) from `owner` and abort it.
template <class Child> void abortChild(QPointer<Child> &child, QObject *owner)
{
    if (!child)
        return;
    Child *job = child;
    child = nullptr;
    QObject::disconnect(job, nullptr, owner, nullptr);
    job->abort();
}

// Stop a retry/pacing timer and drop whatever it was connected to.
inline void stopTimer(QTimer &timer, QObject *owner)
{
    timer.stop();
    QObject::disconnect(&timer, nullptr, owner, nullptr);
}

} // namespace herald::graph
