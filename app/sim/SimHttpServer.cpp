#include "sim/SimHttpServer.h"

#include "sim/SimLog.h"

#include <QHttpServerRequest>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace herald::sim {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Connect:
        return "CONNECT";
    case QHttpServerRequest::Method::Trace:
        return "TRACE";
    default:
        return "UNKNOWN";
    }
}

} // namespace

SimHttpServer::SimHttpServer(Handler handler, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_handler(std::move(handler))
{
}

void SimHttpServer::setInFlightHooks(Hook started, Hook finished)
{
    m_started = std::move(started);
    m_finished = std::move(finished);
}

SimRequest SimHttpServer::convert(const QHttpServerRequest &request)
{
    SimRequest r;
    r.method = methodName(request.method());
    const QUrl url = request.url();
    r.path = url.path(QUrl::FullyDecoded);
    r.query = SimRequest::parseQuery(url.query(QUrl::FullyEncoded).toLatin1());
    for (const auto &header : request.headers())
        r.headers.insert(header.first.toLower(), header.second);
    r.body = request.body();
    return r;
}

void SimHttpServer::write(QTcpSocket *socket, const SimResponse &response, bool close)
{
    QByteArray out;
    out.reserve(256 + response.body.size());
    out += "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    for (const auto &header : response.headers)
        out += header.first + ": " + header.second + "\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    if (close)
        out += "Connection: close\r\n";
    out += "\r\n";
    out += response.body;
    socket->write(out);
    if (close)
        socket->disconnectFromHost();
}

bool SimHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const SimRequest simRequest = convert(request);
    if (m_started)
        m_started();
    SimOutcome outcome = m_handler(simRequest);
    const bool close = simRequest.header("connection").compare("close", Qt::CaseInsensitive) == 0;
    qCDebug(lcSim) << simRequest.method << simRequest.path << "->" << outcome.response.status;

    QPointer<QTcpSocket> guard(socket);
    auto finish = [this, guard, outcome = std::move(outcome), close]() {
        if (guard && guard->state() == QAbstractSocket::ConnectedState) {
            if (outcome.disposition == SimDisposition::Answer)
                write(guard, outcome.response, close);
            else
                guard->abort(); // closed without an answer
        }
        if (m_finished)
            m_finished();
    };
    if (outcome.delayRealMs <= 0 && outcome.disposition == SimDisposition::Answer) {
        finish();
    } else {
        // Also drops go through the event loop: the server must finish its own
        // bookkeeping of this request before the socket goes away.
        QTimer::singleShot(std::max(0, outcome.delayRealMs), this, finish);
    }
    return true;
}

void SimHttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    Q_UNUSED(request)
    SimResponse response
        = SimResponse::json(404, QJsonObject{{QStringLiteral("error"), QStringLiteral("not found")}});
    write(socket, response, false);
}

} // namespace herald::sim
