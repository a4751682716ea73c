#include "cli/commands/SendPreflight.h"

#include "bot/BotConnectorClient.h"
#include "campaign/ActivitySource.h"
#include "campaign/RecipientIntake.h"
#include "campaign/TestSend.h"
#include "cli/CommandContext.h"
#include "cli/commands/BotSession.h"
#include "cli/commands/CommandErrors.h"
#include "cli/commands/GraphSession.h"
#include "cli/commands/SendSupport.h"

namespace herald::cli {

using campaign::JournalState;
using graph::GraphError;

// --- TestSend ------------------------------------------------------------------

TestSend::TestSend(CommandContext &context, GraphSession *graph, BotSession *bot,
                   std::shared_ptr<const campaign::ActivitySource> activities, const QString &who,
                   QObject *parent)
    : QObject(parent)
    , m_context(context)
{
    // The work is campaign::TestSend's (shared with the GUI); this prints it.
    m_send = new campaign::TestSend(graph->client(), bot->client(), std::move(activities), who, this);
    connect(m_send, &campaign::TestSend::problem, this, [this](const QString &p) { m_context.warn(p); });
    connect(m_send, &campaign::TestSend::sending, this, [this](const Recipient &recipient) {
        m_context.note(tr("Test message to %1 only; it is not journaled and belongs to no campaign.")
                           .arg(recipient.bestName()));
    });
    connect(m_send, &campaign::TestSend::finished, this, &TestSend::report);
}

TestSend::~TestSend()
{
    m_done = true;
    abort();
}

void TestSend::start()
{
    m_send->start();
}

void TestSend::report(const campaign::TestSend::Result &result)
{
    using Outcome = campaign::TestSend::Outcome;
    if (result.outcome == Outcome::Error) {
        finish(reportError(m_context, result.error));
        return;
    }
    m_context.setFields(RecipientRecord::fields());
    RecipientRecord record;
    record.recipient = result.recipient.input;
    record.id = result.recipient.id;
    record.kind = toName(result.recipient.kind);
    record.chatId = result.conversationId;
    record.detail = result.detail;
    if (result.outcome == Outcome::NotFound)
        record.state = toName(JournalState::NotFound);
    else if (result.outcome == Outcome::BindFailed)
        record.state = toName(JournalState::Failed);
    else
        record.state = campaign::TestSend::toName(result.outcome);
    m_context.writeRecipient(record);
    if (result.error.isError()) {
        finish(reportError(m_context, result.error));
        return;
    }
    finish(result.sent() ? ExitCode::Success : ExitCode::SomeFailed);
}

void TestSend::abort()
{
    if (m_send)
        m_send->abort();
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
