#pragma once

// GraphRequest: what to send. `url` is relative to the API root
// ("users?$top=999", built with the odata helpers so it is already encoded)
// or absolute -- then it must be on the API root's origin (nextLinks).

#include "graph/GraphResponse.h"

#include <QJsonValue>
#include <QStringList>
#include <optional>

namespace herald::graph {

struct GraphRequest
{
    QByteArray method = "GET";
    QString url;
    HeaderList headers; // e.g. {"ConsistencyLevel", "eventual"}
    QJsonValue body = QJsonValue::Undefined; // Undefined: no body
    std::optional<QStringList> rateKeys; // default: rate::classifyGraphRequest(method, url)
    int maxAttempts = 0; // 0: the client's RetryPolicy

    static GraphRequest get(const QString &url, const HeaderList &headers = {})
    {
        GraphRequest r;
        r.url = url;
        r.headers = headers;
        return r;
    }
    static GraphRequest post(const QString &url, const QJsonValue &body)
    {
        GraphRequest r;
        r.method = "POST";
        r.url = url;
        r.body = body;
        return r;
    }
    static GraphRequest patch(const QString &url, const QJsonValue &body)
    {
        GraphRequest r = post(url, body);
        r.method = "PATCH";
        return r;
    }
    static GraphRequest deleteResource(const QString &url)
    {
        GraphRequest r;
        r.method = "DELETE";
        r.url = url;
        return r;
    }
};

} // namespace herald::graph
