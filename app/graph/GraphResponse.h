#pragma once

// GraphResponse: a successful answer -- status, headers and the parsed JSON
// body (Undefined when the body was empty, e.g. 201/204).

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QUrl>

namespace herald::graph {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

struct GraphResponse
{
    int status = 0;
    HeaderList headers;
    QJsonValue json = QJsonValue::Undefined;
    QByteArray rawBody; // only for non-JSON content types (e.g. photo $value)
    QUrl url;

    QByteArray header(const QByteArray &name) const; // case-insensitive; empty if absent
    QJsonObject object() const { return json.toObject(); }
    QString requestId() const { return QString::fromLatin1(header("request-id")); }
};

} // namespace herald::graph
