#include "campaign/RecipientIntake.h"

#include "campaign/CampaignLogging.h"
#include "campaign/QueueRecipientFeed.h"
#include "graph/GraphClient.h"
#include "graph/GraphRequestJob.h"
#include "graph/OData.h"
#include "install/ChatIdCache.h"
#include "install/InstallRunner.h"
#include "install/RecipientFeed.h"
#include "message/RecipientData.h"

#include <QJsonObject>

namespace herald::campaign {

using graph::GraphError;
using install::Outcome;

DirectoryIntake::DirectoryIntake(graph::GraphClient *client, install::RecipientFeed *feed,
                                 std::unique_ptr<install::ChatIdCache> cache, const Options &options,
                                 QObject *parent)
    : RecipientIntake(parent)
    , m_client(client)
    , m_feed(feed)
    , m_cache(std::move(cache))
    , m_options(options)
{
    m_feed->setParent(this);
    connect(m_feed, &install::RecipientFeed::chunk, this, &DirectoryIntake::onChunk);
    connect(m_feed, &install::RecipientFeed::problem, this, &RecipientIntake::problem);
    connect(m_feed, &install::RecipientFeed::totalKnown, this, &RecipientIntake::totalKnown);
    connect(m_feed, &install::RecipientFeed::finished, this, &DirectoryIntake::onFeedFinished);
}

DirectoryIntake::~DirectoryIntake()
{
    if (m_cache)
        m_cache->flush();
}

void DirectoryIntake::start()
{
    if (m_options.installMissing) {
        m_installQueue = new QueueRecipientFeed;
        connect(m_installQueue, &QueueRecipientFeed::hungry, this, &DirectoryIntake::pull);
        install::TeamsApp app;
        app.id = m_options.teamsAppId;
        auto *runner = new install::InstallRunner(m_client, m_installQueue, app,
                                                  install::InstallRunner::Operation::Install, this);
        runner->setCloud(m_options.cloud);
        runner->setAutoDelete(false);
        m_installer = runner;
        m_installerDone = false;
        connect(runner, &install::RecipientPipeline::resultReady, this, &DirectoryIntake::onInstalled);
        connect(runner, &graph::Job::finished, this, [this, runner] {
            m_installerDone = true;
            if (!runner->succeeded() && runner->error().kind != GraphError::Kind::Cancelled
                && !m_feedError.isError())
                m_feedError = runner->error(); // e.g. the install permission is missing: stop, say why
            maybeFinish();
        });
        runner->start();
    }
    m_feed->start();
    pull();
}

void DirectoryIntake::fetchMore()
{
    pull();
}

void DirectoryIntake::pull()
{
    if (m_pulling || m_feedDone || m_finished)
        return;
    m_pulling = true;
    m_feed->fetchMore(m_options.chunk);
}

void DirectoryIntake::abort()
{
    if (m_finished)
        return;
    m_finished = true;
    disconnect(m_feed, nullptr, this, nullptr);
    m_feed->abort();
    if (m_installer) {
        disconnect(m_installer, nullptr, this, nullptr);
        m_installer->abort();
    }
    if (m_cache)
        m_cache->flush();
}

JournalRow DirectoryIntake::rowFor(const Recipient &recipient, JournalState state, const QString &detail)
{
    JournalRow row;
    row.key = JournalRow::keyFor(recipient);
    row.recipient = recipient.input.isEmpty() ? recipient.id : recipient.input;
    row.userId = recipient.id;
    row.kind = recipient.kind;
    row.displayName = recipient.bestName();
    row.data = message::RecipientData::fromRecipient(recipient).fields();
    row.state = state;
    row.lastError = detail;
    row.chatId = recipient.chatId;
    return row;
}

void DirectoryIntake::onChunk(const RecipientList &recipients)
{
    m_pulling = false;
    qCDebug(lcCampaign) << "intake: a chunk of" << recipients.size();
    QStringList keys;
    keys.reserve(recipients.size());
    for (const Recipient &r : recipients)
        keys << JournalRow::keyFor(r);
    const QSet<QString> known = m_known ? m_known(keys) : QSet<QString>();

    QStringList userIds;
    for (const Recipient &r : recipients) {
        if (!r.id.isEmpty() && r.kind == RecipientKind::User)
            userIds << r.id;
    }
    const QHash<QString, QString> chats = m_cache ? m_cache->lookup(userIds) : QHash<QString, QString>();

    JournalRows rows;
    RecipientList toInstall;
    for (Recipient r : recipients) {
        const QString key = JournalRow::keyFor(r);
        if (known.contains(key) || m_seen.contains(key))
            continue; // journaled by an earlier run, or given twice
        m_seen.insert(key);
        if (r.id.isEmpty() || r.installState == InstallState::NotFound) {
            rows << rowFor(r, JournalState::NotFound,
                           r.detail.isEmpty() ? tr("Not found in the directory.") : r.detail);
            continue;
        }
        if (r.kind == RecipientKind::Team) {
            if (!m_options.toChannel) {
                rows << rowFor(r, JournalState::Failed,
                               tr("A team gets the announcement as a channel post: add --to-channel."));
            } else if (m_options.installMissing) {
                toInstall << r;
            } else {
                lookUpChannel(r);
            }
            continue;
        }
        const QString chat = chats.value(r.id.toLower());
        if (!chat.isEmpty()) {
            ++m_cacheHits;
            r.chatId = chat;
            rows << rowFor(r, JournalState::Pending);
        } else if (m_options.installMissing) {
            toInstall << r;
        } else {
            rows << rowFor(r, JournalState::Pending);
        }
    }
    emitRows(std::move(rows));
    if (!toInstall.isEmpty())
        m_installQueue->push(toInstall);
    else if (m_installQueue && m_installQueue->wantsMore())
        pull(); // the installer is still hungry
    maybeFinish();
}

void DirectoryIntake::onInstalled(const install::RecipientResult &result)
{
    const Recipient &r = result.recipient;
    switch (result.outcome) {
    case Outcome::Installed:
    case Outcome::AlreadyInstalled:
        if (r.kind == RecipientKind::Team)
            lookUpChannel(r);
        else
            emitRows({rowFor(r, JournalState::Pending)});
        break;
    case Outcome::Blocked:
        emitRows({rowFor(r, JournalState::NotInstalled,
                         tr("Install refused (app permission policy): %1").arg(result.detail))});
        break;
    case Outcome::NotFound:
        emitRows({rowFor(r, JournalState::NotFound, result.detail)});
        break;
    default: {
        // The install failed; nothing was sent. A resume tries to deliver it.
        JournalRow row = rowFor(r, JournalState::Failed, tr("Install failed: %1").arg(result.detail));
        row.retryable = true;
        emitRows({row});
        break;
    }
    }
    maybeFinish();
}

void DirectoryIntake::lookUpChannel(const Recipient &team)
{
    ++m_channelLookups;
    graph::GraphRequestJob *job = m_client->send(graph::GraphRequest::get(
        QStringLiteral("teams/%1/primaryChannel?$select=id").arg(graph::odata::pathSegment(team.id))));
    connect(job, &graph::Job::finished, this, [this, job, team] {
        --m_channelLookups;
        if (m_finished)
            return;
        Recipient r = team;
        if (job->succeeded()) {
            r.chatId = job->response().json.toObject().value(QLatin1String("id")).toString();
            emitRows({rowFor(r, r.chatId.isEmpty() ? JournalState::Failed : JournalState::Pending,
                             r.chatId.isEmpty() ? tr("The team has no primary channel.") : QString())});
        } else if (job->error().httpStatus == 404) {
            emitRows({rowFor(r, JournalState::NotFound, job->error().toString())});
        } else {
            JournalRow row = rowFor(r, JournalState::Failed,
                                    tr("Cannot find the team's channel: %1").arg(job->error().toString()));
            row.retryable = true;
            emitRows({row});
        }
        maybeFinish();
    });
    job->start();
}

void DirectoryIntake::emitRows(JournalRows rows)
{
    if (!rows.isEmpty() && !m_finished)
        emit rowsReady(rows);
}

void DirectoryIntake::onFeedFinished(const GraphError &error)
{
    m_pulling = false;
    m_feedDone = true;
    if (error.isError() && error.kind != GraphError::Kind::Cancelled)
        m_feedError = error;
    if (m_installQueue)
        m_installQueue->close();
    maybeFinish();
}

void DirectoryIntake::maybeFinish()
{
    if (m_finished || !m_feedDone || !m_installerDone || m_channelLookups > 0)
        return;
    m_finished = true;
    if (m_cache)
        m_cache->flush();
    emit finished(m_feedError);
}

} // namespace herald::campaign
