#pragma once

// herald-cli install [--dry-run] / upgrade / uninstall --app ID RECIPIENTS:
// one class, three specs -- the operation is the only difference.

#include "cli/commands/RecipientCommand.h"
#include "install/InstallRunner.h"

namespace herald::cli {

class LifecycleCommand : public RecipientCommand
{
    Q_OBJECT

public:
    explicit LifecycleCommand(install::InstallRunner::Operation operation, QObject *parent = nullptr);

    static CommandSpec installSpec();
    static CommandSpec upgradeSpec();
    static CommandSpec uninstallSpec();

protected:
    install::RecipientPipeline *createPipeline(CommandContext &context, graph::GraphClient *client,
                                               install::RecipientFeed *feed, const install::TeamsApp &app,
                                               graph::GraphError *error) override;

private:
    install::InstallRunner::Operation m_operation;
};

} // namespace herald::cli
