#pragma once

// GraphPager: follows @odata.nextLink verbatim until it is absent, emitting
// each page's `value` array as it arrives -- nothing is accumulated, so
// 100,000 users stream through in pages of up to 999. A nextLink to another
// origin ends the job with a Protocol error (the token stays home); a page
// without a `value` array is a Parse error naming the URL.

#include "graph/GraphRequest.h"
#include "graph/Job.h"

#include <QJsonArray>
#include <QPointer>

namespace herald::graph {

class GraphClient;
class GraphRequestJob;

class GraphPager : public Job
{
    Q_OBJECT

signals:
    void page(const QJsonArray &items);

public:
    ~GraphPager() override;

    int pageCount() const { return m_pages; }
    qint64 itemCount() const { return m_items; }
    // @odata.count of the first page, when $count=true was asked for; else -1.
    qint64 totalCount() const { return m_totalCount; }

private:
    friend class GraphClient;
    GraphPager(GraphClient *client, const GraphRequest &firstPage);

    void doStart() override;
    void doAbort() override;
    void fetch(const GraphRequest &request);
    void onPageFinished();

    QPointer<GraphClient> m_client;
    GraphRequest m_first;
    QPointer<GraphRequestJob> m_job;
    int m_pages = 0;
    qint64 m_items = 0;
    qint64 m_totalCount = -1;
};

} // namespace herald::graph
