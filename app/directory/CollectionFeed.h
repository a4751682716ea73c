#pragma once

// CollectionFeed: a paged directory listing (a group's transitive user
// members, every user of the tenant) read one page at a time, and only when
// the consumer wants more -- so at most one page (≤ 999 users) waits in
// memory, whatever the size of the tenant.
//
// GraphPager fetches the next page as soon as one arrives; this feed needs
// the opposite (a page only on demand), so it follows @odata.nextLink itself,
// verbatim, one GraphClient::send() per page. The client refuses a nextLink to
// another origin, as for the pager.

#include "directory/ResolveFeed.h"
#include "graph/GraphResponse.h"

#include <QPointer>

namespace herald::graph {
class GraphClient;
class GraphRequestJob;
} // namespace herald::graph

namespace herald::directory {

class CollectionFeed : public ResolveFeed
{
    Q_OBJECT

signals:
    // The first page answered 404 (see setMissingAllowed); `message` is the service's.
    void missing(const QString &message);
    // Once, from the first page: its @odata.count, or -1 without one.
    void countKnown(qint64 count);

public:
    CollectionFeed(graph::GraphClient *client, const QString &firstPageUrl, const graph::HeaderList &headers,
                   QObject *parent = nullptr);
    ~CollectionFeed() override;

    // A 404 on the first page (the group does not exist) is then not fatal:
    // missing(), no recipients, and the resolve goes on.
    void setMissingAllowed(bool allowed) { m_missingAllowed = allowed; }

    void setWanted(int count) override;
    int pagesFetched() const { return m_pages; }

private:
    void doStart() override;
    void doAbort() override;
    void fetchNext();
    void onPage();

    QPointer<graph::GraphClient> m_client;
    QPointer<graph::GraphRequestJob> m_job;
    QString m_next; // the first page, then each @odata.nextLink
    graph::HeaderList m_headers; // every page, not only the first
    bool m_missingAllowed = false;
    int m_wanted = 0;
    int m_pages = 0;
};

} // namespace herald::directory
