#include "graph/HttpSupport.h"

#include "graph/Endpoints.h"
#include "graph/Logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace herald::graph::http {

namespace {
const char *const RefusedRedirectProperty = "herald.refusedRedirect";
const char *const OriginProperty = "herald.origin";
} // namespace

QNetworkRequest makeRequest(const QUrl &url, int transferTimeoutMs)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::UserVerifiedRedirectPolicy);
    request.setTransferTimeout(transferTimeoutMs);
    request.setRawHeader("Accept", "application/json");
    return request;
}

void guardRedirects(QNetworkReply *reply)
{
    // Qt has already moved reply->url() to the target when redirected() is
    // emitted: remember where the request started.
    const QUrl from = reply->url();
    QObject::connect(reply, &QNetworkReply::redirected, reply, [reply, from](const QUrl &target) {
        if (isSameOrigin(target, from)) {
            emit reply->redirectAllowed();
            return;
        }
        qCWarning(lcGraph) << "refusing redirect from" << from.toDisplayString(QUrl::RemoveQuery) << "to"
                           << target.toDisplayString(QUrl::RemoveQuery);
        reply->setProperty(RefusedRedirectProperty, target);
        reply->setProperty(OriginProperty, from);
        reply->abort();
    });
}

GraphError::Kind transportKind(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // transfer timeout in Qt 6.4
    case QNetworkReply::ProxyTimeoutError:
        return GraphError::Kind::Timeout;
    case QNetworkReply::SslHandshakeFailedError:
        return GraphError::Kind::Tls;
    case QNetworkReply::ProtocolUnknownError:
    case QNetworkReply::ProtocolInvalidOperationError:
    case QNetworkReply::ProtocolFailure:
    case QNetworkReply::TooManyRedirectsError:
    case QNetworkReply::InsecureRedirectError:
        return GraphError::Kind::Protocol;
    default:
        return GraphError::Kind::Network;
    }
}

ReplyData readReply(QNetworkReply *reply, const QByteArray &method)
{
    ReplyData data;
    data.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    data.headers = reply->rawHeaderPairs();
    data.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray().toLower();
    data.body = reply->readAll();

    const QVariant refused = reply->property(RefusedRedirectProperty);
    if (refused.isValid()) {
        data.status = 0;
        data.error = GraphError::make(GraphError::Kind::Protocol,
                                      GraphError::tr("Refused to follow a redirect to %1: it leaves %2 (a "
                                                     "downgrade to http or another host would expose the "
                                                     "token).")
                                          .arg(refused.toUrl().toDisplayString(QUrl::RemoveQuery),
                                               reply->property(OriginProperty).toUrl().host()),
                                      reply->property(OriginProperty).toUrl());
        data.error.method = method;
        return data;
    }
    if (data.status > 0)
        return data;

    GraphError::Kind kind = transportKind(reply->error());
    // SSL errors surface as several NetworkError values; the sslErrors list
    // is the reliable sign.
    if (reply->error() == QNetworkReply::SslHandshakeFailedError)
        kind = GraphError::Kind::Tls;
    data.error = GraphError::make(kind, reply->errorString(), reply->url());
    data.error.method = method;
    if (data.error.kind == GraphError::Kind::Tls)
        data.error.hint = GraphError::tr("The server's certificate was not accepted; Herald never ignores "
                                         "TLS errors.");
    return data;
}

GraphError parseBody(const ReplyData &data, const QUrl &url, QJsonValue *json, QByteArray *raw)
{
    *json = QJsonValue(QJsonValue::Undefined);
    if (data.body.trimmed().isEmpty())
        return {};
    const bool isJson = data.contentType.isEmpty() || data.contentType.contains("json");
    if (!isJson) {
        *raw = data.body;
        return {};
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(data.body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        GraphError error
            = GraphError::make(GraphError::Kind::Parse,
                               GraphError::tr("The answer from %1 is not valid JSON (%2 at "
                                              "offset %3).")
                                   .arg(url.toDisplayString(QUrl::RemoveQuery), parseError.errorString())
                                   .arg(parseError.offset),
                               url);
        error.httpStatus = data.status;
        return error;
    }
    *json = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    return {};
}

QByteArray header(const HeaderList &headers, const QByteArray &name)
{
    for (const auto &pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return pair.second;
    }
    return {};
}

} // namespace herald::graph::http
