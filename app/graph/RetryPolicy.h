#pragma once

// RetryPolicy: which answers are retried, how often, and how long to wait.
// All durations are in *service* time; divide by the time scale (see
// RatePlanner::toRealMs) before starting a timer. Shared by Graph requests,
// $batch sub-requests and (later) the Bot Connector client.

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <optional>

namespace herald::graph {

struct RetryPolicy
{
    int maxAttempts = 5; // attempts in all, including the first
    int baseBackoffMs = 1000; // first backoff without Retry-After
    int maxBackoffMs = 32000; // cap of the exponential backoff
    QList<int> retryStatuses{429, 503, 504};

    bool isRetryableStatus(int status) const { return retryStatuses.contains(status); }

    // Delay before the next attempt after `attempt` attempts failed. Retry-After
    // (if given and parseable) wins; else exponential backoff with "equal
    // jitter": half fixed, half random, so parallel clients spread out.
    qint64 delayMs(int attempt, const QByteArray &retryAfter) const;
};

// Retry-After as delay-seconds ("2", "1.5") or an HTTP-date. nullopt when
// absent or unparseable. Negative values and past dates give 0.
std::optional<qint64> parseRetryAfterMs(const QByteArray &value,
                                        const QDateTime &now = QDateTime::currentDateTimeUtc());

} // namespace herald::graph
