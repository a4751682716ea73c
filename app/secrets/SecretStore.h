#pragma once

// SecretStore: the OS keychain through QtKeychain (Secret Service on Linux,
// Keychain on macOS, Credential Manager on Windows), as asynchronous jobs.
// Entries are keyed by profile and kind under the service "Herald":
//   service "Herald", key "work/client-secret".
// QtKeychain's insecure plaintext fallback is never enabled: without a
// keychain backend a job fails with NoBackend and a message that says how
// to get one (or to use the environment variables instead).
//
// Where QtKeychain is vague, the store finds out itself (Linux, Secret
// Service; measured against gnome-keyring 42 with QtKeychain 0.13):
// - no session bus address and no $XDG_RUNTIME_DIR/bus: NoBackend at once,
//   QtKeychain is not asked (libdbus would autolaunch a private bus when
//   DISPLAY is set, and each lookup then blocks on a fresh keyring);
// - a locked collection and no prompt possible: QtKeychain reads "Entry not
//   found" and deletes nothing "successfully"; a probe of the Secret Service
//   (SecretServiceProbe) turns both into AccessDenied, "the keychain is locked";
// - a locked collection with an unlock prompt nobody answers: QtKeychain
//   waits forever. With bounded waits (herald-cli) the job fails with
//   TimedOut after HERALD_KEYCHAIN_TIMEOUT seconds; the GUI waits for the user.
//
//   auto *job = store->read(QStringLiteral("default"), SecretKind::Client);
//   connect(job, &graph::Job::finished, this, [job] { if (job->found()) use(job->secret()); });
//   job->start();

#include "config/SecretSource.h"
#include "graph/Job.h"
#include "secrets/SecretServiceProbe.h"

#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>
#include <QTimer>
#include <functional>
#include <optional>

namespace QKeychain {
class Job;
}

namespace herald::secrets {

using config::SecretKind;

// "client", "bot", "refresh-token" (CLI `--kind` values and key suffixes).
QString kindName(SecretKind kind);
std::optional<SecretKind> kindFromName(const QString &name);

class SecretJob : public graph::Job
{
    Q_OBJECT

public:
    enum class Operation { Read, Write, Remove };
    enum class Status {
        Ok,
        NotFound, // read/remove: nothing stored (read still succeeds)
        NoBackend, // no keychain service reachable
        AccessDenied, // locked keychain, or the user said no
        TimedOut, // bounded waits only: no answer in time (an unanswered unlock prompt)
        Failed,
    };

    ~SecretJob() override;

    Operation operation() const { return m_operation; }
    Status status() const { return m_status; }
    bool found() const { return m_status == Status::Ok && m_operation == Operation::Read; }
    // Read only; empty otherwise. Never log it.
    QString secret() const { return m_secret; }
    // Whether QtKeychain was asked at all (false when the store knew the
    // answer beforehand, e.g. no session bus).
    bool askedKeychain() const { return m_askedKeychain; }

private:
    friend class SecretStore;
    SecretJob(Operation operation, const QString &service, const QString &key, const QString &secret,
              const QProcessEnvironment &env, int timeoutSeconds, QObject *parent);
    void doStart() override;
    void doAbort() override;
    void startKeychain();
    void probe(const std::function<void(SecretServiceProbe::State)> &next);
    void onKeychainFinished(QKeychain::Job *job);
    void onTimeout();
    void releaseKeychainJob();
    void stopTimer();
    void succeed(Status status);
    void fail(Status status, const QString &message, const QString &hint = QString());

    Operation m_operation;
    QString m_service;
    QString m_key;
    QString m_secret;
    QProcessEnvironment m_env;
    int m_timeoutSeconds = 0; // 0: no limit; -1: HERALD_KEYCHAIN_TIMEOUT from m_env
    Status m_status = Status::Failed;
    bool m_askedKeychain = false;
    bool m_existedBefore = true; // Remove: what the probe saw before deleting
    QPointer<QKeychain::Job> m_job;
    QPointer<QTimer> m_timer;
    QPointer<SecretServiceProbe> m_probe;
};

class SecretStore : public QObject
{
    Q_OBJECT

public:
    explicit SecretStore(QObject *parent = nullptr);
    // Writes still in flight outlive the store (see whenWritesDone).
    ~SecretStore() override;

    static QString defaultServiceName() { return QStringLiteral("Herald"); }
    // Tests use their own service name so they never touch real entries.
    void setServiceName(const QString &service) { m_service = service; }
    QString serviceName() const { return m_service; }
    static QString keyFor(const QString &profile, SecretKind kind);

    // Jobs are children of the store; start() them.
    SecretJob *read(const QString &profile, SecretKind kind);
    SecretJob *write(const QString &profile, SecretKind kind, const QString &secret);
    SecretJob *remove(const QString &profile, SecretKind kind);

    // The environment the session-bus check and HERALD_KEYCHAIN_TIMEOUT are
    // read from (default: the process's). Tests hand in their own.
    void setEnvironment(const QProcessEnvironment &env) { m_env = env; }

    // herald-cli: keychain operations fail with TimedOut after
    // HERALD_KEYCHAIN_TIMEOUT seconds (default kDefaultTimeoutSeconds, 0 = no
    // limit) instead of waiting for an unlock prompt that may never be
    // answered. Process-wide, for jobs created afterwards. Off by default:
    // the GUI waits while the user types the keyring password.
    static void setBoundedWaits(bool bounded);
    static constexpr int kDefaultTimeoutSeconds = 60;

    // The sentence for Status::NoBackend; `detail` is QtKeychain's.
    static QString noBackendMessage(const QString &detail = QString());
    // Status::AccessDenied for a locked keychain (message, then the hint).
    static QString lockedMessage();
    static QString lockedHint();
    // Linux: why no D-Bus session bus can be reached without autolaunching
    // one (no DBUS_SESSION_BUS_ADDRESS, no $XDG_RUNTIME_DIR/bus socket);
    // empty when there is one, and always on other systems.
    static QString sessionBusProblem(const QProcessEnvironment &env);

    // Calls `then` (in `context`) once no write started by any store is in
    // flight; at once when none is. A rotated refresh token is written while
    // the command that received it finishes: herald-cli waits for that write
    // before it exits, or the next run would present a token already redeemed.
    // Each write is bounded there (HERALD_KEYCHAIN_TIMEOUT), so is the wait.
    static void whenWritesDone(QObject *context, std::function<void()> then);
    static int writesInFlight();

private:
    QString m_service = defaultServiceName();
    QProcessEnvironment m_env = QProcessEnvironment::systemEnvironment();
};

// The keychain as a config::SecretSource (after the environment in the
// CLI's SecretChain). Remembers why the keychain could not be asked.
class KeychainSecretSource : public config::SecretSource
{
public:
    explicit KeychainSecretSource(SecretStore *store);
    void lookup(SecretKind kind, const QString &profile, Callback done) override;
    QString unavailableReason() const override { return m_reason; }

private:
    QPointer<SecretStore> m_store;
    QString m_reason;
};

} // namespace herald::secrets
