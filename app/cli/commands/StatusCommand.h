#pragma once

// herald-cli status --app ID RECIPIENTS: is the app installed for each?

#include "cli/commands/RecipientCommand.h"

namespace herald::cli {

class StatusCommand : public RecipientCommand
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
