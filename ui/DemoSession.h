#pragma once

#include "sim/SimServer.h"

#include <QObject>
#include <QString>
#include <QUrl>

class QThread;

namespace herald::ui {

// Where the simulated tenant of a demo session answers, and who it is. The
// pages use these in place of a profile's endpoints.
struct DemoTenant
{
    QString host;
    quint16 port = 0;
    QUrl graphUrl;
    QUrl loginUrl;
    QUrl botServiceUrl;
    QString tenantId;
    QString tenantDomain;
    QString clientId;
    QString appId; // catalog id (teamsAppId) of the organisation's bot
    QString appExternalId;
    QString appDisplayName;
    double timeScale = 1.0; // the client must pace and read Retry-After the same way
    int users = 0;
};

// `herald --demo`: a simulated tenant (herald::sim::SimServer) running in this
// process on a free loopback port.
//
// The simulator lives in its own thread: generating a tenant of a few thousand
// users and answering HTTP must never hold up the GUI's event loop, and the
// window can paint before the tenant exists.
class DemoSession : public QObject
{
    Q_OBJECT

signals:
    void started();
    void failed(const QString &message);

public:
    enum class State { Idle, Starting, Running, Failed };

    explicit DemoSession(QObject *parent = nullptr);
    explicit DemoSession(const sim::SimOptions &options, QObject *parent = nullptr);
    ~DemoSession() override;

    // A realistic tenant: a few thousand users, about forty teams, some users
    // without a Teams licence, some blocked by policy, some who blocked the bot.
    static sim::SimOptions defaultOptions();

    // Starts the simulator in the background; emits started() or failed().
    // Calling it again while starting or running does nothing.
    void start();

    State state() const { return m_state; }
    QString errorString() const { return m_error; }
    const DemoTenant &tenant() const { return m_tenant; } // filled when Running

    // The client secret the simulator accepts. Keep it in memory: never log
    // it, never write it to disk or put it on a command line.
    QString clientSecret() const { return m_clientSecret; }

private:
    struct StartResult;
    void finishStart(const StartResult &result);

    sim::SimOptions m_options;
    QThread *m_thread = nullptr;
    State m_state = State::Idle;
    QString m_error;
    DemoTenant m_tenant;
    QString m_clientSecret;
};

} // namespace herald::ui
