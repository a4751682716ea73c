#include "campaign/QueueRecipientFeed.h"

#include <QMetaObject>

namespace herald::campaign {

void QueueRecipientFeed::push(const RecipientList &recipients)
{
    m_queue += recipients;
    if (m_wanted > 0)
        deliver();
}

void QueueRecipientFeed::close()
{
    m_closed = true;
    if (m_wanted > 0 || m_queue.isEmpty())
        deliver();
}

void QueueRecipientFeed::fetchMore(int count)
{
    m_wanted = std::max(1, count);
    deliver();
}

void QueueRecipientFeed::abort()
{
    m_done = true;
    m_queue.clear();
}

void QueueRecipientFeed::deliver()
{
    // Always from the event loop, as a resolver answers.
    if (m_scheduled || m_done)
        return;
    m_scheduled = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_scheduled = false;
            if (m_done)
                return;
            if (!m_queue.isEmpty() && m_wanted > 0) {
                const qsizetype n = std::min<qsizetype>(m_wanted, m_queue.size());
                const RecipientList part = m_queue.mid(0, n);
                m_queue.remove(0, n);
                m_wanted = 0;
                emit chunk(part);
                return;
            }
            if (m_queue.isEmpty() && m_closed) {
                m_done = true;
                emit finished({});
                return;
            }
            if (m_wanted > 0)
                emit hungry();
        },
        Qt::QueuedConnection);
}

} // namespace herald::campaign
