#pragma once

// The Bot Connector service URL per national cloud (API-NOTES "Bot
// Connector": public, GCC High, DoD). Proactive messages to a 1:1 chat or a
// channel go to the service URL of the recipient's region; Microsoft's
// global URL routes to it.

#include "graph/Endpoints.h"

#include <QUrl>

namespace herald::bot {

// Empty for the China cloud: not offered there (say so, see BotSession).
QUrl defaultServiceUrl(graph::Cloud cloud);

} // namespace herald::bot
