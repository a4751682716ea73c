#include "auth/ClientCredentialsTokenProvider.h"

#include "auth/IdentityError.h"
#include "auth/Logging.h"
#include "graph/Endpoints.h"
#include "graph/HttpSupport.h"
#include "graph/OData.h"
#include "graph/RequestLog.h"

#include <QDateTime>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace herald::auth {

using graph::GraphError;

ClientCredentialsTokenProvider::ClientCredentialsTokenProvider(QNetworkAccessManager *network,
                                                               const ClientCredentialsSettings &settings,
                                                               QObject *parent)
    : TokenProvider(parent)
    , m_network(network)
    , m_settings(settings)
{
}

ClientCredentialsTokenProvider::~ClientCredentialsTokenProvider()
{
    abortFetch();
}

QUrl ClientCredentialsTokenProvider::tokenEndpoint() const
{
    QUrl url = m_settings.loginBase;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QLatin1Char('/') + graph::odata::pathSegment(m_settings.tenant)
                    + QStringLiteral("/oauth2/v2.0/token"),
                QUrl::TolerantMode);
    return url;
}

void ClientCredentialsTokenProvider::startFetch()
{
    m_attempt = 0;
    GraphError config = graph::checkServiceUrl(m_settings.loginBase, tr("login URL"));
    if (!config.isError() && (m_settings.tenant.isEmpty() || m_settings.clientId.isEmpty()))
        config = GraphError::make(GraphError::Kind::Config,
                                  tr("A tenant and a client id are needed to get a "
                                     "token (--tenant, --client-id)."));
    if (config.isError()) {
        fetchFailed(config);
        return;
    }
    sendAttempt();
}

void ClientCredentialsTokenProvider::abortFetch()
{
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

FormFields ClientCredentialsTokenProvider::grantFields() const
{
    return {{QStringLiteral("grant_type"), QStringLiteral("client_credentials")}};
}

void ClientCredentialsTokenProvider::sendAttempt()
{
    ++m_attempt;
    FormFields form = grantFields();
    form.append(qMakePair(QStringLiteral("client_id"), m_settings.clientId));
    form.append(qMakePair(QStringLiteral("scope"), m_settings.scope));
    const GraphError credentialError = addCredential(form);
    if (credentialError.isError()) {
        fetchFailed(credentialError);
        return;
    }
    // Every byte outside the unreserved set is percent-encoded, so a secret
    // such as "a+b&c=%" reaches the server intact.
    QByteArray body;
    for (const auto &[key, value] : form) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }

    QNetworkRequest request = graph::http::makeRequest(tokenEndpoint(), m_timeoutMs);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    // Keep only the redacted form for the request log.
    m_loggedBody = m_log && m_log->detail()
        ? graph::RequestLog::redactBody(body, "application/x-www-form-urlencoded")
        : QByteArray();
    m_sentAtMs = QDateTime::currentMSecsSinceEpoch();
    QNetworkReply *reply = m_network->post(request, body);
    m_reply = reply;
    graph::http::guardRedirects(reply);
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onReplyFinished(reply); });
}

void ClientCredentialsTokenProvider::onReplyFinished(QNetworkReply *reply)
{
    if (reply != m_reply)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    const QUrl url = tokenEndpoint();
    const graph::http::ReplyData data = graph::http::readReply(reply, "POST");

    if (m_log) {
        graph::RequestLogEntry entry;
        entry.method = "POST";
        entry.url = url;
        entry.status = data.status;
        entry.durationMs = QDateTime::currentMSecsSinceEpoch() - m_sentAtMs;
        entry.attempt = m_attempt;
        entry.requestId = QString::fromLatin1(graph::http::header(data.headers, "request-id"));
        entry.error = data.error.isError() ? data.error.message : QString();
        entry.requestBody = m_loggedBody;
        entry.contentType = "application/x-www-form-urlencoded";
        m_log->record(entry);
    }

    if (data.status == 0) {
        GraphError error = data.error;
        if (error.kind == GraphError::Kind::Network)
            error.hint = tr("Could not reach the identity platform at %1.").arg(m_settings.loginBase.host());
        fetchFailed(error);
        return;
    }

    if (m_retry.isRetryableStatus(data.status) && m_attempt < m_retry.maxAttempts) {
        const qint64 delay
            = qint64(double(m_retry.delayMs(m_attempt, graph::http::header(data.headers, "Retry-After")))
                     / timeScale());
        qCInfo(lcAuth) << "token endpoint answered" << data.status << "- retrying in" << delay << "ms";
        QTimer::singleShot(delay, this, [this] {
            if (!m_reply)
                sendAttempt();
        });
        return;
    }

    QJsonValue json;
    QByteArray raw;
    const GraphError parseError = graph::http::parseBody(data, url, &json, &raw);
    if (data.status >= 200 && data.status < 300) {
        if (parseError.isError()) {
            fetchFailed(parseError);
            return;
        }
        const QJsonObject object = json.toObject();
        const QString token = object.value(QStringLiteral("access_token")).toString();
        // expires_in is a number in v2.0, a string in some older answers.
        const QJsonValue expires = object.value(QStringLiteral("expires_in"));
        const qint64 expiresIn
            = expires.isString() ? expires.toString().toLongLong() : qint64(expires.toDouble());
        if (token.isEmpty() || expiresIn <= 0) {
            fetchFailed(GraphError::make(
                GraphError::Kind::Protocol,
                tr("The token answer from %1 has no access_token or expires_in.").arg(url.toDisplayString()),
                url));
            return;
        }
        qCDebug(lcAuth) << "token received, expires in" << expiresIn << "s";
        tokenAnswerReceived(object);
        fetchSucceeded(token, expiresIn);
        return;
    }

    GraphError error = identityError(data.status, json.toObject(), url);
    if (m_retry.isRetryableStatus(data.status))
        error.kind = GraphError::Kind::Throttled;
    qCWarning(lcAuth).noquote() << error.toString();
    fetchFailed(error);
}

} // namespace herald::auth
