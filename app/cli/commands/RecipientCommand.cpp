#include "cli/commands/RecipientCommand.h"

#include "cli/CommandContext.h"
#include "cli/commands/AppResolution.h"
#include "cli/commands/CommandErrors.h"
#include "cli/commands/GraphSession.h"
#include "directory/RecipientResolver.h"
#include "install/RecipientPipeline.h"
#include "install/ResolverRecipientFeed.h"

namespace herald::cli {

using graph::GraphError;

RecipientCommand::~RecipientCommand()
{
    markFinished();
    if (m_pipeline) {
        disconnect(m_pipeline, nullptr, this, nullptr);
        m_pipeline->abort();
    }
}

directory::RecipientSource RecipientCommand::sourceOf(const RecipientSelection &selection)
{
    directory::RecipientSource source;
    source.users = selection.users;
    source.usersFile = selection.usersFile;
    if (!selection.group.isEmpty())
        source.groups << selection.group;
    source.allUsers = selection.allUsers;
    source.teams = selection.teams;
    source.teamsFile = selection.teamsFile;
    return source;
}

RecipientRecord RecipientCommand::recordOf(const install::RecipientResult &result)
{
    RecipientRecord record;
    record.recipient = result.recipient.input.isEmpty() ? result.recipient.id : result.recipient.input;
    record.id = result.recipient.id;
    record.kind = toName(result.recipient.kind);
    record.state = install::toName(result.outcome);
    record.installationId = result.installationId;
    record.chatId = result.chatId;
    record.detail = result.detail;
    return record;
}

void RecipientCommand::start(CommandContext &context)
{
    m_context = &context;
    GraphError error;
    m_session = GraphSession::create(context, this, &error);
    if (!m_session) {
        done(reportError(context, error));
        return;
    }
    m_app = new AppResolution(context, m_session->client(), this);
    m_app->start([this](const install::TeamsApp &app) { run(app); }, [this](ExitCode code) { done(code); });
}

void RecipientCommand::run(const install::TeamsApp &app)
{
    if (hasFinished())
        return;
    auto *feed
        = new install::ResolverRecipientFeed(m_session->client(), sourceOf(m_context->input().recipients));
    GraphError error;
    install::RecipientPipeline *pipeline = createPipeline(*m_context, m_session->client(), feed, app, &error);
    if (!pipeline) {
        delete feed;
        done(reportError(*m_context, error));
        return;
    }
    m_pipeline = pipeline;
    m_feed = feed;
    pipeline->setParent(this);
    connect(pipeline, &install::RecipientPipeline::resultReady, this,
            [this](const install::RecipientResult &result) { m_context->writeRecipient(recordOf(result)); });
    connect(pipeline, &install::RecipientPipeline::problem, this,
            [this](const QString &message) { m_context->warn(message); });
    connect(pipeline, &install::RecipientPipeline::totalKnown, this,
            [this](qint64 total) { m_context->progress().setTotal(total); });
    connect(pipeline, &graph::Job::finished, this, &RecipientCommand::onPipelineFinished);
    pipeline->start();
}

void RecipientCommand::onPipelineFinished()
{
    install::RecipientPipeline *pipeline = m_pipeline;
    if (!pipeline || hasFinished())
        return;
    if (!pipeline->succeeded()) {
        done(reportError(*m_context, pipeline->error()));
        return;
    }
    ExitCode code = m_context->outcome();
    // An entry that could not be used (a bad CSV row, a --group that is not
    // a group) is a recipient that did not get there: never exit 0.
    if (code == ExitCode::Success && m_feed && m_feed->rejected() > 0)
        code = ExitCode::SomeFailed;
    done(code);
}

void RecipientCommand::cancel()
{
    if (hasFinished())
        return;
    if (m_app)
        m_app->abort();
    if (m_pipeline) {
        disconnect(m_pipeline, nullptr, this, nullptr);
        m_pipeline->abort();
    }
    done(ExitCode::Interrupted);
}

void RecipientCommand::done(ExitCode code)
{
    finishOnce(code);
}

} // namespace herald::cli
