#include "cli/commands/AppFindCommand.h"

#include "cli/CommandContext.h"
#include "cli/commands/CommandErrors.h"
#include "cli/commands/GraphSession.h"
#include "install/AppLookup.h"

namespace herald::cli {

using install::AppLookup;

namespace {
const QString kExternalId = QStringLiteral("external-id");
const QString kName = QStringLiteral("name");
const QString kId = QStringLiteral("id");
const QString kFromUser = QStringLiteral("from-user");
const QString kFromTeam = QStringLiteral("from-team");
} // namespace

AppFindCommand::~AppFindCommand()
{
    markFinished();
    if (m_lookup)
        m_lookup->abort();
}

CommandSpec AppFindCommand::spec()
{
    CommandSpec s;
    s.name = QStringLiteral("app find");
    s.summary = tr("Find the app in the tenant catalog (its teamsAppId).");
    s.synopsis
        = QStringLiteral("--external-id ID | --name TEXT | --id ID [--from-user UPN_OR_ID | --from-team ID]");
    s.description
        = tr("--external-id is the id in the app's manifest; --name matches the display name exactly "
             "(close names are suggested when nothing matches). With --from-user or --from-team the "
             "app is found through that user's or team's installation instead of the catalog.");
    s.options = {
        {kExternalId, tr("The manifest id of the app."), QStringLiteral("ID")},
        {kName, tr("The app's display name."), QStringLiteral("TEXT")},
        {kId, tr("The catalog id (teamsAppId)."), QStringLiteral("ID")},
        {kFromUser, tr("Look in this user's installed apps (with --external-id)."),
         QStringLiteral("UPN_OR_ID")},
        {kFromTeam, tr("Look in this team's installed apps (with --external-id)."), QStringLiteral("ID")},
    };
    s.needs = Need::GraphCredentials;
    s.examples = {QStringLiteral("app find --external-id f31b1263-ba99-435a-a679-911d24850d7c"),
                  QStringLiteral("app find --name \"Contoso Herald\" --format json")};
    s.validate = [](const CommandInput &input) -> QString {
        const int ways = int(input.isSet(kExternalId)) + int(input.isSet(kName)) + int(input.isSet(kId));
        if (ways != 1)
            return tr("app find needs exactly one of --external-id, --name or --id");
        if ((input.isSet(kFromUser) || input.isSet(kFromTeam)) && !input.isSet(kExternalId))
            return tr("--from-user and --from-team go with --external-id");
        if (input.isSet(kFromUser) && input.isSet(kFromTeam))
            return tr("give --from-user or --from-team, not both");
        return {};
    };
    return s;
}

void AppFindCommand::start(CommandContext &context)
{
    m_context = &context;
    graph::GraphError error;
    m_session = GraphSession::create(context, this, &error);
    if (!m_session) {
        done(reportError(context, error));
        return;
    }
    const CommandInput &in = context.input();
    graph::GraphClient *client = m_session->client();
    if (in.isSet(kFromUser))
        m_lookup = AppLookup::fromUser(client, in.value(kFromUser), in.value(kExternalId), this);
    else if (in.isSet(kFromTeam))
        m_lookup = AppLookup::fromTeam(client, in.value(kFromTeam), in.value(kExternalId), this);
    else if (in.isSet(kExternalId))
        m_lookup = AppLookup::byExternalId(client, in.value(kExternalId), this);
    else if (in.isSet(kName))
        m_lookup = AppLookup::byName(client, in.value(kName), this);
    else
        m_lookup = AppLookup::byId(client, in.value(kId), this);
    connect(m_lookup, &graph::Job::finished, this, &AppFindCommand::onFinished);
    m_lookup->start();
}

void AppFindCommand::onFinished()
{
    AppLookup *lookup = m_lookup;
    if (!lookup || hasFinished())
        return;
    if (!lookup->succeeded()) {
        done(reportError(*m_context, lookup->error()));
        return;
    }
    if (!lookup->found()) {
        m_context->error(lookup->notFoundMessage());
        done(ExitCode::Usage);
        return;
    }
    m_context->setFields({QStringLiteral("id"), QStringLiteral("externalId"), QStringLiteral("displayName"),
                          QStringLiteral("version"), QStringLiteral("distributionMethod")});
    for (const install::TeamsApp &app : lookup->apps()) {
        m_context->writeRecord(
            {app.id, app.externalId, app.displayName, app.version, app.distributionMethod});
        if (app.isSideloaded())
            m_context->warn(app.installRefusal());
    }
    done(ExitCode::Success);
}

void AppFindCommand::cancel()
{
    if (m_lookup) {
        disconnect(m_lookup, nullptr, this, nullptr);
        m_lookup->abort();
    }
    done(ExitCode::Interrupted);
}

void AppFindCommand::done(ExitCode code)
{
    finishOnce(code);
}

} // namespace herald::cli
