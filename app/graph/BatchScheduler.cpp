#include "graph/BatchScheduler.h"

#include "graph/GraphClient.h"
#include "graph/GraphRequestJob.h"
#include "graph/Logging.h"
#include "graph/RateCategories.h"
#include "graph/RatePlanner.h"
#include "graph/RequestLog.h"

#include <QJsonArray>
#include <algorithm>

namespace herald::graph {

namespace {
constexpr int MaxGraphBatch = 20; // Graph's documented limit per $batch

QByteArray jsonHeader(const QJsonObject &headers, const QString &name)
{
    for (auto it = headers.begin(); it != headers.end(); ++it) {
        if (it.key().compare(name, Qt::CaseInsensitive) == 0)
            return it.value().isDouble() ? QByteArray::number(it.value().toDouble())
                                         : it.value().toString().toUtf8();
    }
    return {};
}

QString batchUrl(const QString &url)
{
    return url.startsWith(QLatin1Char('/')) ? url : QLatin1Char('/') + url;
}
} // namespace

BatchScheduler::BatchScheduler(GraphClient *client)
    : Job(client)
    , m_client(client)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &BatchScheduler::pump);
    m_clock.start();
}

BatchScheduler::~BatchScheduler()
{
    if (!isFinished())
        doAbort();
}

void BatchScheduler::setMaxBatchSize(int size)
{
    m_maxBatchSize = std::clamp(size, 1, MaxGraphBatch);
}

void BatchScheduler::setMaxBatchesInFlight(int count)
{
    m_maxInFlight = std::max(1, count);
}

void BatchScheduler::setBufferTarget(int items)
{
    m_bufferTarget = std::max(1, items);
}

qint64 BatchScheduler::total() const
{
    return std::max(m_expectedTotal, m_appended);
}

void BatchScheduler::append(const BatchItem &item)
{
    if (m_inputClosed || isFinished())
        return;
    Pending pending;
    pending.item = item;
    pending.keys = item.rateKeys ? *item.rateKeys : rate::classifyGraphRequest(item.method, item.url);
    m_queue.push_back(std::move(pending));
    ++m_appended;
    if (isStarted())
        schedulePump();
}

void BatchScheduler::closeInput()
{
    m_inputClosed = true;
    if (isStarted())
        schedulePump();
}

void BatchScheduler::doStart()
{
    if (!m_client) {
        finishWithError(GraphError::make(GraphError::Kind::Cancelled, tr("The Graph client is gone.")));
        return;
    }
    schedulePump();
}

void BatchScheduler::schedulePump()
{
    if (m_pumpScheduled || isFinished())
        return;
    m_pumpScheduled = true;
    QMetaObject::invokeMethod(this, &BatchScheduler::pump, Qt::QueuedConnection);
}

void BatchScheduler::pump()
{
    m_pumpScheduled = false;
    if (isFinished() || !isStarted())
        return;

    // Retries that are due go first: they are the oldest work.
    const qint64 now = m_clock.elapsed();
    std::vector<Pending> due;
    while (!m_delayed.empty() && m_delayed.begin()->first <= now) {
        due.push_back(std::move(m_delayed.begin()->second));
        m_delayed.erase(m_delayed.begin());
    }
    for (auto it = due.rbegin(); it != due.rend(); ++it)
        m_queue.push_front(std::move(*it));

    if (!m_inputClosed && int(m_queue.size()) < m_bufferTarget / 2) {
        emit wantMore(m_bufferTarget - int(m_queue.size()));
        if (isFinished())
            return;
    }

    qint64 waitUs = -1;
    while (int(m_flights.size()) < m_maxInFlight && !m_queue.empty()) {
        std::vector<Pending> batch = takeBatch(&waitUs);
        if (batch.empty())
            break;
        sendBatch(std::move(batch));
        if (isFinished())
            return;
    }

    if (m_inputClosed && m_queue.empty() && m_delayed.empty() && m_flights.empty()) {
        emit progress(m_done, total());
        finishOk();
        return;
    }

    // Wake up for the planner (only useful while a batch slot is free) or for
    // the next retry; finished batches and append() pump on their own.
    qint64 wakeMs = -1;
    if (waitUs >= 0 && int(m_flights.size()) < m_maxInFlight)
        wakeMs = (waitUs + 999) / 1000;
    if (!m_delayed.empty()) {
        const qint64 retryMs = std::max<qint64>(0, m_delayed.begin()->first - m_clock.elapsed());
        wakeMs = wakeMs < 0 ? retryMs : std::min(wakeMs, retryMs);
    }
    if (wakeMs >= 0)
        m_timer.start(int(wakeMs));
    else
        m_timer.stop();
}

std::vector<BatchScheduler::Pending> BatchScheduler::takeBatch(qint64 *waitUs)
{
    // Take, in order, up to a batch of items the planner admits now. A key set
    // joins the batch only when the planner has room for as many of it as may
    // go together (its burst) -- sending the few tokens that trickled in would
    // just fragment batches -- and with no more than that. Items blocked on
    // one bucket (a busy team) do not hold up the others; the scan is bounded
    // so a long queue stays cheap.
    struct KeySet
    {
        QStringList keys;
        int allowance = 0; // items of this key set still allowed in this batch; 0 = blocked
    };
    std::vector<Pending> batch;
    RatePlanner *planner = m_client->planner();
    const int want = std::min<int>(m_maxBatchSize, int(m_queue.size()));
    const int lookahead = m_maxBatchSize * 10;
    int scanned = 0;
    std::vector<KeySet> seen;
    const auto block = [waitUs](KeySet &set, qint64 wait) {
        set.allowance = 0;
        *waitUs = *waitUs < 0 ? wait : std::min(*waitUs, wait);
    };
    for (auto it = m_queue.begin(); it != m_queue.end() && int(batch.size()) < want && scanned < lookahead;) {
        ++scanned;
        if (planner && !it->keys.isEmpty()) {
            auto set = std::find_if(seen.begin(), seen.end(),
                                    [&it](const KeySet &s) { return s.keys == it->keys; });
            if (set == seen.end()) {
                KeySet fresh{it->keys, std::min(want - int(batch.size()), planner->burstFor(it->keys))};
                const qint64 wait = planner->delayUs(fresh.keys, fresh.allowance);
                if (wait > 0)
                    block(fresh, wait);
                seen.push_back(fresh);
                set = seen.end() - 1;
            }
            if (set->allowance <= 0 || !planner->tryAcquire(it->keys)) {
                if (set->allowance > 0)
                    block(*set, planner->delayUs(it->keys));
                ++it;
                continue;
            }
            if (--set->allowance == 0) // this batch has its share; the next one waits for the bucket
                block(*set, planner->delayUs(it->keys, planner->burstFor(it->keys)));
        }
        batch.push_back(std::move(*it));
        it = m_queue.erase(it);
    }
    return batch;
}

void BatchScheduler::sendBatch(std::vector<Pending> items)
{
    QJsonArray requests;
    for (std::size_t i = 0; i < items.size(); ++i) {
        Pending &pending = items[i];
        ++pending.attempts;
        QJsonObject request{{QStringLiteral("id"), QString::number(i + 1)},
                            {QStringLiteral("method"), QString::fromLatin1(pending.item.method)},
                            {QStringLiteral("url"), batchUrl(pending.item.url)}};
        QJsonObject headers;
        for (const auto &[name, value] : pending.item.headers)
            headers.insert(QString::fromLatin1(name), QString::fromUtf8(value));
        if (!pending.item.body.isUndefined()) {
            request.insert(QStringLiteral("body"), pending.item.body);
            if (!headers.contains(QStringLiteral("Content-Type")))
                headers.insert(QStringLiteral("Content-Type"), QStringLiteral("application/json"));
        }
        if (!headers.isEmpty())
            request.insert(QStringLiteral("headers"), headers);
        requests.append(request);
    }

    GraphRequest request
        = GraphRequest::post(QStringLiteral("$batch"), QJsonObject{{QStringLiteral("requests"), requests}});
    request.rateKeys = QStringList(); // each sub-request was paced on its own
    request.maxAttempts = 1; // a throttled batch is re-paced item by item below

    auto flight = std::make_unique<Flight>();
    flight->items = std::move(items);
    Flight *raw = flight.get();
    flight->job = m_client->send(request);
    m_flights.push_back(std::move(flight));
    ++m_batchesSent;
    connect(raw->job, &Job::finished, this, [this, raw] { onBatchFinished(raw); });
    raw->job->start();
}

void BatchScheduler::onBatchFinished(Flight *flight)
{
    auto owned = std::find_if(m_flights.begin(), m_flights.end(),
                              [flight](const auto &f) { return f.get() == flight; });
    if (owned == m_flights.end())
        return;
    std::unique_ptr<Flight> keep = std::move(*owned);
    m_flights.erase(owned);
    GraphRequestJob *job = keep->job;
    std::vector<Pending> &items = keep->items;

    if (!job->succeeded()) {
        const GraphError error = job->error();
        switch (error.kind) {
        case GraphError::Kind::Cancelled:
        case GraphError::Kind::Auth:
        case GraphError::Kind::Config:
            // Nothing else can succeed either.
            abortFlights();
            finishWithError(error);
            return;
        case GraphError::Kind::Throttled: {
            // The whole batch was refused: every item goes back, paced again.
            const qint64 delay
                = error.retryAfterMs >= 0 ? error.retryAfterMs : m_client->retryPolicy().delayMs(1, {});
            for (Pending &pending : items) {
                if (pending.attempts < m_client->retryPolicy().maxAttempts)
                    requeueLater(std::move(pending), delay);
                else if (!emitResult(
                             BatchResult{pending.item.id, error.httpStatus, {}, {}, error, pending.attempts}))
                    return;
            }
            break;
        }
        case GraphError::Kind::Network:
        case GraphError::Kind::Timeout:
            retryLostFlight(items, error);
            if (isFinished())
                return;
            break;
        default:
            failFlight(items, error);
            if (isFinished())
                return;
            break;
        }
        emit progress(m_done, total());
        schedulePump();
        return;
    }

    const QJsonValue responses = job->response().object().value(QStringLiteral("responses"));
    if (!responses.isArray()) {
        GraphError error = GraphError::make(
            GraphError::Kind::Parse,
            tr("The $batch answer from %1 has no \"responses\" array.").arg(job->url().toDisplayString()),
            job->url());
        error.requestId = job->response().requestId();
        failFlight(items, error);
        if (isFinished())
            return;
        emit progress(m_done, total());
        schedulePump();
        return;
    }

    const RetryPolicy &policy = m_client->retryPolicy();
    RatePlanner *planner = m_client->planner();
    RequestLog *log = m_client->requestLog();
    std::vector<bool> answered(items.size(), false);
    for (const QJsonValue &value : responses.toArray()) {
        const QJsonObject response = value.toObject();
        bool ok = false;
        const int index = response.value(QStringLiteral("id")).toString().toInt(&ok) - 1;
        if (!ok || index < 0 || index >= int(items.size()) || answered[std::size_t(index)]) {
            qCWarning(lcGraph) << "$batch answer with an unknown or repeated id"
                               << response.value(QStringLiteral("id"));
            continue;
        }
        answered[std::size_t(index)] = true;
        Pending &pending = items[std::size_t(index)];
        BatchResult result;
        result.id = pending.item.id;
        result.status = response.value(QStringLiteral("status")).toInt();
        result.headers = response.value(QStringLiteral("headers")).toObject();
        result.body = response.value(QStringLiteral("body"));
        result.attempts = pending.attempts;
        const QByteArray retryAfter = jsonHeader(result.headers, QStringLiteral("Retry-After"));
        const QUrl subUrl
            = QUrl::fromEncoded(m_client->apiRoot().toEncoded() + batchUrl(pending.item.url).toUtf8());

        if (log) {
            RequestLogEntry entry;
            entry.batchItem = true;
            entry.method = pending.item.method;
            entry.url = subUrl;
            entry.status = result.status;
            entry.attempt = pending.attempts;
            log->record(entry);
        }

        if (policy.isRetryableStatus(result.status) && pending.attempts < policy.maxAttempts) {
            const qint64 delay = policy.delayMs(pending.attempts, retryAfter);
            if (result.status == 429 && planner)
                planner->reportThrottled(pending.keys, delay);
            ++m_retried;
            requeueLater(std::move(pending), delay);
            continue;
        }
        if (result.status < 200 || result.status >= 300) {
            result.error = GraphError::fromHttp(
                result.status, result.body, subUrl,
                QString::fromUtf8(jsonHeader(result.headers, QStringLiteral("request-id"))));
            result.error.method = pending.item.method;
            if (policy.isRetryableStatus(result.status)) {
                result.error.kind = GraphError::Kind::Throttled;
                result.error.retryAfterMs = parseRetryAfterMs(retryAfter).value_or(-1);
            }
        }
        if (!emitResult(std::move(result)))
            return;
    }

    for (std::size_t i = 0; i < items.size(); ++i) {
        if (answered[i])
            continue;
        const Pending &pending = items[i];
        GraphError error
            = GraphError::make(GraphError::Kind::Protocol,
                               tr("The $batch answer has no response for sub-request %1 (%2 %3).")
                                   .arg(i + 1)
                                   .arg(QString::fromLatin1(pending.item.method), batchUrl(pending.item.url)),
                               job->url());
        error.requestId = job->response().requestId();
        if (!emitResult(BatchResult{pending.item.id, 0, {}, {}, error, pending.attempts}))
            return;
    }
    emit progress(m_done, total());
    schedulePump();
}

void BatchScheduler::failFlight(std::vector<Pending> &items, const GraphError &error)
{
    for (const Pending &pending : items) {
        if (!emitResult(BatchResult{pending.item.id, 0, {}, {}, error, pending.attempts}))
            return;
    }
}

void BatchScheduler::retryLostFlight(std::vector<Pending> &items, const GraphError &error)
{
    // No answer came: a repeatable item is simply asked again (bounded like
    // any retry); for the others the outcome is unknown and the caller must
    // hear exactly that, not a silent second attempt.
    const RetryPolicy &policy = m_client->retryPolicy();
    GraphError unknown = error;
    unknown.hint = tr("The connection was lost after the request was sent, so it may or may not have "
                      "taken effect; check the state and run again.");
    // One backoff for the flight, so its items go out together again.
    const qint64 delay = items.empty() ? 0 : policy.delayMs(items.front().attempts, {});
    for (Pending &pending : items) {
        if (pending.item.isRepeatable() && pending.attempts < policy.maxAttempts) {
            ++m_retried;
            requeueLater(std::move(pending), delay);
            continue;
        }
        const GraphError &reported = pending.item.isRepeatable() ? error : unknown;
        if (!emitResult(BatchResult{pending.item.id, 0, {}, {}, reported, pending.attempts}))
            return;
    }
}

void BatchScheduler::requeueLater(Pending pending, qint64 serviceDelayMs)
{
    const double scale = m_client ? m_client->timeScale() : 1.0;
    const qint64 due = m_clock.elapsed() + qint64(double(serviceDelayMs) / scale);
    m_delayed.emplace(due, std::move(pending));
}

bool BatchScheduler::emitResult(const BatchResult &result)
{
    ++m_done;
    emit resultReady(result);
    return !isFinished(); // a handler may have aborted us
}

void BatchScheduler::abortFlights()
{
    auto flights = std::move(m_flights);
    m_flights.clear();
    for (auto &flight : flights) {
        if (GraphRequestJob *job = flight->job) {
            disconnect(job, nullptr, this, nullptr);
            job->abort();
        }
    }
}

void BatchScheduler::doAbort()
{
    m_timer.stop();
    abortFlights();
    m_queue.clear();
    m_delayed.clear();
}

} // namespace herald::graph
