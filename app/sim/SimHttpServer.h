#pragma once

// The HTTP front end: turns each QHttpServerRequest into a SimRequest, asks
// the handler for an outcome, then answers -- now, or later from a timer when
// latency is simulated -- or drops the connection (fault injection). Written
// directly on the socket so an answer can outlive handleRequest() safely: a
// socket that went away in the meantime is simply skipped.

#include "sim/SimTypes.h"

#include <QAbstractHttpServer>
#include <functional>

QT_BEGIN_NAMESPACE
class QTcpSocket;
QT_END_NAMESPACE

namespace herald::sim {

class SimHttpServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    using Handler = std::function<SimOutcome(const SimRequest &)>;
    using Hook = std::function<void()>;

    explicit SimHttpServer(Handler handler, QObject *parent = nullptr);

    // Called when a request is received and when it is finally answered or dropped.
    void setInFlightHooks(Hook started, Hook finished);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    static SimRequest convert(const QHttpServerRequest &request);
    static void write(QTcpSocket *socket, const SimResponse &response, bool close);

    Handler m_handler;
    Hook m_started;
    Hook m_finished;
};

} // namespace herald::sim
