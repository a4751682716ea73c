#include "CliInstallHarness.h"

#include "HttpProbe.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

namespace herald::test {

CliInstallHarness::CliInstallHarness() = default;
CliInstallHarness::~CliInstallHarness() = default;

bool CliInstallHarness::startSim(const QStringList &extra)
{
    m_sim.reset();
    const QString dumpFile = m_dir.filePath(QStringLiteral("tenant.json"));
    QStringList args{
        QStringLiteral("--users"),      QStringLiteral("80"),           QStringLiteral("--seed"),
        QStringLiteral("11"),           QStringLiteral("--time-scale"), QString::number(kTimeScale),
        QStringLiteral("--unlicensed"), QStringLiteral("0.05"),         QStringLiteral("--policy-blocked"),
        QStringLiteral("0.05"),         QStringLiteral("--dump"),       dumpFile};
    m_sim = std::make_unique<SimProcess>(args + extra);
    if (!m_sim->start()) {
        qWarning("%s", qPrintable(m_sim->errorString()));
        return false;
    }
    QFile file(dumpFile);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    m_truth.dump = QJsonDocument::fromJson(file.readAll()).object();
    m_truth.orgAppId = m_sim->ready().value(QStringLiteral("appId")).toString();
    m_truth.orgExternalId = m_sim->ready().value(QStringLiteral("appExternalId")).toString();
    return m_truth.userCount() > 0 && !m_truth.orgAppId.isEmpty();
}

bool CliInstallHarness::startBareSim(const QStringList &arguments)
{
    m_sim.reset();
    m_truth = {};
    m_sim = std::make_unique<SimProcess>(arguments);
    if (!m_sim->start()) {
        qWarning("%s", qPrintable(m_sim->errorString()));
        return false;
    }
    return true;
}

QString CliInstallHarness::binary()
{
    return QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("herald-cli"));
}

QStringList CliInstallHarness::connection(double timeScale) const
{
    const QString base = m_sim->baseUrl().toString();
    return {QStringLiteral("--tenant"),     m_sim->ready().value(QStringLiteral("tenantId")).toString(),
            QStringLiteral("--client-id"),  m_sim->ready().value(QStringLiteral("clientId")).toString(),
            QStringLiteral("--graph-url"),  base,
            QStringLiteral("--login-url"),  base,
            QStringLiteral("--time-scale"), QString::number(timeScale)};
}

QProcessEnvironment CliInstallHarness::environment(const QString &secret) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HERALD_CLIENT_SECRET"), secret);
    env.insert(QStringLiteral("HERALD_DATA_DIR"), m_dir.filePath(QStringLiteral("data")));
    return env;
}

CliRun CliInstallHarness::cli(const QStringList &args, const QString &secret)
{
    QProcess process;
    process.setProcessEnvironment(environment(secret.isEmpty() ? m_sim->secret() : secret));
    process.start(binary(), connection() + args);
    CliRun run;
    if (!process.waitForFinished(90000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

qint64 CliInstallHarness::stat(const QString &path)
{
    HttpProbe probe;
    QJsonValue value = probe.get(QUrl(m_sim->baseUrl().toString() + QStringLiteral("/_sim/stats"))).json();
    for (const QString &part : path.split(QLatin1Char('/')))
        value = value.toObject().value(part);
    return qint64(value.toDouble());
}

QStringList CliInstallHarness::userArgs(const QList<QJsonObject> &users)
{
    QStringList args;
    for (const QJsonObject &u : users)
        args << QStringLiteral("--user") << Truth::upn(u);
    return args;
}

} // namespace herald::test
