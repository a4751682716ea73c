#include "sim/RateLimiter.h"

#include <algorithm>
#include <cmath>

namespace herald::sim {

namespace {

constexpr double kTeamRate = 4; // any one team: 4 requests/s
constexpr double kBotRate = 50; // all sends of one bot in a tenant: 50/s
constexpr int kMaxTrackedEvents = 4000; // bounds memory when one conversation is hammered

} // namespace

TokenBucket::TokenBucket(double ratePerSecond, double nowMs)
    : m_rate(ratePerSecond)
    , m_capacity(ratePerSecond)
    , m_tokens(ratePerSecond)
    , m_lastMs(nowMs)
{
}

bool TokenBucket::take(double nowMs, double *retryAfterMs)
{
    if (nowMs > m_lastMs) {
        m_tokens = std::min(m_capacity, m_tokens + (nowMs - m_lastMs) * m_rate / 1000.0);
        m_lastMs = nowMs;
    }
    if (m_tokens >= 1.0) {
        m_tokens -= 1.0;
        *retryAfterMs = 0;
        return true;
    }
    m_tokens = std::max(-m_capacity, m_tokens - 1.0);
    *retryAfterMs = (1.0 - m_tokens) * 1000.0 / m_rate;
    return false;
}

SlidingWindows::SlidingWindows(std::vector<Window> windows)
    : m_windows(std::move(windows))
{
    for (const Window &w : m_windows)
        m_longestMs = std::max(m_longestMs, w.durationMs);
}

bool SlidingWindows::take(double nowMs, double *retryAfterMs)
{
    while (!m_events.empty() && m_events.front() <= nowMs - m_longestMs)
        m_events.pop_front();
    double wait = 0;
    for (const Window &w : m_windows) {
        const auto first = std::upper_bound(m_events.begin(), m_events.end(), nowMs - w.durationMs);
        const auto inWindow = std::distance(first, m_events.end());
        if (inWindow >= w.limit) {
            // Accepted again once enough of the oldest attempts have left the window.
            const double leaves = *(first + (inWindow - w.limit)) + w.durationMs;
            wait = std::max(wait, leaves - nowMs);
        }
    }
    m_events.push_back(nowMs);
    if (int(m_events.size()) > kMaxTrackedEvents)
        m_events.pop_front();
    *retryAfterMs = wait;
    return wait <= 0;
}

RateLimiter::RateLimiter(const SimClock &clock, bool enabled)
    : m_clock(clock)
    , m_enabled(enabled)
{
}

double RateLimiter::rateFor(ThrottleClass cls)
{
    switch (cls) {
    case ThrottleClass::InstalledAppsGet:
    case ThrottleClass::InstalledAppsPost:
    case ThrottleClass::GraphGet:
    case ThrottleClass::GraphOther:
        return 30;
    case ThrottleClass::InstalledAppsDelete:
        return 15;
    }
    return 30;
}

TokenBucket &RateLimiter::bucket(const QString &key, double rate, double nowMs)
{
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, TokenBucket(rate, nowMs));
    return it.value();
}

int RateLimiter::toSeconds(double retryAfterMs)
{
    return std::max(1, int(std::ceil(retryAfterMs / 1000.0)));
}

RateLimiter::Decision RateLimiter::graph(const QString &appId, ThrottleClass cls, const QString &teamId)
{
    Decision decision;
    if (!m_enabled)
        return decision;
    const double now = m_clock.elapsedMs();
    double wait = 0;
    // Every applicable limit is charged, refused or not.
    if (!bucket(appId + QLatin1Char('|') + QString::number(int(cls)), rateFor(cls), now).take(now, &wait)) {
        decision.allowed = false;
        decision.retryAfterSeconds = toSeconds(wait);
        decision.limit = QStringLiteral("app");
    }
    if (!teamId.isEmpty()) {
        double teamWait = 0;
        if (!bucket(QStringLiteral("team|") + teamId.toLower(), kTeamRate, now).take(now, &teamWait)) {
            decision.retryAfterSeconds = std::max(decision.retryAfterSeconds, toSeconds(teamWait));
            decision.limit = decision.allowed ? QStringLiteral("team") : decision.limit;
            decision.allowed = false;
        }
    }
    return decision;
}

RateLimiter::Decision RateLimiter::bot(const QString &botId)
{
    Decision decision;
    if (!m_enabled)
        return decision;
    const double now = m_clock.elapsedMs();
    double wait = 0;
    if (!bucket(QStringLiteral("bot|") + botId.toLower(), kBotRate, now).take(now, &wait)) {
        decision.allowed = false;
        decision.retryAfterSeconds = toSeconds(wait);
        decision.limit = QStringLiteral("bot");
    }
    return decision;
}

RateLimiter::Decision RateLimiter::conversation(const QString &conversationId)
{
    Decision decision;
    if (!m_enabled)
        return decision;
    auto it = m_conversations.find(conversationId);
    if (it == m_conversations.end()) {
        // One conversation: 7 per 1 s, 8 per 2 s, 60 per 30 s, 1800 per hour.
        it = m_conversations.insert(conversationId,
                                    SlidingWindows({{1000, 7}, {2000, 8}, {30000, 60}, {3600000, 1800}}));
    }
    double wait = 0;
    if (!it->take(m_clock.elapsedMs(), &wait)) {
        decision.allowed = false;
        decision.retryAfterSeconds = toSeconds(wait);
        decision.limit = QStringLiteral("conversation");
    }
    return decision;
}

} // namespace herald::sim
