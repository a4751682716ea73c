#include "graph/GraphPager.h"

#include "graph/GraphClient.h"
#include "graph/GraphRequestJob.h"

#include <QJsonObject>

namespace herald::graph {

GraphPager::GraphPager(GraphClient *client, const GraphRequest &firstPage)
    : Job(client)
    , m_client(client)
    , m_first(firstPage)
{
}

GraphPager::~GraphPager()
{
    if (!isFinished())
        doAbort();
}

void GraphPager::doStart()
{
    fetch(m_first);
}

void GraphPager::fetch(const GraphRequest &request)
{
    if (!m_client) {
        finishWithError(GraphError::make(GraphError::Kind::Cancelled, tr("The Graph client is gone.")));
        return;
    }
    m_job = m_client->send(request);
    connect(m_job, &Job::finished, this, &GraphPager::onPageFinished);
    m_job->start();
}

void GraphPager::onPageFinished()
{
    GraphRequestJob *job = m_job;
    m_job = nullptr;
    if (!job->succeeded()) {
        finishWithError(job->error());
        return;
    }
    const QJsonObject body = job->response().object();
    const QJsonValue value = body.value(QStringLiteral("value"));
    if (!value.isArray()) {
        GraphError error = GraphError::make(
            GraphError::Kind::Parse,
            tr("The page from %1 has no \"value\" array.").arg(job->url().toDisplayString(QUrl::RemoveQuery)),
            job->url());
        error.method = job->request().method;
        error.requestId = job->response().requestId();
        finishWithError(error);
        return;
    }
    if (m_pages == 0 && body.contains(QStringLiteral("@odata.count")))
        m_totalCount = qint64(body.value(QStringLiteral("@odata.count")).toDouble());
    const QJsonArray items = value.toArray();
    ++m_pages;
    m_items += items.size();
    const QString nextLink = body.value(QStringLiteral("@odata.nextLink")).toString();

    emit page(items);
    if (isFinished())
        return; // aborted from a page() handler

    if (nextLink.isEmpty()) {
        finishOk();
        return;
    }
    // The same headers (ConsistencyLevel, ...) apply to every page; the link
    // carries the query, so it is used exactly as given.
    GraphRequest next = m_first;
    next.method = "GET";
    next.url = nextLink;
    next.body = QJsonValue::Undefined;
    fetch(next);
}

void GraphPager::doAbort()
{
    if (m_job) {
        GraphRequestJob *job = m_job;
        m_job = nullptr;
        disconnect(job, nullptr, this, nullptr);
        job->abort();
    }
}

} // namespace herald::graph
