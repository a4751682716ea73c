#include "graph/GraphRequestJob.h"

#include "auth/TokenProvider.h"
#include "graph/GraphClient.h"
#include "graph/HttpSupport.h"
#include "graph/JobAbort.h"
#include "graph/Logging.h"
#include "graph/RateCategories.h"
#include "graph/RatePlanner.h"
#include "graph/RequestLog.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUuid>

namespace herald::graph {

GraphRequestJob::GraphRequestJob(GraphClient *client, const GraphRequest &request)
    : Job(client)
    , m_client(client)
    , m_request(request)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
}

GraphRequestJob::~GraphRequestJob()
{
    if (!isFinished())
        doAbort();
}

void GraphRequestJob::doStart()
{
    if (!m_client) {
        fail(GraphError::make(GraphError::Kind::Cancelled, tr("The Graph client is gone.")));
        return;
    }
    GraphError error;
    m_url = m_client->resolve(m_request.url, &error);
    if (error.isError()) {
        error.method = m_request.method;
        fail(error);
        return;
    }
    m_rateKeys = m_request.rateKeys ? *m_request.rateKeys
                                    : rate::classifyGraphRequest(m_request.method, m_request.url);
    m_maxAttempts = m_request.maxAttempts > 0 ? m_request.maxAttempts : m_client->retryPolicy().maxAttempts;
    m_clientRequestId = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    beginAttempt();
}

void GraphRequestJob::beginAttempt()
{
    ++m_attempt;
    m_waitingForSlot = true;
    m_client->requestSlot(this); // may call onSlotGranted() right away
}

void GraphRequestJob::onSlotGranted()
{
    m_waitingForSlot = false;
    m_hasSlot = true;
    auth::TokenProvider *tokens = m_client->tokenProvider();
    if (!tokens) {
        waitForPlanner(); // unauthenticated client (not used for Graph itself)
        return;
    }
    m_tokenJob = tokens->requestToken();
    connect(m_tokenJob, &Job::finished, this, &GraphRequestJob::onToken);
    m_tokenJob->start();
}

void GraphRequestJob::onToken()
{
    auth::TokenJob *job = m_tokenJob;
    m_tokenJob = nullptr;
    if (!job->succeeded()) {
        GraphError error = job->error();
        if (error.kind != GraphError::Kind::Cancelled && error.kind != GraphError::Kind::Config
            && error.kind != GraphError::Kind::Network && error.kind != GraphError::Kind::Tls
            && error.kind != GraphError::Kind::Timeout)
            error.kind = GraphError::Kind::Auth;
        fail(error);
        return;
    }
    m_token = job->accessToken();
    waitForPlanner();
}

void GraphRequestJob::waitForPlanner()
{
    RatePlanner *planner = m_client->planner();
    if (!planner || m_rateKeys.isEmpty() || planner->tryAcquire(m_rateKeys)) {
        sendNow();
        return;
    }
    const qint64 delayUs = planner->delayUs(m_rateKeys);
    disconnect(&m_timer, nullptr, this, nullptr);
    connect(&m_timer, &QTimer::timeout, this, &GraphRequestJob::waitForPlanner);
    m_timer.start(int((delayUs + 999) / 1000));
}

void GraphRequestJob::sendNow()
{
    QNetworkRequest request = http::makeRequest(m_url, m_client->transferTimeout());
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setRawHeader("client-request-id", m_clientRequestId);
    QByteArray body;
    if (!m_request.body.isUndefined()) {
        body = m_request.body.isArray()
            ? QJsonDocument(m_request.body.toArray()).toJson(QJsonDocument::Compact)
            : QJsonDocument(m_request.body.toObject()).toJson(QJsonDocument::Compact);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    }
    for (const auto &[name, value] : m_request.headers)
        request.setRawHeader(name, value);

    QNetworkAccessManager *network = m_client->network();
    QNetworkReply *reply = nullptr;
    if (m_request.method == "GET")
        reply = network->get(request);
    else if (m_request.method == "DELETE" && body.isEmpty())
        reply = network->deleteResource(request);
    else
        reply = network->sendCustomRequest(request, m_request.method, body);
    m_reply = reply;
    m_sentAtMs = QDateTime::currentMSecsSinceEpoch();
    http::guardRedirects(reply);
    connect(reply, &QNetworkReply::finished, this, &GraphRequestJob::onReplyFinished);

    if (RequestLog *log = m_client->requestLog(); log && log->detail()) {
        // Redacted when the entry is formatted; kept until the answer comes.
        m_logHeaders.clear();
        for (const QByteArray &name : request.rawHeaderList())
            m_logHeaders.append({name, RequestLog::redactHeader(name, request.rawHeader(name))});
        m_logBody = RequestLog::redactBody(body, "application/json");
    }
}

void GraphRequestJob::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    if (!reply)
        return;
    reply->deleteLater();
    releaseSlot();
    const http::ReplyData data = http::readReply(reply, m_request.method);

    if (RequestLog *log = m_client->requestLog()) {
        RequestLogEntry entry;
        entry.method = m_request.method;
        entry.url = m_url;
        entry.status = data.status;
        entry.durationMs = QDateTime::currentMSecsSinceEpoch() - m_sentAtMs;
        entry.requestId = QString::fromLatin1(http::header(data.headers, "request-id"));
        entry.attempt = m_attempt;
        entry.error = data.error.isError() ? data.error.message : QString();
        entry.requestHeaders = std::exchange(m_logHeaders, {});
        entry.requestBody = std::exchange(m_logBody, {});
        entry.contentType = "application/json";
        log->record(entry);
    }
    const RetryPolicy &policy = m_client->retryPolicy();

    if (data.status == 0) {
        // A dropped connection on a GET is safe to repeat; anything else is
        // reported (a POST may have taken effect).
        const bool dropped = reply->error() == QNetworkReply::RemoteHostClosedError;
        if (dropped && m_request.method == "GET" && ++m_retryableAttempts < m_maxAttempts) {
            retryLater(policy.delayMs(m_retryableAttempts, {}));
            return;
        }
        fail(data.error);
        return;
    }

    const QByteArray requestId = http::header(data.headers, "request-id");
    if (data.status == 401 && !m_refreshedToken && m_client->tokenProvider()) {
        // Expired or revoked token: drop it, fetch a new one, try once more.
        m_refreshedToken = true;
        qCInfo(lcGraph) << "401 from" << m_url.path() << "- refreshing the token once";
        m_client->tokenProvider()->invalidate(m_token);
        beginAttempt();
        return;
    }

    if (policy.isRetryableStatus(data.status) && ++m_retryableAttempts < m_maxAttempts) {
        const qint64 delay = policy.delayMs(m_retryableAttempts, http::header(data.headers, "Retry-After"));
        if (data.status == 429 && m_client->planner())
            m_client->planner()->reportThrottled(m_rateKeys, delay);
        qCDebug(lcGraph) << data.status << "from" << m_url.path() << "- retry in" << delay << "service ms";
        retryLater(delay);
        return;
    }

    QJsonValue json;
    QByteArray raw;
    const GraphError parseError = http::parseBody(data, m_url, &json, &raw);
    if (data.status >= 200 && data.status < 300) {
        if (parseError.isError()) {
            GraphError error = parseError;
            error.method = m_request.method;
            error.requestId = QString::fromLatin1(requestId);
            fail(error);
            return;
        }
        m_response.status = data.status;
        m_response.headers = data.headers;
        m_response.json = json;
        m_response.rawBody = raw;
        m_response.url = m_url;
        finishOk();
        return;
    }

    GraphError error = GraphError::fromHttp(data.status, json, m_url, QString::fromLatin1(requestId));
    error.method = m_request.method;
    if (data.status == 401) {
        error.kind = GraphError::Kind::Auth;
        error.hint
            = tr("The token was refused even after a refresh; check the app's permissions and tenant.");
    } else if (policy.isRetryableStatus(data.status)) {
        error.kind = GraphError::Kind::Throttled;
        error.retryAfterMs = parseRetryAfterMs(http::header(data.headers, "Retry-After")).value_or(-1);
        error.hint = tr("Still refused after %n attempt(s).", nullptr, m_retryableAttempts);
    }
    fail(error);
}

void GraphRequestJob::retryLater(qint64 serviceDelayMs)
{
    const double scale = m_client->timeScale();
    disconnect(&m_timer, nullptr, this, nullptr);
    connect(&m_timer, &QTimer::timeout, this, &GraphRequestJob::beginAttempt);
    m_timer.start(int(double(serviceDelayMs) / scale));
}

void GraphRequestJob::releaseSlot()
{
    if (m_hasSlot) {
        m_hasSlot = false;
        if (m_client)
            m_client->releaseSlot();
    }
}

void GraphRequestJob::fail(GraphError error)
{
    if (error.url.isEmpty())
        error.url = m_url;
    releaseSlot();
    finishWithError(error);
}

void GraphRequestJob::doAbort()
{
    // The token half is BotSendJob's too (graph/JobAbort.h); the transport differs.
    stopTimer(m_timer, this);
    abortChild(m_tokenJob, this);
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
        reply->deleteLater();
    }
    if (m_waitingForSlot && m_client)
        m_client->withdrawSlotRequest(this);
    m_waitingForSlot = false;
    releaseSlot();
}

} // namespace herald::graph
