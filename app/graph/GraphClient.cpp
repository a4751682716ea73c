#include "graph/GraphClient.h"

#include "auth/TokenProvider.h"
#include "graph/BatchScheduler.h"
#include "graph/Endpoints.h"
#include "graph/GraphPager.h"
#include "graph/GraphRequestJob.h"
#include "graph/Logging.h"
#include "graph/RatePlanner.h"

namespace herald::graph {

GraphClient::GraphClient(QNetworkAccessManager *network, const QUrl &baseUrl, auth::TokenProvider *tokens,
                         RatePlanner *planner, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_tokens(tokens)
    , m_planner(planner)
{
    m_configError = checkServiceUrl(baseUrl, tr("Graph URL"));
    if (!m_configError.isError())
        m_apiRoot = graphApiRoot(baseUrl);
    else
        qCWarning(lcGraph).noquote() << m_configError.toString();
}

GraphClient::~GraphClient()
{
    cancelAll();
}

double GraphClient::timeScale() const
{
    return m_planner ? m_planner->timeScale() : 1.0;
}

void GraphClient::setMaxInFlight(int count)
{
    m_maxInFlight = std::max(0, count);
    grantSlots();
}

QUrl GraphClient::resolve(const QString &url, GraphError *error) const
{
    *error = {};
    if (m_configError.isError()) {
        *error = m_configError;
        return {};
    }
    if (url.contains(QLatin1String("://"))) {
        // Absolute (a nextLink): taken verbatim, but only on our own origin --
        // the bearer token must not travel to another host or scheme.
        const QUrl absolute = QUrl::fromEncoded(url.toUtf8());
        if (!absolute.isValid() || !isSameOrigin(absolute, m_apiRoot)) {
            *error = GraphError::make(GraphError::Kind::Protocol,
                                      tr("Refused to follow a link to %1: it is not on %2, and the access "
                                         "token must not be sent elsewhere.")
                                          .arg(absolute.toDisplayString(QUrl::RemoveQuery),
                                               m_apiRoot.toDisplayString(QUrl::RemovePath)),
                                      absolute);
            return {};
        }
        return absolute;
    }
    QString relative = url;
    while (relative.startsWith(QLatin1Char('/')))
        relative.remove(0, 1);
    const QUrl resolved = QUrl::fromEncoded(m_apiRoot.toEncoded() + '/' + relative.toUtf8());
    if (!resolved.isValid()) {
        *error = GraphError::make(GraphError::Kind::Config, tr("Invalid request URL \"%1\".").arg(url));
        return {};
    }
    return resolved;
}

void GraphClient::track(Job *job)
{
    m_jobs.insert(job);
    connect(job, &Job::finished, this, [this, job] { m_jobs.remove(job); });
    connect(job, &QObject::destroyed, this, [this, job] { m_jobs.remove(job); });
}

GraphRequestJob *GraphClient::send(const GraphRequest &request)
{
    auto *job = new GraphRequestJob(this, request);
    track(job);
    return job;
}

GraphPager *GraphClient::pager(const GraphRequest &firstPage)
{
    auto *job = new GraphPager(this, firstPage);
    track(job);
    return job;
}

BatchScheduler *GraphClient::batch()
{
    auto *job = new BatchScheduler(this);
    track(job);
    return job;
}

void GraphClient::cancelAll()
{
    // No slot may be handed out while we cancel: a job aborted now frees its
    // slot, and the next queued job must not use it to send a request.
    m_cancelling = true;
    m_slotQueue.clear();
    // Higher-level jobs (pagers, batches) abort their own requests; a copy,
    // because aborting removes jobs from the set.
    QList<QPointer<Job>> jobs;
    for (Job *job : std::as_const(m_jobs))
        jobs.append(job);
    for (const auto &job : jobs) {
        if (job && !qobject_cast<GraphRequestJob *>(job.data()))
            job->abort();
    }
    for (const auto &job : jobs) {
        if (job)
            job->abort();
    }
    m_slotQueue.clear();
    m_cancelling = false;
}

void GraphClient::requestSlot(GraphRequestJob *job)
{
    m_slotQueue.emplace_back(job);
    grantSlots();
}

void GraphClient::withdrawSlotRequest(GraphRequestJob *job)
{
    for (auto &queued : m_slotQueue) {
        if (queued == job)
            queued = nullptr;
    }
}

void GraphClient::releaseSlot()
{
    if (m_inFlight > 0)
        --m_inFlight;
    grantSlots();
}

void GraphClient::grantSlots()
{
    if (m_cancelling)
        return;
    while (!m_slotQueue.empty() && (m_maxInFlight == 0 || m_inFlight < m_maxInFlight)) {
        QPointer<GraphRequestJob> job = m_slotQueue.front();
        m_slotQueue.pop_front();
        if (!job || job->isFinished())
            continue;
        ++m_inFlight;
        job->onSlotGranted();
    }
}

} // namespace herald::graph
