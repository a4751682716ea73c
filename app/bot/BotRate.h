#pragma once

// The Bot Connector's documented limits (API-NOTES "Throttling", from the
// Teams page "Rate limiting for bots") as RatePlanner classes:
//   bot.send                 all calls of one bot in a tenant: 50 requests/s
//   bot.conversation:{id}    one conversation: 7 per 1 s, 8 per 2 s,
//                            60 per 30 s, 1800 per hour
// A send into a conversation takes from both; creating a conversation with
// its first message takes from bot.send and from the new conversation's
// windows (keyed by the user, whose 1:1 chat it is).

#include <QString>
#include <QStringList>

namespace herald::graph {
class RatePlanner;
}

namespace herald::bot::rate {

inline const QString Send = QStringLiteral("bot.send");
inline const QString Conversation = QStringLiteral("bot.conversation");
inline constexpr double kSendsPerSecond = 50;

void defineBotClasses(graph::RatePlanner &planner);

// Keys of one delivery: bot.send plus the conversation's windows.
QStringList keysFor(const QString &conversationKey);

} // namespace herald::bot::rate
