#include "campaign/TestSend.h"

#include "campaign/ActivitySource.h"
#include "campaign/CampaignLogging.h"
#include "directory/RecipientResolver.h"
#include "install/ResolverRecipientFeed.h"
#include "message/RecipientData.h"

namespace herald::campaign {

using graph::GraphError;

TestSend::TestSend(graph::GraphClient *graph, bot::BotConnectorClient *bot,
                   std::shared_ptr<const ActivitySource> activities, const QString &who, QObject *parent)
    : QObject(parent)
    , m_graph(graph)
    , m_bot(bot)
    , m_activities(std::move(activities))
    , m_who(who.trimmed())
{
}

TestSend::~TestSend()
{
    m_done = true;
    abort();
}

QString TestSend::toName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Sent:
        return bot::toName(bot::BotSendResult::Outcome::Sent);
    case Outcome::BlockedByUser:
        return bot::toName(bot::BotSendResult::Outcome::BlockedByUser);
    case Outcome::NotInstalled:
        return bot::toName(bot::BotSendResult::Outcome::NotInstalled);
    case Outcome::Failed:
        return bot::toName(bot::BotSendResult::Outcome::Failed);
    case Outcome::Unconfirmed:
        return bot::toName(bot::BotSendResult::Outcome::Unconfirmed);
    case Outcome::NotFound:
        return QStringLiteral("not_found");
    case Outcome::BindFailed:
        return QStringLiteral("failed");
    case Outcome::Error:
        return QStringLiteral("error");
    }
    return QStringLiteral("error");
}

void TestSend::start()
{
    m_result = Result();
    m_result.recipient.input = m_who;
    if (!m_graph || !m_bot || !m_activities) {
        finish(Outcome::Error, tr("Not connected: sign in with a profile that has a bot secret."));
        return;
    }
    if (m_who.isEmpty()) {
        finish(Outcome::NotFound, tr("No test recipient: give a user principal name or object id."));
        return;
    }
    // A create-conversation names the tenant by its GUID: the Graph token knows it.
    if (!m_bot->hasTenantLookup())
        m_bot->setTenantLookup(m_graph->tokenProvider());
    directory::RecipientSource source;
    source.users << m_who;
    auto *feed = new install::ResolverRecipientFeed(m_graph, source, this);
    m_feed = feed;
    connect(feed, &install::RecipientFeed::chunk, this, [this](const RecipientList &list) {
        if (!list.isEmpty() && !m_job && !m_done)
            send(list.first());
    });
    connect(feed, &install::RecipientFeed::problem, this, &TestSend::problem);
    connect(feed, &install::RecipientFeed::finished, this, [this](const GraphError &error) {
        if (m_job || m_done)
            return;
        if (error.isError())
            finish(Outcome::Error, error.toString(), error);
        else
            finish(Outcome::NotFound, tr("%1 is not a user of this tenant.").arg(m_who));
    });
    feed->start();
    feed->fetchMore(1);
}

void TestSend::send(const Recipient &recipient)
{
    m_result.recipient = recipient;
    if (recipient.id.isEmpty() || recipient.installState == InstallState::NotFound) {
        finish(Outcome::NotFound, recipient.detail);
        return;
    }
    message::RecipientData data = message::RecipientData::fromRecipient(recipient);
    data.merge(message::RecipientData(m_extra), message::RecipientData::Conflict::KeepMine);
    const BoundActivity bound = m_activities->bind(data.fields());
    if (!bound.ok()) {
        finish(Outcome::BindFailed, bound.error);
        return;
    }
    qCInfo(lcCampaign) << "test send to" << recipient.id << "(not journaled)";
    emit sending(recipient);
    bot::BotSendJob *job = m_bot->send(bot::BotTarget::user(recipient.id), bound.json);
    m_job = job;
    connect(job, &graph::Job::finished, this, [this, job]() {
        const bot::BotSendResult &sent = job->result();
        if (!job->succeeded() && job->error().kind != GraphError::Kind::Cancelled && sent.detail.isEmpty()) {
            finish(Outcome::Error, job->error().toString(), job->error());
            return;
        }
        m_result.conversationId = sent.conversationId;
        // A Bot auth failure has an outcome to show and an error to report.
        const GraphError error = job->error().kind == GraphError::Kind::Auth ? job->error() : GraphError();
        switch (sent.outcome) {
        case bot::BotSendResult::Outcome::Sent:
            finish(Outcome::Sent, sent.detail, error);
            break;
        case bot::BotSendResult::Outcome::BlockedByUser:
            finish(Outcome::BlockedByUser, sent.detail, error);
            break;
        case bot::BotSendResult::Outcome::NotInstalled:
            finish(Outcome::NotInstalled, sent.detail, error);
            break;
        case bot::BotSendResult::Outcome::Failed:
            finish(Outcome::Failed, sent.detail, error);
            break;
        case bot::BotSendResult::Outcome::Unconfirmed:
            finish(Outcome::Unconfirmed, sent.detail, error);
            break;
        }
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

void TestSend::finish(Outcome outcome, const QString &detail, const GraphError &error)
{
    if (m_done)
        return;
    m_done = true;
    m_result.outcome = outcome;
    m_result.detail = detail;
    m_result.error = error;
    emit finished(m_result);
}

} // namespace herald::campaign
