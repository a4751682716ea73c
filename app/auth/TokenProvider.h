#pragma once

// TokenProvider: "give me a valid access token", asynchronously.
//
//   auto *job = provider->requestToken();
//   connect(job, &TokenJob::finished, this, [job] { use(job->accessToken()); });
//   job->start();
//
// Concurrent callers share one in-flight fetch; the token is cached until
// shortly before it expires (min(5 min, 10 % of its lifetime), in service
// time: setTimeScale(K) for herald-sim). invalidate(token) drops a token the
// service refused (the 401 path) -- only if it is still the cached one, so
// many parallel 401s cause one refresh, not many.
//
// Subclasses implement one way to get a token: client credentials with a
// secret (ClientSecretTokenProvider), later a certificate assertion or a
// delegated sign-in with a refresh token.

#include "graph/Job.h"

#include <QDeadlineTimer>
#include <QList>
#include <QObject>
#include <QPointer>

namespace herald::auth {

class TokenProvider;

class TokenJob : public graph::Job
{
    Q_OBJECT

public:
    ~TokenJob() override;
    QString accessToken() const { return m_token; }

private:
    friend class TokenProvider;
    explicit TokenJob(TokenProvider *provider);
    void doStart() override;
    void doAbort() override;
    void deliver(const QString &token);
    void fail(const graph::GraphError &error);

    QPointer<TokenProvider> m_provider;
    QString m_token;
};

class TokenProvider : public QObject
{
    Q_OBJECT

signals:
    void fetchStarted();

public:
    explicit TokenProvider(QObject *parent = nullptr);
    ~TokenProvider() override;

    TokenJob *requestToken();
    void invalidate(const QString &token = {});

    void setTimeScale(double scale) { m_timeScale = scale > 0 ? scale : 1.0; }
    double timeScale() const { return m_timeScale; }
    bool hasValidToken() const;
    int fetchCount() const { return m_fetchCount; }

protected:
    // Start getting a token; end with fetchSucceeded() or fetchFailed(),
    // never both, possibly synchronously.
    virtual void startFetch() = 0;
    // Nobody waits any more and the provider goes away: stop the fetch.
    virtual void abortFetch() { }

    void fetchSucceeded(const QString &token, qint64 expiresInSeconds);
    void fetchFailed(const graph::GraphError &error);

private:
    friend class TokenJob;
    void enqueue(TokenJob *job);
    void dequeue(TokenJob *job);
    QList<QPointer<TokenJob>> takeWaiting();

    QList<TokenJob *> m_waiting;
    QString m_token;
    QDeadlineTimer m_refreshAt;
    double m_timeScale = 1.0;
    bool m_fetching = false;
    int m_fetchCount = 0;
};

} // namespace herald::auth
