#include "bot/BotRate.h"

#include "graph/RatePlanner.h"

namespace herald::bot::rate {

void defineBotClasses(graph::RatePlanner &planner)
{
    // A burst of a fifth of a second's rate: sends leave evenly spaced at the
    // full rate, and the service's one-second bucket keeps room for jitter.
    planner.defineClass(Send, {kSendsPerSecond, 10, {}});
    planner.defineClass(Conversation, {0, 0, {{7, 1000}, {8, 2000}, {60, 30000}, {1800, 3600000}}});
}

QStringList keysFor(const QString &conversationKey)
{
    if (conversationKey.isEmpty())
        return {Send};
    return {Send, Conversation + QLatin1Char(':') + conversationKey.toLower()};
}

} // namespace herald::bot::rate
