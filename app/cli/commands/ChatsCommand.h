#pragma once

// herald-cli chats --app ID RECIPIENTS [--via installedApps|chats]: the 1:1
// chat id of each user with the bot, cached per tenant and app.

#include "cli/commands/RecipientCommand.h"

namespace herald::cli {

class ChatsCommand : public RecipientCommand
{
    Q_OBJECT

public:
    using RecipientCommand::RecipientCommand;
    static CommandSpec spec();

protected:
    install::RecipientPipeline *createPipeline(CommandContext &context, graph::GraphClient *client,
                                               install::RecipientFeed *feed, const install::TeamsApp &app,
                                               graph::GraphError *error) override;
};

} // namespace herald::cli
