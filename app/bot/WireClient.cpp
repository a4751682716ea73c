#include "bot/WireClient.h"

#include "bot/BotLogging.h"

#include <QSslSocket>
#include <QTcpSocket>

namespace herald::bot {

namespace {

constexpr qint64 kMaxHeaderBytes = 64 * 1024;
constexpr qint64 kMaxBodyBytes = 8 * 1024 * 1024;

bool isTls(const QUrl &origin)
{
    return origin.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0;
}

int portOf(const QUrl &origin)
{
    return origin.port(isTls(origin) ? 443 : 80);
}

} // namespace

QByteArray WireReply::header(const QByteArray &name) const
{
    for (const auto &pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return pair.second;
    }
    return {};
}

// --- WireExchange ------------------------------------------------------------

WireExchange::WireExchange(WireClient *client, const QUrl &url, QByteArray request, int timeoutMs)
    : QObject(client)
    , m_client(client)
    , m_url(url)
    , m_request(std::move(request))
    , m_timeoutMs(timeoutMs)
{
}

void WireExchange::complete(WireReply reply)
{
    if (m_done)
        return;
    m_done = true;
    m_reply = std::move(reply);
    // Always from the event loop, so a caller's post() never sees finished() inside it.
    QMetaObject::invokeMethod(this, &WireExchange::finished, Qt::QueuedConnection);
}

void WireExchange::abort()
{
    if (m_done)
        return;
    if (m_client)
        m_client->withdraw(this);
    if (!m_done) {
        WireReply reply;
        reply.phase = WireReply::Phase::NotSent;
        reply.error = tr("The request was cancelled before it was sent.");
        complete(reply);
    }
}

// --- WireClient ----------------------------------------------------------------

WireClient::WireClient(const QUrl &origin, QObject *parent)
    : QObject(parent)
    , m_origin(origin)
{
}

WireClient::~WireClient()
{
    for (WireConnection *c : m_connections)
        delete c;
    m_connections.clear();
}

int WireClient::busyConnections() const
{
    int busy = 0;
    for (const WireConnection *c : m_connections)
        busy += c->isBusy() ? 1 : 0;
    return busy;
}

WireExchange *WireClient::post(const QUrl &url, const QByteArray &body, const graph::HeaderList &headers,
                               int timeoutMs)
{
    QByteArray target = url.path(QUrl::FullyEncoded).toLatin1();
    if (target.isEmpty())
        target = "/";
    if (url.hasQuery())
        target += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (url.port() > 0)
        host += ':' + QByteArray::number(url.port());
    QByteArray request;
    request.reserve(512 + body.size());
    request += "POST " + target + " HTTP/1.1\r\nHost: " + host + "\r\n";
    request += "Content-Type: application/json; charset=utf-8\r\nAccept: application/json\r\n";
    request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    for (const auto &[name, value] : headers)
        request += name + ": " + value + "\r\n";
    request += "\r\n";
    request += body;
    auto *exchange = new WireExchange(this, url, std::move(request), timeoutMs);
    m_queue.emplace_back(exchange);
    if (!m_pumpScheduled) {
        m_pumpScheduled = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_pumpScheduled = false;
                pump();
            },
            Qt::QueuedConnection);
    }
    return exchange;
}

void WireClient::pump()
{
    while (!m_queue.empty()) {
        QPointer<WireExchange> exchange = m_queue.front();
        if (!exchange || exchange->m_done) {
            m_queue.pop_front();
            continue;
        }
        WireConnection *free = nullptr;
        // Reuse the most recently used idle connection; drop stale ones.
        for (auto it = m_connections.begin(); it != m_connections.end();) {
            WireConnection *c = *it;
            if (!c->isBusy() && c->isStale()) {
                c->deleteLater();
                it = m_connections.erase(it);
                continue;
            }
            if (!c->isBusy() && !free)
                free = c;
            ++it;
        }
        if (!free) {
            if (int(m_connections.size()) >= m_maxConnections)
                return;
            free = new WireConnection(this, m_origin);
            m_connections.push_back(free);
        }
        m_queue.pop_front();
        free->run(exchange);
    }
}

void WireClient::connectionIdle(WireConnection *)
{
    pump();
}

void WireClient::withdraw(WireExchange *exchange)
{
    for (auto it = m_queue.begin(); it != m_queue.end(); ++it) {
        if (*it == exchange) {
            m_queue.erase(it);
            return;
        }
    }
    for (WireConnection *c : m_connections)
        c->abortExchange(exchange);
}

// --- WireConnection ------------------------------------------------------------

WireConnection::WireConnection(WireClient *client, const QUrl &origin)
    : QObject(client)
    , m_client(client)
    , m_origin(origin)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &WireConnection::onTimeout);
}

WireConnection::~WireConnection()
{
    dropSocket();
}

bool WireConnection::isStale() const
{
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return true;
    return m_idleSince.isValid() && m_idleSince.elapsed() > WireClient::kIdleCloseMs;
}

void WireConnection::run(WireExchange *exchange)
{
    m_exchange = exchange;
    m_busy = true;
    m_buffer.clear();
    m_answer = {};
    m_bodyStart = -1;
    m_contentLength = -1;
    m_chunked = false;
    m_closeAfter = false;
    m_written = false;
    m_idleSince.invalidate();
    m_timer.start(std::max(1, exchange->m_timeoutMs));
    if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState && m_connected) {
        writeRequest();
        return;
    }
    openSocket();
}

void WireConnection::openSocket()
{
    dropSocket();
    m_connected = false;
    if (isTls(m_origin)) {
        auto *ssl = new QSslSocket(this);
        m_socket = ssl;
        // Certificate errors end the handshake: nothing here ever ignores them.
        connect(ssl, &QSslSocket::encrypted, this, [this] {
            m_connected = true;
            writeRequest();
        });
        ssl->connectToHostEncrypted(m_origin.host(), quint16(portOf(m_origin)));
    } else {
        m_socket = new QTcpSocket(this);
        connect(m_socket, &QTcpSocket::connected, this, [this] {
            m_connected = true;
            writeRequest();
        });
        m_socket->connectToHost(m_origin.host(), quint16(portOf(m_origin)));
    }
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(m_socket, &QTcpSocket::readyRead, this, &WireConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &WireConnection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &WireConnection::onDisconnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &WireConnection::onError);
}

void WireConnection::writeRequest()
{
    if (!m_busy || !m_exchange) {
        if (m_busy) // the exchange went away before its request was written
            fail(WireReply::Phase::NotSent, tr("The request was withdrawn."));
        return;
    }
    m_socket->write(m_exchange->m_request);
    onBytesWritten();
}

void WireConnection::onBytesWritten()
{
    // Written = every byte handed to the operating system. Before that the
    // service cannot have a complete request to act on.
    if (m_busy && m_socket && m_socket->bytesToWrite() == 0 && m_connected)
        m_written = true;
}

void WireConnection::onReadyRead()
{
    if (!m_socket)
        return;
    m_buffer += m_socket->readAll();
    if (!m_busy) {
        // Bytes nobody asked for: the connection is out of step. Close it.
        dropSocket();
        return;
    }
    if (m_buffer.size() > kMaxHeaderBytes + kMaxBodyBytes) {
        fail(WireReply::Phase::Unanswered, tr("The answer is too large."));
        return;
    }
    if (parse())
        finishAnswered();
}

bool WireConnection::parse()
{
    for (;;) {
        if (m_bodyStart < 0) {
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return false;
            const QList<QByteArray> lines = m_buffer.left(end).split('\n');
            const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
            const int status = statusLine.value(1).toInt();
            if (!statusLine.value(0).startsWith("HTTP/1.") || status < 100) {
                m_answer.status = -1;
                return true;
            }
            if (status < 200) { // 100 Continue and friends: the real answer follows
                m_buffer.remove(0, end + 4);
                continue;
            }
            m_answer.status = status;
            m_answer.headers.clear();
            m_closeAfter = statusLine.value(0) == "HTTP/1.0";
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QByteArray line = lines.at(i).trimmed();
                const qsizetype colon = line.indexOf(':');
                if (colon <= 0)
                    continue;
                const QByteArray name = line.left(colon).trimmed();
                const QByteArray value = line.mid(colon + 1).trimmed();
                m_answer.headers.append({name, value});
                if (name.compare("content-length", Qt::CaseInsensitive) == 0)
                    m_contentLength = value.toLongLong();
                else if (name.compare("transfer-encoding", Qt::CaseInsensitive) == 0)
                    m_chunked = value.toLower().contains("chunked");
                else if (name.compare("connection", Qt::CaseInsensitive) == 0)
                    m_closeAfter = value.toLower().contains("close")
                        || (m_closeAfter && !value.toLower().contains("keep-alive"));
            }
            m_bodyStart = end + 4;
        }
        if (m_chunked) {
            // Decode as far as the buffer goes; complete at the 0-size chunk.
            QByteArray body;
            qsizetype pos = m_bodyStart;
            for (;;) {
                const qsizetype lineEnd = m_buffer.indexOf("\r\n", pos);
                if (lineEnd < 0)
                    return false;
                bool ok = false;
                const qint64 size
                    = m_buffer.mid(pos, lineEnd - pos).split(';').value(0).trimmed().toLongLong(&ok, 16);
                if (!ok || size < 0) {
                    m_answer.status = -1;
                    return true;
                }
                if (size == 0) {
                    if (m_buffer.indexOf("\r\n", lineEnd + 2) < 0)
                        return false; // trailers not complete yet
                    m_answer.body = body;
                    return true;
                }
                if (m_buffer.size() < lineEnd + 2 + size + 2)
                    return false;
                body += m_buffer.mid(lineEnd + 2, size);
                pos = lineEnd + 2 + size + 2;
            }
        }
        if (m_contentLength >= 0) {
            if (m_buffer.size() - m_bodyStart < m_contentLength)
                return false;
            m_answer.body = m_buffer.mid(m_bodyStart, m_contentLength);
            return true;
        }
        // No length: the body runs until the server closes (onDisconnected).
        return false;
    }
}

void WireConnection::finishAnswered()
{
    m_timer.stop();
    if (m_answer.status < 0) {
        fail(WireReply::Phase::Unanswered, tr("The answer is not valid HTTP."));
        return;
    }
    WireExchange *exchange = m_exchange;
    m_exchange = nullptr;
    m_busy = false;
    m_answer.phase = WireReply::Phase::Answered;
    if (m_closeAfter)
        dropSocket();
    else
        m_idleSince.start();
    m_buffer.clear();
    if (exchange)
        exchange->complete(std::move(m_answer));
    m_answer = {};
    m_client->connectionIdle(this);
}

void WireConnection::onDisconnected()
{
    if (!m_busy)
        return;
    if (m_bodyStart >= 0 && !m_chunked && m_contentLength < 0) {
        m_answer.body = m_buffer.mid(m_bodyStart); // body delimited by the close
        m_closeAfter = true;
        finishAnswered();
        return;
    }
    fail(m_written ? WireReply::Phase::Unanswered : WireReply::Phase::NotSent,
         tr("The connection was closed before an answer came."));
}

void WireConnection::onError()
{
    if (!m_busy || !m_socket)
        return;
    const QAbstractSocket::SocketError error = m_socket->error();
    if (error == QAbstractSocket::RemoteHostClosedError) {
        onDisconnected();
        return;
    }
    const bool tls = error == QAbstractSocket::SslHandshakeFailedError
        || error == QAbstractSocket::SslInvalidUserDataError || error == QAbstractSocket::SslInternalError;
    fail(m_written ? WireReply::Phase::Unanswered : WireReply::Phase::NotSent, m_socket->errorString(), tls);
}

void WireConnection::onTimeout()
{
    if (!m_busy)
        return;
    fail(m_written ? WireReply::Phase::Unanswered : WireReply::Phase::NotSent, tr("No answer in time."),
         false, true);
}

void WireConnection::abortExchange(WireExchange *exchange)
{
    if (!m_busy || m_exchange != exchange)
        return;
    fail(m_written ? WireReply::Phase::Unanswered : WireReply::Phase::NotSent,
         tr("The request was cancelled while in flight."));
}

void WireConnection::fail(WireReply::Phase phase, const QString &error, bool tls, bool timedOut)
{
    m_timer.stop();
    WireExchange *exchange = m_exchange;
    m_exchange = nullptr;
    m_busy = false;
    // Whatever state the stream is in, it cannot carry another request.
    dropSocket();
    WireReply reply;
    reply.phase = phase;
    reply.error = error;
    reply.tlsError = tls;
    reply.timedOut = timedOut;
    if (exchange)
        exchange->complete(std::move(reply));
    qCDebug(lcBot) << "wire:" << error
                   << (phase == WireReply::Phase::Unanswered ? "(unanswered)" : "(not sent)");
    m_client->connectionIdle(this);
}

void WireConnection::dropSocket()
{
    if (!m_socket)
        return;
    QTcpSocket *socket = m_socket;
    m_socket = nullptr;
    m_connected = false;
    disconnect(socket, nullptr, this, nullptr);
    socket->abort();
    socket->deleteLater();
}

} // namespace herald::bot
