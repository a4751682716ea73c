#pragma once

// Launches the built herald-sim binary (next to the test executable) with
// QProcess, hands it the client secret through the environment, and reads its
// one-line JSON ready message to learn the port. Used by benchmarks and by
// tests of the executable itself.

#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QUrl>

namespace herald::test {

class SimProcess
{
public:
    // secret empty = a random one for this run.
    explicit SimProcess(const QStringList &arguments = {}, const QString &secret = {});
    ~SimProcess();

    static QString binaryPath();

    bool start(int timeoutMs = 20000);
    bool stop(int timeoutMs = 10000); // SIGTERM; true when it exited cleanly with code 0
    QString errorString() const { return m_error; }

    QJsonObject ready() const { return m_ready; }
    quint16 port() const { return quint16(m_ready.value(QStringLiteral("port")).toInt()); }
    QUrl baseUrl() const { return QUrl(m_ready.value(QStringLiteral("baseUrl")).toString()); }
    QString secret() const { return m_secret; }
    QString stderrText() const { return QString::fromUtf8(m_stderr); }
    QProcess &process() { return m_process; }

private:
    QStringList m_arguments;
    QString m_secret;
    QProcess m_process;
    QJsonObject m_ready;
    QByteArray m_stderr;
    QString m_error;
};

} // namespace herald::test
