#pragma once

// GraphRequestJob: one Graph request with the client's policy (see
// GraphClient). Attempts: wait for a concurrency slot, get a token, wait for
// the rate planner, send; then succeed, refresh the token once on 401,
// retry on 429/503/504 after Retry-After (or backoff), or fail with a typed
// error. On success response() holds status, headers and parsed JSON.

#include "graph/GraphRequest.h"
#include "graph/GraphResponse.h"
#include "graph/Job.h"

#include <QPointer>
#include <QTimer>

class QNetworkReply;

namespace herald::auth {
class TokenJob;
}

namespace herald::graph {

class GraphClient;

class GraphRequestJob : public Job
{
    Q_OBJECT

public:
    ~GraphRequestJob() override;

    const GraphRequest &request() const { return m_request; }
    const GraphResponse &response() const { return m_response; }
    QUrl url() const { return m_url; }
    int attempts() const { return m_attempt; }

private:
    friend class GraphClient;
    GraphRequestJob(GraphClient *client, const GraphRequest &request);

    void doStart() override;
    void doAbort() override;

    void beginAttempt();
    void onSlotGranted();
    void onToken();
    void waitForPlanner();
    void sendNow();
    void onReplyFinished();
    void retryLater(qint64 serviceDelayMs);
    void fail(GraphError error);
    void releaseSlot();

    QPointer<GraphClient> m_client;
    GraphRequest m_request;
    GraphResponse m_response;
    QUrl m_url;
    QStringList m_rateKeys;
    QPointer<auth::TokenJob> m_tokenJob;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timer;
    QString m_token;
    QByteArray m_clientRequestId;
    HeaderList m_logHeaders;
    QByteArray m_logBody;
    qint64 m_sentAtMs = 0;
    int m_attempt = 0; // every attempt, for the log
    int m_retryableAttempts = 0; // attempts counted against maxAttempts
    int m_maxAttempts = 5;
    bool m_refreshedToken = false;
    bool m_waitingForSlot = false;
    bool m_hasSlot = false;
};

} // namespace herald::graph
