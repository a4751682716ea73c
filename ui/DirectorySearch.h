#pragma once

#include "directory/Recipient.h"
#include "graph/GraphClient.h"
#include "graph/GraphError.h"
#include "graph/GraphRequestJob.h"

#include <QObject>
#include <QPointer>

namespace herald {
class DirectoryResultModel;
}
namespace herald::graph {
class GraphClient;
class GraphRequestJob;
} // namespace herald::graph

namespace herald::ui {

// Fills a DirectoryResultModel from the directory: the queries are
// app/directory's (users and groups by $search, teams by name prefix), one
// page per request; the model's fetchMore (the view scrolled to the end)
// asks for the next page. A new search cancels the running one, so late
// answers for an old term never overwrite newer results.
class DirectorySearch : public QObject
{
    Q_OBJECT

signals:
    void started(const QString &term);
    void pageArrived(int itemCount);
    void failed(const QString &message);

public:
    enum class Kind { Users, Groups, Teams };

    DirectorySearch(Kind kind, DirectoryResultModel *model, QObject *parent = nullptr);
    ~DirectorySearch() override;

    void setClient(graph::GraphClient *client) { m_client = client; }
    // Starts a new search; an empty term for teams lists them all, for
    // users and groups clears the results.
    void search(const QString &term);
    void fetchNextPage();
    void cancel();

    Kind kind() const { return m_kind; }
    QString term() const { return m_term; }
    bool isBusy() const { return m_job; }
    int requestCount() const { return m_requests; } // pages included
    int searchCount() const { return m_searches; } // first pages only
    qint64 totalCount() const { return m_total; } // @odata.count, -1 when not given

    // The full recipient of a user result (id, names, mail).
    Recipient recipientAt(int row) const;

    static constexpr int kPageSize = 25;

private:
    void request(const QString &url, bool firstPage);
    void onAnswer(bool firstPage);

    Kind m_kind;
    DirectoryResultModel *m_model;
    QPointer<graph::GraphClient> m_client;
    QPointer<graph::GraphRequestJob> m_job;
    QString m_term;
    QString m_nextLink;
    qint64 m_total = -1;
    int m_requests = 0;
    int m_searches = 0;
};

} // namespace herald::ui
