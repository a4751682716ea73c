#include "SendHarness.h"

#include "HttpProbe.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

namespace herald::test {

QList<QJsonObject> SendRun::records() const
{
    QList<QJsonObject> list;
    for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        list.append(QJsonDocument::fromJson(line.toUtf8()).object());
    return list;
}

QHash<QString, int> SendRun::states() const
{
    QHash<QString, int> counts;
    for (const QJsonObject &r : records())
        ++counts[r.value(QStringLiteral("state")).toString()];
    return counts;
}

SendHarness::SendHarness() = default;
SendHarness::~SendHarness() = default;

bool SendHarness::startSim(int users, const QStringList &extra)
{
    m_sim.reset();
    const QString dumpFile = m_dir.filePath(QStringLiteral("tenant.json"));
    QFile::remove(dumpFile);
    QStringList args{QStringLiteral("--users"),      QString::number(users),
                     QStringLiteral("--seed"),       QStringLiteral("5"),
                     QStringLiteral("--time-scale"), QString::number(kTimeScale),
                     QStringLiteral("--dump"),       dumpFile};
    m_sim = std::make_unique<SimProcess>(args + extra);
    if (!m_sim->start(60000)) {
        qWarning("%s", qPrintable(m_sim->errorString()));
        return false;
    }
    // Its log would fill the pipe nobody reads.
    QObject::connect(&m_sim->process(), &QProcess::readyReadStandardError, &m_sim->process(),
                     [p = &m_sim->process()] { p->readAllStandardError(); });
    QFile file(dumpFile);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    m_dump = QJsonDocument::fromJson(file.readAll()).object();
    return !users || !this->users().isEmpty();
}

QJsonArray SendHarness::teams() const
{
    QJsonArray teams;
    for (const QJsonValue &g : m_dump.value(QStringLiteral("groups")).toArray()) {
        if (!simOf(g.toObject()).value(QStringLiteral("generalChannelId")).toString().isEmpty())
            teams.append(g);
    }
    return teams;
}

bool SendHarness::hasApp(const QJsonObject &user) const
{
    return simOf(user).value(QStringLiteral("installedApps")).toArray().contains(QJsonValue(appId()));
}

QString SendHarness::binary()
{
    return QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("herald-cli"));
}

QStringList SendHarness::connection() const
{
    const QString base = m_sim->baseUrl().toString();
    return {QStringLiteral("--tenant"),          m_tenant.isEmpty() ? tenantId() : m_tenant,
            QStringLiteral("--client-id"),       m_sim->ready().value(QStringLiteral("clientId")).toString(),
            QStringLiteral("--graph-url"),       base,
            QStringLiteral("--login-url"),       base,
            QStringLiteral("--bot-service-url"), base + QStringLiteral("/bot/"),
            QStringLiteral("--time-scale"),      QString::number(kTimeScale)};
}

QProcessEnvironment SendHarness::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HERALD_CLIENT_SECRET"), m_sim->secret());
    env.insert(QStringLiteral("HERALD_DATA_DIR"), dataDir());
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("herald.*.debug=false"));
    // The keychain is not under test here: point the session bus nowhere so
    // lookups fail at once. (Unsetting it is not the same: with DISPLAY set,
    // as under xvfb-run, D-Bus autolaunches a private session bus whose
    // activated, locked keyring then blocks each lookup for 25 s.)
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
               QStringLiteral("unix:path=/nonexistent/herald-test-bus"));
    env.remove(QStringLiteral("DISPLAY"));
    return env;
}

std::unique_ptr<QProcess> SendHarness::launch(const QStringList &args)
{
    auto process = std::make_unique<QProcess>();
    process->setProcessEnvironment(environment());
    process->start(binary(), connection() + args);
    process->waitForStarted(10000);
    return process;
}

SendRun SendHarness::collect(QProcess &process)
{
    SendRun run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

SendRun SendHarness::cli(const QStringList &args, int timeoutMs)
{
    auto process = launch(args);
    if (!process->waitForFinished(timeoutMs)) {
        process->kill();
        process->waitForFinished();
        SendRun run = collect(*process);
        run.exitCode = -3;
        return run;
    }
    return collect(*process);
}

QStringList SendHarness::sendArgs(const QString &campaign, const QStringList &extra)
{
    return QStringList{QStringLiteral("--format"),
                       QStringLiteral("json"),
                       QStringLiteral("send"),
                       QStringLiteral("--app"),
                       appId(),
                       QStringLiteral("--message"),
                       messageFile(),
                       QStringLiteral("--campaign"),
                       campaign}
    + extra;
}

SendRun SendHarness::report(const QString &campaign)
{
    return cli({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("report"),
                QStringLiteral("--campaign"), campaign});
}

QJsonObject SendHarness::stats()
{
    HttpProbe probe;
    return probe.get(QUrl(m_sim->baseUrl().toString() + QStringLiteral("/_sim/stats"))).json();
}

qint64 SendHarness::stat(const QString &path)
{
    QJsonValue value = stats();
    for (const QString &part : path.split(QLatin1Char('/')))
        value = value.toObject().value(part);
    return qint64(value.toDouble());
}

QHash<QString, int> SendHarness::deliveriesPerConversation()
{
    HttpProbe probe;
    const QJsonObject conversations
        = probe.get(QUrl(m_sim->baseUrl().toString() + QStringLiteral("/_sim/deliveries")))
              .json()
              .value(QStringLiteral("conversations"))
              .toObject();
    QHash<QString, int> counts;
    for (auto it = conversations.begin(); it != conversations.end(); ++it)
        counts.insert(it.key(), int(it.value().toArray().size()));
    return counts;
}

QString SendHarness::messageFile()
{
    const QString path = m_dir.filePath(QStringLiteral("notice.md"));
    if (!QFile::exists(path)) {
        QFile file(path);
        file.open(QIODevice::WriteOnly);
        file.write("Hello ${displayName}, the **office** is closed on Friday.\n");
    }
    return path;
}

} // namespace herald::test
