#include "PrivateKeyring.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusReply>
#include <QDir>
#include <QStandardPaths>
#include <QTest>
#include <QUuid>
#include <csignal>

namespace herald::test {

namespace {

const QString kSecrets = QStringLiteral("org.freedesktop.secrets");
const QString kServicePath = QStringLiteral("/org/freedesktop/secrets");
const QString kLogin = QStringLiteral("/org/freedesktop/secrets/collection/login");
const QString kPrompter = QStringLiteral("org.gnome.keyring.SystemPrompter");

} // namespace

PrivateKeyring::PrivateKeyring(Display display)
    : m_displayMode(display)
    , m_connection(QStringLiteral("private-keyring-") + QUuid::createUuid().toString(QUuid::Id128))
{
}

PrivateKeyring::~PrivateKeyring()
{
    // An unlock prompt the test left open belongs to this session too.
    if (!m_address.isEmpty()) {
        QDBusConnection bus(m_connection);
        if (bus.isConnected()) {
            const QDBusReply<uint> pid = bus.interface()->servicePid(kPrompter);
            if (pid.isValid() && pid.value() > 0)
                ::kill(pid_t(pid.value()), SIGTERM);
        }
        QDBusConnection::disconnectFromBus(m_connection);
    }
    stop(m_keyring);
    stop(m_bus);
    stop(m_xvfb);
}

QStringList PrivateKeyring::missingPrograms(Display display)
{
    QStringList programs{QStringLiteral("dbus-daemon"), QStringLiteral("gnome-keyring-daemon")};
    if (display == Display::Xvfb)
        programs << QStringLiteral("Xvfb");
    QStringList missing;
    for (const QString &program : programs) {
        if (QStandardPaths::findExecutable(program).isEmpty())
            missing << program;
    }
    return missing;
}

QProcessEnvironment PrivateKeyring::environment(QProcessEnvironment base) const
{
    for (const char *name : {"DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY", "XAUTHORITY",
                             "GNOME_KEYRING_CONTROL", "SSH_AUTH_SOCK", "XDG_CURRENT_DESKTOP"})
        base.remove(QString::fromLatin1(name));
    base.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_address);
    base.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir.filePath(QStringLiteral("run")));
    if (!m_display.isEmpty())
        base.insert(QStringLiteral("DISPLAY"), m_display);
    return base;
}

bool PrivateKeyring::start()
{
    const QStringList missing = missingPrograms(m_displayMode);
    if (!missing.isEmpty()) {
        m_error = QStringLiteral("not installed: ") + missing.join(QStringLiteral(", "));
        return false;
    }
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary directory");
        return false;
    }
    for (const char *sub : {"run", "home", "data", "config", "cache"}) {
        QDir(m_dir.path()).mkpath(QString::fromLatin1(sub));
        QFile::setPermissions(m_dir.filePath(QString::fromLatin1(sub)),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    return (m_displayMode == Display::None || startXvfb()) && startBus() && startKeyring();
}

bool PrivateKeyring::startXvfb()
{
    // -displayfd: Xvfb picks a free display and prints its number.
    m_xvfb.start(QStringLiteral("Xvfb"),
                 {QStringLiteral("-displayfd"), QStringLiteral("1"), QStringLiteral("-nolisten"),
                  QStringLiteral("tcp"), QStringLiteral("-screen"), QStringLiteral("0"),
                  QStringLiteral("800x600x24")});
    QByteArray out;
    const bool ready = QTest::qWaitFor(
        [&] {
            out += m_xvfb.readAllStandardOutput();
            return out.contains('\n') || m_xvfb.state() == QProcess::NotRunning;
        },
        15000);
    if (!ready || !out.contains('\n')) {
        m_error
            = QStringLiteral("Xvfb did not start: ") + QString::fromLocal8Bit(m_xvfb.readAllStandardError());
        return false;
    }
    m_display = QLatin1Char(':') + QString::fromLatin1(out.trimmed());
    return true;
}

bool PrivateKeyring::startBus()
{
    // The daemon's environment is what it activates gcr-prompter with.
    QProcessEnvironment env = environment(QProcessEnvironment::systemEnvironment());
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    env.insert(QStringLiteral("HOME"), m_dir.filePath(QStringLiteral("home")));
    m_bus.setProcessEnvironment(env);
    m_bus.start(QStringLiteral("dbus-daemon"),
                {QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--nopidfile"),
                 QStringLiteral("--address=unix:path=") + m_dir.filePath(QStringLiteral("run/bus")),
                 QStringLiteral("--print-address=1")});
    QByteArray out;
    [[maybe_unused]] const bool printed = QTest::qWaitFor(
        [&] {
            out += m_bus.readAllStandardOutput();
            return out.contains('\n') || m_bus.state() == QProcess::NotRunning;
        },
        10000);
    if (!out.contains('\n')) {
        m_error = QStringLiteral("dbus-daemon did not start: ")
            + QString::fromLocal8Bit(m_bus.readAllStandardError());
        return false;
    }
    m_address = QString::fromLatin1(out.left(out.indexOf('\n')).trimmed());
    if (!QDBusConnection::connectToBus(m_address, m_connection).isConnected()) {
        m_error = QStringLiteral("cannot connect to the private bus ") + m_address;
        return false;
    }
    return true;
}

bool PrivateKeyring::startKeyring()
{
    QProcessEnvironment env = environment(QProcessEnvironment::systemEnvironment());
    env.insert(QStringLiteral("HOME"), m_dir.filePath(QStringLiteral("home")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), m_dir.filePath(QStringLiteral("cache")));
    m_keyring.setProcessEnvironment(env);
    // --unlock reads the (throw-away) password from stdin and creates the
    // login keyring with it.
    m_keyring.start(
        QStringLiteral("gnome-keyring-daemon"),
        {QStringLiteral("--foreground"), QStringLiteral("--unlock"), QStringLiteral("--components=secrets")});
    if (!m_keyring.waitForStarted(10000)) {
        m_error = QStringLiteral("gnome-keyring-daemon did not start");
        return false;
    }
    m_keyring.write("throw-away-test-password");
    m_keyring.closeWriteChannel();
    QDBusConnection bus(m_connection);
    const bool owned = QTest::qWaitFor(
        [&] {
            return m_keyring.state() == QProcess::NotRunning
                || bus.interface()->isServiceRegistered(kSecrets).value();
        },
        15000);
    if (!owned || m_keyring.state() == QProcess::NotRunning) {
        m_error = QStringLiteral("gnome-keyring-daemon did not take org.freedesktop.secrets: ")
            + QString::fromLocal8Bit(m_keyring.readAllStandardError());
        return false;
    }
    // The login collection exists (and is unlocked) once the daemon answers.
    if (!QTest::qWaitFor([&] { return !loginLocked(); }, 10000)) {
        m_error = QStringLiteral("the login keyring is not unlocked");
        return false;
    }
    return true;
}

void PrivateKeyring::stop(QProcess &process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.terminate();
    if (!process.waitForFinished(5000)) {
        process.kill();
        process.waitForFinished(5000);
    }
}

bool PrivateKeyring::lockLogin()
{
    QDBusMessage call = QDBusMessage::createMethodCall(
        kSecrets, kServicePath, QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("Lock"));
    call << QVariant::fromValue(QList<QDBusObjectPath>{QDBusObjectPath(kLogin)});
    const QDBusMessage reply = QDBusConnection(m_connection).call(call, QDBus::Block, 10000);
    return reply.type() == QDBusMessage::ReplyMessage && loginLocked();
}

bool PrivateKeyring::loginLocked()
{
    QDBusMessage call = QDBusMessage::createMethodCall(
        kSecrets, kLogin, QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
    call << QStringLiteral("org.freedesktop.Secret.Collection") << QStringLiteral("Locked");
    const QDBusMessage reply = QDBusConnection(m_connection).call(call, QDBus::Block, 10000);
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
        return true; // no login collection yet: nothing readable
    return reply.arguments().constFirst().value<QDBusVariant>().variant().toBool();
}

PrivateKeyring::Items PrivateKeyring::items(const QString &service, const QString &key)
{
    using Attributes = QMap<QString, QString>;
    static const QMetaType registered = qDBusRegisterMetaType<Attributes>();
    Q_UNUSED(registered);
    QDBusMessage call = QDBusMessage::createMethodCall(kSecrets, kServicePath,
                                                       QStringLiteral("org.freedesktop.Secret.Service"),
                                                       QStringLiteral("SearchItems"));
    call << QVariant::fromValue(
        Attributes{{QStringLiteral("user"), key}, {QStringLiteral("server"), service}});
    const QDBusMessage reply = QDBusConnection(m_connection).call(call, QDBus::Block, 10000);
    Items items;
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().size() != 2)
        return items;
    const auto count = [](const QVariant &v) { return int(qdbus_cast<QList<QDBusObjectPath>>(v).size()); };
    items.unlocked = count(reply.arguments().at(0));
    items.locked = count(reply.arguments().at(1));
    return items;
}

bool PrivateKeyring::promptShown()
{
    return QDBusConnection(m_connection).interface()->isServiceRegistered(kPrompter).value();
}

} // namespace herald::test
