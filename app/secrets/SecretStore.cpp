#include "secrets/SecretStore.h"

#include "secrets/Logging.h"

#include <qt6keychain/keychain.h>

namespace herald::secrets {

using graph::GraphError;

namespace {

// QtKeychain reports an unreachable Secret Service (no D-Bus session, no
// daemon on the bus) as OtherError with libsecret's or D-Bus's text; those
// are a missing backend for the user, not a failure of the store.
bool looksLikeMissingBackend(const QString &text)
{
    static const char *const markers[] = {"dbus",
                                          "d-bus",
                                          "org.freedesktop.secrets",
                                          "secret service",
                                          "no such secret collection",
                                          "could not connect",
                                          "cannot autolaunch",
                                          "not provided by any .service",
                                          "no backend"};
    const QString lower = text.toLower();
    for (const char *marker : markers) {
        if (lower.contains(QLatin1String(marker)))
            return true;
    }
    return false;
}

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

SecretJob::SecretJob(Operation operation, const QString &service, const QString &key, const QString &secret,
                     QObject *parent)
    : graph::Job(parent)
    , m_operation(operation)
    , m_service(service)
    , m_key(key)
    , m_secret(secret)
{
}

SecretJob::~SecretJob()
{
    doAbort();
}

void SecretJob::doStart()
{
    QKeychain::Job *job = nullptr;
    switch (m_operation) {
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(m_service, this);
        break;
    case Operation::Write: {
        auto *write = new QKeychain::WritePasswordJob(m_service, this);
        write->setTextData(m_secret);
        // What we wrote is not kept in this object longer than needed.
        m_secret.clear();
        job = write;
        break;
    }
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(m_service, this);
        break;
    }
    job->setKey(m_key);
    job->setAutoDelete(false);
    // Never store secrets in a plaintext file when no keychain is there.
    job->setInsecureFallback(false);
    m_job = job;
    connect(job, &QKeychain::Job::finished, this, &SecretJob::onKeychainFinished);
    qCDebug(lcSecrets) << "keychain" << int(m_operation) << "for" << m_key;
    job->start();
}

void SecretJob::doAbort()
{
    if (m_job) {
        m_job->disconnect(this);
        m_job->deleteLater();
        m_job = nullptr;
    }
}

void SecretJob::onKeychainFinished(QKeychain::Job *job)
{
    if (job != m_job)
        return;
    m_job = nullptr;
    job->deleteLater();
    const QKeychain::Error code = job->error();
    const QString detail = job->errorString();
    if (code == QKeychain::NoError) {
        m_status = Status::Ok;
        if (m_operation == Operation::Read)
            m_secret = static_cast<QKeychain::ReadPasswordJob *>(job)->textData();
        finishOk();
        return;
    }
    if (code == QKeychain::EntryNotFound) {
        m_status = Status::NotFound;
        m_secret.clear();
        finishOk();
        return;
    }
    GraphError error;
    error.kind = GraphError::Kind::Auth;
    error.code = QStringLiteral("Keychain");
    if (code == QKeychain::NoBackendAvailable || code == QKeychain::NotImplemented
        || (code == QKeychain::OtherError && looksLikeMissingBackend(detail))) {
        m_status = Status::NoBackend;
        error.message = SecretStore::noBackendMessage(detail);
    } else if (code == QKeychain::AccessDenied || code == QKeychain::AccessDeniedByUser) {
        m_status = Status::AccessDenied;
        error.message = tr("The keychain refused access (%1).").arg(detail);
        error.hint = tr("Unlock the keychain (for GNOME: the \"login\" keyring in Passwords and Keys) and "
                        "try again.");
    } else {
        m_status = Status::Failed;
        error.message = tr("The keychain failed: %1").arg(detail);
    }
    qCDebug(lcSecrets).noquote() << "keychain error for" << m_key << ':' << detail;
    finishWithError(error);
}

SecretStore::SecretStore(QObject *parent)
    : QObject(parent)
{
}

QString SecretStore::keyFor(const QString &profile, SecretKind kind)
{
    const QString suffix
        = kind == SecretKind::RefreshToken ? kindName(kind) : kindName(kind) + QStringLiteral("-secret");
    return profile + QLatin1Char('/') + suffix;
}

SecretJob *SecretStore::read(const QString &profile, SecretKind kind)
{
    return new SecretJob(SecretJob::Operation::Read, m_service, keyFor(profile, kind), {}, this);
}

SecretJob *SecretStore::write(const QString &profile, SecretKind kind, const QString &secret)
{
    return new SecretJob(SecretJob::Operation::Write, m_service, keyFor(profile, kind), secret, this);
}

SecretJob *SecretStore::remove(const QString &profile, SecretKind kind)
{
    return new SecretJob(SecretJob::Operation::Remove, m_service, keyFor(profile, kind), {}, this);
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
