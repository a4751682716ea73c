#include "DemoSession.h"

#include "UiLogging.h"

#include <QHostAddress>
#include <QThread>

namespace herald::ui {

struct DemoSession::StartResult
{
    bool ok = false;
    QString error;
    DemoTenant tenant;
    QString clientSecret;
};

DemoSession::DemoSession(QObject *parent)
    : DemoSession(defaultOptions(), parent)
{
}

DemoSession::DemoSession(const sim::SimOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
}

DemoSession::~DemoSession()
{
    if (m_thread) {
        // The server is deleted in its own thread when the thread finishes
        // (see start()); waiting here also guarantees the start job is done
        // before this object goes away.
        m_thread->quit();
        m_thread->wait();
    }
}

sim::SimOptions DemoSession::defaultOptions()
{
    sim::SimOptions options;
    options.users = 2400;
    options.teams = 40;
    options.groups = 24;
    options.seed = 20240611;
    options.installedFraction = 0.35;
    options.unlicensedFraction = 0.03;
    options.policyBlockedFraction = 0.02;
    options.botBlockedFraction = 0.01;
    // The documented limits, 10 times faster (as herald-cli --demo): pacing
    // and progress stay visible, a 2,400-user sweep takes ~8 s, not 80.
    options.timeScale = 10.0;
    options.throttling = true;
    return options;
}

void DemoSession::start()
{
    if (m_state == State::Starting || m_state == State::Running)
        return;
    m_state = State::Starting;
    m_error.clear();

    if (!m_thread) {
        m_thread = new QThread(this);
        m_thread->setObjectName(QStringLiteral("herald-demo-tenant"));
        m_thread->start();
    }

    // Everything the simulator owns lives under `home`, in the simulator's
    // thread, and is deleted there when the thread finishes.
    auto *home = new QObject;
    home->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, home, &QObject::deleteLater);

    const sim::SimOptions options = m_options;
    QMetaObject::invokeMethod(home, [this, home, options] {
        StartResult result;
        auto *server = new sim::SimServer(options, home);
        if (server->listen(QHostAddress::LocalHost, 0)) {
            result.ok = true;
            const sim::SimOptions &effective = server->options();
            result.tenant.host = server->baseUrl().host();
            result.tenant.port = server->port();
            result.tenant.graphUrl = server->graphUrl();
            result.tenant.loginUrl = server->loginUrl();
            result.tenant.botServiceUrl = server->botServiceUrl();
            result.tenant.tenantId = effective.tenantId;
            result.tenant.tenantDomain = effective.tenantDomain;
            result.tenant.clientId = effective.clientId;
            result.tenant.appId = server->appId();
            result.tenant.appExternalId = effective.appExternalId;
            result.tenant.appDisplayName = effective.appDisplayName;
            result.tenant.timeScale = effective.timeScale;
            result.tenant.users = effective.users;
            result.clientSecret = effective.clientSecret;
        } else {
            result.error = server->errorString();
            delete server;
        }
        // Back to the GUI thread. The destructor waits for this thread, so
        // `this` is alive here; a late event for a deleted session is dropped.
        QMetaObject::invokeMethod(
            this, [this, result] { finishStart(result); }, Qt::QueuedConnection);
    });
}

void DemoSession::finishStart(const StartResult &result)
{
    if (!result.ok) {
        m_state = State::Failed;
        m_error = result.error.isEmpty() ? tr("unknown error") : result.error;
        qCWarning(lcUi) << "Demo tenant did not start:" << m_error;
        emit failed(m_error);
        return;
    }
    m_state = State::Running;
    m_tenant = result.tenant;
    m_clientSecret = result.clientSecret;
    qCInfo(lcUi).noquote() << "Demo tenant" << m_tenant.tenantDomain << "listening on"
                           << QStringLiteral("%1:%2").arg(m_tenant.host).arg(m_tenant.port);
    emit started();
}

} // namespace herald::ui
