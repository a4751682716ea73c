#include "secrets/SecretStore.h"

#include <QCoreApplication>
#include <QFile>
#include <algorithm>

#if HERALD_SECRET_SERVICE
#include <sys/stat.h>
#endif

namespace herald::secrets {

namespace {

bool g_boundedWaits = false;

} // namespace

QString kindName(SecretKind kind)
{
    switch (kind) {
    case SecretKind::Client:
        return QStringLiteral("client");
    case SecretKind::Bot:
        return QStringLiteral("bot");
    case SecretKind::RefreshToken:
        return QStringLiteral("refresh-token");
    }
    return {};
}

std::optional<SecretKind> kindFromName(const QString &name)
{
    for (SecretKind kind : {SecretKind::Client, SecretKind::Bot, SecretKind::RefreshToken}) {
        if (name.trimmed().compare(kindName(kind), Qt::CaseInsensitive) == 0)
            return kind;
    }
    return std::nullopt;
}

SecretStore::SecretStore(QObject *parent)
    : QObject(parent)
{
}

namespace {

// Every write job of every store, until it finishes or is deleted.
QList<QPointer<SecretJob>> &writeJobs()
{
    static QList<QPointer<SecretJob>> jobs;
    return jobs;
}

bool inFlight(const SecretJob *job)
{
    return job && job->isStarted() && !job->isFinished();
}

} // namespace

SecretStore::~SecretStore()
{
    // A write on its way must not die with its store (a session object that
    // is deleted when its command finishes): hand it to the application,
    // where it ends and deletes itself.
    for (const QPointer<SecretJob> &job : writeJobs()) {
        if (inFlight(job) && job->parent() == this)
            job->setParent(QCoreApplication::instance());
    }
}

int SecretStore::writesInFlight()
{
    QList<QPointer<SecretJob>> &jobs = writeJobs();
    jobs.removeIf([](const QPointer<SecretJob> &job) { return !job || job->isFinished(); });
    return int(std::count_if(jobs.cbegin(), jobs.cend(), [](const auto &job) { return inFlight(job); }));
}

void SecretStore::whenWritesDone(QObject *context, std::function<void()> then)
{
    if (writesInFlight() == 0) {
        then();
        return;
    }
    // Ask again after each write ends: a finished write may have started
    // another (rare), and the order they end in does not matter.
    for (const QPointer<SecretJob> &job : writeJobs()) {
        if (!inFlight(job))
            continue;
        QObject::connect(
            job, &graph::Job::finished, context,
            [context, then] {
                // Queued: the job's own finished() handlers run first.
                QMetaObject::invokeMethod(
                    context, [context, then] { whenWritesDone(context, then); }, Qt::QueuedConnection);
            },
            Qt::SingleShotConnection);
        return; // one at a time: the callback asks again
    }
}

QString SecretStore::keyFor(const QString &profile, SecretKind kind)
{
    const QString suffix
        = kind == SecretKind::RefreshToken ? kindName(kind) : kindName(kind) + QStringLiteral("-secret");
    return profile + QLatin1Char('/') + suffix;
}

SecretJob *SecretStore::read(const QString &profile, SecretKind kind)
{
    return new SecretJob(SecretJob::Operation::Read, m_service, keyFor(profile, kind), {}, m_env,
                         g_boundedWaits ? -1 : 0, this);
}

SecretJob *SecretStore::write(const QString &profile, SecretKind kind, const QString &secret)
{
    auto *job = new SecretJob(SecretJob::Operation::Write, m_service, keyFor(profile, kind), secret, m_env,
                              g_boundedWaits ? -1 : 0, this);
    writeJobs().append(job);
    return job;
}

SecretJob *SecretStore::remove(const QString &profile, SecretKind kind)
{
    return new SecretJob(SecretJob::Operation::Remove, m_service, keyFor(profile, kind), {}, m_env,
                         g_boundedWaits ? -1 : 0, this);
}

void SecretStore::setBoundedWaits(bool bounded)
{
    g_boundedWaits = bounded;
}

QString SecretStore::sessionBusProblem(const QProcessEnvironment &env)
{
#if HERALD_SECRET_SERVICE
    // Where libdbus and GDBus look for the session bus. Without either they
    // autolaunch one through dbus-launch when DISPLAY is set: a private bus
    // whose freshly activated keyring blocks every lookup (25 s D-Bus timeouts,
    // or an unlock prompt that waits forever). Better to say so at once.
    if (!env.value(QStringLiteral("DBUS_SESSION_BUS_ADDRESS")).trimmed().isEmpty())
        return {};
    const QString runtime = env.value(QStringLiteral("XDG_RUNTIME_DIR"));
    if (!runtime.isEmpty()) {
        struct stat info
        {
        };
        const QByteArray socket = QFile::encodeName(runtime + QStringLiteral("/bus"));
        if (::stat(socket.constData(), &info) == 0 && S_ISSOCK(info.st_mode))
            return {};
    }
    return tr("there is no D-Bus session bus: DBUS_SESSION_BUS_ADDRESS is not set and there is no "
              "$XDG_RUNTIME_DIR/bus socket; run Herald inside your desktop session or `dbus-run-session`");
#else
    Q_UNUSED(env);
    return {};
#endif
}

QString SecretStore::lockedMessage()
{
    return tr("The keychain is locked, so Herald cannot read or change the secrets in it.");
}

QString SecretStore::lockedHint()
{
    // `gnome-keyring-daemon --unlock` alone does not unlock a running
    // daemon's collection once it was locked; --replace starts it unlocked.
    return tr("Unlock it: log in to the desktop session (or unlock the \"login\" keyring in Passwords and "
              "Keys); without a desktop, restart the keyring unlocked with `gnome-keyring-daemon --replace "
              "--unlock` (it reads the keyring password from standard input). For automation set "
              "HERALD_CLIENT_SECRET / HERALD_BOT_SECRET instead.");
}

QString SecretStore::noBackendMessage(const QString &detail)
{
    QString message = tr("No keychain is available");
    if (!detail.isEmpty())
        message += QStringLiteral(" (") + detail + QLatin1Char(')');
    message += tr(". Herald keeps secrets only in the OS keychain, never in a file. On Linux start a Secret "
                  "Service in your D-Bus session (gnome-keyring-daemon, KeePassXC or KWallet) and unlock it; "
                  "for automation set HERALD_CLIENT_SECRET / HERALD_BOT_SECRET instead.");
    return message;
}

KeychainSecretSource::KeychainSecretSource(SecretStore *store)
    : m_store(store)
{
}

void KeychainSecretSource::lookup(SecretKind kind, const QString &profile, Callback done)
{
    if (!m_store) {
        done(std::nullopt);
        return;
    }
    SecretJob *job = m_store->read(profile, kind);
    QObject::connect(job, &graph::Job::finished, m_store, [this, job, done] {
        if (job->succeeded()) {
            done(job->found() ? std::optional<QString>(job->secret()) : std::nullopt);
            return;
        }
        m_reason = job->error().message;
        if (!job->error().hint.isEmpty())
            m_reason += QLatin1Char(' ') + job->error().hint;
        done(std::nullopt);
    });
    job->start();
}

} // namespace herald::secrets
