#include "SimProcess.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QJsonDocument>
#include <QRandomGenerator>

namespace herald::test {

SimProcess::SimProcess(const QStringList &arguments, const QString &secret)
    : m_arguments(arguments)
    , m_secret(secret)
{
    if (m_secret.isEmpty()) {
        m_secret = QStringLiteral("sim-%1%2")
                       .arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0'))
                       .arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0'));
    }
}

SimProcess::~SimProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(2000);
        }
    }
}

QString SimProcess::binaryPath()
{
    return QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("herald-sim"));
}

bool SimProcess::start(int timeoutMs)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HERALD_SIM_CLIENT_SECRET"), m_secret); // never on the command line
    m_process.setProcessEnvironment(env);
    m_process.setProgram(binaryPath());
    m_process.setArguments(m_arguments);
    m_process.start(QIODevice::ReadOnly);
    if (!m_process.waitForStarted(timeoutMs)) {
        m_error = QStringLiteral("cannot start %1: %2").arg(binaryPath(), m_process.errorString());
        return false;
    }
    QDeadlineTimer deadline(timeoutMs);
    QByteArray out;
    while (!out.contains('\n')) {
        if (deadline.hasExpired() || m_process.state() == QProcess::NotRunning) {
            m_stderr += m_process.readAllStandardError();
            m_error = QStringLiteral("herald-sim did not report ready: %1").arg(QString::fromUtf8(m_stderr));
            return false;
        }
        m_process.waitForReadyRead(int(std::max<qint64>(1, std::min<qint64>(200, deadline.remainingTime()))));
        out += m_process.readAllStandardOutput();
        m_stderr += m_process.readAllStandardError();
    }
    m_ready = QJsonDocument::fromJson(out.left(out.indexOf('\n'))).object();
    if (!m_ready.value(QStringLiteral("ready")).toBool()) {
        m_error = QStringLiteral("unexpected ready line: %1").arg(QString::fromUtf8(out));
        return false;
    }
    return true;
}

bool SimProcess::stop(int timeoutMs)
{
    if (m_process.state() == QProcess::NotRunning)
        return m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
    m_process.terminate();
    if (!m_process.waitForFinished(timeoutMs)) {
        m_process.kill();
        m_process.waitForFinished(2000);
        return false;
    }
    m_stderr += m_process.readAllStandardError();
    return m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
}

} // namespace herald::test
