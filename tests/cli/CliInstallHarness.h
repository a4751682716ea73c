#pragma once

// The end-to-end harness of the install commands: a herald-sim process with
// a dumped tenant (the ground truth), and runs of the BUILT herald-cli
// against it with the secret in the environment, as a script would.

#include "SimProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <functional>
#include <memory>

namespace herald::test {

inline constexpr double kTimeScale = 20;

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;

    QList<QJsonObject> records() const
    {
        QList<QJsonObject> list;
        for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            list.append(QJsonDocument::fromJson(line.toUtf8()).object());
        return list;
    }
};

// The tenant as the simulator dumped it: ground truth for the checks.
struct Truth
{
    QJsonObject dump;
    QString orgAppId;
    QString orgExternalId;

    QJsonObject user(int index) const
    {
        return dump.value(QStringLiteral("users")).toArray().at(index).toObject();
    }
    int userCount() const { return int(dump.value(QStringLiteral("users")).toArray().size()); }
    bool licensed(const QJsonObject &u) const
    {
        return sim(u).value(QStringLiteral("teamsLicensed")).toBool();
    }
    bool blocked(const QJsonObject &u) const
    {
        return sim(u).value(QStringLiteral("policyBlocked")).toBool();
    }
    bool hasApp(const QJsonObject &u) const
    {
        return sim(u).value(QStringLiteral("installedApps")).toArray().contains(QJsonValue(orgAppId));
    }
    static QJsonObject sim(const QJsonObject &u) { return u.value(QStringLiteral("sim")).toObject(); }
    static QString upn(const QJsonObject &u)
    {
        return u.value(QStringLiteral("userPrincipalName")).toString();
    }
    static QString id(const QJsonObject &u) { return u.value(QStringLiteral("id")).toString(); }

    // The first users that satisfy `fits`.
    QList<QJsonObject> users(const std::function<bool(const QJsonObject &)> &fits, int count) const
    {
        QList<QJsonObject> list;
        for (int i = 0; i < userCount() && list.size() < count; ++i) {
            if (fits(user(i)))
                list.append(user(i));
        }
        return list;
    }
    QString expectedStatus(const QJsonObject &u) const
    {
        if (!licensed(u))
            return QStringLiteral("not_found");
        return hasApp(u) ? QStringLiteral("installed") : QStringLiteral("not_installed");
    }
};

class CliInstallHarness
{
public:
    CliInstallHarness();
    ~CliInstallHarness();

    bool isValid() const { return m_dir.isValid(); }
    QString path(const QString &name) const { return m_dir.filePath(name); }
    // A fresh simulator (80 users, time scale kTimeScale) plus `extra` arguments.
    bool startSim(const QStringList &extra = {});
    // Replaces the simulator with one started from exactly these arguments (no dump).
    bool startBareSim(const QStringList &arguments);
    void stopSim() { m_sim.reset(); }
    SimProcess &sim() { return *m_sim; }
    const Truth &truth() const { return m_truth; }

    static QString binary();
    QStringList connection(double timeScale = kTimeScale) const;
    QProcessEnvironment environment(const QString &secret) const;
    // Runs herald-cli with the connection options first; secret empty = the simulator's.
    CliRun cli(const QStringList &args, const QString &secret = {});
    // A value of /_sim/stats: "installs", "requests/installedApps.post", ...
    qint64 stat(const QString &path);
    static QStringList userArgs(const QList<QJsonObject> &users);

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SimProcess> m_sim;
    Truth m_truth;
};

} // namespace herald::test
