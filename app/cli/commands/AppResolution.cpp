#include "cli/commands/AppResolution.h"

#include "cli/CommandContext.h"
#include "cli/commands/CommandErrors.h"
#include "graph/GraphClient.h"
#include "install/AppLookup.h"

namespace herald::cli {

using install::AppLookup;
using install::TeamsApp;

AppResolution::AppResolution(CommandContext &context, graph::GraphClient *client, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_client(client)
{
}

AppResolution::~AppResolution()
{
    abort();
}

void AppResolution::start(Done done, Failed failed)
{
    m_done = std::move(done);
    m_failed = std::move(failed);
    const AppSelection &app = m_context.input().app;
    m_lookup = app.teamsAppId.isEmpty() ? AppLookup::byExternalId(m_client, app.externalId, this)
                                        : AppLookup::byId(m_client, app.teamsAppId, this);
    connect(m_lookup, &graph::Job::finished, this, &AppResolution::onFinished);
    m_lookup->start();
}

void AppResolution::abort()
{
    if (m_lookup) {
        disconnect(m_lookup, nullptr, this, nullptr);
        m_lookup->abort();
    }
}

void AppResolution::onFinished()
{
    AppLookup *lookup = m_lookup;
    const AppSelection &selection = m_context.input().app;
    if (!lookup->succeeded()) {
        const graph::GraphError &error = lookup->error();
        if (!selection.teamsAppId.isEmpty() && error.httpStatus == 403) {
            // Checking the catalog is a courtesy when the id is given.
            m_context.warn(tr("could not check app %1 in the catalog (%2); using the id as given.")
                               .arg(selection.teamsAppId, error.message));
            TeamsApp app;
            app.id = selection.teamsAppId;
            m_done(app);
            return;
        }
        m_failed(reportError(m_context, error));
        return;
    }
    if (!lookup->found()) {
        m_context.error(lookup->notFoundMessage());
        m_failed(ExitCode::Usage);
        return;
    }
    // An org app and a Store app can share a manifest id; the org's own wins.
    TeamsApp chosen = lookup->apps().constFirst();
    for (const TeamsApp &app : lookup->apps()) {
        if (app.distributionMethod.compare(QLatin1String("organization"), Qt::CaseInsensitive) == 0) {
            chosen = app;
            break;
        }
    }
    if (lookup->apps().size() > 1)
        m_context.warn(tr("%1 catalog apps match; using %2 (%3).")
                           .arg(lookup->apps().size())
                           .arg(chosen.id, chosen.distributionMethod));
    m_done(chosen);
}

} // namespace herald::cli
