#pragma once

// The transport rules every Herald HTTP request shares (Graph, token
// endpoint, later the Bot Connector): redirects only within the same origin
// (so never https -> http and never a token to another host), TLS errors
// always fatal (nobody calls ignoreSslErrors), a transfer timeout, and one
// mapping from QNetworkReply to status/headers/body or a typed error.

#include "graph/GraphError.h"
#include "graph/GraphResponse.h"

#include <QNetworkReply>
#include <QNetworkRequest>

namespace herald::graph::http {

QNetworkRequest makeRequest(const QUrl &url, int transferTimeoutMs);

// Follows a redirect only when it stays on the reply's origin; otherwise the
// reply is aborted and readReply() reports a Protocol error.
void guardRedirects(QNetworkReply *reply);

struct ReplyData
{
    int status = 0; // 0: no HTTP answer (see error)
    HeaderList headers;
    QByteArray body;
    QByteArray contentType;
    GraphError error; // transport failure (Network/Timeout/Tls/Protocol) when status == 0
};

// Reads a finished reply. HTTP error statuses are data, not errors, here.
ReplyData readReply(QNetworkReply *reply, const QByteArray &method);

GraphError::Kind transportKind(QNetworkReply::NetworkError error);

// Empty body -> Undefined. JSON (or unlabelled) bodies must parse, else a
// Parse error naming the URL; other content types are kept raw.
GraphError parseBody(const ReplyData &data, const QUrl &url, QJsonValue *json, QByteArray *raw);

// Case-insensitive header lookup.
QByteArray header(const HeaderList &headers, const QByteArray &name);

} // namespace herald::graph::http
