// A crash must not leak a secret (issue #4: "Secrets never appear in ...
// crash output"). herald-cli runs a long status sweep against herald-sim with
// a known client secret -- from the environment, or from a (private)
// gnome-keyring -- and is killed with SIGSEGV or SIGABRT mid-run. Then:
// - while it ran: core file size 0 (/proc/<pid>/limits);
// - after: the secret, in any encoding, is in neither its output nor any
//   file under the test's HOME, XDG dirs and working directory. Children get
//   their core limit raised, so on a system whose cores land in the working
//   directory a dump would be there (the control process shows whether).
// And herald-cli and herald are not dumpable: another process of the same
// (unprivileged) user may not read their /proc/<pid>/environ, while it may
// read a control process's. The GUI's core limit is checked too.

#include "CliProcess.h"
#include "PrivateKeyring.h"
#include "SecretScan.h"
#include "SimProcess.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUuid>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <grp.h>
#include <memory>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using herald::test::CliResult;
using herald::test::PrivateKeyring;
using herald::test::SimProcess;

namespace {

const QString kTenant = QStringLiteral("9f0c7a4e-2b1d-4c3e-8a5f-6d7e8f901234");
const QString kClient = QStringLiteral("0d7c5f4e-1a2b-4c3d-9e8f-112233445566");
const QString kProfile = QStringLiteral("crash");

enum class Peer { Readable, Refused, Error };

// The kernel lets another process of the same user without privileges read
// /proc/<pid>/environ (the secret may be there) only if <pid> is dumpable.
// Root's capabilities blur that rule, so under root both the target and the
// probe run as nobody.
constexpr uid_t kNobody = 65534;
bool runningAsRoot()
{
    return ::geteuid() == 0;
}

// The probe runs in a forked child that only makes syscalls before _exit().
Peer peerCanReadEnviron(qint64 pid)
{
    const QByteArray path = "/proc/" + QByteArray::number(pid) + "/environ";
    const bool root = runningAsRoot();
    const pid_t child = ::fork();
    if (child == 0) {
        if (root && (::setgroups(0, nullptr) != 0 || ::setgid(kNobody) != 0 || ::setuid(kNobody) != 0))
            ::_exit(2);
        const int fd = ::open(path.constData(), O_RDONLY);
        if (fd < 0)
            ::_exit(errno == EACCES || errno == EPERM ? 1 : 2);
        char byte;
        const ssize_t n = ::read(fd, &byte, 1);
        ::_exit(n >= 0 ? 0 : (errno == EACCES || errno == EPERM ? 1 : 2));
    }
    if (child < 0)
        return Peer::Error;
    int status = 0;
    if (::waitpid(child, &status, 0) != child || !WIFEXITED(status))
        return Peer::Error;
    return WEXITSTATUS(status) == 0 ? Peer::Readable : WEXITSTATUS(status) == 1 ? Peer::Refused : Peer::Error;
}

// "Max core file size" soft and hard limits from /proc/<pid>/limits.
QStringList coreLimits(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/limits").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith("Max core file size")) {
            const QStringList fields = QString::fromLatin1(line.mid(int(qstrlen("Max core file size"))))
                                           .split(QLatin1Char(' '), Qt::SkipEmptyParts);
            return fields.mid(0, 2);
        }
    }
    return {};
}

// Children may dump as much as the hard limit allows: without hardening a
// crash would then leave a core where the kernel's core_pattern says.
// `unprivileged`: as nobody when the test runs as root (see peerCanReadEnviron).
void prepareChild(QProcess &process, bool unprivileged = false)
{
    const bool drop = unprivileged && runningAsRoot();
    process.setChildProcessModifier([drop] {
        struct rlimit limit
        {
        };
        if (::getrlimit(RLIMIT_CORE, &limit) == 0) {
            limit.rlim_cur = limit.rlim_max;
            ::setrlimit(RLIMIT_CORE, &limit);
        }
        if (drop && (::setgroups(0, nullptr) != 0 || ::setgid(kNobody) != 0 || ::setuid(kNobody) != 0))
            ::_exit(127);
    });
}

QStringList coreFiles(const QString &dir)
{
    return QDir(dir).entryList({QStringLiteral("core*")}, QDir::Files);
}

} // namespace

class TestCrashLeak : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void crashKeepsSecret_data();
    void crashKeepsSecret();
    void notDumpable_data();
    void notDumpable();
    void guiIsHardened();

private:
    QProcessEnvironment environment(bool secretInEnvironment) const;
    QStringList connection() const;
    void scanForSecret(const QStringList &outputs);

    QTemporaryDir m_dir;
    QTemporaryDir m_controlDir; // outside the scanned tree
    QString m_secret;
    QString m_app;
    std::unique_ptr<PrivateKeyring> m_keyring;
    std::unique_ptr<SimProcess> m_sim;
    bool m_controlDumped = false;
};

void TestCrashLeak::initTestCase()
{
    QVERIFY(m_dir.isValid() && m_controlDir.isValid());
    for (const char *sub : {"home", "config", "data", "cache", "herald-data", "work"})
        QVERIFY(QDir(m_dir.path()).mkpath(QString::fromLatin1(sub)));
    // Form-hostile characters, so every encoding a leak could take differs.
    m_secret = QStringLiteral("Crash~Canary+") + QUuid::createUuid().toString(QUuid::Id128)
        + QStringLiteral("&=%/");

    m_keyring = std::make_unique<PrivateKeyring>();
    if (!m_keyring->start()) {
        const QString why = QStringLiteral("no private keyring: ") + m_keyring->errorString();
        if (qEnvironmentVariable("HERALD_REQUIRE_KEYCHAIN") == QLatin1String("1"))
            QFAIL(qPrintable(why + QStringLiteral(" (HERALD_REQUIRE_KEYCHAIN=1)")));
        QSKIP(qPrintable(why));
    }
    // A sweep long enough to be killed in the middle: many users, slow answers.
    m_sim = std::make_unique<SimProcess>(QStringList{QStringLiteral("--users"), QStringLiteral("4000"),
                                                     QStringLiteral("--latency"), QStringLiteral("300")},
                                         m_secret);
    QVERIFY2(m_sim->start(), qPrintable(m_sim->errorString()));
    m_app = m_sim->ready().value(QStringLiteral("appId")).toString();

    // The keychain case reads the secret from the private keyring.
    const QProcessEnvironment env = environment(false);
    CliResult r
        = herald::test::runHeraldCli(QStringLiteral(HERALD_CLI_BINARY),
                                     connection()
                                         + QStringList{QStringLiteral("--profile"), kProfile,
                                                       QStringLiteral("profile"), QStringLiteral("save")},
                                     env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = herald::test::runHeraldCli(QStringLiteral(HERALD_CLI_BINARY),
                                   {QStringLiteral("--profile"), kProfile, QStringLiteral("secret"),
                                    QStringLiteral("set"), QStringLiteral("--kind"),
                                    QStringLiteral("client")},
                                   env, m_secret.toUtf8() + '\n');
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));

    // Control: an unhardened process crashing under the same core limit.
    QProcess control;
    prepareChild(control);
    control.setWorkingDirectory(m_controlDir.path());
    control.start(QStringLiteral("sleep"), {QStringLiteral("60")});
    QVERIFY(control.waitForStarted());
    ::kill(pid_t(control.processId()), SIGSEGV);
    QVERIFY(control.waitForFinished(10000));
    m_controlDumped = !coreFiles(m_controlDir.path()).isEmpty();
    qInfo("an unhardened crash here %s a core file in its working directory",
          m_controlDumped ? "leaves" : "does not leave (core_pattern points elsewhere)");
}

QProcessEnvironment TestCrashLeak::environment(bool secretInEnvironment) const
{
    QProcessEnvironment env = m_keyring->environment(QProcessEnvironment::systemEnvironment());
    env.insert(QStringLiteral("HOME"), m_dir.filePath(QStringLiteral("home")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), m_dir.filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("HERALD_DATA_DIR"), m_dir.filePath(QStringLiteral("herald-data")));
    env.remove(QStringLiteral("HERALD_BOT_SECRET"));
    if (secretInEnvironment)
        env.insert(QStringLiteral("HERALD_CLIENT_SECRET"), m_secret);
    else
        env.remove(QStringLiteral("HERALD_CLIENT_SECRET"));
    return env;
}

QStringList TestCrashLeak::connection() const
{
    const QString base = m_sim->baseUrl().toString();
    return {QStringLiteral("--tenant"),    kTenant, QStringLiteral("--client-id"), kClient,
            QStringLiteral("--graph-url"), base,    QStringLiteral("--login-url"), base};
}

void TestCrashLeak::scanForSecret(const QStringList &outputs)
{
    const herald::test::SecretScan scan
        = herald::test::scanForSecret(m_secret, QByteArrayLiteral("Crash~Canary"), outputs, m_dir.path());
    QVERIFY2(scan.problem.isEmpty(), qPrintable(scan.problem));
    const int files = scan.files;
    QVERIFY2(files > 0, "herald-cli wrote its profile file at least");
}

void TestCrashLeak::crashKeepsSecret_data()
{
    QTest::addColumn<bool>("fromEnvironment");
    QTest::addColumn<int>("signal");
    QTest::newRow("environment, SIGSEGV") << true << int(SIGSEGV);
    QTest::newRow("environment, SIGABRT") << true << int(SIGABRT);
    QTest::newRow("keychain, SIGSEGV") << false << int(SIGSEGV);
    QTest::newRow("keychain, SIGABRT") << false << int(SIGABRT);
}

void TestCrashLeak::crashKeepsSecret()
{
    QFETCH(bool, fromEnvironment);
    QFETCH(int, signal);
    QProcess cli;
    cli.setProcessEnvironment(environment(fromEnvironment));
    cli.setWorkingDirectory(m_dir.filePath(QStringLiteral("work")));
    prepareChild(cli);
    cli.start(QStringLiteral(HERALD_CLI_BINARY),
              connection()
                  + QStringList{QStringLiteral("--profile"), kProfile, QStringLiteral("--verbose"),
                                QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("status"),
                                QStringLiteral("--app"), m_app, QStringLiteral("--all-users")});
    QVERIFY(cli.waitForStarted());
    // Mid-run: the token was fetched with the secret and records are arriving.
    QByteArray out;
    QByteArray err;
    const bool running = QTest::qWaitFor(
        [&] {
            out += cli.readAllStandardOutput();
            err += cli.readAllStandardError();
            return out.count('\n') >= 3 || cli.state() == QProcess::NotRunning;
        },
        60000);
    QVERIFY2(
        running && cli.state() == QProcess::Running,
        qPrintable(QStringLiteral("the sweep must still be running: ") + QString::fromUtf8(err.right(500))));
    const qint64 pid = cli.processId();
    QCOMPARE(coreLimits(pid), (QStringList{QStringLiteral("0"), QStringLiteral("0")}));

    ::kill(pid_t(pid), signal);
    QVERIFY(cli.waitForFinished(15000));
    QCOMPARE(cli.exitStatus(), QProcess::CrashExit);
    QCOMPARE(cli.exitCode(), signal);
    out += cli.readAllStandardOutput();
    err += cli.readAllStandardError();
    QVERIFY2(out.contains("\"state\""), out.left(300).constData()); // really mid-sweep
    if (m_controlDumped)
        QVERIFY2(coreFiles(m_dir.filePath(QStringLiteral("work"))).isEmpty(), "herald-cli left a core file");
    scanForSecret({QString::fromUtf8(out), QString::fromUtf8(err)});
}

void TestCrashLeak::notDumpable_data()
{
    QTest::addColumn<QString>("binary");
    QTest::addColumn<QStringList>("args");
    QTest::newRow("herald-cli") << QStringLiteral(HERALD_CLI_BINARY)
                                << QStringList{QStringLiteral("secret"), QStringLiteral("set"),
                                               QStringLiteral("--kind"), QStringLiteral("client")};
#ifdef HERALD_GUI_BINARY
    QTest::newRow("herald") << QStringLiteral(HERALD_GUI_BINARY) << QStringList{QStringLiteral("--demo")};
#endif
}

void TestCrashLeak::notDumpable()
{
    QFETCH(QString, binary);
    QFETCH(QStringList, args);
    // Under root the program runs as nobody, from a copy nobody can execute
    // (the build tree may be private); Herald's own libraries are static.
    QTemporaryDir open;
    QVERIFY(open.isValid());
    const auto everyone = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
        | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
    QVERIFY(QFile::setPermissions(open.path(), everyone));
    const QString program = open.filePath(QFileInfo(binary).fileName());
    QVERIFY(QFile::copy(binary, program));
    QVERIFY(QFile::setPermissions(program, everyone));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"})
        env.insert(QString::fromLatin1(name), open.path());
    env.insert(QStringLiteral("HERALD_DATA_DIR"), open.path());
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bus"));
    // What the kernel would hand a peer that may read /proc/<pid>/environ.
    env.insert(QStringLiteral("HERALD_CLIENT_SECRET"), m_secret);

    // Control: the same user, the same environment, an ordinary program.
    QProcess control;
    control.setProcessEnvironment(env);
    prepareChild(control, true);
    control.start(QStringLiteral("sleep"), {QStringLiteral("60")});
    QVERIFY(control.waitForStarted());
    QCOMPARE(peerCanReadEnviron(control.processId()), Peer::Readable);
    control.kill();
    control.waitForFinished();

    QProcess herald;
    herald.setProcessEnvironment(env);
    herald.setWorkingDirectory(open.path());
    prepareChild(herald, true);
    herald.start(program, args); // herald-cli waits for the secret on stdin
    QVERIFY(herald.waitForStarted());
    const qint64 pid = herald.processId();
    QTRY_COMPARE_WITH_TIMEOUT(coreLimits(pid), (QStringList{QStringLiteral("0"), QStringLiteral("0")}),
                              15000);
    QVERIFY2(herald.state() == QProcess::Running, herald.readAllStandardError().constData());
    QCOMPARE(peerCanReadEnviron(pid), Peer::Refused);
    herald.kill();
    herald.waitForFinished();
}

void TestCrashLeak::guiIsHardened()
{
#ifndef HERALD_GUI_BINARY
    QSKIP("built without the GUI (HERALD_BUILD_GUI=OFF)");
#else
    QProcess gui;
    QProcessEnvironment env = environment(true);
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    gui.setProcessEnvironment(env);
    gui.setWorkingDirectory(m_dir.filePath(QStringLiteral("work")));
    prepareChild(gui);
    gui.start(QStringLiteral(HERALD_GUI_BINARY), {QStringLiteral("--demo")});
    QVERIFY(gui.waitForStarted());
    const qint64 pid = gui.processId();
    // The limits change in main()'s first line, a moment after exec.
    QTRY_COMPARE_WITH_TIMEOUT(coreLimits(pid), (QStringList{QStringLiteral("0"), QStringLiteral("0")}),
                              15000);
    ::kill(pid_t(pid), SIGSEGV);
    QVERIFY(gui.waitForFinished(15000));
    QCOMPARE(gui.exitStatus(), QProcess::CrashExit);
    if (m_controlDumped)
        QVERIFY2(coreFiles(m_dir.filePath(QStringLiteral("work"))).isEmpty(), "herald left a core file");
    scanForSecret(
        {QString::fromUtf8(gui.readAllStandardOutput()), QString::fromUtf8(gui.readAllStandardError())});
#endif
}

QTEST_GUILESS_MAIN(TestCrashLeak)
#include "tst_crashleak.moc"
