#pragma once

// GET /users/{id}/chats[/{chatId}], as in https://learn.microsoft.com/graph/api/chat-list
// with $filter=installedApps/any(a:a/teamsApp/id eq '{teamsAppId}') (needs Chat.Read.All).
// The simulated user's chats are the 1:1 chats with installed apps' bots.

#include "sim/GraphContext.h"

#include <optional>

namespace herald::sim {

struct SimServices;

class ChatRoutes
{
public:
    explicit ChatRoutes(SimServices &services);
    std::optional<SimResponse> handle(const GraphContext &ctx);

private:
    SimServices &m_services;
};

} // namespace herald::sim
