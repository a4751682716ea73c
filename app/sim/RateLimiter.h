#pragma once

// Service-side throttling as in API-NOTES "Throttling" (from "Microsoft Graph
// throttling limits" -> Microsoft Teams service limits,
// https://learn.microsoft.com/graph/throttling-limits#microsoft-teams-service-limits,
// the 429 + Retry-After answer of https://learn.microsoft.com/graph/throttling,
// and the Teams "Rate limiting for bots" page,
// https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit).
// Per-second limits are token buckets whose burst is
// one second of the rate; per-conversation limits are sliding windows. A
// refused request still counts (the bucket goes into debt, bounded at one
// second's worth), so a client that keeps hammering stays throttled.

#include "sim/SimClock.h"

#include <QHash>
#include <QString>
#include <deque>
#include <vector>

namespace herald::sim {

enum class ThrottleClass {
    InstalledAppsGet, // GET .../installedApps              30/s
    InstalledAppsPost, // POST .../installedApps, .../upgrade 30/s
    InstalledAppsDelete, // DELETE .../installedApps/{id}      15/s
    GraphGet, // other GETs                         30/s
    GraphOther, // other writes                       30/s
};

class TokenBucket
{
public:
    TokenBucket(double ratePerSecond, double nowMs);
    // Takes one token; when none is left, goes into (bounded) debt and returns
    // false with the simulated ms until a request would be accepted again.
    bool take(double nowMs, double *retryAfterMs);

private:
    double m_rate; // tokens per simulated second
    double m_capacity; // burst = one second of the rate
    double m_tokens;
    double m_lastMs;
};

class SlidingWindows
{
public:
    struct Window
    {
        double durationMs;
        int limit;
    };
    explicit SlidingWindows(std::vector<Window> windows);
    bool take(double nowMs, double *retryAfterMs);

private:
    std::vector<Window> m_windows;
    std::deque<double> m_events; // times of recent attempts, oldest first
    double m_longestMs = 0;
};

class RateLimiter
{
public:
    struct Decision
    {
        bool allowed = true;
        int retryAfterSeconds = 0; // whole simulated seconds, >= 1 when refused
        QString limit; // which limit refused (for stats and messages)
    };

    RateLimiter(const SimClock &clock, bool enabled);

    bool enabled() const { return m_enabled; }
    // Graph: the per-app limit of the class, plus "any one team" when teamId is set.
    Decision graph(const QString &appId, ThrottleClass cls, const QString &teamId);
    // Bot Connector: all calls of one bot (50/s) ...
    Decision bot(const QString &botId);
    // ... and, for a delivery, the windows of the conversation written to.
    Decision conversation(const QString &conversationId);

    static double rateFor(ThrottleClass cls);

private:
    TokenBucket &bucket(const QString &key, double rate, double nowMs);
    static int toSeconds(double retryAfterMs);

    const SimClock &m_clock;
    bool m_enabled;
    QHash<QString, TokenBucket> m_buckets;
    QHash<QString, SlidingWindows> m_conversations;
};

} // namespace herald::sim
