#include "secrets/SecretServiceProbe.h"

#include "secrets/Logging.h"

#if HERALD_SECRET_SERVICE
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QMap>
#endif

namespace herald::secrets {

namespace {

// SearchItems does not prompt; a few seconds is plenty even on a busy bus.
constexpr int kCallTimeoutMs = 5000;

} // namespace

SecretServiceProbe::SecretServiceProbe(const QString &service, const QString &key, QObject *parent)
    : graph::Job(parent)
    , m_service(service)
    , m_key(key)
{
}

SecretServiceProbe::~SecretServiceProbe()
{
    doAbort();
}

void SecretServiceProbe::doStart()
{
#if HERALD_SECRET_SERVICE
    using Attributes = QMap<QString, QString>;
    static const QMetaType registered = qDBusRegisterMetaType<Attributes>();
    Q_UNUSED(registered);

    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        finishOk();
        return;
    }
    QDBusMessage call = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
        QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("SearchItems"));
    // The attributes QtKeychain's libsecret schema stores ("org.qt.keychain").
    call << QVariant::fromValue(
        Attributes{{QStringLiteral("user"), m_key}, {QStringLiteral("server"), m_service}});
    call.setAutoStartService(false);
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, kCallTimeoutMs), this);
    m_watcher = watcher;
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher] {
        m_watcher = nullptr;
        watcher->deleteLater();
        const QDBusPendingReply<QList<QDBusObjectPath>, QList<QDBusObjectPath>> reply = *watcher;
        if (reply.isError()) {
            qCDebug(lcSecrets).noquote() << "Secret Service probe failed:" << reply.error().message();
            m_state = State::Unknown;
        } else if (!reply.argumentAt<0>().isEmpty()) {
            m_state = State::Unlocked;
        } else if (!reply.argumentAt<1>().isEmpty()) {
            m_state = State::Locked;
        } else {
            m_state = State::Absent;
        }
        finishOk();
    });
#else
    finishOk();
#endif
}

void SecretServiceProbe::doAbort()
{
    if (m_watcher) {
        m_watcher->disconnect(this);
        m_watcher->deleteLater();
        m_watcher = nullptr;
    }
}

} // namespace herald::secrets
