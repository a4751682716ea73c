#pragma once

// GraphError: the one error type of the network layer (Graph, identity
// platform, later the Bot Connector). A default-constructed GraphError means
// "no error". toString() is the human sentence shown to the admin.

#include <QCoreApplication>
#include <QJsonValue>
#include <QMetaType>
#include <QString>
#include <QUrl>

namespace herald::graph {

struct GraphError
{
    Q_DECLARE_TR_FUNCTIONS(GraphError)

public:
    enum class Kind {
        None, // no error
        Network, // connection refused, host not found, connection dropped
        Timeout, // no answer within the transfer timeout
        Tls, // certificate or handshake failure (never ignored)
        Http, // the service answered with a non-success status
        Auth, // no usable token, or 401 after one refresh
        Throttled, // 429/503/504 still there after the bounded retries
        Parse, // the body is not the JSON it claims to be
        Protocol, // the answer breaks the protocol (missing batch id, foreign nextLink, ...)
        Cancelled, // abort() / cancelAll()
        Config, // refused before sending (plain http to a non-loopback host, bad URL)
    };

    Kind kind = Kind::None;
    int httpStatus = 0; // 0 when no HTTP answer
    QString code; // Graph error code ("Request_ResourceNotFound") or identity error ("invalid_client")
    QString message; // the service's message, or ours
    QString hint; // what the admin can do about it (may be empty)
    QString requestId; // Graph request-id, for support cases
    qint64 retryAfterMs = -1; // the service's Retry-After (service ms) when it sent one
    QByteArray method;
    QUrl url;

    bool isError() const { return kind != Kind::None; }
    QString toString() const;

    static QString kindName(Kind kind);
    static GraphError make(Kind kind, const QString &message, const QUrl &url = {});
    // Builds an Http (or Throttled) error from a status and a Graph error body
    // {"error":{"code","message","innerError":{"request-id"}}}; tolerant of
    // bodies that are not Graph errors.
    static GraphError fromHttp(int status, const QJsonValue &body, const QUrl &url,
                               const QString &requestIdHeader = {});
};

} // namespace herald::graph

Q_DECLARE_METATYPE(herald::graph::GraphError)
