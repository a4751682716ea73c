#include "install/RecipientFeed.h"

#include <QTimer>
#include <algorithm>

namespace herald::install {

ListRecipientFeed::ListRecipientFeed(RecipientList recipients, QObject *parent)
    : RecipientFeed(parent)
    , m_recipients(std::move(recipients))
{
}

void ListRecipientFeed::start()
{
    if (m_started)
        return;
    m_started = true;
    emit totalKnown(m_recipients.size());
    if (m_wanted > 0)
        fetchMore(0);
}

void ListRecipientFeed::fetchMore(int count)
{
    if (m_done)
        return;
    m_wanted += std::max(0, count);
    if (!m_started || m_scheduled)
        return;
    m_scheduled = true;
    QTimer::singleShot(0, this, &ListRecipientFeed::deliver);
}

void ListRecipientFeed::deliver()
{
    m_scheduled = false;
    if (m_done)
        return;
    const qsizetype n = std::min<qsizetype>(m_wanted, m_recipients.size() - m_next);
    m_wanted = 0;
    if (n > 0) {
        const RecipientList part = m_recipients.mid(m_next, n);
        m_next += n;
        emit chunk(part);
        if (m_done)
            return;
    }
    if (m_next >= m_recipients.size()) {
        m_done = true;
        m_recipients.clear();
        emit finished({});
    }
}

void ListRecipientFeed::abort()
{
    m_done = true;
}

} // namespace herald::install
