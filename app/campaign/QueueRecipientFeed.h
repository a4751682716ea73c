#pragma once

// A RecipientFeed that is pushed to: the intake hands the recipients that
// need an install to the InstallRunner through it. When the runner asks for
// more than is queued, hungry() tells the intake to pull from the directory.

#include "install/RecipientFeed.h"

namespace herald::campaign {

class QueueRecipientFeed : public install::RecipientFeed
{
    Q_OBJECT

signals:
    void hungry();

public:
    using RecipientFeed::RecipientFeed;

    void push(const RecipientList &recipients);
    // No more pushes: finished() once the queue is drained.
    void close();
    bool isClosed() const { return m_closed; }
    bool wantsMore() const { return m_wanted > 0; }

    void start() override { }
    void fetchMore(int count) override;
    void abort() override;

private:
    void deliver();

    RecipientList m_queue;
    int m_wanted = 0;
    bool m_closed = false;
    bool m_done = false;
    bool m_scheduled = false;
};

} // namespace herald::campaign
