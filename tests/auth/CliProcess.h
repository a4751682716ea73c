#pragma once

// Runs the built herald-cli as a child process, with its own environment and
// stdin, without blocking the event loop (an in-process herald-sim keeps
// answering while the child runs).

#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTest>
#include <QUrl>

namespace herald::test {

// herald-cli's connection options for a herald-sim at `base`, which serves
// the login, Graph and the Bot Connector (under /bot/) on one port.
inline QStringList simConnection(const QUrl &base, const QString &tenant, const QString &clientId)
{
    const QString url = base.toString();
    return {QStringLiteral("--tenant"),          tenant,
            QStringLiteral("--client-id"),       clientId,
            QStringLiteral("--graph-url"),       url,
            QStringLiteral("--login-url"),       url,
            QStringLiteral("--bot-service-url"), url + QStringLiteral("/bot/")};
}

struct CliResult
{
    int exitCode = -1; // -1: timed out, -2: crashed
    QString out;
    QString err;
};

inline CliResult runHeraldCli(const QString &binary, const QStringList &args, const QProcessEnvironment &env,
                              const QByteArray &stdinData = {}, int timeoutMs = 60000)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(binary, args);
    CliResult result;
    if (!process.waitForStarted(10000))
        return result;
    process.write(stdinData);
    process.closeWriteChannel();
    const bool done
        = QTest::qWaitFor([&process] { return process.state() == QProcess::NotRunning; }, timeoutMs);
    if (!done) {
        process.kill();
        process.waitForFinished();
    } else {
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    }
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

} // namespace herald::test
