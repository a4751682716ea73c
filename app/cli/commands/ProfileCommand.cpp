#include "cli/commands/ProfileCommand.h"

#include "cli/CommandContext.h"
#include "config/Clouds.h"
#include "config/ProfileStore.h"

#include <QFileInfo>

namespace herald::cli {

using config::ConnectionSettings;
using config::ProfileStore;

namespace {
const QString kAuth = QStringLiteral("auth");
} // namespace

ProfileCommand::ProfileCommand(Mode mode, QObject *parent)
    : Command(parent)
    , m_mode(mode)
{
}

CommandSpec ProfileCommand::saveSpec()
{
    CommandSpec s;
    s.name = QStringLiteral("profile save");
    s.summary = tr("Save the connection options of this command line as the profile (--profile).");
    s.synopsis = QStringLiteral("[--auth secret|certificate|delegated]");
    s.description
        = tr("Stores --tenant, --client-id, --bot-id, --bot-tenant, --cloud, the endpoint overrides "
             "and --cert (the path only) in %1, over what the profile already holds. Secrets are "
             "never stored there: use `secret set`. --auth delegated makes the profile use the "
             "sign-in of `herald-cli login` instead of a client secret.")
              .arg(ProfileStore::defaultFileName());
    s.options
        = {{kAuth, tr("How Graph tokens are obtained: secret, certificate (needs --cert) or delegated."),
            QStringLiteral("METHOD")}};
    s.examples = {QStringLiteral("--profile work --tenant contoso.onmicrosoft.com --client-id "
                                 "00000000-0000-0000-0000-000000000000 profile save")};
    s.validate = [](const CommandInput &input) -> QString {
        if (input.isSet(kAuth) && !config::authMethodFromName(input.value(kAuth)))
            return tr("unknown --auth '%1': use secret, certificate or delegated").arg(input.value(kAuth));
        return {};
    };
    return s;
}

CommandSpec ProfileCommand::listSpec()
{
    CommandSpec s;
    s.name = QStringLiteral("profile list");
    s.summary = tr("List the saved profiles.");
    return s;
}

CommandSpec ProfileCommand::showSpec()
{
    CommandSpec s;
    s.name = QStringLiteral("profile show");
    s.summary = tr("Show the effective connection settings of the profile (no secrets).");
    return s;
}

CommandSpec ProfileCommand::removeSpec()
{
    CommandSpec s;
    s.name = QStringLiteral("profile remove");
    s.summary = tr("Delete the profile (--profile) from the profile file; keychain entries stay until "
                   "`secret clear`.");
    return s;
}

void ProfileCommand::start(CommandContext &context)
{
    const ExitCode code = run(context);
    // finished() is allowed from inside start(); the runner handles it.
    emit finished(code);
}

ExitCode ProfileCommand::run(CommandContext &context)
{
    ProfileStore store;
    QString error;
    ConnectionSettings settings = context.settings();
    switch (m_mode) {
    case Mode::Save: {
        if (context.input().isSet(kAuth)) {
            const auto method = *config::authMethodFromName(context.input().value(kAuth));
            if (method == config::AuthMethod::Certificate && settings.certFile.isEmpty()) {
                context.error(tr("--auth certificate needs --cert FILE"));
                return ExitCode::Usage;
            }
            if (method != config::AuthMethod::Certificate)
                settings.certFile.clear();
            settings.delegated = method == config::AuthMethod::Delegated;
        }
        // A relative --cert would mean something else from another folder.
        if (!settings.certFile.isEmpty())
            settings.certFile = QFileInfo(settings.certFile).absoluteFilePath();
        if (!store.save(settings, &error)) {
            context.error(error);
            return ExitCode::Usage;
        }
        context.note(tr("Saved profile '%1' in %2.").arg(settings.profile, store.fileName()));
        const QString notice = config::proactiveInstallNotice(settings.cloud);
        if (!notice.isEmpty())
            context.warn(notice);
        return ExitCode::Success;
    }
    case Mode::List:
        context.setFields({QStringLiteral("profile"), QStringLiteral("tenant"), QStringLiteral("clientId"),
                           QStringLiteral("cloud"), QStringLiteral("auth")});
        for (const QString &name : store.names()) {
            QString problem;
            if (const auto loaded = store.load(name, &problem))
                context.writeRecord({name, loaded->tenant, loaded->clientId, config::cloudName(loaded->cloud),
                                     config::authMethodName(loaded->authMethod())});
            else
                context.warn(problem);
        }
        return ExitCode::Success;
    case Mode::Show: {
        context.setFields({QStringLiteral("setting"), QStringLiteral("value")});
        const config::CloudInfo cloud = config::cloudInfo(settings.cloud);
        const QList<QPair<QString, QString>> rows{
            {QStringLiteral("profile"), settings.profile},
            {QStringLiteral("file"), store.fileName()},
            {QStringLiteral("tenant"), settings.tenant},
            {QStringLiteral("clientId"), settings.clientId},
            {QStringLiteral("botId"), settings.effectiveBotId()},
            {QStringLiteral("botTenant"), settings.effectiveBotTenant()},
            {QStringLiteral("cloud"), cloud.name},
            {QStringLiteral("auth"), config::authMethodName(settings.authMethod())},
            {QStringLiteral("certFile"), settings.certFile},
            {QStringLiteral("loginUrl"), config::effectiveLoginUrl(settings).toString()},
            {QStringLiteral("graphUrl"), config::effectiveGraphUrl(settings).toString()},
            {QStringLiteral("botServiceUrl"), config::effectiveBotServiceUrl(settings).toString()},
            {QStringLiteral("botScope"), config::botScope(settings)},
        };
        for (const auto &[key, value] : rows)
            context.writeRecord({key, value});
        const QString notice = config::proactiveInstallNotice(settings.cloud);
        if (!notice.isEmpty())
            context.warn(notice);
        return ExitCode::Success;
    }
    case Mode::Remove:
        if (!store.remove(settings.profile, &error)) {
            context.error(error);
            return ExitCode::Usage;
        }
        context.note(tr("Removed profile '%1'.").arg(settings.profile));
        return ExitCode::Success;
    }
    return ExitCode::Usage;
}

} // namespace herald::cli
