#include "cli/Commands.h"

#include "cli/CommandRegistry.h"
#include "cli/commands/AppFindCommand.h"
#include "cli/commands/CampaignsCommand.h"
#include "cli/commands/ChatsCommand.h"
#include "cli/commands/CheckCommand.h"
#include "cli/commands/LifecycleCommand.h"
#include "cli/commands/LoginCommand.h"
#include "cli/commands/PreviewCommand.h"
#include "cli/commands/ProfileCommand.h"
#include "cli/commands/SecretCommand.h"
#include "cli/commands/ReportCommand.h"
#include "cli/commands/SendCommand.h"
#include "cli/commands/StatusCommand.h"

#include <QDebug>

namespace herald::cli {

namespace {

template <typename Make> void add(CommandRegistry &registry, CommandSpec spec, Make make)
{
    QString error;
    if (!registry.add(
            std::move(spec), [make] { return std::unique_ptr<Command>(make()); }, &error))
        qCritical("herald-cli: cannot register a command: %s", qPrintable(error)); // a programming error
}

} // namespace

void registerCommands(CommandRegistry &registry)
{
    // Later: send, preview, campaigns, report, secret, login and check.
    using Op = install::InstallRunner::Operation;
    add(registry, AppFindCommand::spec(), [] { return new AppFindCommand; });
    add(registry, StatusCommand::spec(), [] { return new StatusCommand; });
    add(registry, LifecycleCommand::installSpec(), [] { return new LifecycleCommand(Op::Install); });
    add(registry, LifecycleCommand::upgradeSpec(), [] { return new LifecycleCommand(Op::Upgrade); });
    add(registry, LifecycleCommand::uninstallSpec(), [] { return new LifecycleCommand(Op::Uninstall); });
    add(registry, ChatsCommand::spec(), [] { return new ChatsCommand; });
    // The message area: what a recipient would get.
    add(registry, PreviewCommand::spec(), [] { return new PreviewCommand; });
    // The delivery area: journaled sends, campaigns, reports.
    add(registry, SendCommand::spec(), [] { return new SendCommand; });
    add(registry, CampaignsCommand::spec(), [] { return new CampaignsCommand; });
    add(registry, ReportCommand::spec(), [] { return new ReportCommand; });
    // The auth area: secrets in the keychain, profiles.
    using Secret = SecretCommand::Mode;
    add(registry, SecretCommand::setSpec(), [] { return new SecretCommand(Secret::Set); });
    add(registry, SecretCommand::clearSpec(), [] { return new SecretCommand(Secret::Clear); });
    add(registry, SecretCommand::statusSpec(), [] { return new SecretCommand(Secret::Status); });
    using Profile = ProfileCommand::Mode;
    add(registry, ProfileCommand::saveSpec(), [] { return new ProfileCommand(Profile::Save); });
    add(registry, ProfileCommand::listSpec(), [] { return new ProfileCommand(Profile::List); });
    add(registry, ProfileCommand::showSpec(), [] { return new ProfileCommand(Profile::Show); });
    add(registry, ProfileCommand::removeSpec(), [] { return new ProfileCommand(Profile::Remove); });
    add(registry, CheckCommand::spec(), [] { return new CheckCommand; });
    add(registry, LoginCommand::spec(), [] { return new LoginCommand; });
}

} // namespace herald::cli
