#include "cli/commands/SendPreflight.h"

#include "bot/BotConnectorClient.h"
#include "campaign/ActivitySource.h"
#include "campaign/RecipientIntake.h"
#include "cli/CommandContext.h"
#include "cli/commands/BotSession.h"
#include "cli/commands/CommandErrors.h"
#include "cli/commands/GraphSession.h"
#include "cli/commands/SendSupport.h"
#include "directory/RecipientResolver.h"
#include "install/ResolverRecipientFeed.h"
#include "message/RecipientData.h"

namespace herald::cli {

using campaign::JournalState;
using graph::GraphError;

// --- TestSend ------------------------------------------------------------------

TestSend::TestSend(CommandContext &context, GraphSession *graph, BotSession *bot,
                   std::shared_ptr<const campaign::ActivitySource> activities, const QString &who,
                   QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_graph(graph)
    , m_bot(bot)
    , m_activities(std::move(activities))
    , m_who(who)
{
}

TestSend::~TestSend()
{
    m_done = true;
    abort();
}

void TestSend::start()
{
    directory::RecipientSource source;
    source.users << m_who;
    auto *feed = new install::ResolverRecipientFeed(m_graph->client(), source, this);
    m_feed = feed;
    connect(feed, &install::RecipientFeed::chunk, this, [this](const RecipientList &list) {
        if (!list.isEmpty() && !m_job && !m_done)
            send(list.first());
    });
    connect(feed, &install::RecipientFeed::problem, this, [this](const QString &p) { m_context.warn(p); });
    connect(feed, &install::RecipientFeed::finished, this, [this](const GraphError &error) {
        if (m_job || m_done)
            return;
        if (error.isError())
            finish(reportError(m_context, error));
        else
            finish(ExitCode::SomeFailed);
    });
    feed->start();
    feed->fetchMore(1);
}

void TestSend::send(const Recipient &recipient)
{
    m_context.setFields(RecipientRecord::fields());
    RecipientRecord record;
    record.recipient = recipient.input;
    record.id = recipient.id;
    record.kind = toName(recipient.kind);
    if (recipient.id.isEmpty() || recipient.installState == InstallState::NotFound) {
        record.state = toName(JournalState::NotFound);
        record.detail = recipient.detail;
        m_context.writeRecipient(record);
        finish(ExitCode::SomeFailed);
        return;
    }
    const campaign::BoundActivity bound
        = m_activities->bind(message::RecipientData::fromRecipient(recipient).fields());
    if (!bound.ok()) {
        record.state = toName(JournalState::Failed);
        record.detail = bound.error;
        m_context.writeRecipient(record);
        finish(ExitCode::SomeFailed);
        return;
    }
    m_context.note(tr("Test message to %1 only; it is not journaled and belongs to no campaign.")
                       .arg(recipient.bestName()));
    bot::BotSendJob *job = m_bot->client()->send(bot::BotTarget::user(recipient.id), bound.json);
    m_job = job;
    connect(job, &graph::Job::finished, this, [this, job, record]() mutable {
        const bot::BotSendResult &result = job->result();
        if (!job->succeeded() && job->error().kind != GraphError::Kind::Cancelled
            && result.detail.isEmpty()) {
            finish(reportError(m_context, job->error()));
            return;
        }
        record.state = bot::toName(result.outcome);
        record.chatId = result.conversationId;
        record.detail = result.detail;
        m_context.writeRecipient(record);
        if (job->error().kind == GraphError::Kind::Auth) {
            finish(reportError(m_context, job->error()));
            return;
        }
        finish(result.outcome == bot::BotSendResult::Outcome::Sent ? ExitCode::Success
                                                                   : ExitCode::SomeFailed);
    });
    job->start();
}

void TestSend::abort()
{
    if (m_feed)
        m_feed->abort();
    if (m_job && !m_job->isFinished())
        m_job->abort();
}

void TestSend::finish(ExitCode code)
{
    if (m_done)
        return;
    m_done = true;
    emit finished(code);
}

// --- DryRun --------------------------------------------------------------------

DryRun::DryRun(CommandContext &context, campaign::RecipientIntake *intake,
               std::shared_ptr<const campaign::ActivitySource> activities, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_intake(intake)
    , m_activities(std::move(activities))
{
    intake->setParent(this);
}

void DryRun::start()
{
    m_context.setFields(RecipientRecord::fields());
    connect(m_intake, &campaign::RecipientIntake::problem, this,
            [this](const QString &p) { m_context.warn(p); });
    connect(m_intake, &campaign::RecipientIntake::totalKnown, this,
            [this](qint64 total) { m_context.progress().setTotal(total); });
    connect(m_intake, &campaign::RecipientIntake::rowsReady, this, [this](const campaign::JournalRows &rows) {
        for (campaign::JournalRow row : rows) {
            if (row.state == JournalState::Pending) {
                const campaign::BoundActivity bound = m_activities->bind(row.data);
                if (!bound.ok()) {
                    row.state = JournalState::Failed;
                    row.lastError = bound.error;
                } else {
                    row.lastError = row.chatId.isEmpty()
                        ? tr("dry run: would send %n bytes, creating the 1:1 chat", nullptr,
                             int(bound.json.size()))
                        : tr("dry run: would send %n bytes into the known chat", nullptr,
                             int(bound.json.size()));
                }
            }
            m_failures = m_failures || (row.state != JournalState::Pending);
            m_context.writeRecipient(send::recordOf(row));
        }
        m_intake->fetchMore();
    });
    connect(m_intake, &campaign::RecipientIntake::finished, this, [this](const GraphError &error) {
        if (m_done)
            return;
        m_done = true;
        if (error.isError()) {
            emit finished(reportError(m_context, error));
            return;
        }
        if (m_context.tally().isEmpty()) {
            m_context.error(tr("No recipients: the recipient options select nobody."));
            emit finished(ExitCode::Usage);
            return;
        }
        emit finished(m_failures ? ExitCode::SomeFailed : ExitCode::Success);
    });
    m_intake->start();
}

void DryRun::abort()
{
    if (m_intake)
        m_intake->abort();
}

} // namespace herald::cli
