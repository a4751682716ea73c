// `herald-cli secret set|status|clear` as a user runs them: the real
// keychain (skip without one, fail with HERALD_REQUIRE_KEYCHAIN=1), and the
// clear exit-3 error when no keychain can be reached (a child process with
// DBUS_SESSION_BUS_ADDRESS pointing nowhere).

#include "CliProcess.h"

#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using herald::test::CliResult;

namespace {

const QString kSecret
    = QStringLiteral("cli-test-secret-") + QUuid::createUuid().toString(QUuid::WithoutBraces);

} // namespace

class TestSecretCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void setStatusClear();
    void emptyInputIsUsageError();
    void unknownProfile();
    void unknownKind();
    void noKeychain_data();
    void noKeychain();
    void environmentStillWorksWithoutKeychain();

private:
    CliResult cli(const QStringList &args, const QByteArray &input = {}, bool noKeychain = false);
    QTemporaryDir m_dir;
    QString m_profile;
};

void TestSecretCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // A profile of our own so a developer's real entries are never touched.
    m_profile = QStringLiteral("tst-") + QUuid::createUuid().toString(QUuid::Id128).left(12);
    // Named profiles must exist (a typo in --profile is an error, not a new profile).
    const CliResult saved = cli({QStringLiteral("profile"), QStringLiteral("save")});
    QVERIFY2(saved.exitCode == 0, qPrintable(saved.err));
}

CliResult TestSecretCli::cli(const QStringList &args, const QByteArray &input, bool noKeychain)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    env.remove(QStringLiteral("HERALD_CLIENT_SECRET"));
    env.remove(QStringLiteral("HERALD_BOT_SECRET"));
    if (noKeychain) {
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                   QStringLiteral("unix:path=") + m_dir.filePath(QStringLiteral("no-such-bus")));
        env.remove(QStringLiteral("DISPLAY"));
    }
    return herald::test::runHeraldCli(QStringLiteral(HERALD_CLI_BINARY),
                                      QStringList{QStringLiteral("--profile"), m_profile} + args, env, input);
}

void TestSecretCli::setStatusClear()
{
    const CliResult set = cli(
        {QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("--kind"), QStringLiteral("client")},
        kSecret.toUtf8() + '\n');
    if (set.exitCode == 3 && set.err.contains(QLatin1String("No keychain"))) {
        if (qEnvironmentVariable("HERALD_REQUIRE_KEYCHAIN") == QLatin1String("1"))
            QFAIL(qPrintable(QStringLiteral("HERALD_REQUIRE_KEYCHAIN=1 but: ") + set.err));
        QSKIP("no keychain in this session -- run under dbus-run-session with gnome-keyring-daemon");
    }
    QCOMPARE(set.exitCode, 0);
    QVERIFY2(set.err.contains(QLatin1String("Stored the client secret")), qPrintable(set.err));

    const CliResult status = cli({QStringLiteral("secret"), QStringLiteral("status"),
                                  QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(status.exitCode, 0);
    QVERIFY2(status.out.contains(QLatin1String("{\"kind\":\"client\",\"keychain\":\"stored\"")),
             qPrintable(status.out));
    QVERIFY(status.out.contains(QLatin1String("{\"kind\":\"bot\",\"keychain\":\"not stored\"")));
    for (const CliResult *r : {&set, &status}) {
        QVERIFY(!r->out.contains(kSecret));
        QVERIFY(!r->err.contains(kSecret));
    }

    const CliResult clear = cli({QStringLiteral("secret"), QStringLiteral("clear"), QStringLiteral("--kind"),
                                 QStringLiteral("client")});
    QCOMPARE(clear.exitCode, 0);
    const CliResult after = cli({QStringLiteral("secret"), QStringLiteral("status"),
                                 QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY(after.out.contains(QLatin1String("{\"kind\":\"client\",\"keychain\":\"not stored\"")));
}

void TestSecretCli::emptyInputIsUsageError()
{
    const CliResult r = cli(
        {QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("--kind"), QStringLiteral("bot")},
        QByteArray("\n"));
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QLatin1String("no secret on standard input")));
    const CliResult twoLines = cli(
        {QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("--kind"), QStringLiteral("bot")},
        QByteArray("one\ntwo\n"));
    QCOMPARE(twoLines.exitCode, 2);
    QVERIFY(twoLines.err.contains(QLatin1String("several lines")));
}

void TestSecretCli::unknownProfile()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    const CliResult r
        = herald::test::runHeraldCli(QStringLiteral(HERALD_CLI_BINARY),
                                     {QStringLiteral("--profile"), QStringLiteral("no-such-profile"),
                                      QStringLiteral("secret"), QStringLiteral("status")},
                                     env);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("profile 'no-such-profile' not found")), qPrintable(r.err));
}

void TestSecretCli::unknownKind()
{
    const CliResult r = cli({QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("--kind"),
                             QStringLiteral("password")},
                            QByteArray("x"));
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QLatin1String("unknown --kind 'password'")));
}

void TestSecretCli::noKeychain_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("status") << QStringList{QStringLiteral("secret"), QStringLiteral("status")}
                            << QByteArray();
    QTest::newRow("set") << QStringList{QStringLiteral("secret"), QStringLiteral("set"),
                                        QStringLiteral("--kind"), QStringLiteral("client")}
                         << kSecret.toUtf8();
    QTest::newRow("clear") << QStringList{QStringLiteral("secret"), QStringLiteral("clear"),
                                          QStringLiteral("--kind"), QStringLiteral("bot")}
                           << QByteArray();
    // A command that needs the client secret and finds neither environment nor keychain.
    QTest::newRow("app find")
        << QStringList{QStringLiteral("--tenant"),    QStringLiteral("contoso.onmicrosoft.com"),
                       QStringLiteral("--client-id"), QStringLiteral("0d7c5f4e-1a2b-4c3d-9e8f-112233445566"),
                       QStringLiteral("app"),         QStringLiteral("find"),
                       QStringLiteral("--name"),      QStringLiteral("x")}
        << QByteArray();
}

void TestSecretCli::noKeychain()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, input);
    const CliResult r = cli(args, input, true);
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains(QLatin1String("No keychain is available")), qPrintable(r.err));
    QVERIFY(r.err.contains(QLatin1String("HERALD_CLIENT_SECRET")));
    QVERIFY(!r.err.contains(kSecret));
}

void TestSecretCli::environmentStillWorksWithoutKeychain()
{
    // The secret comes from the environment, so the missing keychain is never
    // consulted; the run then fails at the (unreachable) login URL instead.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bus"));
    env.insert(QStringLiteral("HERALD_CLIENT_SECRET"), kSecret);
    const CliResult r = herald::test::runHeraldCli(
        QStringLiteral(HERALD_CLI_BINARY),
        {QStringLiteral("--tenant"), QStringLiteral("contoso.onmicrosoft.com"), QStringLiteral("--client-id"),
         QStringLiteral("0d7c5f4e-1a2b-4c3d-9e8f-112233445566"), QStringLiteral("--login-url"),
         QStringLiteral("http://127.0.0.1:9"), QStringLiteral("--graph-url"),
         QStringLiteral("http://127.0.0.1:9"), QStringLiteral("app"), QStringLiteral("find"),
         QStringLiteral("--name"), QStringLiteral("x")},
        env);
    QVERIFY2(!r.err.contains(QLatin1String("No keychain")), qPrintable(r.err));
    QVERIFY(r.exitCode != 0);
    QVERIFY(!r.err.contains(kSecret));
}

QTEST_GUILESS_MAIN(TestSecretCli)
#include "tst_secretcli.moc"
