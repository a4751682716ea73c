#pragma once

// FakeHttpServer: a tiny HTTP/1.1 server for the cases the faithful
// simulator never produces -- malformed JSON, a $batch answer missing an id,
// a nextLink to another host, a server that never answers, redirects.
// Each request is answered by a handler; every request is recorded with its
// raw request-target so tests can check what was sent byte for byte.

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QUrl>
#include <functional>
#include <memory>

class QTcpSocket;

namespace herald::test {

struct FakeRequest
{
    QByteArray method;
    QByteArray target; // as on the request line, e.g. "/v1.0/users?$skiptoken=a%2Bb"
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    qint64 receivedMs = 0; // since the server was created
};

struct FakeResponse
{
    enum class Action { Respond, Hang, Close };
    Action action = Action::Respond;
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    int delayMs = 0; // answer later (the connection stays busy meanwhile)

    static FakeResponse json(int status, const QByteArray &body);
    static FakeResponse json(int status, const QJsonObject &body);
    static FakeResponse hang();
    static FakeResponse close();
};

class FakeHttpServer : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<FakeResponse(const FakeRequest &)>;

    explicit FakeHttpServer(QObject *parent = nullptr);
    ~FakeHttpServer() override;

    bool listen(const QHostAddress &address = QHostAddress::LocalHost);
    // HTTPS with the given certificate and key (see makeSelfSignedCertificate).
    bool listenTls(const QSslConfiguration &configuration,
                   const QHostAddress &address = QHostAddress::LocalHost);
    quint16 port() const { return m_server->serverPort(); }
    // http://127.0.0.1:PORT, http://[::1]:PORT or http://localhost:PORT
    QUrl baseUrl(const QString &host = QStringLiteral("127.0.0.1")) const;
    bool isTls() const { return m_tls; }

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    const QList<FakeRequest> &requests() const { return m_requests; }
    // Requests received but not answered yet, and the most there ever were.
    int outstanding() const { return m_outstanding; }
    int peakOutstanding() const { return m_peakOutstanding; }

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);

    std::unique_ptr<QTcpServer> m_server;
    bool m_tls = false;
    Handler m_handler;
    QList<FakeRequest> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QElapsedTimer m_clock;
    int m_outstanding = 0;
    int m_peakOutstanding = 0;
};

// A throw-away self-signed certificate for 127.0.0.1 (made with the openssl
// command line in a temporary directory). Empty configuration on failure.
QSslConfiguration makeSelfSignedCertificate(QString *error);

} // namespace herald::test
