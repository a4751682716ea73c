#include "directory/CollectionFeed.h"

#include "directory/DirectoryQueries.h"
#include "graph/GraphClient.h"
#include "graph/GraphRequestJob.h"

#include <QJsonArray>

namespace herald::directory {

CollectionFeed::CollectionFeed(graph::GraphClient *client, const QString &firstPageUrl,
                               const graph::HeaderList &headers, QObject *parent)
    : ResolveFeed(parent)
    , m_client(client)
    , m_next(firstPageUrl)
    , m_headers(headers)
{
}

CollectionFeed::~CollectionFeed()
{
    if (!isFinished())
        doAbort();
}

void CollectionFeed::doStart()
{
    if (m_wanted > 0)
        fetchNext();
}

void CollectionFeed::setWanted(int count)
{
    m_wanted = std::max(0, count);
    if (isStarted() && !isFinished() && !m_job && m_wanted > 0)
        fetchNext();
}

void CollectionFeed::fetchNext()
{
    if (!m_client) {
        finishWithError(
            graph::GraphError::make(graph::GraphError::Kind::Cancelled, tr("The Graph client is gone.")));
        return;
    }
    m_job = m_client->send(graph::GraphRequest::get(m_next, m_headers));
    connect(m_job, &graph::Job::finished, this, &CollectionFeed::onPage);
    m_job->start();
}

void CollectionFeed::onPage()
{
    graph::GraphRequestJob *job = m_job;
    m_job = nullptr;
    if (!job->succeeded()) {
        const graph::GraphError &error = job->error();
        if (m_pages == 0 && error.httpStatus == 404 && m_missingAllowed) {
            emit countKnown(0);
            emit missing(error.message);
            if (!isFinished())
                finishOk();
            return;
        }
        finishWithError(error);
        return;
    }
    const QJsonObject body = job->response().object();
    const QJsonValue value = body.value(QLatin1StringView("value"));
    if (!value.isArray()) {
        graph::GraphError error = graph::GraphError::make(
            graph::GraphError::Kind::Parse,
            tr("The page from %1 has no \"value\" array.").arg(job->url().toDisplayString(QUrl::RemoveQuery)),
            job->url());
        error.requestId = job->response().requestId();
        finishWithError(error);
        return;
    }
    if (m_pages++ == 0) {
        const QJsonValue count = body.value(QLatin1StringView("@odata.count"));
        emit countKnown(count.isDouble() ? qint64(count.toDouble()) : -1);
        if (isFinished())
            return;
    }
    m_next = body.value(QLatin1StringView("@odata.nextLink")).toString();

    RecipientList recipients;
    const QJsonArray items = value.toArray();
    recipients.reserve(items.size());
    for (const QJsonValue &item : items) {
        const QJsonObject object = item.toObject();
        // The microsoft.graph.user cast already leaves only users; a listing
        // without it would also hold groups and devices.
        const QString type = object.value(QLatin1StringView("@odata.type")).toString();
        if (!type.isEmpty() && type != QLatin1StringView("#microsoft.graph.user"))
            continue;
        recipients.append(query::userFromListing(object));
    }
    m_wanted = std::max(0, m_wanted - int(recipients.size()));
    if (!recipients.isEmpty()) {
        emit delivered(recipients);
        if (isFinished())
            return;
    }
    if (m_next.isEmpty()) {
        finishOk();
        return;
    }
    if (m_wanted > 0)
        fetchNext();
}

void CollectionFeed::doAbort()
{
    if (m_job) {
        graph::GraphRequestJob *job = m_job;
        m_job = nullptr;
        disconnect(job, nullptr, this, nullptr);
        job->abort();
    }
}

} // namespace herald::directory
