#include "install/RecipientPipeline.h"

#include "auth/TokenProvider.h"
#include "graph/GraphClient.h"
#include "install/Logging.h"
#include "install/RecipientFeed.h"

#include <QJsonArray>

namespace herald::install {

using graph::BatchResult;
using graph::GraphError;

RecipientPipeline::RecipientPipeline(graph::GraphClient *client, RecipientFeed *feed,
                                     const QString &teamsAppId, QObject *parent)
    : Job(parent)
    , m_client(client)
    , m_feed(feed)
    , m_appId(teamsAppId)
{
    qRegisterMetaType<herald::install::RecipientResult>();
    if (m_feed) {
        m_feed->setParent(this);
        connect(m_feed, &RecipientFeed::chunk, this, &RecipientPipeline::onChunk);
        connect(m_feed, &RecipientFeed::problem, this, &RecipientPipeline::problem);
        connect(m_feed, &RecipientFeed::finished, this, &RecipientPipeline::onFeedFinished);
        connect(m_feed, &RecipientFeed::totalKnown, this, [this](qint64 total) {
            m_total = total;
            emit totalKnown(total);
        });
    }
}

graph::GraphClient *RecipientPipeline::client() const
{
    return m_client;
}

RecipientPipeline::~RecipientPipeline()
{
    if (!isFinished())
        stopAll();
}

void RecipientPipeline::doStart()
{
    if (!m_client || !m_feed) {
        finishWithError(GraphError::make(GraphError::Kind::Config, tr("No Graph client or no recipients.")));
        return;
    }
    if (m_appId.isEmpty()) {
        finishWithError(GraphError::make(GraphError::Kind::Config, tr("No Teams app id was given.")));
        return;
    }
    const GraphError refused = preflight();
    if (refused.isError()) {
        finishWithError(refused);
        return;
    }
    // Get the token before the first batch is paced: requests admitted by
    // the planner while a token fetch is pending would all leave together
    // when it arrives, a burst the service answers with 429.
    auth::TokenProvider *tokens = m_client->tokenProvider();
    if (tokens && !tokens->hasValidToken()) {
        auth::TokenJob *job = tokens->requestToken();
        m_tokenJob = job;
        connect(job, &graph::Job::finished, this, [this, job] {
            if (!job->succeeded()) {
                stopAll();
                finishWithError(job->error());
                return;
            }
            startScheduler();
        });
        job->start();
        return;
    }
    startScheduler();
}

void RecipientPipeline::startScheduler()
{
    m_scheduler = m_client->batch();
    connect(m_scheduler, &graph::BatchScheduler::wantMore, this, &RecipientPipeline::onWantMore);
    connect(m_scheduler, &graph::BatchScheduler::resultReady, this, &RecipientPipeline::onResult);
    connect(m_scheduler, &graph::Job::finished, this, &RecipientPipeline::onSchedulerFinished);
    m_feed->start();
    m_scheduler->start();
}

void RecipientPipeline::doAbort()
{
    stopAll();
}

void RecipientPipeline::stopAll()
{
    if (m_tokenJob) {
        disconnect(m_tokenJob, nullptr, this, nullptr);
        m_tokenJob->abort();
    }
    if (m_feed) {
        disconnect(m_feed, nullptr, this, nullptr);
        m_feed->abort();
    }
    if (m_scheduler) {
        disconnect(m_scheduler, nullptr, this, nullptr);
        if (!m_scheduler->isFinished())
            m_scheduler->abort();
    }
    m_entries.clear();
}

void RecipientPipeline::onWantMore(int count)
{
    m_lastWant = std::max(count, 1);
    if (m_feedDone || m_fetchPending)
        return;
    m_fetchPending = true;
    m_feed->fetchMore(count);
}

void RecipientPipeline::onChunk(const RecipientList &recipients)
{
    m_fetchPending = false;
    const int before = m_requests;
    for (const Recipient &recipient : recipients) {
        if (isFinished())
            return;
        if (recipient.id.isEmpty() || recipient.installState == InstallState::NotFound) {
            emitResult(notFound(recipient));
            continue;
        }
        const quint64 key = m_nextKey++;
        Entry &entry = m_entries[key];
        entry.key = key;
        entry.recipient = recipient;
        begin(entry);
    }
    // Nothing reached the scheduler (all unknown, all cached): it will not
    // pump again by itself, so ask the feed directly.
    if (!isFinished() && m_requests == before && !m_feedDone) {
        m_fetchPending = true;
        m_feed->fetchMore(std::max(m_lastWant, int(recipients.size())));
    }
}

void RecipientPipeline::onFeedFinished(const GraphError &error)
{
    m_feedDone = true;
    m_fetchPending = false;
    if (error.isError() && error.kind != GraphError::Kind::Cancelled) {
        // What is already in flight still completes; then the run reports the error.
        qCWarning(lcInstall) << "recipient input ended with an error:" << error.toString();
        m_feedError = error;
    }
    maybeCloseInput();
}

void RecipientPipeline::onResult(const BatchResult &result)
{
    bool ok = false;
    const quint64 key = result.id.toULongLong(&ok);
    const auto it = ok ? m_entries.find(key) : m_entries.end();
    if (it == m_entries.end()) {
        qCWarning(lcInstall) << "an answer for an unknown recipient entry" << result.id;
        return;
    }
    advance(it->second, result);
}

void RecipientPipeline::onSchedulerFinished()
{
    graph::BatchScheduler *scheduler = m_scheduler;
    if (!scheduler || isFinished())
        return;
    if (!scheduler->succeeded()) {
        const GraphError error = scheduler->error();
        stopAll();
        finishWithError(error);
        return;
    }
    if (!m_entries.empty()) {
        qCWarning(lcInstall) << m_entries.size() << "recipients got no answer";
        auto entries = std::move(m_entries);
        m_entries.clear();
        for (auto &[key, entry] : entries) {
            Q_UNUSED(key)
            RecipientResult result;
            result.recipient = entry.recipient;
            result.outcome = Outcome::Failed;
            result.detail = tr("No answer came for this recipient.");
            emitResult(result);
            if (isFinished())
                return;
        }
    }
    emit progress(m_done, m_total);
    if (m_feedError.isError())
        finishWithError(m_feedError);
    else
        finishOk();
}

void RecipientPipeline::maybeCloseInput()
{
    if (m_feedDone && m_entries.empty() && !m_inputClosed && m_scheduler && !isFinished()) {
        m_inputClosed = true;
        m_scheduler->closeInput();
    }
}

void RecipientPipeline::send(Entry &entry, graph::BatchItem item)
{
    item.id = QString::number(entry.key);
    ++m_requests;
    m_scheduler->append(item);
}

void RecipientPipeline::complete(Entry &entry, Outcome outcome, const QString &detail, int httpStatus)
{
    RecipientResult result;
    result.outcome = outcome;
    result.detail = detail;
    result.httpStatus = httpStatus;
    completeWith(entry, std::move(result));
}

void RecipientPipeline::completeWith(Entry &entry, RecipientResult result)
{
    result.recipient = std::move(entry.recipient);
    if (result.installationId.isEmpty())
        result.installationId = entry.installationId;
    m_entries.erase(entry.key);
    emitResult(result);
    maybeCloseInput();
}

void RecipientPipeline::emitResult(const RecipientResult &result)
{
    ++m_done;
    emit resultReady(result);
    if (!isFinished())
        emit progress(m_done, m_total);
}

RecipientResult RecipientPipeline::notFound(const Recipient &recipient) const
{
    RecipientResult result;
    result.recipient = recipient;
    result.outcome = Outcome::NotFound;
    result.detail = recipient.detail.isEmpty() ? tr("Not found in the directory.") : recipient.detail;
    return result;
}

bool RecipientPipeline::stopOnPermissionError(const Entry &entry, const BatchResult &result)
{
    if (result.status != 403)
        return false;
    const QString message = result.error.message;
    const bool missingRole
        = result.error.code.compare(QLatin1String("Authorization_RequestDenied"), Qt::CaseInsensitive) == 0
        || message.contains(QLatin1String("Missing role permissions"), Qt::CaseInsensitive)
        || message.contains(QLatin1String("Insufficient privileges"), Qt::CaseInsensitive);
    if (!missingRole)
        return false;
    GraphError error = result.error;
    error.kind = GraphError::Kind::Auth;
    error.hint = tr("The app lacks the application permission %1: grant it in Entra ID (API permissions, "
                    "Microsoft Graph, Application) and give admin consent.")
                     .arg(permissionFor(entry));
    stopAll();
    finishWithError(error);
    return true;
}

QString RecipientPipeline::detailOf(const BatchResult &result)
{
    const GraphError &error = result.error;
    if (!error.isError())
        return {};
    if (error.kind == GraphError::Kind::Http && !error.message.isEmpty())
        return error.code.isEmpty() ? error.message : error.code + QStringLiteral(": ") + error.message;
    return error.toString();
}

bool RecipientPipeline::hasInstallation(const BatchResult &result, QString *installationId)
{
    const QJsonArray value = result.body.toObject().value(QLatin1String("value")).toArray();
    if (value.isEmpty())
        return false;
    if (installationId)
        *installationId = value.first().toObject().value(QLatin1String("id")).toString();
    return true;
}

} // namespace herald::install
