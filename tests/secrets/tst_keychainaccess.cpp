// The keychain when it cannot simply be used (issue #4, "keychain locked or
// absent"), each against the real thing:
// - no session bus address (and no $XDG_RUNTIME_DIR/bus) while DISPLAY is set:
//   NoBackend at once, QtKeychain never asked (libdbus would autolaunch a bus);
// - a locked gnome-keyring collection, no prompt possible: AccessDenied "the
//   keychain is locked" for read, write and remove, nothing written or removed;
// - a locked collection whose unlock prompt (a real gcr-prompter on a private
//   Xvfb) nobody answers: herald-cli gives up after HERALD_KEYCHAIN_TIMEOUT.
// Locked keyrings are private (PrivateKeyring), never the CI session's. They
// need dbus-daemon, gnome-keyring-daemon and Xvfb: without them the cases
// skip, and fail when HERALD_REQUIRE_KEYCHAIN=1.

#include "CliProcess.h"
#include "PrivateKeyring.h"
#include "SimProcess.h"
#include "secrets/SecretStore.h"

#include <QElapsedTimer>
#include <QLocalServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <memory>

using namespace herald;
using config::SecretKind;
using herald::test::CliResult;
using herald::test::PrivateKeyring;
using herald::test::SimProcess;
using secrets::SecretJob;
using secrets::SecretStore;

namespace {

const QString kTenant = QStringLiteral("9f0c7a4e-2b1d-4c3e-8a5f-6d7e8f901234");
const QString kClient = QStringLiteral("0d7c5f4e-1a2b-4c3d-9e8f-112233445566");

struct Outcome
{
    bool finished = false;
    bool ok = false;
    bool asked = false;
    SecretJob::Status status = SecretJob::Status::Failed;
    QString secret;
    QString message;
    QString hint;
};

Outcome run(SecretJob *job)
{
    Outcome outcome;
    QObject::connect(job, &graph::Job::finished, job, [&outcome, job] {
        outcome.finished = true;
        outcome.ok = job->succeeded();
        outcome.asked = job->askedKeychain();
        outcome.status = job->status();
        outcome.secret = job->secret();
        outcome.message = job->error().message;
        outcome.hint = job->error().hint;
    });
    job->start();
    if (!QTest::qWaitFor([&] { return outcome.finished; }, 30000))
        outcome.message = QStringLiteral("timed out");
    return outcome;
}

bool keychainRequired()
{
    return qEnvironmentVariable("HERALD_REQUIRE_KEYCHAIN") == QLatin1String("1");
}

} // namespace

// Skips without the programs a private keyring needs, fails when required.
#define START_KEYRING(keyring)                                                                               \
    do {                                                                                                     \
        if (!(keyring).start()) {                                                                            \
            const QString why = QStringLiteral("no private keyring: ") + (keyring).errorString();            \
            if (keychainRequired())                                                                          \
                QFAIL(qPrintable(why + QStringLiteral(" (HERALD_REQUIRE_KEYCHAIN=1)")));                     \
            QSKIP(qPrintable(why));                                                                          \
        }                                                                                                    \
    } while (false)

class TestKeychainAccess : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    // No session bus.
    void sessionBusProblem_data();
    void sessionBusProblem();
    void noSessionBusNeverAsksKeychain_data();
    void noSessionBusNeverAsksKeychain();
    void badTimeoutValue();
    void noSessionBusCli();
    // Locked, no prompt possible.
    void lockedStore();
    void lockedCli_data();
    void lockedCli();
    void environmentWorksWhileLocked();
    // Locked, an unlock prompt nobody answers.
    void unansweredPromptTimesOut_data();
    void unansweredPromptTimesOut();

private:
    QProcessEnvironment cliEnvironment(const QProcessEnvironment &base) const;
    CliResult cli(const QProcessEnvironment &env, const QStringList &args, const QByteArray &input = {});
    QStringList connection(const SimProcess &sim) const;
    SimProcess *sim();

    QTemporaryDir m_dir;
    QString m_service;
    QString m_profile;
    std::unique_ptr<PrivateKeyring> m_locked; // in-process store; no display: prompts fail at once
    std::unique_ptr<PrivateKeyring> m_cliLocked; // the same for herald-cli children
    std::unique_ptr<PrivateKeyring> m_prompting; // Xvfb: a prompt appears and waits
    std::unique_ptr<SimProcess> m_sim;
};

void TestKeychainAccess::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_service = QStringLiteral("Herald-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_profile = QStringLiteral("tst-") + QUuid::createUuid().toString(QUuid::Id128).left(12);
}

void TestKeychainAccess::cleanupTestCase()
{
    secrets::SecretStore::setBoundedWaits(false);
}

QProcessEnvironment TestKeychainAccess::cliEnvironment(const QProcessEnvironment &base) const
{
    QProcessEnvironment env = base;
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), m_dir.filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("HERALD_DATA_DIR"), m_dir.filePath(QStringLiteral("herald-data")));
    env.remove(QStringLiteral("HERALD_CLIENT_SECRET"));
    env.remove(QStringLiteral("HERALD_BOT_SECRET"));
    env.remove(QStringLiteral("HERALD_KEYCHAIN_TIMEOUT"));
    return env;
}

CliResult TestKeychainAccess::cli(const QProcessEnvironment &env, const QStringList &args,
                                  const QByteArray &input)
{
    return herald::test::runHeraldCli(QStringLiteral(HERALD_CLI_BINARY),
                                      QStringList{QStringLiteral("--profile"), m_profile} + args, env, input);
}

QStringList TestKeychainAccess::connection(const SimProcess &sim) const
{
    const QString base = sim.baseUrl().toString();
    return {QStringLiteral("--tenant"),    kTenant, QStringLiteral("--client-id"), kClient,
            QStringLiteral("--graph-url"), base,    QStringLiteral("--login-url"), base};
}

SimProcess *TestKeychainAccess::sim()
{
    if (!m_sim) {
        m_sim = std::make_unique<SimProcess>(QStringList{QStringLiteral("--users"), QStringLiteral("5")});
        if (!m_sim->start()) {
            qWarning("herald-sim: %s", qPrintable(m_sim->errorString()));
            m_sim.reset();
        }
    }
    return m_sim.get();
}

void TestKeychainAccess::sessionBusProblem_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("runtime"); // "" unset, "empty" a dir without bus, "socket", "file"
    QTest::addColumn<bool>("problem");
    QTest::newRow("address set") << QStringLiteral("unix:path=/run/user/1000/bus") << QString() << false;
    QTest::newRow("runtime bus socket") << QString() << QStringLiteral("socket") << false;
    QTest::newRow("runtime dir without bus") << QString() << QStringLiteral("empty") << true;
    QTest::newRow("runtime bus is a file") << QString() << QStringLiteral("file") << true;
    QTest::newRow("no runtime dir") << QString() << QString() << true;
    QTest::newRow("blank address") << QStringLiteral("  ") << QString() << true;
}

void TestKeychainAccess::sessionBusProblem()
{
    QFETCH(QString, address);
    QFETCH(QString, runtime);
    QFETCH(bool, problem);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QLocalServer server;
    if (runtime == QLatin1String("socket"))
        QVERIFY(server.listen(dir.filePath(QStringLiteral("bus"))));
    if (runtime == QLatin1String("file")) {
        QFile file(dir.filePath(QStringLiteral("bus")));
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    QProcessEnvironment env;
    env.insert(QStringLiteral("DISPLAY"), QStringLiteral(":0"));
    if (!address.isNull())
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), address);
    if (!runtime.isEmpty())
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), dir.path());
    const QString why = SecretStore::sessionBusProblem(env);
    QCOMPARE(!why.isEmpty(), problem);
    if (problem)
        QVERIFY2(why.contains(QLatin1String("D-Bus session bus")), qPrintable(why));
}

void TestKeychainAccess::noSessionBusNeverAsksKeychain_data()
{
    QTest::addColumn<int>("operation");
    QTest::newRow("read") << int(SecretJob::Operation::Read);
    QTest::newRow("write") << int(SecretJob::Operation::Write);
    QTest::newRow("remove") << int(SecretJob::Operation::Remove);
}

void TestKeychainAccess::noSessionBusNeverAsksKeychain()
{
    QFETCH(int, operation);
    // What a desktop shell without a session bus hands over: DISPLAY, and
    // neither DBUS_SESSION_BUS_ADDRESS nor $XDG_RUNTIME_DIR/bus.
    QTemporaryDir runtime;
    QProcessEnvironment env;
    env.insert(QStringLiteral("DISPLAY"), QStringLiteral(":0"));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime.path());
    SecretStore store;
    store.setServiceName(m_service);
    store.setEnvironment(env);
    SecretJob *job = nullptr;
    switch (SecretJob::Operation(operation)) {
    case SecretJob::Operation::Read:
        job = store.read(m_profile, SecretKind::Client);
        break;
    case SecretJob::Operation::Write:
        job = store.write(m_profile, SecretKind::Client, QStringLiteral("never-stored"));
        break;
    case SecretJob::Operation::Remove:
        job = store.remove(m_profile, SecretKind::Client);
        break;
    }
    const Outcome outcome = run(job);
    QVERIFY(outcome.finished);
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.status, SecretJob::Status::NoBackend);
    QVERIFY2(!outcome.asked, "QtKeychain must not be asked without a session bus");
    QVERIFY(outcome.secret.isEmpty());
    QVERIFY2(outcome.message.contains(QLatin1String("No keychain is available"))
                 && outcome.message.contains(QLatin1String("D-Bus session"))
                 && outcome.message.contains(QLatin1String("HERALD_CLIENT_SECRET"))
                 && outcome.message.contains(QLatin1String("HERALD_BOT_SECRET")),
             qPrintable(outcome.message));
}

void TestKeychainAccess::badTimeoutValue()
{
    // Checked before QtKeychain is asked, so no bus is needed here.
    QProcessEnvironment env;
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bus"));
    env.insert(QStringLiteral("HERALD_KEYCHAIN_TIMEOUT"), QStringLiteral("ten"));
    SecretStore::setBoundedWaits(true);
    SecretStore store;
    store.setEnvironment(env);
    const Outcome outcome = run(store.read(m_profile, SecretKind::Client));
    SecretStore::setBoundedWaits(false);
    QVERIFY(!outcome.ok);
    QVERIFY(!outcome.asked);
    QCOMPARE(outcome.status, SecretJob::Status::Failed);
    QVERIFY2(outcome.message.contains(QLatin1String("HERALD_KEYCHAIN_TIMEOUT='ten'")),
             qPrintable(outcome.message));
}

void TestKeychainAccess::noSessionBusCli()
{
    QTemporaryDir runtime;
    QProcessEnvironment env = cliEnvironment(QProcessEnvironment::systemEnvironment());
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    // A display nobody serves: were the bus autolaunched, dbus-launch would
    // fail differently (and with a real display it would hang).
    env.insert(QStringLiteral("DISPLAY"), QStringLiteral(":4711"));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime.path());
    QVERIFY(cli(env, {QStringLiteral("profile"), QStringLiteral("save")}).exitCode == 0);
    for (const QStringList &args :
         {QStringList{QStringLiteral("secret"), QStringLiteral("status")},
          QStringList{QStringLiteral("secret"), QStringLiteral("clear"), QStringLiteral("--kind"),
                      QStringLiteral("client")},
          QStringList{QStringLiteral("--tenant"), kTenant, QStringLiteral("--client-id"), kClient,
                      QStringLiteral("app"), QStringLiteral("find"), QStringLiteral("--name"),
                      QStringLiteral("x")}}) {
        const CliResult r = cli(env, args);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QLatin1String("No keychain is available (there is no D-Bus session bus"))
                     && r.err.contains(QLatin1String("HERALD_CLIENT_SECRET")),
                 qPrintable(r.err));
    }
    // The environment still works for automation.
    SimProcess *server = sim();
    QVERIFY(server);
    env.insert(QStringLiteral("HERALD_CLIENT_SECRET"), server->secret());
    const QString app = server->ready().value(QStringLiteral("appId")).toString();
    const CliResult find
        = cli(env,
              connection(*server)
                  + QStringList{QStringLiteral("app"), QStringLiteral("find"), QStringLiteral("--id"), app});
    QVERIFY2(find.exitCode == 0 && find.out.contains(app), qPrintable(find.err));
}

void TestKeychainAccess::lockedStore()
{
    m_locked = std::make_unique<PrivateKeyring>(PrivateKeyring::Display::None);
    START_KEYRING(*m_locked);
    // This process's QtKeychain (libsecret) and probe (QtDBus) use the
    // private bus from here on; no display, so no prompt can be shown.
    qputenv("DBUS_SESSION_BUS_ADDRESS", m_locked->busAddress().toUtf8());
    qunsetenv("DISPLAY");
    SecretStore store;
    store.setServiceName(m_service);
    const QString client = SecretStore::keyFor(QStringLiteral("locked"), SecretKind::Client);
    const QString bot = SecretStore::keyFor(QStringLiteral("locked"), SecretKind::Bot);
    const Outcome stored
        = run(store.write(QStringLiteral("locked"), SecretKind::Client, QStringLiteral("s3cret")));
    QVERIFY2(stored.ok, qPrintable(stored.message));
    QCOMPARE(m_locked->items(m_service, client).unlocked, 1);
    QVERIFY(m_locked->lockLogin());
    QCOMPARE(m_locked->items(m_service, client).locked, 1);

    const auto isLocked = [](const Outcome &o) {
        return !o.ok && o.asked && o.status == SecretJob::Status::AccessDenied
            && o.message == SecretStore::lockedMessage()
            && o.hint.contains(QLatin1String("--replace --unlock"))
            && o.hint.contains(QLatin1String("HERALD_CLIENT_SECRET"));
    };
    // QtKeychain alone says "Entry not found" here.
    const Outcome read = run(store.read(QStringLiteral("locked"), SecretKind::Client));
    QVERIFY2(isLocked(read), qPrintable(read.message));
    QVERIFY(read.secret.isEmpty());
    // Writing: refused, nothing written, the old entry untouched.
    const Outcome write = run(store.write(QStringLiteral("locked"), SecretKind::Bot, QStringLiteral("new")));
    QVERIFY2(isLocked(write), qPrintable(write.message));
    QCOMPARE(m_locked->items(m_service, bot).unlocked, 0);
    QCOMPARE(m_locked->items(m_service, bot).locked, 0);
    const Outcome overwrite
        = run(store.write(QStringLiteral("locked"), SecretKind::Client, QStringLiteral("new")));
    QVERIFY2(isLocked(overwrite), qPrintable(overwrite.message));
    QCOMPARE(m_locked->items(m_service, client).locked, 1);
    // Removing: QtKeychain alone "succeeds" and leaves the entry; refused, and still there.
    Outcome remove = run(store.remove(QStringLiteral("locked"), SecretKind::Client));
    QVERIFY(!remove.ok);
    QCOMPARE(remove.status, SecretJob::Status::AccessDenied);
    QCOMPARE(remove.message, SecretStore::lockedMessage());
    QCOMPARE(m_locked->items(m_service, client).locked, 1);
    // An entry that does not exist is still just not found, locked or not.
    const Outcome absent = run(store.read(QStringLiteral("never"), SecretKind::Client));
    QVERIFY2(absent.ok && absent.status == SecretJob::Status::NotFound, qPrintable(absent.message));
    const Outcome absentRemove = run(store.remove(QStringLiteral("never"), SecretKind::Client));
    QVERIFY2(absentRemove.ok && absentRemove.status == SecretJob::Status::NotFound,
             qPrintable(absentRemove.message));
    // Through the secret chain: no secret, and the reason says why.
    secrets::KeychainSecretSource source(&store);
    std::optional<QString> got = QStringLiteral("unset");
    bool called = false;
    source.lookup(SecretKind::Client, QStringLiteral("locked"), [&](std::optional<QString> s) {
        got = s;
        called = true;
    });
    QTRY_VERIFY(called);
    QVERIFY(!got);
    QVERIFY2(source.unavailableReason().contains(QLatin1String("The keychain is locked")),
             qPrintable(source.unavailableReason()));
}

void TestKeychainAccess::lockedCli_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("untouched"); // kind whose entry must be as before
    QTest::newRow("status") << QStringList{QStringLiteral("secret"), QStringLiteral("status")} << QByteArray()
                            << QStringLiteral("client");
    QTest::newRow("set") << QStringList{QStringLiteral("secret"), QStringLiteral("set"),
                                        QStringLiteral("--kind"), QStringLiteral("bot")}
                         << QByteArray("new-bot-secret\n") << QStringLiteral("bot");
    QTest::newRow("set over existing") << QStringList{QStringLiteral("secret"), QStringLiteral("set"),
                                                      QStringLiteral("--kind"), QStringLiteral("client")}
                                       << QByteArray("new-client-secret\n") << QStringLiteral("client");
    QTest::newRow("clear") << QStringList{QStringLiteral("secret"), QStringLiteral("clear"),
                                          QStringLiteral("--kind"), QStringLiteral("client")}
                           << QByteArray() << QStringLiteral("client");
    QTest::newRow("app find") << QStringList{QStringLiteral("--tenant"),    kTenant,
                                             QStringLiteral("--client-id"), kClient,
                                             QStringLiteral("app"),         QStringLiteral("find"),
                                             QStringLiteral("--name"),      QStringLiteral("x")}
                              << QByteArray() << QStringLiteral("client");
}

void TestKeychainAccess::lockedCli()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, input);
    QFETCH(QString, untouched);
    if (!m_cliLocked) {
        m_cliLocked = std::make_unique<PrivateKeyring>(PrivateKeyring::Display::None);
        START_KEYRING(*m_cliLocked);
        const QProcessEnvironment env
            = cliEnvironment(m_cliLocked->environment(QProcessEnvironment::systemEnvironment()));
        QVERIFY(cli(env, {QStringLiteral("profile"), QStringLiteral("save")}).exitCode == 0);
        // The CLI's entries live under service "Herald": one stored while unlocked.
        const CliResult set = cli(env,
                                  {QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("--kind"),
                                   QStringLiteral("client")},
                                  QByteArray("stored-before-locking\n"));
        QVERIFY2(set.exitCode == 0, qPrintable(set.err));
        QVERIFY(m_cliLocked->lockLogin());
    }
    const QProcessEnvironment env
        = cliEnvironment(m_cliLocked->environment(QProcessEnvironment::systemEnvironment()));
    const QString key = SecretStore::keyFor(m_profile, *secrets::kindFromName(untouched));
    const PrivateKeyring::Items before = m_cliLocked->items(SecretStore::defaultServiceName(), key);
    const CliResult r = cli(env, args, input);
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains(QLatin1String("The keychain is locked"))
                 && r.err.contains(QLatin1String("gnome-keyring-daemon --replace --unlock"))
                 && r.err.contains(QLatin1String("HERALD_CLIENT_SECRET")),
             qPrintable(r.err));
    QVERIFY(!r.err.contains(QLatin1String("Stored the")) && !r.err.contains(QLatin1String("Removed the")));
    const PrivateKeyring::Items after = m_cliLocked->items(SecretStore::defaultServiceName(), key);
    QVERIFY(after.unlocked >= 0);
    QCOMPARE(after.unlocked, before.unlocked);
    QCOMPARE(after.locked, before.locked);
}

void TestKeychainAccess::environmentWorksWhileLocked()
{
    if (!m_cliLocked)
        QSKIP("needs lockedCli's private keyring");
    QVERIFY(m_cliLocked->loginLocked());
    SimProcess *server = sim();
    QVERIFY(server);
    QProcessEnvironment env
        = cliEnvironment(m_cliLocked->environment(QProcessEnvironment::systemEnvironment()));
    env.insert(QStringLiteral("HERALD_CLIENT_SECRET"), server->secret());
    const QString app = server->ready().value(QStringLiteral("appId")).toString();
    const CliResult find
        = cli(env,
              connection(*server)
                  + QStringList{QStringLiteral("app"), QStringLiteral("find"), QStringLiteral("--id"), app});
    QVERIFY2(find.exitCode == 0 && find.out.contains(app), qPrintable(find.err));
}

void TestKeychainAccess::unansweredPromptTimesOut_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("status") << QStringList{QStringLiteral("secret"), QStringLiteral("status")}
                            << QByteArray();
    QTest::newRow("set") << QStringList{QStringLiteral("secret"), QStringLiteral("set"),
                                        QStringLiteral("--kind"), QStringLiteral("bot")}
                         << QByteArray("new-bot-secret\n");
    QTest::newRow("app find") << QStringList{QStringLiteral("--tenant"),    kTenant,
                                             QStringLiteral("--client-id"), kClient,
                                             QStringLiteral("app"),         QStringLiteral("find"),
                                             QStringLiteral("--name"),      QStringLiteral("x")}
                              << QByteArray();
}

void TestKeychainAccess::unansweredPromptTimesOut()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, input);
    if (!m_prompting) {
        m_prompting = std::make_unique<PrivateKeyring>(PrivateKeyring::Display::Xvfb);
        START_KEYRING(*m_prompting);
        const QProcessEnvironment env
            = cliEnvironment(m_prompting->environment(QProcessEnvironment::systemEnvironment()));
        QVERIFY(cli(env, {QStringLiteral("profile"), QStringLiteral("save")}).exitCode == 0);
        const CliResult set = cli(env,
                                  {QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("--kind"),
                                   QStringLiteral("client")},
                                  QByteArray("stored-before-locking\n"));
        QVERIFY2(set.exitCode == 0, qPrintable(set.err));
        QVERIFY(m_prompting->lockLogin());
    }
    QProcessEnvironment env
        = cliEnvironment(m_prompting->environment(QProcessEnvironment::systemEnvironment()));
    env.insert(QStringLiteral("HERALD_KEYCHAIN_TIMEOUT"), QStringLiteral("2"));
    const QString bot = SecretStore::keyFor(m_profile, SecretKind::Bot);
    QElapsedTimer clock;
    clock.start();
    const CliResult r = cli(env, args, input);
    // Generous: the point is "does not hang", not the exact second.
    QVERIFY2(clock.elapsed() < 30000, "herald-cli must give up on an unanswered unlock prompt");
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains(QLatin1String("The keychain did not answer within 2 second"))
                 && r.err.contains(QLatin1String("unlock prompt"))
                 && r.err.contains(QLatin1String("HERALD_KEYCHAIN_TIMEOUT"))
                 && r.err.contains(QLatin1String("HERALD_CLIENT_SECRET")),
             qPrintable(r.err));
    // A real prompt is up on the private display (gcr-prompter on the bus;
    // under load it may still be starting when herald-cli gives up).
    QTRY_VERIFY_WITH_TIMEOUT(m_prompting->promptShown(), 10000);
    const PrivateKeyring::Items items = m_prompting->items(SecretStore::defaultServiceName(), bot);
    QCOMPARE(items.unlocked + items.locked, 0);
}

QTEST_GUILESS_MAIN(TestKeychainAccess)
#include "tst_keychainaccess.moc"
