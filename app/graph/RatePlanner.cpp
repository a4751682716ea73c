#include "graph/RatePlanner.h"

#include "graph/Logging.h"

#include <QElapsedTimer>
#include <algorithm>
#include <limits>
#include <memory>

namespace herald::graph {

RatePlanner::RatePlanner(QObject *parent)
    : QObject(parent)
{
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    m_clock = [timer] { return timer->nsecsElapsed() / 1000; };
}

RatePlanner::~RatePlanner() = default;

void RatePlanner::defineClass(const QString &cls, const RateLimit &limit)
{
    m_classes.insert(cls, limit);
    // Existing buckets of the class pick up the new limits with a clean state.
    for (auto it = m_buckets.begin(); it != m_buckets.end();) {
        if (it.key() == cls || it.key().startsWith(cls + QLatin1Char(':')))
            it = m_buckets.erase(it);
        else
            ++it;
    }
}

void RatePlanner::setTimeScale(double scale)
{
    m_timeScale = scale > 0 ? scale : 1.0;
}

void RatePlanner::setSafetyMargin(double fraction, qint64 slackUs)
{
    m_marginFraction = std::max(0.0, fraction);
    m_slackUs = std::max<qint64>(0, slackUs);
}

void RatePlanner::setClock(Clock clock)
{
    m_clock = std::move(clock);
    m_buckets.clear();
    m_lastPruneUs = 0;
}

qint64 RatePlanner::nowUs() const
{
    return m_clock();
}

qint64 RatePlanner::toRealUs(qint64 serviceMs) const
{
    return qint64(double(serviceMs) * 1000.0 / m_timeScale);
}

qint64 RatePlanner::toRealMs(qint64 serviceMs) const
{
    return qint64(double(serviceMs) / m_timeScale + 0.5);
}

qint64 RatePlanner::realPeriodUs(const Window &window) const
{
    return qint64(double(window.periodUs) / m_timeScale * (1.0 + m_marginFraction)) + m_slackUs;
}

RatePlanner::Bucket *RatePlanner::bucketFor(const QString &key)
{
    auto it = m_buckets.find(key);
    if (it != m_buckets.end())
        return &it.value();
    const int colon = key.indexOf(QLatin1Char(':'));
    const QString cls = colon < 0 ? key : key.left(colon);
    const auto limits = m_classes.constFind(cls);
    if (limits == m_classes.constEnd())
        return nullptr; // no documented limit for this key
    Bucket bucket;
    for (const RateWindow &w : limits->windows) {
        Window window;
        window.limit = std::max(1, w.limit);
        window.periodUs = w.periodMs * 1000;
        bucket.windows.push_back(std::move(window));
    }
    if (limits->perSecond > 0) {
        bucket.tokens.perServiceUs = limits->perSecond / 1e6;
        bucket.tokens.burst = std::max(1, limits->burst);
        bucket.tokens.tokens = bucket.tokens.burst; // starts full
        bucket.tokens.lastUs = nowUs();
    }
    return &m_buckets.insert(key, std::move(bucket)).value();
}

qint64 RatePlanner::windowDelayUs(Window &window, int count, qint64 now) const
{
    const qint64 period = realPeriodUs(window);
    while (!window.log.empty() && window.log.front().first + period <= now) {
        window.used -= window.log.front().second;
        window.log.pop_front();
    }
    // A request larger than the window can never fit: let it go when the
    // window is empty rather than wait forever.
    const qint64 need = std::min<qint64>(count, window.limit);
    qint64 excess = window.used + need - window.limit;
    if (excess <= 0)
        return 0;
    for (const auto &[time, n] : window.log) {
        excess -= n;
        if (excess <= 0)
            return time + period - now;
    }
    return 0;
}

qint64 RatePlanner::bucketDelayUs(TokenBucket &bucket, int count, qint64 now) const
{
    if (bucket.perServiceUs <= 0)
        return 0;
    // Real-time refill rate, lowered by the safety margin.
    const double perRealUs = bucket.perServiceUs * m_timeScale / (1.0 + m_marginFraction);
    if (now > bucket.lastUs) {
        // The lateness allowance is real time, so at a high time scale it
        // would grow past what the service itself holds (one second of its
        // rate): keep at least half of the gap to that as room for jitter.
        const double serviceSecond = bucket.perServiceUs * 1e6;
        const double capacity = std::min(bucket.burst + perRealUs * double(m_toleranceUs),
                                         std::max<double>(bucket.burst, (bucket.burst + serviceSecond) / 2));
        bucket.tokens = std::min(capacity, bucket.tokens + double(now - bucket.lastUs) * perRealUs);
        bucket.lastUs = now;
    }
    const double need = std::min(count, bucket.burst);
    if (bucket.tokens + 1e-9 >= need)
        return 0;
    return qint64((need - bucket.tokens) / perRealUs) + 1;
}

int RatePlanner::burstFor(const QStringList &keys)
{
    int burst = std::numeric_limits<int>::max();
    if (!m_enabled)
        return burst;
    for (const QString &key : keys) {
        Bucket *bucket = bucketFor(key);
        if (!bucket)
            continue;
        if (bucket->tokens.perServiceUs > 0)
            burst = std::min(burst, bucket->tokens.burst);
        for (const Window &window : bucket->windows)
            burst = std::min(burst, window.limit);
    }
    return burst;
}

qint64 RatePlanner::delayUs(const QStringList &keys, int count)
{
    if (!m_enabled)
        return 0;
    const qint64 now = nowUs();
    qint64 delay = 0;
    for (const QString &key : keys) {
        Bucket *bucket = bucketFor(key);
        if (!bucket)
            continue;
        delay = std::max(delay, bucket->pausedUntilUs - now);
        for (Window &window : bucket->windows)
            delay = std::max(delay, windowDelayUs(window, count, now));
        delay = std::max(delay, bucketDelayUs(bucket->tokens, count, now));
    }
    return std::max<qint64>(0, delay);
}

bool RatePlanner::tryAcquire(const QStringList &keys, int count)
{
    if (!m_enabled) {
        m_acquired += count;
        return true;
    }
    if (delayUs(keys, count) > 0)
        return false;
    const qint64 now = nowUs();
    for (const QString &key : keys) {
        Bucket *bucket = bucketFor(key);
        if (!bucket)
            continue;
        for (Window &window : bucket->windows) {
            if (!window.log.empty() && window.log.back().first == now)
                window.log.back().second += count;
            else
                window.log.emplace_back(now, count);
            window.used += count;
        }
        if (bucket->tokens.perServiceUs > 0)
            bucket->tokens.tokens -= count;
    }
    m_acquired += count;
    pruneIdleBuckets(now);
    return true;
}

void RatePlanner::reportThrottled(const QStringList &keys, qint64 retryAfterMs)
{
    if (!m_enabled)
        return;
    const qint64 until = nowUs() + toRealUs(retryAfterMs);
    for (const QString &key : keys) {
        if (Bucket *bucket = bucketFor(key)) {
            bucket->pausedUntilUs = std::max(bucket->pausedUntilUs, until);
            // The service's bucket is empty (a refused request still counts
            // against it): start from empty after the pause, as it does,
            // instead of sending a full burst into it again.
            if (bucket->tokens.perServiceUs > 0) {
                bucket->tokens.tokens = std::min(bucket->tokens.tokens, 0.0);
                bucket->tokens.lastUs = std::max(bucket->tokens.lastUs, bucket->pausedUntilUs);
            }
            qCDebug(lcGraph) << "planner: holding" << key << "for" << retryAfterMs << "service ms";
        }
    }
}

void RatePlanner::pruneIdleBuckets(qint64 now)
{
    // Per-team / per-conversation buckets come and go; forget idle ones so a
    // sweep over 100,000 ids does not keep 100,000 buckets. Once a second, or
    // when the map doubled since the last pass.
    if (now - m_lastPruneUs < 1000000 && m_buckets.size() < m_pruneThreshold)
        return;
    m_lastPruneUs = now;
    for (auto it = m_buckets.begin(); it != m_buckets.end();) {
        Bucket &bucket = it.value();
        bool idle = bucket.pausedUntilUs <= now
            // a full bucket is what a new one would be
            && (bucket.tokens.perServiceUs <= 0
                || bucketDelayUs(bucket.tokens, bucket.tokens.burst, now) == 0);
        for (Window &window : bucket.windows) {
            windowDelayUs(window, 0, now); // drops expired entries
            idle = idle && window.log.empty();
        }
        if (idle && it.key().contains(QLatin1Char(':')))
            it = m_buckets.erase(it);
        else
            ++it;
    }
    m_pruneThreshold = std::max<qsizetype>(4096, m_buckets.size() * 2);
}

} // namespace herald::graph
