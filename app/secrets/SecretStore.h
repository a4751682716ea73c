#pragma once

// SecretStore: the OS keychain through QtKeychain (Secret Service on Linux,
// Keychain on macOS, Credential Manager on Windows), as asynchronous jobs.
// Entries are keyed by profile and kind under the service "Herald":
//   service "Herald", key "work/client-secret".
// QtKeychain's insecure plaintext fallback is never enabled: without a
// keychain backend a job fails with NoBackend and a message that says how
// to get one (or to use the environment variables instead).
//
//   auto *job = store->read(QStringLiteral("default"), SecretKind::Client);
//   connect(job, &graph::Job::finished, this, [job] { if (job->found()) use(job->secret()); });
//   job->start();

#include "config/SecretSource.h"
#include "graph/Job.h"

#include <QObject>
#include <QPointer>
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
        Failed,
    };

    ~SecretJob() override;

    Operation operation() const { return m_operation; }
    Status status() const { return m_status; }
    bool found() const { return m_status == Status::Ok && m_operation == Operation::Read; }
    // Read only; empty otherwise. Never log it.
    QString secret() const { return m_secret; }

private:
    friend class SecretStore;
    SecretJob(Operation operation, const QString &service, const QString &key, const QString &secret,
              QObject *parent);
    void doStart() override;
    void doAbort() override;
    void onKeychainFinished(QKeychain::Job *job);

    Operation m_operation;
    QString m_service;
    QString m_key;
    QString m_secret;
    Status m_status = Status::Failed;
    QPointer<QKeychain::Job> m_job;
};

class SecretStore : public QObject
{
    Q_OBJECT

public:
    explicit SecretStore(QObject *parent = nullptr);

    static QString defaultServiceName() { return QStringLiteral("Herald"); }
    // Tests use their own service name so they never touch real entries.
    void setServiceName(const QString &service) { m_service = service; }
    QString serviceName() const { return m_service; }
    static QString keyFor(const QString &profile, SecretKind kind);

    // Jobs are children of the store; start() them.
    SecretJob *read(const QString &profile, SecretKind kind);
    SecretJob *write(const QString &profile, SecretKind kind, const QString &secret);
    SecretJob *remove(const QString &profile, SecretKind kind);

    // The sentence for Status::NoBackend; `detail` is QtKeychain's.
    static QString noBackendMessage(const QString &detail = QString());

private:
    QString m_service = defaultServiceName();
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
