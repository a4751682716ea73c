#include "graph/GraphError.h"

#include <QJsonObject>

namespace herald::graph {

QString GraphError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return tr("No error");
    case Kind::Network:
        return tr("Network error");
    case Kind::Timeout:
        return tr("Request timed out");
    case Kind::Tls:
        return tr("TLS error");
    case Kind::Http:
        return tr("Service error");
    case Kind::Auth:
        return tr("Authentication failed");
    case Kind::Throttled:
        return tr("Throttled by the service");
    case Kind::Parse:
        return tr("Malformed response");
    case Kind::Protocol:
        return tr("Protocol error");
    case Kind::Cancelled:
        return tr("Cancelled");
    case Kind::Config:
        return tr("Configuration error");
    }
    return {};
}

GraphError GraphError::make(Kind kind, const QString &message, const QUrl &url)
{
    GraphError error;
    error.kind = kind;
    error.message = message;
    error.url = url;
    return error;
}

GraphError GraphError::fromHttp(int status, const QJsonValue &body, const QUrl &url,
                                const QString &requestIdHeader)
{
    GraphError error;
    error.kind = (status == 429) ? Kind::Throttled : Kind::Http;
    error.httpStatus = status;
    error.url = url;
    error.requestId = requestIdHeader;

    const QJsonObject err = body.toObject().value(QStringLiteral("error")).toObject();
    error.code = err.value(QStringLiteral("code")).toString();
    error.message = err.value(QStringLiteral("message")).toString();
    // Graph spells it innerError; older services innererror.
    QJsonObject inner = err.value(QStringLiteral("innerError")).toObject();
    if (inner.isEmpty())
        inner = err.value(QStringLiteral("innererror")).toObject();
    if (error.requestId.isEmpty())
        error.requestId = inner.value(QStringLiteral("request-id")).toString();
    if (error.message.isEmpty())
        error.message = tr("The service answered HTTP %1.").arg(status);
    return error;
}

QString GraphError::toString() const
{
    if (!isError())
        return kindName(kind);
    QString text = kindName(kind);
    if (httpStatus > 0) {
        text += code.isEmpty() ? QStringLiteral(" (HTTP %1)").arg(httpStatus)
                               : QStringLiteral(" (HTTP %1, %2)").arg(httpStatus).arg(code);
    } else if (!code.isEmpty()) {
        text += QStringLiteral(" (%1)").arg(code);
    }
    if (!message.isEmpty())
        text += QStringLiteral(": ") + message;
    if (!hint.isEmpty())
        text += QLatin1Char(' ') + hint;
    if (url.isValid()) {
        text += QStringLiteral(" [");
        if (!method.isEmpty())
            text += QString::fromLatin1(method) + QLatin1Char(' ');
        // Never print userinfo; the query stays (it names what was asked for).
        text += url.toDisplayString(QUrl::RemoveUserInfo) + QLatin1Char(']');
    }
    if (!requestId.isEmpty())
        text += tr(" (request-id %1)").arg(requestId);
    return text;
}

} // namespace herald::graph
