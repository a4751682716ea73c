#include "cli/commands/LifecycleCommand.h"

#include "cli/CommandContext.h"

namespace herald::cli {

using install::InstallRunner;

namespace {

QCommandLineOption dryRunOption(const QString &what)
{
    return {QStringLiteral("dry-run"),
            LifecycleCommand::tr("Only query the status and print what %1 would do; "
                                 "change nothing.")
                .arg(what)};
}

CommandSpec base(const QString &name)
{
    CommandSpec s;
    s.name = name;
    s.synopsis = QStringLiteral("--app ID RECIPIENTS [--dry-run]");
    s.options = {dryRunOption(name)};
    s.groups = OptionGroup::Recipients | OptionGroup::App;
    s.needs = Need::Recipients | Need::App | Need::GraphCredentials;
    return s;
}

} // namespace

LifecycleCommand::LifecycleCommand(InstallRunner::Operation operation, QObject *parent)
    : RecipientCommand(parent)
    , m_operation(operation)
{
}

CommandSpec LifecycleCommand::installSpec()
{
    CommandSpec s = base(QStringLiteral("install"));
    s.summary = tr("Install the app where it is missing.");
    s.description = tr("Installs the app for each user (or team) with one Graph request each: an answer 409 "
                       "means it was already there, so no status query is needed first. Only apps published "
                       "to the organization's catalog or the Teams Store can be installed.");
    s.states = {QStringLiteral("installed"), QStringLiteral("already_installed"), QStringLiteral("blocked"),
                QStringLiteral("not_found"), QStringLiteral("failed")};
    s.successStates = {QStringLiteral("installed"), QStringLiteral("already_installed")};
    s.examples
        = {QStringLiteral("install --app-external-id f31b1263-ba99-435a-a679-911d24850d7c --group 0a1b..."),
           QStringLiteral("install --app 1a2b... --users people.csv --dry-run")};
    return s;
}

CommandSpec LifecycleCommand::upgradeSpec()
{
    CommandSpec s = base(QStringLiteral("upgrade"));
    s.summary = tr("Upgrade the app to the catalog's newest version.");
    s.description = tr("Looks up each installation, then upgrades it; recipients without the app are "
                       "reported as not_installed.");
    s.states = {QStringLiteral("upgraded"), QStringLiteral("not_installed"), QStringLiteral("not_found"),
                QStringLiteral("failed")};
    s.successStates = {QStringLiteral("upgraded")};
    s.examples = {QStringLiteral("upgrade --app 1a2b... --all-users")};
    return s;
}

CommandSpec LifecycleCommand::uninstallSpec()
{
    CommandSpec s = base(QStringLiteral("uninstall"));
    s.summary = tr("Remove the app.");
    s.description = tr("Looks up each installation, then removes it; recipients without the app are "
                       "reported as not_installed (which is what was asked for).");
    s.states = {QStringLiteral("removed"), QStringLiteral("not_installed"), QStringLiteral("not_found"),
                QStringLiteral("failed")};
    s.successStates = {QStringLiteral("removed"), QStringLiteral("not_installed")};
    s.examples = {QStringLiteral("uninstall --app 1a2b... --user adele@contoso.com")};
    return s;
}

install::RecipientPipeline *LifecycleCommand::createPipeline(CommandContext &context,
                                                             graph::GraphClient *client,
                                                             install::RecipientFeed *feed,
                                                             const install::TeamsApp &app,
                                                             graph::GraphError *)
{
    auto *runner = new InstallRunner(client, feed, app, m_operation);
    runner->setCloud(context.settings().cloud);
    const bool dryRun = context.input().isSet(QStringLiteral("dry-run"));
    runner->setDryRun(dryRun);
    if (dryRun)
        context.note(tr("Dry run: the status is queried, nothing is changed."));
    if (app.isSideloaded() && m_operation == InstallRunner::Operation::Uninstall)
        context.warn(app.installRefusal());
    return runner;
}

} // namespace herald::cli
