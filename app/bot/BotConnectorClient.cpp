#include "bot/BotConnectorClient.h"

#include "auth/TokenProvider.h"
#include "bot/BotLogging.h"
#include "bot/BotRate.h"
#include "bot/TenantId.h"
#include "bot/WireClient.h"
#include "directory/IdentifierShape.h"
#include "graph/Endpoints.h"
#include "graph/JobAbort.h"
#include "graph/RatePlanner.h"
#include "graph/RequestLog.h"
#include "graph/RetryPolicy.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace herald::bot {

using graph::GraphError;
using Outcome = BotSendResult::Outcome;

QString toName(BotSendResult::Outcome outcome)
{
    switch (outcome) {
    case Outcome::Sent:
        return QStringLiteral("sent");
    case Outcome::BlockedByUser:
        return QStringLiteral("blocked_by_user");
    case Outcome::NotInstalled:
        return QStringLiteral("not_installed");
    case Outcome::Failed:
        return QStringLiteral("failed");
    case Outcome::Unconfirmed:
        return QStringLiteral("unconfirmed");
    }
    return QStringLiteral("failed");
}

namespace {

// "Code: message" (or subCode) from a Bot Framework error body.
QString errorDetail(int status, const QByteArray &body, QString *code, QString *subCode)
{
    const QJsonObject root = QJsonDocument::fromJson(body).object();
    const QJsonObject error = root.value(QLatin1String("error")).toObject();
    *code = error.value(QLatin1String("code")).toString();
    *subCode = error.value(QLatin1String("subCode")).toString();
    QString message = error.value(QLatin1String("message")).toString();
    if (message.isEmpty())
        message = root.value(QLatin1String("message")).toString();
    QString detail = QStringLiteral("HTTP %1").arg(status);
    if (!code->isEmpty())
        detail += QStringLiteral(" ") + *code;
    if (!subCode->isEmpty())
        detail += QStringLiteral(" (%1)").arg(*subCode);
    if (!message.isEmpty())
        detail += QStringLiteral(": ") + message;
    return detail;
}

} // namespace

// --- BotConnectorClient --------------------------------------------------------

BotConnectorClient::BotConnectorClient(const BotSettings &settings, auth::TokenProvider *tokens,
                                       graph::RatePlanner *planner, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_tokens(tokens)
    , m_planner(planner)
{
    m_configError = graph::checkServiceUrl(settings.serviceUrl, tr("the Bot Connector service URL"));
    if (!m_configError.isError() && settings.botId.isEmpty())
        m_configError = GraphError::make(GraphError::Kind::Config, tr("No bot id is set (--bot-id)."));
    QUrl origin;
    origin.setScheme(settings.serviceUrl.scheme());
    origin.setHost(settings.serviceUrl.host());
    origin.setPort(settings.serviceUrl.port());
    m_wire = new WireClient(origin, this);
    m_wire->setMaxConnections(settings.maxInFlight);
}

BotConnectorClient::~BotConnectorClient() = default;

double BotConnectorClient::timeScale() const
{
    return m_planner ? m_planner->timeScale() : 1.0;
}

QUrl BotConnectorClient::requestUrl(const BotTarget &target) const
{
    QString base = m_settings.serviceUrl.toString(QUrl::RemoveQuery | QUrl::RemoveFragment);
    if (!base.endsWith(QLatin1Char('/')))
        base += QLatin1Char('/');
    if (target.kind == BotTarget::Kind::Conversation) {
        // Chat ids contain ':' '@' ';': one percent-encoded path segment.
        return QUrl(base + QStringLiteral("v3/conversations/")
                        + QString::fromLatin1(QUrl::toPercentEncoding(target.id))
                        + QStringLiteral("/activities"),
                    QUrl::StrictMode);
    }
    return QUrl(base + QStringLiteral("v3/conversations"));
}

QString BotConnectorClient::tenantId() const
{
    if (!m_tenantId.isEmpty())
        return m_tenantId;
    const QString configured = m_settings.tenantId.trimmed();
    return isObjectId(configured) ? configured.toLower() : QString();
}

void BotConnectorClient::setTenantId(const QString &tenantGuid)
{
    m_tenantId = tenantGuid.trimmed().toLower();
}

TenantIdJob *BotConnectorClient::resolveTenantId()
{
    const QString known = tenantId();
    auto *job = new TenantIdJob(known.isEmpty() ? m_settings.tenantId : known, m_tenantTokens, this);
    // Connected before the caller's handler: the GUID is kept when it hears.
    connect(job, &graph::Job::finished, this, [this, job] {
        if (job->succeeded())
            m_tenantId = job->tenantId();
    });
    return job;
}

QByteArray BotConnectorClient::requestBody(const BotTarget &target, const QByteArray &activityJson) const
{
    if (target.kind == BotTarget::Kind::Conversation)
        return activityJson;
    const QString tenant = tenantId();
    QJsonObject params{
        {QStringLiteral("bot"),
         QJsonObject{{QStringLiteral("id"), QStringLiteral("28:") + m_settings.botId}}},
        {QStringLiteral("tenantId"), tenant},
    };
    QJsonObject channelData{{QStringLiteral("tenant"), QJsonObject{{QStringLiteral("id"), tenant}}}};
    if (target.kind == BotTarget::Kind::User) {
        params.insert(QStringLiteral("isGroup"), false);
        params.insert(QStringLiteral("members"), QJsonArray{QJsonObject{{QStringLiteral("id"), target.id}}});
    } else {
        params.insert(QStringLiteral("isGroup"), true);
        channelData.insert(QStringLiteral("channel"), QJsonObject{{QStringLiteral("id"), target.id}});
    }
    params.insert(QStringLiteral("channelData"), channelData);
    // The activity goes in byte for byte: what was hashed is what is sent.
    QByteArray body = QJsonDocument(params).toJson(QJsonDocument::Compact);
    body.chop(1); // the closing brace
    body += ",\"activity\":";
    body += activityJson;
    body += '}';
    return body;
}

BotSendJob *BotConnectorClient::send(const BotTarget &target, const QByteArray &activityJson)
{
    QString conversationKey = target.id;
    if (target.kind == BotTarget::Kind::User)
        conversationKey = QStringLiteral("user:") + target.id;
    return new BotSendJob(this, target, activityJson, rate::keysFor(conversationKey));
}

// --- BotSendJob ----------------------------------------------------------------

BotSendJob::BotSendJob(BotConnectorClient *client, const BotTarget &target, QByteArray activity,
                       QStringList rateKeys)
    : Job(client)
    , m_client(client)
    , m_target(target)
    , m_activity(std::move(activity))
    , m_rateKeys(std::move(rateKeys))
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
}

BotSendJob::~BotSendJob()
{
    if (!isFinished())
        doAbort();
}

void BotSendJob::doStart()
{
    if (!m_client) {
        finishWithError(
            GraphError::make(GraphError::Kind::Cancelled, tr("The Bot Connector client is gone.")));
        return;
    }
    if (m_client->configError().isError()) {
        m_result.detail = m_client->configError().message;
        m_result.retryable = true;
        finishWithError(m_client->configError());
        return;
    }
    m_url = m_client->requestUrl(m_target);
    m_result.conversationId = m_target.kind == BotTarget::Kind::User ? QString() : m_target.id;
    if (m_target.kind != BotTarget::Kind::Conversation && m_client->tenantId().isEmpty()) {
        // A create-conversation names the tenant by its GUID: find it first.
        m_tenantJob = m_client->resolveTenantId();
        connect(m_tenantJob, &graph::Job::finished, this, &BotSendJob::onTenant);
        m_tenantJob->start();
        return;
    }
    m_body = m_client->requestBody(m_target, m_activity);
    beginAttempt();
}

void BotSendJob::onTenant()
{
    TenantIdJob *job = m_tenantJob;
    m_tenantJob = nullptr;
    if (!job || !job->succeeded() || !m_client) {
        const GraphError error
            = job ? job->error() : GraphError::make(GraphError::Kind::Config, tr("No tenant id."));
        // Nothing was written: it may be sent later, once the tenant is known.
        m_result.outcome = Outcome::Failed;
        m_result.retryable = true;
        m_result.detail = error.toString();
        finishWithError(error);
        return;
    }
    m_body = m_client->requestBody(m_target, m_activity);
    beginAttempt();
}

void BotSendJob::beginAttempt()
{
    auth::TokenProvider *tokens = m_client ? m_client->tokenProvider() : nullptr;
    if (!tokens) {
        waitForPlanner();
        return;
    }
    m_tokenJob = tokens->requestToken();
    connect(m_tokenJob, &graph::Job::finished, this, &BotSendJob::onToken);
    m_tokenJob->start();
}

void BotSendJob::onToken()
{
    auth::TokenJob *job = m_tokenJob;
    m_tokenJob = nullptr;
    if (!job || !job->succeeded()) {
        GraphError error = job ? job->error() : GraphError::make(GraphError::Kind::Auth, tr("No bot token."));
        if (error.kind != GraphError::Kind::Cancelled && error.kind != GraphError::Kind::Network
            && error.kind != GraphError::Kind::Timeout && error.kind != GraphError::Kind::Tls)
            error.kind = GraphError::Kind::Auth;
        m_result.outcome = Outcome::Failed;
        m_result.retryable = true;
        m_result.detail = error.toString();
        finishWithError(error);
        return;
    }
    m_token = job->accessToken();
    waitForPlanner();
}

void BotSendJob::waitForPlanner()
{
    graph::RatePlanner *planner = m_client->planner();
    if (!planner || planner->tryAcquire(m_rateKeys)) {
        sendNow();
        return;
    }
    const qint64 delayUs = planner->delayUs(m_rateKeys);
    disconnect(&m_timer, nullptr, this, nullptr);
    connect(&m_timer, &QTimer::timeout, this, &BotSendJob::waitForPlanner);
    m_timer.start(int((delayUs + 999) / 1000));
}

void BotSendJob::sendNow()
{
    graph::HeaderList headers;
    if (!m_token.isEmpty())
        headers.append(qMakePair(QByteArrayLiteral("Authorization"), "Bearer " + m_token.toUtf8()));
    headers.append(qMakePair(QByteArrayLiteral("User-Agent"), QByteArrayLiteral("herald")));
    ++m_result.attempts;
    ++m_client->m_written;
    m_sentAtMs = QDateTime::currentMSecsSinceEpoch();
    m_exchange = m_client->m_wire->post(m_url, m_body, headers, m_client->settings().timeoutMs);
    connect(m_exchange, &WireExchange::finished, this, &BotSendJob::onAnswer);
}

void BotSendJob::onAnswer()
{
    WireExchange *exchange = m_exchange;
    m_exchange = nullptr;
    if (!exchange)
        return;
    exchange->deleteLater();
    const WireReply &reply = exchange->reply();
    const BotSettings &settings = m_client->settings();

    if (graph::RequestLog *log = m_client->m_log) {
        graph::RequestLogEntry entry;
        entry.method = "POST";
        entry.url = m_url;
        entry.status = reply.status;
        entry.durationMs = QDateTime::currentMSecsSinceEpoch() - m_sentAtMs;
        entry.attempt = m_result.attempts;
        entry.error = reply.phase == WireReply::Phase::Answered ? QString() : reply.error;
        entry.contentType = "application/json";
        log->record(entry);
    }

    if (reply.phase == WireReply::Phase::Unanswered) {
        done(Outcome::Unconfirmed,
             tr("No answer after the request was sent (%1); it may have been delivered.").arg(reply.error));
        return;
    }
    if (reply.phase == WireReply::Phase::NotSent) {
        if (!reply.tlsError && ++m_retries < settings.maxAttempts) {
            retryLater(graph::RetryPolicy().delayMs(m_retries, {}), reply.error);
            return;
        }
        done(Outcome::Failed, tr("Not sent: %1").arg(reply.error), true);
        return;
    }

    const int status = reply.status;
    if (status >= 200 && status < 300) {
        const QJsonObject body = QJsonDocument::fromJson(reply.body).object();
        m_result.httpStatus = status;
        if (m_target.kind == BotTarget::Kind::Conversation) {
            m_result.activityId = body.value(QLatin1String("id")).toString();
        } else {
            m_result.conversationId = body.value(QLatin1String("id")).toString();
            m_result.activityId = body.value(QLatin1String("activityId")).toString();
        }
        done(Outcome::Sent, {});
        return;
    }
    m_result.httpStatus = status;
    QString code;
    QString subCode;
    const QString detail = errorDetail(status, reply.body, &code, &subCode);
    if (status == 401 && !m_refreshedToken && m_client->tokenProvider()) {
        // An expired or revoked token: the request had no effect. Once more with a new one.
        m_refreshedToken = true;
        m_client->tokenProvider()->invalidate(m_token);
        beginAttempt();
        return;
    }
    if (status == 429 || status == 503) {
        if (++m_retries < settings.maxAttempts) {
            const qint64 delay = graph::RetryPolicy().delayMs(m_retries, reply.header("Retry-After"));
            if (status == 429 && m_client->planner())
                m_client->planner()->reportThrottled(m_rateKeys, delay);
            retryLater(delay, detail);
            return;
        }
        done(Outcome::Failed,
             tr("%1 (still refused after %n attempt(s))", nullptr, m_result.attempts).arg(detail), true);
        return;
    }
    if (status == 403) {
        if (subCode.compare(QLatin1String("MessageWritesBlocked"), Qt::CaseInsensitive) == 0
            || code.compare(QLatin1String("ConversationBlockedByUser"), Qt::CaseInsensitive) == 0) {
            done(Outcome::BlockedByUser, detail);
            return;
        }
        if (code.compare(QLatin1String("BotNotInConversationRoster"), Qt::CaseInsensitive) == 0) {
            done(Outcome::NotInstalled, detail);
            return;
        }
    }
    if (status == 502 || status == 504) {
        // A gateway gave up waiting: the service behind it may have delivered.
        done(Outcome::Unconfirmed, detail);
        return;
    }
    // 401 after a refresh, 404 unknown conversation, 413 too large, 400...: nothing was delivered.
    done(Outcome::Failed, detail, status == 401);
}

void BotSendJob::retryLater(qint64 serviceDelayMs, const QString &why)
{
    qCDebug(lcBot) << "retrying" << m_url.path() << "in" << serviceDelayMs << "service ms:" << why;
    disconnect(&m_timer, nullptr, this, nullptr);
    connect(&m_timer, &QTimer::timeout, this, &BotSendJob::beginAttempt);
    m_timer.start(int(double(serviceDelayMs) / m_client->timeScale()));
}

void BotSendJob::done(BotSendResult::Outcome outcome, const QString &detail, bool retryable)
{
    m_result.outcome = outcome;
    m_result.detail = detail;
    m_result.retryable = outcome == Outcome::Failed && retryable;
    finishOk(); // the outcome is the result; the job itself did its work
}

void BotSendJob::doAbort()
{
    graph::stopTimer(m_timer, this);
    graph::abortChild(m_tenantJob, this);
    graph::abortChild(m_tokenJob, this);
    if (m_exchange) {
        WireExchange *exchange = m_exchange;
        m_exchange = nullptr;
        disconnect(exchange, nullptr, this, nullptr);
        exchange->abort(); // settles its reply at once: written or not
        const bool onWire = exchange->reply().phase != WireReply::Phase::NotSent;
        exchange->deleteLater();
        m_result.outcome = onWire ? Outcome::Unconfirmed : Outcome::Failed;
        m_result.retryable = !onWire;
        m_result.detail = onWire ? tr("Stopped while the request was in flight; it may have been delivered.")
                                 : tr("Stopped before the request was sent.");
        return;
    }
    m_result.outcome = Outcome::Failed;
    m_result.retryable = true;
    m_result.detail = tr("Stopped before the request was sent.");
}

} // namespace herald::bot
