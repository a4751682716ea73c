#include "sim/SimTypes.h"

#include <QJsonDocument>
#include <QUrl>

namespace herald::sim {

bool SimRequest::hasQuery(const QString &name) const
{
    for (const auto &item : query) {
        if (item.first == name)
            return true;
    }
    return false;
}

QString SimRequest::queryValue(const QString &name) const
{
    for (const auto &item : query) {
        if (item.first == name)
            return item.second;
    }
    return {};
}

QList<QPair<QString, QString>> SimRequest::parseQuery(const QByteArray &encodedQuery)
{
    QList<QPair<QString, QString>> result;
    const QList<QByteArray> parts = encodedQuery.split('&');
    for (QByteArray part : parts) {
        if (part.isEmpty())
            continue;
        part.replace('+', ' ');
        const qsizetype eq = part.indexOf('=');
        const QByteArray name = eq < 0 ? part : part.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : part.mid(eq + 1);
        result.append({QUrl::fromPercentEncoding(name), QUrl::fromPercentEncoding(value)});
    }
    return result;
}

QString SimRequest::encodeQuery(const QList<QPair<QString, QString>> &query)
{
    // Keep OData punctuation readable, encode everything that could change meaning.
    static const QByteArray safe = QByteArrayLiteral("$'(),:/@*!");
    QByteArray out;
    for (const auto &item : query) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(item.first, safe);
        out += '=';
        out += QUrl::toPercentEncoding(item.second, safe);
    }
    return QString::fromLatin1(out);
}

void SimResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &item : headers) {
        if (item.first.compare(name, Qt::CaseInsensitive) == 0) {
            item.second = value;
            return;
        }
    }
    headers.append({name, value});
}

QByteArray SimResponse::header(const QByteArray &name) const
{
    for (const auto &item : headers) {
        if (item.first.compare(name, Qt::CaseInsensitive) == 0)
            return item.second;
    }
    return {};
}

QJsonObject SimResponse::jsonBody() const
{
    return QJsonDocument::fromJson(body).object();
}

SimResponse SimResponse::json(int status, const QJsonObject &body)
{
    SimResponse response;
    response.status = status;
    response.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    response.setHeader("Content-Type", "application/json; charset=utf-8");
    return response;
}

SimResponse SimResponse::empty(int status)
{
    SimResponse response;
    response.status = status;
    return response;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 412:
        return "Precondition Failed";
    case 413:
        return "Payload Too Large";
    case 424:
        return "Failed Dependency";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

} // namespace herald::sim
