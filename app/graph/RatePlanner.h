#pragma once

// RatePlanner: paces requests BEFORE they are sent so a long run stays at the
// documented service limits instead of flooding and backing off on 429.
//
// A key names a bucket: "graph.installedApps.get", or "class:instance" for
// families such as "graph.team:{teamId}" or, later, "bot.conversation:{id}".
// Limits are defined per class, in two kinds that can be combined:
//  - a token bucket (rate + burst): Graph's "N requests per second" (the way
//    API-NOTES says to pace). A burst below the service's one second of rate
//    makes requests leave in evenly spaced batches at the full rate while the
//    service keeps spare tokens for latency jitter;
//  - sliding windows ("at most `limit` in any `periodMs`"): the Bot
//    Connector's "7 per 1 s, 8 per 2 s, 60 per 30 s, 1800 per hour".
//
// Time scale: with setTimeScale(K) every rate is K times higher and every
// Retry-After / backoff K times shorter, matching herald-sim --time-scale K.
// The clock is injectable (microseconds, monotonic) for tests.

#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>
#include <deque>
#include <functional>
#include <vector>

namespace herald::graph {

struct RateWindow
{
    int limit = 0;
    qint64 periodMs = 1000; // service time
};

struct RateLimit
{
    double perSecond = 0; // token bucket refill, service time (0: no bucket)
    int burst = 0; // token bucket capacity
    QList<RateWindow> windows;
};

class RatePlanner : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<qint64()>; // monotonic, microseconds

    explicit RatePlanner(QObject *parent = nullptr);
    ~RatePlanner() override;

    void defineClass(const QString &cls, const RateLimit &limit);
    bool hasClass(const QString &cls) const { return m_classes.contains(cls); }

    void setTimeScale(double scale);
    double timeScale() const { return m_timeScale; }
    // Disabled: never delays (tests that want to provoke 429s).
    void setPacingEnabled(bool enabled) { m_enabled = enabled; }
    bool pacingEnabled() const { return m_enabled; }
    // Rates are lowered by `fraction` and windows stretched by it plus
    // `slackUs` of real time, for clock and latency differences.
    void setSafetyMargin(double fraction, qint64 slackUs);
    double safetyMarginFraction() const { return m_marginFraction; }
    qint64 safetySlackUs() const { return m_slackUs; }
    // A bucket keeps the refill of up to this much real time beyond its burst,
    // so a caller that wakes up late (a busy machine) does not lose rate; it
    // still never takes more than the burst at once.
    void setLatenessToleranceUs(qint64 us) { m_toleranceUs = std::max<qint64>(0, us); }
    void setClock(Clock clock);
    qint64 nowUs() const;

    // The most requests on `keys` that may ever go at one instant (smallest
    // burst or window limit); large when nothing limits them.
    int burstFor(const QStringList &keys);
    // How long until `count` requests on all `keys` may be sent (0 = now).
    qint64 delayUs(const QStringList &keys, int count = 1);
    // Takes `count` from every bucket in `keys` at once, or nothing.
    bool tryAcquire(const QStringList &keys, int count = 1);
    // A 429/503 on these keys: hold the buckets for Retry-After (service ms).
    void reportThrottled(const QStringList &keys, qint64 retryAfterMs);

    qint64 toRealMs(qint64 serviceMs) const;
    qint64 toRealUs(qint64 serviceMs) const;

    qint64 acquiredCount() const { return m_acquired; }
    int bucketCount() const { return int(m_buckets.size()); }

private:
    struct Window
    {
        int limit = 0;
        qint64 periodUs = 0; // service time
        std::deque<std::pair<qint64, int>> log; // (real time µs, count), oldest first
        qint64 used = 0;
    };
    struct TokenBucket
    {
        double perServiceUs = 0; // 0: none
        int burst = 0;
        double tokens = 0;
        qint64 lastUs = 0;
    };
    struct Bucket
    {
        TokenBucket tokens;
        std::vector<Window> windows;
        qint64 pausedUntilUs = 0;
    };

    Bucket *bucketFor(const QString &key);
    qint64 realPeriodUs(const Window &window) const;
    qint64 windowDelayUs(Window &window, int count, qint64 now) const;
    qint64 bucketDelayUs(TokenBucket &bucket, int count, qint64 now) const;
    void pruneIdleBuckets(qint64 now);

    QHash<QString, RateLimit> m_classes;
    QHash<QString, Bucket> m_buckets;
    Clock m_clock;
    double m_timeScale = 1.0;
    // Defaults absorb clock differences and a little send/arrival jitter.
    double m_marginFraction = 0.01;
    qint64 m_slackUs = 1000;
    qint64 m_toleranceUs = 10000;
    bool m_enabled = true;
    qint64 m_acquired = 0;
    qint64 m_lastPruneUs = 0;
    qsizetype m_pruneThreshold = 4096;
};

} // namespace herald::graph
