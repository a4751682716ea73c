#include "cli/commands/ChatsCommand.h"

#include "cli/CommandContext.h"
#include "install/ChatIdCache.h"
#include "install/ChatResolver.h"

namespace herald::cli {

using install::ChatResolver;

CommandSpec ChatsCommand::spec()
{
    CommandSpec s;
    s.name = QStringLiteral("chats");
    s.summary = tr("Resolve each user's 1:1 chat id with the bot.");
    s.synopsis = QStringLiteral("--app ID RECIPIENTS [--via installedApps|chats] [--refresh]");
    s.description
        = tr("Default way: the installation's chat (needs only "
             "TeamsAppInstallation.ReadWriteSelfForUser.All). --via chats filters the user's chats "
             "instead and needs Chat.Read.All. Chat ids are kept in the data directory per tenant and "
             "app; known ones are not looked up again.");
    s.options = {{QStringLiteral("via"), tr("installedApps (default) or chats."), QStringLiteral("WAY")},
                 {QStringLiteral("refresh"), tr("Look every chat up again and update the stored ids.")}};
    s.groups = OptionGroup::Recipients | OptionGroup::App;
    s.needs = Need::Recipients | Need::App | Need::GraphCredentials;
    s.states = {QStringLiteral("resolved"), QStringLiteral("not_installed"), QStringLiteral("not_found"),
                QStringLiteral("failed")};
    s.successStates = {QStringLiteral("resolved")};
    s.examples = {QStringLiteral("chats --app 1a2b... --all-users --format csv"),
                  QStringLiteral("chats --app 1a2b... --users people.csv --via chats")};
    s.validate = [](const CommandInput &input) -> QString {
        if (input.isSet(QStringLiteral("via"))
            && !ChatResolver::viaFromName(input.value(QStringLiteral("via"))))
            return tr("--via must be installedApps or chats");
        return {};
    };
    return s;
}

install::RecipientPipeline *ChatsCommand::createPipeline(CommandContext &context, graph::GraphClient *client,
                                                         install::RecipientFeed *feed,
                                                         const install::TeamsApp &app, graph::GraphError *)
{
    const ChatResolver::Via via = context.input().isSet(QStringLiteral("via"))
        ? ChatResolver::viaFromName(context.input().value(QStringLiteral("via")))
              .value_or(ChatResolver::Via::InstalledApps)
        : ChatResolver::Via::InstalledApps;
    auto *resolver = new ChatResolver(client, feed, app.id, via);
    auto cache = std::make_unique<install::ChatIdCache>(context.settings().effectiveDataDir(),
                                                        context.settings().tenant, app.id);
    QString error;
    if (cache->open(&error)) // --refresh: look everything up, store what comes back
        resolver->setCache(std::move(cache), !context.input().isSet(QStringLiteral("refresh")));
    else
        context.warn(tr("chat ids are not cached this time: %1").arg(error));
    return resolver;
}

} // namespace herald::cli
