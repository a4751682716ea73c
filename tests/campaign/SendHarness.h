#pragma once

// End-to-end harness of the delivery commands: a herald-sim process with a
// dumped tenant (the ground truth), and runs of the BUILT herald-cli against
// it (Graph, token endpoint and Bot Connector all on the simulator), with
// the secret in the environment and the journal in a temporary data folder.

#include "SimProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>

namespace herald::test {

struct SendRun
{
    int exitCode = -1; // -2: crashed or killed
    QString out;
    QString err;

    QList<QJsonObject> records() const;
    // state -> count over records()
    QHash<QString, int> states() const;
};

class SendHarness
{
public:
    static constexpr double kTimeScale = 20;

    SendHarness();
    ~SendHarness();

    bool isValid() const { return m_dir.isValid(); }
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString dataDir() const { return m_dir.filePath(QStringLiteral("data")); }
    QString journal() const { return m_dir.filePath(QStringLiteral("data/campaigns.sqlite")); }

    // A fresh simulator: `users` users, time scale kTimeScale, plus `extra` arguments.
    bool startSim(int users, const QStringList &extra = {});
    void stopSim() { m_sim.reset(); }
    SimProcess &sim() { return *m_sim; }
    QString appId() const { return m_sim->ready().value(QStringLiteral("appId")).toString(); }

    // Ground truth from --dump.
    QJsonArray users() const { return m_dump.value(QStringLiteral("users")).toArray(); }
    // Groups that are teams (a generalChannelId in the dump).
    QJsonArray teams() const;
    static QJsonObject simOf(const QJsonObject &user) { return user.value(QStringLiteral("sim")).toObject(); }
    bool hasApp(const QJsonObject &user) const;

    static QString binary();
    QStringList connection() const;
    // --tenant as given (empty: the simulator's tenant GUID).
    void setTenant(const QString &tenant) { m_tenant = tenant; }
    QString tenantDomain() const { return m_sim->ready().value(QStringLiteral("tenantDomain")).toString(); }
    QString tenantId() const { return m_sim->ready().value(QStringLiteral("tenantId")).toString(); }
    QProcessEnvironment environment() const;
    // Runs herald-cli with the connection options first.
    SendRun cli(const QStringList &args, int timeoutMs = 120000);
    // `--format json send --app APP --message FILE --campaign NAME` + extra.
    QStringList sendArgs(const QString &campaign, const QStringList &extra = {});
    // `--format json report --campaign NAME`.
    SendRun report(const QString &campaign);
    // Starts it without waiting (for kill tests).
    std::unique_ptr<QProcess> launch(const QStringList &args);
    static SendRun collect(QProcess &process);

    // /_sim/stats and /_sim/deliveries over HTTP.
    QJsonObject stats();
    qint64 stat(const QString &path);
    // conversation id -> number of deliveries
    QHash<QString, int> deliveriesPerConversation();

    // A message file with a binding, written once.
    QString messageFile();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SimProcess> m_sim;
    QJsonObject m_dump;
    QString m_tenant;
};

} // namespace herald::test
