#include "CliTestSupport.h"
#include "cli/CliRunner.h"
#include "cli/SignalNotifier.h"

#include <QSignalSpy>
#include <QTest>
#include <csignal>

using namespace herald::cli;
using namespace herald::cli::test;

namespace {

const QString kTenant = QStringLiteral("contoso.onmicrosoft.com");
const QString kClient = QStringLiteral("0d7c5f4e-1a2b-4c3d-9e8f-112233445566");

QProcessEnvironment envWithSecret(const QString &secret)
{
    QProcessEnvironment env;
    if (!secret.isEmpty())
        env.insert(QStringLiteral("HERALD_CLIENT_SECRET"), secret);
    return env;
}

// A stand-in for the simulator: fixed URLs, an in-memory secret.
class FakeDemo : public DemoEnvironment
{
public:
    bool start(QString *error) override
    {
        ++starts;
        if (fail) {
            *error = QStringLiteral("port in use");
            return false;
        }
        m_secrets.set(herald::config::SecretKind::Client, QStringLiteral("demo-secret"));
        return true;
    }
    void apply(herald::config::ConnectionSettings &s) const override
    {
        s.tenant = QStringLiteral("9f0c7a4e-2b1d-4c3e-8a5f-6d7e8f901234");
        s.clientId = kClient;
        s.graphUrl = QUrl(QStringLiteral("http://127.0.0.1:4321"));
        s.timeScale = 10;
    }
    herald::config::SecretSource &secrets() override { return m_secrets; }
    QString banner() const override { return QStringLiteral("DEMO BANNER: simulated tenant"); }
    DemoFacts facts() const override
    {
        return {QStringLiteral("ext-app"), {QStringLiteral("a@x"), QStringLiteral("b@x")}};
    }

    int starts = 0;
    bool fail = false;

private:
    herald::config::MemorySecretSource m_secrets;
};

struct Run
{
    CapturedIo io;
    CommandRegistry registry;
    std::unique_ptr<CliRunner> runner;
    std::optional<int> immediate;
    int exitCode = -1;

    void start(const QStringList &args, const QProcessEnvironment &env = {})
    {
        runner = std::make_unique<CliRunner>(registry, io.io);
        runner->setEnvironment(env);
        prepare(*runner);
        QObject::connect(runner.get(), &CliRunner::finished, runner.get(),
                         [this](int code) { exitCode = code; });
        immediate = runner->start(QStringList{QStringLiteral("herald-cli")} + args);
        if (immediate)
            exitCode = *immediate;
    }
    std::function<void(CliRunner &)> prepare = [](CliRunner &) {};
};

QStringList jsonLines(const QString &text)
{
    return text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace

class TestCliRunner : public QObject
{
    Q_OBJECT

private slots:
    void helpIsImmediate();
    void commandHelp();
    void version();
    void usageErrorExit2();
    void missingIdentityExit2();
    void missingSecretExit3();
    void secretReachesCommandNotOutput();
    void recordsAndSummary_data();
    void recordsAndSummary();
    void commandFinishingInsideStart();
    void sigintCancelsCommand();
    void interruptBeforeCommandStarts();
    void verboseRoutesRequestLog();
    void demoRunsCommandAgainstSimulator();
    void demoStartFailure();
    void demoScenarioRunsWhatExists();
    void demoScenarioWithExpectedFailuresSucceeds();
    void demoScenarioWithNothingToRun();
};

void TestCliRunner::helpIsImmediate()
{
    Run run;
    addTick(run.registry, std::make_shared<TickState>(), 1, 1);
    run.start({"--help"});
    QVERIFY(run.immediate); // no event loop needed
    QCOMPARE(*run.immediate, 0);
    QVERIFY(run.io.outText().contains(QLatin1String("Commands:")));
    QVERIFY(run.io.outText().contains(QLatin1String("  tick")));
    QVERIFY(run.io.errText().isEmpty());
}

void TestCliRunner::commandHelp()
{
    Run run;
    addTick(run.registry, std::make_shared<TickState>(), 1, 1);
    run.start({"tick", "--help"});
    QCOMPARE(run.immediate.value_or(-1), 0);
    QVERIFY(run.io.outText().startsWith(QLatin1String("Usage: herald-cli [GLOBAL OPTIONS] tick")));
    QVERIFY(run.io.outText().contains(QLatin1String("--user UPN_OR_ID")));
}

void TestCliRunner::version()
{
    Run run;
    run.start({"--version"});
    QCOMPARE(run.immediate.value_or(-1), 0);
    QCOMPARE(run.io.outText(), QStringLiteral("herald-cli %1\n").arg(QStringLiteral(HERALD_VERSION)));
}

void TestCliRunner::usageErrorExit2()
{
    Run run;
    auto state = std::make_shared<TickState>();
    addTick(run.registry, state, 1, 1);
    run.start({"tick", "--format", "xml"});
    QCOMPARE(run.immediate.value_or(-1), 2);
    QVERIFY(run.io.outText().isEmpty());
    const QStringList lines = run.io.errText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines[0].startsWith(QLatin1String("herald-cli: unknown --format 'xml'")));
    QCOMPARE(lines[1], QStringLiteral("Try 'herald-cli tick --help'."));
    QCOMPARE(state->started, 0);

    Run none;
    none.start({});
    QCOMPARE(none.immediate.value_or(-1), 2);
    QVERIFY(none.io.errText().contains(QLatin1String("Try 'herald-cli --help'.")));
}

void TestCliRunner::missingIdentityExit2()
{
    Run run;
    auto state = std::make_shared<TickState>();
    addTick(run.registry, state, 1, 1, 0, QStringLiteral("tick"), Need::GraphCredentials);
    run.start({"tick"}, envWithSecret(QStringLiteral("s")));
    QVERIFY(!run.immediate);
    QTRY_COMPARE(run.exitCode, 2);
    QVERIFY(run.io.errText().contains(QLatin1String("--tenant")));
    QCOMPARE(state->started, 0);
}

void TestCliRunner::missingSecretExit3()
{
    Run run;
    auto state = std::make_shared<TickState>();
    addTick(run.registry, state, 1, 1, 0, QStringLiteral("tick"), Need::GraphCredentials);
    run.start({"--tenant", kTenant, "--client-id", kClient, "tick"}, envWithSecret({}));
    QVERIFY(!run.immediate);
    QTRY_COMPARE(run.exitCode, 3);
    QVERIFY(run.io.errText().contains(QLatin1String("HERALD_CLIENT_SECRET")));
    QCOMPARE(state->started, 0);
}

void TestCliRunner::secretReachesCommandNotOutput()
{
    Run run;
    auto state = std::make_shared<TickState>();
    addTick(run.registry, state, 2, 1, 0, QStringLiteral("tick"),
            Need::GraphCredentials | Need::BotCredentials);
    run.start({"--tenant", kTenant, "--client-id", kClient, "--format", "json", "tick"},
              envWithSecret(QStringLiteral("s3cr3t-value")));
    QTRY_COMPARE(run.exitCode, 0);
    QCOMPARE(state->clientSecretSeen, QStringLiteral("s3cr3t-value"));
    QCOMPARE(state->settingsSeen.tenant, kTenant);
    QVERIFY(!run.io.outText().contains(QLatin1String("s3cr3t")));
    QVERIFY(!run.io.errText().contains(QLatin1String("s3cr3t")));
}

void TestCliRunner::recordsAndSummary_data()
{
    QTest::addColumn<int>("failEvery");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("summary");
    QTest::newRow("all succeed") << 0 << 0 << "installed 6";
    QTest::newRow("some fail") << 3 << 1 << "installed 4, failed 2";
}

void TestCliRunner::recordsAndSummary()
{
    QFETCH(int, failEvery);
    QFETCH(int, exitCode);
    QFETCH(QString, summary);
    Run run;
    addTick(run.registry, std::make_shared<TickState>(), 6, 1, failEvery);
    run.start({"--format", "json", "tick", "--user", "x"});
    QTRY_COMPARE(run.exitCode, exitCode);
    const QStringList lines = jsonLines(run.io.outText());
    QCOMPARE(lines.size(), 6);
    QVERIFY(lines[0].startsWith(QLatin1String("{\"recipient\":\"user-1\",")));
    const QString err = run.io.errText();
    QVERIFY2(err.contains(QLatin1String("tick: 6 in")), qPrintable(err));
    QVERIFY2(err.endsWith(summary + QLatin1Char('\n')), qPrintable(err));
}

void TestCliRunner::commandFinishingInsideStart()
{
    Run run;
    auto state = std::make_shared<TickState>();
    addTick(run.registry, state, 0, 0);
    run.start({"tick"});
    QTRY_COMPARE(run.exitCode, 0);
    QCOMPARE(state->started, 1);
    QVERIFY(!run.runner->isRunning());
}

void TestCliRunner::sigintCancelsCommand()
{
    SignalNotifier notifier;
    QVERIFY2(notifier.isActive(), qPrintable(notifier.errorString()));

    Run run;
    auto state = std::make_shared<TickState>();
    addTick(run.registry, state, 0, 5); // runs until cancelled
    run.prepare = [&notifier](CliRunner &runner) { runner.watch(&notifier); };
    // Table output holds back its first rows: the interrupt must still show them.
    run.start({"tick", "--all-users"});
    QTRY_VERIFY(state->written >= 3);
    QCOMPARE(run.exitCode, -1);

    std::raise(SIGINT);
    QTRY_COMPARE(run.exitCode, 4);
    QCOMPARE(state->cancelCalls, 1);
    const int written = state->written;
    QVERIFY(written >= 3);

    const QString out = run.io.outText();
    for (int n = 1; n <= written; ++n)
        QVERIFY2(out.contains(QStringLiteral("user-%1 ").arg(n)), qPrintable(out));
    QVERIFY(!out.contains(QStringLiteral("user-%1 ").arg(written + 1)));
    const QString err = run.io.errText();
    QVERIFY2(err.contains(QLatin1String("Interrupted")), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("interrupted after %1").arg(written)), qPrintable(err));
}

void TestCliRunner::interruptBeforeCommandStarts()
{
    Run run;
    auto state = std::make_shared<TickState>();
    addTick(run.registry, state, 0, 5);
    run.start({"tick"});
    QVERIFY(!run.immediate);
    run.runner->interrupt(); // before the event loop got to the command
    QTRY_COMPARE(run.exitCode, 4);
    QCOMPARE(state->started, 0);
}

void TestCliRunner::verboseRoutesRequestLog()
{
    Run quiet;
    addTick(quiet.registry, std::make_shared<TickState>(), 1, 1);
    quiet.start({"tick"});
    QTRY_COMPARE(quiet.exitCode, 0);
    QVERIFY(!quiet.io.errText().contains(QLatin1String("oauth2")));

    Run verbose;
    addTick(verbose.registry, std::make_shared<TickState>(), 1, 1);
    verbose.start({"--verbose", "tick"});
    QTRY_COMPARE(verbose.exitCode, 0);
    const QString err = verbose.io.errText();
    QVERIFY2(err.contains(QLatin1String("POST")) && err.contains(QLatin1String("oauth2")), qPrintable(err));
    QVERIFY2(!err.contains(QLatin1String("hush-hush")), qPrintable(err));
    QVERIFY(!verbose.io.outText().contains(QLatin1String("oauth2"))); // never on stdout
}

void TestCliRunner::demoRunsCommandAgainstSimulator()
{
    Run run;
    auto state = std::make_shared<TickState>();
    addTick(run.registry, state, 2, 1, 0, QStringLiteral("tick"), Need::GraphCredentials);
    FakeDemo *demo = nullptr;
    run.prepare = [&demo](CliRunner &runner) {
        runner.setDemoEnvironmentFactory([&demo] {
            auto created = std::make_unique<FakeDemo>();
            demo = created.get();
            return created;
        });
    };
    // The environment's secret must not be used against the simulator, nor
    // the simulator's leak into the output.
    run.start({"--demo", "--graph-url", "https://graph.microsoft.com", "tick"},
              envWithSecret(QStringLiteral("real-tenant-secret")));
    QTRY_COMPARE(run.exitCode, 0);
    QVERIFY(demo);
    QCOMPARE(demo->starts, 1);
    QCOMPARE(state->clientSecretSeen, QStringLiteral("demo-secret"));
    QCOMPARE(state->settingsSeen.graphUrl, QUrl(QStringLiteral("http://127.0.0.1:4321")));
    QCOMPARE(state->settingsSeen.timeScale, 10.0);
    QVERIFY(run.io.errText().startsWith(QLatin1String("DEMO BANNER: simulated tenant\n")));
    QVERIFY(!run.io.outText().contains(QLatin1String("demo-secret")));
    QVERIFY(!run.io.errText().contains(QLatin1String("demo-secret")));
}

void TestCliRunner::demoStartFailure()
{
    Run run;
    auto state = std::make_shared<TickState>();
    addTick(run.registry, state, 1, 1);
    run.prepare = [](CliRunner &runner) {
        runner.setDemoEnvironmentFactory([] {
            auto demo = std::make_unique<FakeDemo>();
            demo->fail = true;
            return demo;
        });
    };
    run.start({"--demo", "tick"});
    QTRY_COMPARE(run.exitCode, 2);
    QVERIFY(run.io.errText().contains(QLatin1String("port in use")));
    QCOMPARE(state->started, 0);

    Run unavailable; // no factory: this build has no simulator
    unavailable.start({"--demo", "--help"});
    QCOMPARE(unavailable.immediate.value_or(-1), 0);
}

void TestCliRunner::demoScenarioRunsWhatExists()
{
    Run run;
    auto state = std::make_shared<TickState>();
    // Only "status" exists: the scenario runs its status steps and says
    // which commands are missing. Expectations follow the scenario's own
    // step list, so tuning the scenario does not break this test.
    addTick(run.registry, state, 3, 1, 0, QStringLiteral("status"));
    const DemoFacts facts = FakeDemo().facts();
    const QList<DemoStep> steps = DemoScenario::steps(facts);
    const QList<DemoStep> runnable = DemoScenario::runnable(steps, run.registry);
    const QStringList missing = DemoScenario::missingCommands(steps, run.registry);
    QVERIFY(runnable.size() >= 2);
    QVERIFY(!missing.isEmpty());
    int shownRecords = 0;
    for (const DemoStep &step : runnable)
        shownRecords += step.showRecords ? 3 : 0;
    QVERIFY(shownRecords < 3 * int(runnable.size())); // the sweep shows only its summary

    run.prepare = [](CliRunner &runner) {
        runner.setDemoEnvironmentFactory([] { return std::make_unique<FakeDemo>(); });
    };
    run.start({"--demo", "--format", "json"});
    QVERIFY(!run.immediate);
    QTRY_COMPARE(run.exitCode, 0);
    QCOMPARE(state->started, int(runnable.size()));
    const QString err = run.io.errText();
    QVERIFY2(err.contains(missing.join(QLatin1String(", "))), qPrintable(err));
    for (int i = 1; i <= runnable.size(); ++i)
        QVERIFY2(err.contains(QStringLiteral("== %1/%2 ").arg(i).arg(runnable.size())), qPrintable(err));
    QVERIFY2(jsonLines(run.io.outText()).size() == shownRecords, qPrintable(run.io.outText()));
    // The facts reach the commands: the last step got the users it names.
    QStringList lastUsers;
    const QStringList &lastArgs = runnable.constLast().arguments;
    for (int i = 0; i + 1 < lastArgs.size(); ++i) {
        if (lastArgs[i] == QLatin1String("--user"))
            lastUsers << lastArgs[i + 1];
    }
    QCOMPARE(state->recipientsSeen.users, lastUsers);
}

void TestCliRunner::demoScenarioWithExpectedFailuresSucceeds()
{
    // The demo tenant has blocked and unlicensed users on purpose: steps
    // ending with "some failed" (1) still make a successful demo, with a
    // note that a real run would exit 1. Errors (2/3/4) still fail it.
    Run run;
    auto state = std::make_shared<TickState>();
    addTick(run.registry, state, 3, 1, 2, QStringLiteral("status")); // every 2nd record fails
    run.prepare = [](CliRunner &runner) {
        runner.setDemoEnvironmentFactory([] { return std::make_unique<FakeDemo>(); });
    };
    run.start({"--demo"});
    QTRY_COMPARE(run.exitCode, 0);
    QVERIFY(state->started >= 2);
    QVERIFY2(run.io.errText().contains(QLatin1String("would exit with status 1")),
             qPrintable(run.io.errText()));
}

void TestCliRunner::demoScenarioWithNothingToRun()
{
    Run run;
    bool started = false;
    run.prepare = [&started](CliRunner &runner) {
        runner.setDemoEnvironmentFactory([&started] {
            started = true;
            return std::make_unique<FakeDemo>();
        });
    };
    run.start({"--demo"});
    QCOMPARE(run.immediate.value_or(-1), 0);
    QVERIFY(!started); // no simulator for nothing
    QVERIFY2(run.io.errText().contains(QLatin1String("nothing was run")), qPrintable(run.io.errText()));
    QVERIFY(run.io.outText().isEmpty());
}

QTEST_GUILESS_MAIN(TestCliRunner)
#include "tst_clirunner.moc"
