// SecretJob: one keychain operation through QtKeychain, plus what QtKeychain
// cannot tell by itself on Linux (see SecretStore.h): no session bus, a
// locked collection, an unlock prompt nobody answers.

#include "secrets/Logging.h"
#include "secrets/SecretServiceProbe.h"
#include "secrets/SecretStore.h"

#include <QTimer>
#include <algorithm>
#include <functional>
#include <limits>
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

// QtKeychain's AccessDenied is libsecret's SECRET_ERROR_IS_LOCKED where the
// Secret Service is the backend ("Cannot create an item in a locked collection").
constexpr bool kSecretServicePlatform = HERALD_SECRET_SERVICE;

} // namespace

SecretJob::SecretJob(Operation operation, const QString &service, const QString &key, const QString &secret,
                     const QProcessEnvironment &env, int timeoutSeconds, QObject *parent)
    : graph::Job(parent)
    , m_operation(operation)
    , m_service(service)
    , m_key(key)
    , m_secret(secret)
    , m_env(env)
    , m_timeoutSeconds(timeoutSeconds)
{
}

SecretJob::~SecretJob()
{
    doAbort();
}

void SecretJob::doStart()
{
    const QString busProblem = SecretStore::sessionBusProblem(m_env);
    if (!busProblem.isEmpty()) {
        m_secret.clear();
        fail(Status::NoBackend, SecretStore::noBackendMessage(busProblem));
        return;
    }
    int timeout = m_timeoutSeconds;
    if (timeout < 0) {
        const QString value = m_env.value(QStringLiteral("HERALD_KEYCHAIN_TIMEOUT")).trimmed();
        bool ok = true;
        timeout = value.isEmpty() ? SecretStore::kDefaultTimeoutSeconds : value.toInt(&ok);
        if (!ok || timeout < 0) {
            m_secret.clear();
            GraphError error;
            error.kind = GraphError::Kind::Config;
            error.code = QStringLiteral("Keychain");
            error.message = tr("HERALD_KEYCHAIN_TIMEOUT='%1' is not a number of seconds: set a whole number "
                               "(0 waits without limit) or unset it (%2 seconds).")
                                .arg(value)
                                .arg(SecretStore::kDefaultTimeoutSeconds);
            m_status = Status::Failed;
            finishWithError(error);
            return;
        }
    }
    if (timeout > 0) {
        auto *timer = new QTimer(this);
        timer->setSingleShot(true);
        // Beyond QTimer's range (24 days) is as good as no limit.
        timer->setInterval(int(std::min<qint64>(qint64(timeout) * 1000, std::numeric_limits<int>::max())));
        connect(timer, &QTimer::timeout, this, &SecretJob::onTimeout);
        timer->start();
        m_timeoutSeconds = timeout;
        m_timer = timer;
    }

    if (m_operation == Operation::Remove) {
        // QtKeychain "removes" an entry of a locked collection without error
        // and leaves it there: ask first, so a locked entry is never
        // reported as removed.
        probe([this](SecretServiceProbe::State state) {
            if (state == SecretServiceProbe::State::Locked) {
                fail(Status::AccessDenied, SecretStore::lockedMessage(), SecretStore::lockedHint());
                return;
            }
            m_existedBefore = state != SecretServiceProbe::State::Absent;
            startKeychain();
        });
        return;
    }
    startKeychain();
}

void SecretJob::startKeychain()
{
    QKeychain::Job *job = nullptr;
    // No parent: see releaseKeychainJob() for why this object never deletes
    // a job QtKeychain has not answered yet.
    switch (m_operation) {
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(m_service);
        break;
    case Operation::Write: {
        auto *write = new QKeychain::WritePasswordJob(m_service);
        write->setTextData(m_secret);
        // What we wrote is not kept in this object longer than needed.
        m_secret.clear();
        job = write;
        break;
    }
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(m_service);
        break;
    }
    job->setKey(m_key);
    job->setAutoDelete(false);
    // Never store secrets in a plaintext file when no keychain is there.
    job->setInsecureFallback(false);
    m_job = job;
    m_askedKeychain = true;
    connect(job, &QKeychain::Job::finished, this, &SecretJob::onKeychainFinished);
    qCDebug(lcSecrets) << "keychain" << int(m_operation) << "for" << m_key;
    job->start();
}

void SecretJob::probe(const std::function<void(SecretServiceProbe::State)> &next)
{
    auto *probe = new SecretServiceProbe(m_service, m_key, this);
    m_probe = probe;
    connect(probe, &graph::Job::finished, this, [this, probe, next] {
        m_probe = nullptr;
        next(probe->state());
    });
    probe->start();
}

void SecretJob::releaseKeychainJob()
{
    if (!m_job)
        return;
    m_job->disconnect(this);
    // libsecret keeps a raw pointer to the job's private data until it
    // answers (QtKeychain 0.13 has no cancellation): deleting the job now
    // would make a late answer write to freed memory. It deletes itself when
    // it answers; one that never answers (an unlock prompt left open) stays
    // allocated. An operation given up this way may still complete later.
    m_job->setAutoDelete(true);
    m_job = nullptr;
}

void SecretJob::stopTimer()
{
    if (m_timer) {
        m_timer->stop();
        m_timer->deleteLater(); // may be the sender of the slot running now
        m_timer = nullptr;
    }
}

void SecretJob::doAbort()
{
    releaseKeychainJob();
    stopTimer();
    delete m_probe.data();
}

void SecretJob::onTimeout()
{
    if (isFinished())
        return;
    releaseKeychainJob();
    delete m_probe.data();
    m_secret.clear();
    fail(Status::TimedOut,
         tr("The keychain did not answer within %n second(s): it is probably locked and waiting for its "
            "password in an unlock prompt.",
            nullptr, m_timeoutSeconds),
         SecretStore::lockedHint()
             + tr(" HERALD_KEYCHAIN_TIMEOUT=SECONDS waits longer (0 waits without limit)."));
}

void SecretJob::onKeychainFinished(QKeychain::Job *job)
{
    if (job != m_job)
        return;
    m_job = nullptr;
    job->deleteLater();
    const QKeychain::Error code = job->error();
    const QString detail = job->errorString();
    if (code == QKeychain::NoError || code == QKeychain::EntryNotFound) {
        switch (m_operation) {
        case Operation::Read:
            if (code == QKeychain::NoError) {
                m_secret = static_cast<QKeychain::ReadPasswordJob *>(job)->textData();
                succeed(Status::Ok);
                return;
            }
            // "Entry not found" is also what a locked collection answers
            // when no unlock prompt could be shown, or the user closed it.
            probe([this](SecretServiceProbe::State state) {
                if (state == SecretServiceProbe::State::Locked)
                    fail(Status::AccessDenied, SecretStore::lockedMessage(), SecretStore::lockedHint());
                else
                    succeed(Status::NotFound);
            });
            return;
        case Operation::Write:
            succeed(Status::Ok);
            return;
        case Operation::Remove:
            succeed(code == QKeychain::EntryNotFound || !m_existedBefore ? Status::NotFound : Status::Ok);
            return;
        }
    }
    if (code == QKeychain::NoBackendAvailable || code == QKeychain::NotImplemented
        || (code == QKeychain::OtherError && looksLikeMissingBackend(detail))) {
        fail(Status::NoBackend, SecretStore::noBackendMessage(detail));
    } else if (code == QKeychain::AccessDenied && kSecretServicePlatform) {
        fail(Status::AccessDenied, SecretStore::lockedMessage(), SecretStore::lockedHint());
    } else if (code == QKeychain::AccessDenied || code == QKeychain::AccessDeniedByUser) {
        fail(Status::AccessDenied, tr("The keychain refused access (%1).").arg(detail),
             tr("Unlock the keychain (for GNOME: the \"login\" keyring in Passwords and Keys) and try "
                "again."));
    } else {
        fail(Status::Failed, tr("The keychain failed: %1").arg(detail));
    }
    qCDebug(lcSecrets).noquote() << "keychain error for" << m_key << ':' << detail;
}

void SecretJob::succeed(Status status)
{
    stopTimer();
    m_status = status;
    if (status != Status::Ok || m_operation != Operation::Read)
        m_secret.clear();
    finishOk();
}

void SecretJob::fail(Status status, const QString &message, const QString &hint)
{
    stopTimer();
    m_status = status;
    m_secret.clear();
    GraphError error;
    error.kind = GraphError::Kind::Auth;
    error.code = QStringLiteral("Keychain");
    error.message = message;
    error.hint = hint;
    finishWithError(error);
}

} // namespace herald::secrets
