#pragma once

// CliRunner: one herald-cli run. Parses the arguments, answers --help and
// --version at once (no event loop, no network), otherwise checks identity
// and secrets, starts the command, forwards interruptions to it and reports
// the exit code with finished(). With --demo it first starts the simulated
// tenant and points everything at it.

#include "cli/CommandContext.h"
#include "cli/CommandLine.h"
#include "cli/CommandRegistry.h"
#include "cli/DemoEnvironment.h"
#include "cli/DemoScenario.h"
#include "cli/ExitCode.h"
#include "config/SecretSource.h"

#include <QIODevice>
#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTextStream>
#include <functional>
#include <memory>
#include <optional>

namespace herald::cli {

class SignalNotifier;

class CliRunner : public QObject
{
    Q_OBJECT

signals:
    // Once per start() that returned nullopt.
    void finished(int exitCode);

public:
    CliRunner(const CommandRegistry &registry, const CliIo &io, QObject *parent = nullptr);
    ~CliRunner() override;

    // Defaults: the process environment, the built-in profiles, secrets from
    // the environment, no demo (--demo then says so), a steady clock.
    void setEnvironment(const QProcessEnvironment &env);
    void setProfileLookup(ProfileLookup profiles);
    void setSecretSource(std::unique_ptr<config::SecretSource> source);
    void setDemoEnvironmentFactory(DemoEnvironmentFactory factory);
    void setClock(ProgressReporter::Clock clock);
    // SIGINT/SIGTERM from `notifier` interrupt the run.
    void watch(SignalNotifier *notifier);

    // The exit code when the answer needs no event loop (help, version, usage
    // errors); otherwise nullopt, and finished() comes from the event loop.
    std::optional<int> start(const QStringList &arguments);

    // First interruption: ask the command to stop; exit code 4 when it has.
    void interrupt();
    bool isRunning() const { return m_running; }

private:
    using Done = std::function<void(ExitCode)>;

    void begin(const Invocation &invocation);
    bool startDemo(const Invocation &invocation);
    void runInvocation(const Invocation &invocation, const CliIo &io, Done done);
    void launch(const Invocation &invocation, const config::ConnectionSettings &settings,
                const config::Credentials &credentials, const CliIo &io, Done done);
    void runNextStep();
    void complete(ExitCode code);

    void printError(const QString &message);
    void printUsageError(const QString &message, const QString &hint);
    void printNote(const QString &message);

    const CommandRegistry &m_registry;
    CliIo m_io;
    QProcessEnvironment m_env;
    ProfileLookup m_profiles;
    std::unique_ptr<config::SecretSource> m_secrets;
    DemoEnvironmentFactory m_demoFactory;
    std::unique_ptr<DemoEnvironment> m_demo;
    ProgressReporter::Clock m_clock;

    QStringList m_arguments;
    Invocation m_invocation;
    QList<DemoStep> m_steps;
    int m_stepIndex = 0;
    ExitCode m_scenarioResult = ExitCode::Success;

    QPointer<CommandContext> m_context;
    QPointer<Command> m_command;
    std::unique_ptr<QIODevice> m_discard; // records of demo steps that show only their summary
    QTextStream m_discardStream;
    bool m_running = false;
    bool m_interrupted = false;
};

} // namespace herald::cli
