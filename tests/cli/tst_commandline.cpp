#include "CliTestSupport.h"
#include "cli/CommandLine.h"

#include <QTemporaryDir>
#include <QTest>

using namespace herald::cli;
using Action = Invocation::Action;

Q_DECLARE_METATYPE(Invocation::Action)

class TestCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void parse_data();
    void parse();
    void repeatableUser();
    void recipientsAndApp();
    void globalSettings();
    void environmentAndProfiles();
    void commandWordsSkipOptionValues();
    void registryRefusesClashes();

private:
    ParseResult run(const QStringList &args, const QProcessEnvironment &env = {},
                    ProfileLookup profiles = builtinProfiles());

    CommandRegistry m_registry;
    QTemporaryDir m_dir;
    QString m_usersFile;
};

void TestCommandLine::initTestCase()
{
    test::addInert(m_registry, test::probeSpec());
    test::addInert(m_registry, test::findSpec());
    QVERIFY(m_dir.isValid());
    m_usersFile = m_dir.filePath(QStringLiteral("users.csv"));
    QFile file(m_usersFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("userPrincipalName\nalice@contoso.com\n");
}

ParseResult TestCommandLine::run(const QStringList &args, const QProcessEnvironment &env,
                                 ProfileLookup profiles)
{
    return CommandLine(m_registry, env, std::move(profiles))
        .parse(QStringList{QStringLiteral("herald-cli")} + args);
}

void TestCommandLine::parse_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<Action>("action");
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("error"); // part of the message when !ok

    const QStringList app{"--app", "1234"};
    QTest::newRow("help") << QStringList{"--help"} << true << Action::GeneralHelp << ""
                          << "";
    QTest::newRow("-h") << QStringList{"-h"} << true << Action::GeneralHelp << ""
                        << "";
    QTest::newRow("version") << QStringList{"--version"} << true << Action::Version << ""
                             << "";
    QTest::newRow("version wins") << QStringList{"probe", "--version"} << true << Action::Version << "probe"
                                  << "";
    QTest::newRow("command help") << QStringList{"probe", "--help"} << true << Action::CommandHelp << "probe"
                                  << "";
    QTest::newRow("help word") << QStringList{"help", "probe"} << true << Action::CommandHelp << "probe"
                               << "";
    QTest::newRow("two-word help") << QStringList{"app", "find", "--help"} << true << Action::CommandHelp
                                   << "app find"
                                   << "";
    QTest::newRow("repeated --group") << QStringList{"probe", "--app", "1", "--group", "g1", "--group", "g2"}
                                      << false << Action::Run << "probe"
                                      << "--group can be given only once";
    QTest::newRow("repeated --teams") << QStringList{"probe", "--app", "1", "--teams", "a", "--teams", "b"}
                                      << false << Action::Run << "probe"
                                      << "--teams can be given only once";
    QTest::newRow("demo alone") << QStringList{"--demo"} << true << Action::DemoScenario << ""
                                << "";
    QTest::newRow("demo + command") << QStringList{"--demo", "probe", "--app", "1", "--all-users"} << true
                                    << Action::Run << "probe"
                                    << "";
    QTest::newRow("valid run") << (QStringList{"--tenant", "contoso.com", "probe"} + app
                                   + QStringList{"--all-users"})
                               << true << Action::Run << "probe"
                               << "";
    QTest::newRow("globals after command")
        << (QStringList{"probe"} + app + QStringList{"--user", "a", "--format", "csv", "--quiet"}) << true
        << Action::Run << "probe"
        << "";
    QTest::newRow("option=value form")
        << QStringList{"probe", "--app=1", "--user=a", "--format=json"} << true << Action::Run << "probe"
        << "";
    QTest::newRow("two-word command")
        << QStringList{"app", "find", "--external-id", "x"} << true << Action::Run << "app find"
        << "";
    QTest::newRow("loopback graph url")
        << (QStringList{"--graph-url", "http://127.0.0.1:8080", "probe"} + app + QStringList{"--all-users"})
        << true << Action::Run << "probe"
        << "";

    // Usage errors (exit 2)
    QTest::newRow("missing command") << QStringList{} << false << Action::Run << ""
                                     << "no command";
    QTest::newRow("only globals") << QStringList{"--tenant", "x.com"} << false << Action::Run << ""
                                  << "no command";
    QTest::newRow("unknown option") << QStringList{"probe", "--frobnicate"} << false << Action::Run << ""
                                    << "frobnicate";
    QTest::newRow("unknown global option") << QStringList{"--nope"} << false << Action::Run << ""
                                           << "nope";
    QTest::newRow("unknown command") << QStringList{"florp"} << false << Action::Run << ""
                                     << "unknown command 'florp'";
    QTest::newRow("typo suggests") << QStringList{"prob"} << false << Action::Run << ""
                                   << "did you mean 'probe'";
    QTest::newRow("group word alone") << QStringList{"app"} << false << Action::Run << ""
                                      << "app find";
    QTest::newRow("bad format") << (QStringList{"--format", "xml", "probe"} + app
                                    + QStringList{"--all-users"})
                                << false << Action::Run << ""
                                << "--format 'xml'";
    QTest::newRow("missing format value") << QStringList{"probe", "--format"} << false << Action::Run << ""
                                          << "format";
    QTest::newRow("remote http graph url")
        << (QStringList{"--graph-url", "http://example.com", "probe"} + app + QStringList{"--all-users"})
        << false << Action::Run << ""
        << "http://example.com";
    QTest::newRow("remote http bot url")
        << (QStringList{"--bot-service-url", "http://smba.example.net/", "probe"} + app
            + QStringList{"--all-users"})
        << false << Action::Run << ""
        << "--bot-service-url";
    QTest::newRow("unknown cloud") << (QStringList{"--cloud", "mars", "probe"} + app
                                       + QStringList{"--all-users"})
                                   << false << Action::Run << ""
                                   << "--cloud 'mars'";
    QTest::newRow("bad concurrency") << (QStringList{"--concurrency", "0", "probe"} + app
                                         + QStringList{"--all-users"})
                                     << false << Action::Run << ""
                                     << "--concurrency";
    QTest::newRow("quiet and verbose")
        << (QStringList{"--quiet", "--verbose", "probe"} + app + QStringList{"--all-users"}) << false
        << Action::Run << ""
        << "--quiet and --verbose";
    QTest::newRow("no recipients") << (QStringList{"probe"} + app) << false << Action::Run << ""
                                   << "needs recipients";
    QTest::newRow("no app") << QStringList{"probe", "--all-users"} << false << Action::Run << ""
                            << "--app";
    QTest::newRow("both app forms") << QStringList{"probe", "--app",      "1", "--app-external-id",
                                                   "2",     "--all-users"}
                                    << false << Action::Run << ""
                                    << "not both";
    QTest::newRow("unreadable users file")
        << (QStringList{"probe", "--users", "/nonexistent/u.csv"} + app) << false << Action::Run << ""
        << "/nonexistent/u.csv";
    QTest::newRow("stray argument") << (QStringList{"probe", "extra"} + app + QStringList{"--all-users"})
                                    << false << Action::Run << ""
                                    << "unexpected argument 'extra'";
    QTest::newRow("command validate") << QStringList{"app", "find"} << false << Action::Run << ""
                                      << "--external-id ID or --name";
    QTest::newRow("command option on other command")
        << QStringList{"app", "find", "--name", "x", "--dry-run"} << false << Action::Run << ""
        << "dry-run";
    QTest::newRow("help for unknown command") << QStringList{"florp", "--help"} << false << Action::Run << ""
                                              << "florp";
    QTest::newRow("unknown profile") << (QStringList{"--profile", "work", "probe"} + app
                                         + QStringList{"--all-users"})
                                     << false << Action::Run << ""
                                     << "profile 'work'";
}

void TestCommandLine::parse()
{
    QFETCH(QStringList, args);
    QFETCH(bool, ok);
    QFETCH(Action, action);
    QFETCH(QString, command);
    QFETCH(QString, error);

    const ParseResult result = run(args);
    QVERIFY2(result.ok == ok, qPrintable(result.error));
    if (ok) {
        QCOMPARE(result.invocation.action, action);
        QCOMPARE(result.invocation.command ? result.invocation.command->name : QString(), command);
        QVERIFY(result.error.isEmpty());
    } else {
        QVERIFY2(result.error.contains(error), qPrintable(result.error));
        QVERIFY(!result.error.contains(QLatin1Char('\n'))); // one line
        QVERIFY(result.helpHint.startsWith(QLatin1String("herald-cli ")));
        QVERIFY(result.helpHint.endsWith(QLatin1String("--help")));
    }
}

void TestCommandLine::repeatableUser()
{
    const ParseResult r
        = run({"probe", "--app", "1", "--user", "a@contoso.com", "--user", "b@contoso.com", "--user=c"});
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.invocation.input.recipients.users, QStringList({"a@contoso.com", "b@contoso.com", "c"}));
    QVERIFY(!r.invocation.input.recipients.allUsers);

    const ParseResult teams = run({"probe", "--app", "1", "--team", "t1", "--team", "t2"});
    QVERIFY2(teams.ok, qPrintable(teams.error));
    QCOMPARE(teams.invocation.input.recipients.teams, QStringList({"t1", "t2"}));
}

void TestCommandLine::recipientsAndApp()
{
    const ParseResult r = run({"probe", "--app-external-id", "ext-1", "--users", m_usersFile, "--group", "g1",
                               "--all-users", "--dry-run", "--limit", "5"});
    QVERIFY2(r.ok, qPrintable(r.error));
    const Invocation &inv = r.invocation;
    QCOMPARE(inv.input.app.externalId, QStringLiteral("ext-1"));
    QVERIFY(inv.input.app.teamsAppId.isEmpty());
    QCOMPARE(inv.input.recipients.usersFile, m_usersFile);
    QCOMPARE(inv.input.recipients.group, QStringLiteral("g1"));
    QVERIFY(inv.input.recipients.allUsers);
    QVERIFY(inv.input.isSet(QStringLiteral("dry-run")));
    QCOMPARE(inv.input.value(QStringLiteral("limit")), QStringLiteral("5"));
    QVERIFY(!inv.input.isSet(QStringLiteral("format"))); // globals are not command input
}

void TestCommandLine::globalSettings()
{
    const ParseResult r = run({"--tenant",
                               "contoso.onmicrosoft.com",
                               "--client-id",
                               "0d7c5f4e-1a2b-4c3d-9e8f-112233445566",
                               "--bot-tenant",
                               "contoso.com",
                               "--cloud",
                               "usgov",
                               "--graph-url",
                               "http://127.0.0.1:8080",
                               "--login-url",
                               "http://localhost:9000",
                               "--bot-service-url",
                               "http://[::1]:9000/bot/",
                               "--cert",
                               "/etc/herald/app.pem",
                               "--format",
                               "json",
                               "--data-dir",
                               "/tmp/h",
                               "--concurrency",
                               "16",
                               "--verbose",
                               "--time-scale",
                               "20",
                               "probe",
                               "--app",
                               "1",
                               "--all-users"});
    QVERIFY2(r.ok, qPrintable(r.error));
    const GlobalOptions &g = r.invocation.global;
    QCOMPARE(g.settings.tenant, QStringLiteral("contoso.onmicrosoft.com"));
    QCOMPARE(g.settings.clientId, QStringLiteral("0d7c5f4e-1a2b-4c3d-9e8f-112233445566"));
    QCOMPARE(g.settings.effectiveBotId(), g.settings.clientId);
    QCOMPARE(g.settings.botTenant, QStringLiteral("contoso.com"));
    QCOMPARE(g.settings.cloud, herald::config::Cloud::UsGov);
    QCOMPARE(g.settings.graphUrl, QUrl(QStringLiteral("http://127.0.0.1:8080")));
    QCOMPARE(g.settings.loginUrl, QUrl(QStringLiteral("http://localhost:9000")));
    QCOMPARE(g.settings.botServiceUrl.host(), QStringLiteral("::1"));
    QCOMPARE(g.settings.certFile, QStringLiteral("/etc/herald/app.pem"));
    QCOMPARE(g.settings.dataDir, QStringLiteral("/tmp/h"));
    QCOMPARE(g.settings.concurrency, 16);
    QCOMPARE(g.settings.timeScale, 20.0);
    QCOMPARE(g.format, OutputFormat::Json);
    QVERIFY(g.verbose);
    QVERIFY(!g.quiet);
    QVERIFY(!g.demo);
}

void TestCommandLine::environmentAndProfiles()
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("HERALD_DATA_DIR"), QStringLiteral("/from/env"));
    ParseResult r = run({"probe", "--app", "1", "--all-users"}, env);
    QVERIFY(r.ok);
    QCOMPARE(r.invocation.global.settings.dataDir, QStringLiteral("/from/env"));
    r = run({"--data-dir", "/from/cli", "probe", "--app", "1", "--all-users"}, env);
    QCOMPARE(r.invocation.global.settings.dataDir, QStringLiteral("/from/cli"));

    // The profile seam: stored settings under the command line.
    ProfileLookup profiles
        = [](const QString &name, QString *) -> std::optional<herald::config::ConnectionSettings> {
        if (name != QLatin1String("work"))
            return std::nullopt;
        herald::config::ConnectionSettings s;
        s.tenant = QStringLiteral("work.example.com");
        s.clientId = QStringLiteral("0d7c5f4e-1a2b-4c3d-9e8f-112233445566");
        return s;
    };
    r = run({"--profile", "work", "--client-id", "11111111-2222-3333-4444-555555555555", "probe", "--app",
             "1", "--all-users"},
            {}, profiles);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.invocation.global.settings.profile, QStringLiteral("work"));
    QCOMPARE(r.invocation.global.settings.tenant, QStringLiteral("work.example.com"));
    QCOMPARE(r.invocation.global.settings.clientId, QStringLiteral("11111111-2222-3333-4444-555555555555"));
    r = run({"probe", "--app", "1", "--all-users"}, {}, profiles); // "default" unknown to this lookup
    QVERIFY(!r.ok);
    QVERIFY(r.error.contains(QLatin1String("'default'")));
}

void TestCommandLine::commandWordsSkipOptionValues()
{
    // Option values that look like command names are not commands.
    ParseResult r = run({"--tenant", "probe", "app", "find", "--name", "probe"});
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.invocation.command->name, QStringLiteral("app find"));
    QCOMPARE(r.invocation.global.settings.tenant, QStringLiteral("probe"));
    QCOMPARE(r.invocation.input.value(QStringLiteral("name")), QStringLiteral("probe"));

    // "help" as an option value is not the help word.
    r = run({"app", "find", "--name", "help"});
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.invocation.action, Action::Run);
    QCOMPARE(r.invocation.input.value(QStringLiteral("name")), QStringLiteral("help"));
}

void TestCommandLine::registryRefusesClashes()
{
    CommandRegistry registry;
    QString error;
    auto factory = [] { return std::make_unique<test::InertCommand>(); };

    CommandSpec clash = test::probeSpec();
    clash.options.append({QStringLiteral("format"), QStringLiteral("clashes with the global option")});
    QVERIFY(!registry.add(clash, factory, &error));
    QVERIFY(error.contains(QLatin1String("--format")));

    CommandSpec groupClash = test::probeSpec();
    groupClash.options.append({QStringLiteral("user"), QStringLiteral("clashes with the recipient group")});
    QVERIFY(!registry.add(groupClash, factory, &error));

    CommandSpec badName = test::probeSpec();
    badName.name = QStringLiteral("Status!");
    QVERIFY(!registry.add(badName, factory, &error));

    CommandSpec needsWithoutGroup = test::probeSpec();
    needsWithoutGroup.groups = {};
    QVERIFY(!registry.add(needsWithoutGroup, factory, &error));

    QVERIFY(registry.add(test::probeSpec(), factory, &error));
    QVERIFY(!registry.add(test::probeSpec(), factory, &error)); // twice
    QVERIFY(error.contains(QLatin1String("twice")));
    QCOMPARE(registry.specs().size(), 1);
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
