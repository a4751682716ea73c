#include "DirectorySearch.h"

#include "DirectoryResultModel.h"
#include "directory/DirectoryQueries.h"
#include "graph/GraphClient.h"
#include "graph/GraphRequestJob.h"

#include <QJsonArray>

namespace herald::ui {

namespace query = directory::query;

DirectorySearch::DirectorySearch(Kind kind, DirectoryResultModel *model, QObject *parent)
    : QObject(parent)
    , m_kind(kind)
    , m_model(model)
{
    connect(model, &DirectoryResultModel::moreRequested, this, &DirectorySearch::fetchNextPage);
}

DirectorySearch::~DirectorySearch()
{
    cancel();
}

void DirectorySearch::cancel()
{
    if (m_job)
        m_job->abort();
}

void DirectorySearch::search(const QString &term)
{
    cancel();
    m_term = term.simplified();
    m_nextLink.clear();
    m_total = -1;
    if (m_term.isEmpty() && m_kind != Kind::Teams) {
        m_model->setPlaceholder({});
        m_model->clear();
        return;
    }
    if (!m_client) {
        emit failed(tr("Not signed in: open a profile first."));
        return;
    }
    switch (m_kind) {
    case Kind::Users:
        request(query::searchUsers(m_term, kPageSize), true);
        break;
    case Kind::Groups:
        request(query::searchGroups(m_term, kPageSize), true);
        break;
    case Kind::Teams:
        request(query::teamsByPrefix(m_term, kPageSize), true);
        break;
    }
}

void DirectorySearch::fetchNextPage()
{
    if (m_job || m_nextLink.isEmpty() || !m_client)
        return;
    request(m_nextLink, false);
}

void DirectorySearch::request(const QString &url, bool firstPage)
{
    // $search and $count are advanced queries; the teams prefix filter is not.
    const graph::HeaderList headers = m_kind == Kind::Teams ? graph::HeaderList{} : query::countHeaders();
    m_job = m_client->send(graph::GraphRequest::get(url, headers));
    ++m_requests;
    m_searches += firstPage ? 1 : 0;
    connect(m_job, &graph::Job::finished, this, [this, firstPage] { onAnswer(firstPage); });
    if (firstPage)
        emit started(m_term);
    m_job->start();
}

void DirectorySearch::onAnswer(bool firstPage)
{
    graph::GraphRequestJob *job = m_job;
    m_job = nullptr;
    if (!job || !job->succeeded()) {
        if (job && job->error().kind != graph::GraphError::Kind::Cancelled) {
            m_nextLink.clear();
            m_model->append({}, false);
            emit failed(job->error().toString());
        }
        return;
    }
    const QJsonObject body = job->response().object();
    m_nextLink = body.value(QLatin1String("@odata.nextLink")).toString();
    if (body.contains(QLatin1String("@odata.count")))
        m_total = qint64(body.value(QLatin1String("@odata.count")).toDouble());
    QList<DirectoryItem> items;
    const QJsonArray values = body.value(QLatin1String("value")).toArray();
    items.reserve(values.size());
    for (const QJsonValue &value : values) {
        const QJsonObject object = value.toObject();
        DirectoryItem item;
        if (m_kind == Kind::Users) {
            const Recipient user = query::userFromListing(object);
            item.id = user.id;
            item.title = user.bestName();
            item.subtitle = user.userPrincipalName;
            item.mail = user.mail;
        } else {
            item.id = object.value(QLatin1String("id")).toString();
            item.title = object.value(QLatin1String("displayName")).toString();
            item.subtitle = object.value(QLatin1String("description")).toString();
        }
        if (!item.id.isEmpty())
            items.append(item);
    }
    const bool more = !m_nextLink.isEmpty();
    if (firstPage) {
        m_model->setPlaceholder(m_kind == Kind::Users ? tr("No one matches “%1”.").arg(m_term)
                                                      : tr("Nothing matches “%1”.").arg(m_term));
        m_model->reset(items, more);
    } else {
        m_model->append(items, more);
    }
    emit pageArrived(int(items.size()));
}

Recipient DirectorySearch::recipientAt(int row) const
{
    const DirectoryItem item = m_model->item(row);
    Recipient recipient;
    recipient.id = item.id;
    recipient.input = item.id;
    recipient.inputKind = InputKind::ObjectId;
    recipient.displayName = item.title;
    if (m_kind == Kind::Users) {
        recipient.kind = RecipientKind::User;
        recipient.userPrincipalName = item.subtitle;
        recipient.mail = item.mail;
        recipient.input = item.subtitle.isEmpty() ? item.id : item.subtitle;
        recipient.inputKind = item.subtitle.isEmpty() ? InputKind::ObjectId : InputKind::UserPrincipalName;
    } else {
        recipient.kind = RecipientKind::Team;
    }
    return recipient;
}

} // namespace herald::ui
