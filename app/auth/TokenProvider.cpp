#include "auth/TokenProvider.h"

#include "auth/Logging.h"

#include <algorithm>

namespace herald::auth {

using graph::GraphError;

TokenJob::TokenJob(TokenProvider *provider)
    : graph::Job(provider)
    , m_provider(provider)
{
}

TokenJob::~TokenJob()
{
    if (m_provider)
        m_provider->dequeue(this);
}

void TokenJob::doStart()
{
    if (!m_provider) {
        fail(GraphError::make(GraphError::Kind::Auth, tr("The token provider is gone.")));
        return;
    }
    m_provider->enqueue(this);
}

void TokenJob::doAbort()
{
    if (m_provider)
        m_provider->dequeue(this);
}

void TokenJob::deliver(const QString &token)
{
    m_token = token;
    finishOk();
}

void TokenJob::fail(const GraphError &error)
{
    finishWithError(error);
}

TokenProvider::TokenProvider(QObject *parent)
    : QObject(parent)
{
}

TokenProvider::~TokenProvider()
{
    const auto waiting = takeWaiting();
    for (const auto &job : waiting) {
        if (!job)
            continue;
        job->m_provider = nullptr;
        job->fail(GraphError::make(GraphError::Kind::Cancelled, tr("The token provider was destroyed.")));
    }
}

TokenJob *TokenProvider::requestToken()
{
    return new TokenJob(this);
}

bool TokenProvider::hasValidToken() const
{
    return !m_token.isEmpty() && !m_refreshAt.hasExpired();
}

void TokenProvider::invalidate(const QString &token)
{
    // A 401 for a token we already replaced says nothing about the new one.
    if (!token.isEmpty() && token != m_token)
        return;
    if (!m_token.isEmpty())
        qCDebug(lcAuth) << "token invalidated";
    m_token.clear();
    m_refreshAt = QDeadlineTimer(0);
}

void TokenProvider::enqueue(TokenJob *job)
{
    if (hasValidToken()) {
        job->deliver(m_token);
        return;
    }
    m_waiting.append(job);
    if (m_fetching)
        return;
    m_fetching = true;
    ++m_fetchCount;
    qCDebug(lcAuth) << "fetching a token";
    emit fetchStarted();
    startFetch();
}

void TokenProvider::dequeue(TokenJob *job)
{
    m_waiting.removeAll(job);
}

QList<QPointer<TokenJob>> TokenProvider::takeWaiting()
{
    QList<QPointer<TokenJob>> jobs;
    for (TokenJob *job : std::exchange(m_waiting, {}))
        jobs.append(job);
    return jobs;
}

void TokenProvider::fetchSucceeded(const QString &token, qint64 expiresInSeconds)
{
    m_fetching = false;
    m_token = token;
    // Refresh a little before the service would refuse the token.
    const qint64 lifetimeMs = qint64(double(std::max<qint64>(expiresInSeconds, 0)) * 1000.0 / m_timeScale);
    const qint64 marginMs = std::min<qint64>(qint64(300000.0 / m_timeScale), lifetimeMs / 10);
    m_refreshAt = QDeadlineTimer(std::max<qint64>(0, lifetimeMs - marginMs), Qt::PreciseTimer);
    // A finished() handler may delete other waiting jobs: hold them weakly.
    const auto waiting = takeWaiting();
    for (const auto &job : waiting) {
        if (job)
            job->deliver(token);
    }
}

void TokenProvider::fetchFailed(const GraphError &error)
{
    m_fetching = false;
    const auto waiting = takeWaiting();
    for (const auto &job : waiting) {
        if (job)
            job->fail(error);
    }
}

} // namespace herald::auth
