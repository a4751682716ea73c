#pragma once

// WireClient: a small HTTP/1.1 client for the Bot Connector's POSTs, over
// QTcpSocket / QSslSocket, with a pool of keep-alive connections to one
// origin.
//
// Why not QNetworkAccessManager: Qt 6.4 silently resends a request whose
// connection closed before the answer -- POSTs included (see
// tests/sim/tst_simfaults "qnamResendsUnansweredPostsOnQt64"). For a send
// that means a second delivery nobody asked for. Here a request is written
// exactly once, and the caller learns which side of the line a failure was:
//   Phase::NotSent     the request never fully left (connect refused, TLS
//                      handshake failed, closed while writing): the service
//                      cannot have acted on it, so it may be sent again;
//   Phase::Unanswered  it was written but no complete answer came (timeout,
//                      connection lost): the service may have acted on it.
// TLS errors are never ignored. One request per connection at a time (no
// pipelining). A connection idle longer than kIdleCloseMs is closed rather
// than reused, so a server-side idle close rarely meets a new request.

#include "graph/GraphResponse.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <deque>
#include <vector>

class QTcpSocket;

namespace herald::bot {

class WireClient;
class WireConnection;

struct WireReply
{
    enum class Phase { Answered, NotSent, Unanswered };
    Phase phase = Phase::NotSent;
    int status = 0; // HTTP status when answered
    graph::HeaderList headers;
    QByteArray body;
    QString error; // transport error text when not answered
    bool tlsError = false;
    bool timedOut = false;

    QByteArray header(const QByteArray &name) const;
};

// One request. Emits finished() exactly once (never from inside post()).
class WireExchange : public QObject
{
    Q_OBJECT

signals:
    void finished();

public:
    const WireReply &reply() const { return m_reply; }
    QUrl url() const { return m_url; }
    // Stops waiting: a request not yet written is dropped (NotSent), one that
    // was written is reported Unanswered. finished() still comes.
    void abort();

private:
    friend class WireClient;
    friend class WireConnection;
    WireExchange(WireClient *client, const QUrl &url, QByteArray request, int timeoutMs);
    void complete(WireReply reply);

    QPointer<WireClient> m_client;
    QUrl m_url;
    QByteArray m_request; // the whole HTTP/1.1 request
    int m_timeoutMs;
    WireReply m_reply;
    bool m_done = false;
};

class WireClient : public QObject
{
    Q_OBJECT

public:
    static constexpr int kIdleCloseMs = 20000;

    // `origin`: scheme, host and port requests go to (https, or http to a
    // loopback host -- the caller checks the rule).
    explicit WireClient(const QUrl &origin, QObject *parent = nullptr);
    ~WireClient() override;

    void setMaxConnections(int count) { m_maxConnections = std::max(1, count); }
    int maxConnections() const { return m_maxConnections; }
    int busyConnections() const;
    int queued() const { return int(m_queue.size()); }

    // POST `body` (JSON) to `url` (on the origin) with extra headers. The
    // exchange is a child of the client; delete it (or deleteLater) after finished().
    WireExchange *post(const QUrl &url, const QByteArray &body, const graph::HeaderList &headers,
                       int timeoutMs);

private:
    friend class WireConnection;
    friend class WireExchange;
    void pump();
    void connectionIdle(WireConnection *connection);
    void withdraw(WireExchange *exchange);

    QUrl m_origin;
    int m_maxConnections = 8;
    std::vector<WireConnection *> m_connections;
    std::deque<QPointer<WireExchange>> m_queue;
    bool m_pumpScheduled = false;
};

// One keep-alive connection (internal to WireClient).
class WireConnection : public QObject
{
    Q_OBJECT

public:
    WireConnection(WireClient *client, const QUrl &origin);
    ~WireConnection() override;

    bool isBusy() const { return m_busy; }
    bool isStale() const;
    void run(WireExchange *exchange);
    void abortExchange(WireExchange *exchange);

private:
    void openSocket();
    void writeRequest();
    void onReadyRead();
    void onBytesWritten();
    void onDisconnected();
    void onError();
    void onTimeout();
    bool parse(); // true when a whole answer is in m_buffer
    void finishAnswered();
    void fail(WireReply::Phase phase, const QString &error, bool tls = false, bool timedOut = false);
    void dropSocket();

    WireClient *m_client;
    QUrl m_origin;
    QTcpSocket *m_socket = nullptr;
    QPointer<WireExchange> m_exchange;
    QTimer m_timer;
    QElapsedTimer m_idleSince;
    QByteArray m_buffer;
    WireReply m_answer;
    qint64 m_bodyStart = -1; // offset of the body in m_buffer once headers are parsed
    qint64 m_contentLength = -1;
    bool m_chunked = false;
    bool m_closeAfter = false;
    bool m_written = false;
    bool m_connected = false;
    bool m_busy = false; // between run() and the answer, even if the exchange went away
};

} // namespace herald::bot
