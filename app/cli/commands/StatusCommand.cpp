#include "cli/commands/StatusCommand.h"

#include "install/StatusSweep.h"

#include <QCoreApplication>

namespace herald::cli {

CommandSpec StatusCommand::spec()
{
    CommandSpec s;
    s.name = QStringLiteral("status");
    s.summary = tr("Per recipient: is the app installed?");
    s.synopsis = QStringLiteral("--app ID RECIPIENTS");
    s.description = tr("Queries each recipient's installed apps (20 per Graph $batch, at the documented "
                       "30 requests/s) and prints one record per recipient as the answers arrive.");
    s.groups = OptionGroup::Recipients | OptionGroup::App;
    s.needs = Need::Recipients | Need::App | Need::GraphCredentials;
    s.states = {QStringLiteral("installed"), QStringLiteral("not_installed"), QStringLiteral("not_found"),
                QStringLiteral("error")};
    s.successStates = {QStringLiteral("installed"), QStringLiteral("not_installed")};
    s.examples = {QStringLiteral("status --app-external-id f31b1263-ba99-435a-a679-911d24850d7c --all-users"),
                  QStringLiteral("status --app 1a2b... --users people.csv --format csv")};
    return s;
}

install::RecipientPipeline *StatusCommand::createPipeline(CommandContext &, graph::GraphClient *client,
                                                          install::RecipientFeed *feed,
                                                          const install::TeamsApp &app, graph::GraphError *)
{
    return new install::StatusSweep(client, feed, app.id);
}

} // namespace herald::cli
