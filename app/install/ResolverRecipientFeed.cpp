#include "install/ResolverRecipientFeed.h"

#include "directory/RecipientResolver.h"

namespace herald::install {

ResolverRecipientFeed::ResolverRecipientFeed(graph::GraphClient *client,
                                             const directory::RecipientSource &source, QObject *parent)
    : RecipientFeed(parent)
    , m_resolver(new directory::RecipientResolver(client, source, this))
{
    // Owned as a child: it must outlive its finished() signal handler here.
    m_resolver->setAutoDelete(false);
    connect(m_resolver, &directory::RecipientResolver::resolved, this, &RecipientFeed::chunk);
    connect(m_resolver, &directory::RecipientResolver::problem, this, &RecipientFeed::problem);
    connect(m_resolver, &directory::RecipientResolver::totalKnown, this, &RecipientFeed::totalKnown);
    connect(m_resolver, &graph::Job::finished, this, [this] {
        if (m_done)
            return;
        m_done = true;
        emit finished(m_resolver->error());
    });
}

ResolverRecipientFeed::~ResolverRecipientFeed()
{
    m_done = true;
    if (m_resolver && !m_resolver->isFinished())
        m_resolver->abort();
}

void ResolverRecipientFeed::start()
{
    if (m_resolver)
        m_resolver->start();
}

void ResolverRecipientFeed::fetchMore(int count)
{
    if (m_resolver && !m_done)
        m_resolver->fetchMore(count);
}

qint64 ResolverRecipientFeed::rejected() const
{
    return m_resolver ? m_resolver->rejected() : 0;
}

void ResolverRecipientFeed::abort()
{
    m_done = true;
    if (m_resolver && !m_resolver->isFinished())
        m_resolver->abort();
}

} // namespace herald::install
