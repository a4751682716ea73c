#include "cli/CliRunner.h"

#include "cli/CliLogging.h"
#include "cli/HelpText.h"
#include "cli/SignalNotifier.h"

#include <QLoggingCategory>
#include <QTimer>

namespace herald::cli {

using config::ConnectionSettings;
using config::CredentialResolver;
using config::Credentials;

namespace {

// Discards what is written: demo steps that show only progress and summary.
class NullDevice : public QIODevice
{
public:
    NullDevice() { open(QIODevice::WriteOnly); }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *, qint64 length) override { return length; }
};

} // namespace

CliRunner::CliRunner(const CommandRegistry &registry, const CliIo &io, QObject *parent)
    : QObject(parent)
    , m_registry(registry)
    , m_io(io)
    , m_env(QProcessEnvironment::systemEnvironment())
    , m_profiles(builtinProfiles())
{
}

CliRunner::~CliRunner()
{
    // The command may still hold replies from the simulator: stop it first.
    delete m_command.data();
    delete m_context.data();
}

void CliRunner::setEnvironment(const QProcessEnvironment &env)
{
    m_env = env;
}
void CliRunner::setProfileLookup(ProfileLookup profiles)
{
    m_profiles = std::move(profiles);
}
void CliRunner::setSecretSource(std::unique_ptr<config::SecretSource> source)
{
    m_secrets = std::move(source);
}
void CliRunner::setDemoEnvironmentFactory(DemoEnvironmentFactory factory)
{
    m_demoFactory = std::move(factory);
}
void CliRunner::setClock(ProgressReporter::Clock clock)
{
    m_clock = std::move(clock);
}

void CliRunner::watch(SignalNotifier *notifier)
{
    connect(notifier, &SignalNotifier::interrupted, this, [this] { interrupt(); });
}

void CliRunner::printError(const QString &message)
{
    *m_io.err << "herald-cli: " << message << '\n';
    m_io.err->flush();
}

void CliRunner::printUsageError(const QString &message, const QString &hint)
{
    *m_io.err << "herald-cli: " << message << '\n' << tr("Try '%1'.").arg(hint) << '\n';
    m_io.err->flush();
}

void CliRunner::printNote(const QString &message)
{
    if (m_invocation.global.quiet)
        return;
    *m_io.err << message << '\n';
    m_io.err->flush();
}

std::optional<int> CliRunner::start(const QStringList &arguments)
{
    Q_ASSERT_X(!m_running, "CliRunner::start", "one run at a time");
    m_arguments = arguments;
    m_interrupted = false;
    m_scenarioResult = ExitCode::Success;

    const ParseResult parsed = CommandLine(m_registry, m_env, m_profiles).parse(arguments);
    if (!parsed.ok) {
        printUsageError(parsed.error, parsed.helpHint);
        return toInt(ExitCode::Usage);
    }
    m_invocation = parsed.invocation;

    switch (m_invocation.action) {
    case Invocation::Action::GeneralHelp:
        *m_io.out << HelpText::general(m_registry);
        m_io.out->flush();
        return toInt(ExitCode::Success);
    case Invocation::Action::CommandHelp:
        *m_io.out << HelpText::command(*m_invocation.command);
        m_io.out->flush();
        return toInt(ExitCode::Success);
    case Invocation::Action::Version:
        *m_io.out << HelpText::version();
        m_io.out->flush();
        return toInt(ExitCode::Success);
    case Invocation::Action::DemoScenario: {
        // Facts are not needed to know which commands the scenario uses.
        const QList<DemoStep> wanted = DemoScenario::steps({});
        const QStringList missing = DemoScenario::missingCommands(wanted, m_registry);
        if (DemoScenario::runnable(wanted, m_registry).isEmpty()) {
            printNote(tr("demo: the scenario needs the commands %1, which this build does not have yet; "
                         "nothing was run.")
                          .arg(missing.join(QLatin1String(", "))));
            return toInt(ExitCode::Success);
        }
        break;
    }
    case Invocation::Action::Run:
        break;
    }

    if (m_invocation.global.demo && !m_demoFactory) {
        printUsageError(tr("--demo is not available in this build"), QStringLiteral("herald-cli --help"));
        return toInt(ExitCode::Usage);
    }

    m_running = true;
    // Always from the event loop: a command may finish inside start(), and
    // finished() must reach a receiver whose loop is already running.
    QTimer::singleShot(0, this, [this] { begin(m_invocation); });
    return std::nullopt;
}

void CliRunner::begin(const Invocation &invocation)
{
    if (m_interrupted) {
        complete(ExitCode::Interrupted);
        return;
    }
    // Diagnostics on stderr: everything with --verbose; otherwise no debug
    // chatter, and the in-process simulator keeps its own log to itself.
    // QT_LOGGING_RULES still overrides both.
    QLoggingCategory::setFilterRules(invocation.global.verbose
                                         ? QStringLiteral("herald.*.debug=true")
                                         : QStringLiteral("herald.*.debug=false\nherald.sim.info=false"));
    if (!m_secrets)
        m_secrets = std::make_unique<config::EnvironmentSecretSource>(m_env);

    if (invocation.global.demo && !startDemo(invocation))
        return;

    if (invocation.action == Invocation::Action::DemoScenario) {
        m_steps = DemoScenario::runnable(DemoScenario::steps(m_demo->facts()), m_registry);
        const QStringList missing
            = DemoScenario::missingCommands(DemoScenario::steps(m_demo->facts()), m_registry);
        if (!missing.isEmpty())
            printNote(tr("demo: this build has no %1 command yet; those steps are skipped.")
                          .arg(missing.join(QLatin1String(", "))));
        m_stepIndex = 0;
        runNextStep();
        return;
    }
    runInvocation(invocation, m_io, [this](ExitCode code) { complete(code); });
}

bool CliRunner::startDemo(const Invocation &invocation)
{
    Q_UNUSED(invocation);
    m_demo = m_demoFactory();
    QString error;
    if (!m_demo || !m_demo->start(&error)) {
        printError(tr("cannot start the simulated tenant: %1").arg(error));
        m_demo.reset();
        complete(ExitCode::Usage);
        return false;
    }
    // The banner is the one line that must never be missed, even with --quiet.
    *m_io.err << m_demo->banner() << '\n';
    m_io.err->flush();
    return true;
}

void CliRunner::runNextStep()
{
    if (m_interrupted) {
        complete(ExitCode::Interrupted);
        return;
    }
    if (m_stepIndex >= m_steps.size()) {
        // The demo tenant has unlicensed and policy-blocked users on purpose:
        // steps that end with "some recipients failed" are the scenario
        // working as designed, so the demo as a whole succeeds. Say so, so
        // nobody mistakes it for the exit status of a real run.
        if (m_scenarioResult == ExitCode::SomeFailed)
            printNote(tr("\ndemo: finished. Some recipients were blocked or not found on purpose; "
                         "a real run in that state would exit with status 1."));
        complete(m_scenarioResult == ExitCode::SomeFailed ? ExitCode::Success : m_scenarioResult);
        return;
    }
    const DemoStep step = m_steps.at(m_stepIndex++);
    // The user's global options (--format, --quiet...) apply to every step.
    QStringList arguments = m_arguments;
    arguments += step.command.split(QLatin1Char(' '));
    arguments += step.arguments;
    const ParseResult parsed = CommandLine(m_registry, m_env, m_profiles).parse(arguments);
    if (!parsed.ok) {
        printError(tr("demo step '%1' is malformed: %2").arg(step.title, parsed.error));
        complete(ExitCode::Usage);
        return;
    }
    printNote(QStringLiteral("\n== %1/%2 %3: herald-cli %4 %5")
                  .arg(m_stepIndex)
                  .arg(m_steps.size())
                  .arg(step.title, step.command, step.arguments.join(QLatin1Char(' '))));

    CliIo io = m_io;
    if (!step.showRecords) {
        if (!m_discard) {
            m_discard = std::make_unique<NullDevice>();
            m_discardStream.setDevice(m_discard.get());
        }
        io.out = &m_discardStream;
        io.outIsTerminal = false;
    }
    runInvocation(parsed.invocation, io, [this](ExitCode code) {
        if (code == ExitCode::Usage || code == ExitCode::Auth || code == ExitCode::Interrupted) {
            complete(code);
            return;
        }
        if (code != ExitCode::Success)
            m_scenarioResult = code;
        runNextStep();
    });
}

void CliRunner::runInvocation(const Invocation &invocation, const CliIo &io, Done done)
{
    const CommandSpec &spec = *invocation.command;
    ConnectionSettings settings = invocation.global.settings;
    if (m_demo)
        m_demo->apply(settings);

    CredentialResolver::Needs needs;
    const Needs specNeeds = spec.needsFor ? spec.needsFor(invocation.input) : spec.needs;
    needs.graph = specNeeds.testFlag(Need::GraphCredentials);
    needs.bot = specNeeds.testFlag(Need::BotCredentials);
    if (needs.graph || needs.bot) {
        const QStringList missing = settings.missingIdentity();
        if (!missing.isEmpty()) {
            printUsageError(missing.join(QLatin1String("; ")), QStringLiteral("herald-cli --help"));
            done(ExitCode::Usage);
            return;
        }
    }

    config::SecretSource &source = m_demo ? m_demo->secrets() : *m_secrets;
    QPointer<CliRunner> self(this);
    CredentialResolver::resolve(
        source, settings, needs,
        [self, invocation, settings, io, done](const CredentialResolver::Result &result) {
            if (!self)
                return;
            if (self->m_interrupted) {
                done(ExitCode::Interrupted);
                return;
            }
            if (!result.ok) {
                self->printError(result.error);
                done(ExitCode::Auth);
                return;
            }
            self->launch(invocation, settings, result.credentials, io, done);
        });
}

void CliRunner::launch(const Invocation &invocation, const ConnectionSettings &settings,
                       const Credentials &credentials, const CliIo &io, Done done)
{
    CommandContext::Options options;
    options.format = invocation.global.format;
    options.quiet = invocation.global.quiet;
    options.verbose = invocation.global.verbose;
    options.demo = invocation.global.demo;
    options.clock = m_clock;
    auto *context
        = new CommandContext(*invocation.command, invocation.input, settings, credentials, io, options, this);
    std::unique_ptr<Command> created = m_registry.create(invocation.command->name);
    Command *command = created.release();
    command->setParent(this);
    m_context = context;
    m_command = command;

    connect(command, &Command::finished, this, [this, command, context, done](ExitCode code) {
        if (m_command != command)
            return; // a second finished() from a misbehaving command
        m_command = nullptr;
        m_context = nullptr;
        if (m_interrupted)
            context->setInterrupted();
        context->finish();
        // Command first: posted deletions run in order, and a command may
        // use its context until it is gone.
        command->deleteLater();
        context->deleteLater();
        done(finalExitCode(code, m_interrupted));
    });
    qCDebug(lcCli) << "starting" << invocation.command->name;
    command->start(*context);
}

void CliRunner::interrupt()
{
    if (!m_running || m_interrupted)
        return;
    m_interrupted = true;
    if (m_context) {
        m_context->setInterrupted();
        // Everything finished so far is on stdout before anything else happens.
        m_context->flushOutput();
        m_context->progress().hideLine();
    }
    *m_io.err << tr("Interrupted: stopping after the requests in flight (Ctrl-C again quits at once).")
              << '\n';
    m_io.err->flush();
    if (m_command)
        m_command->cancel();
    // Otherwise a secret lookup or the gap between demo steps is in progress:
    // its callback sees m_interrupted and finishes with 4.
}

void CliRunner::complete(ExitCode code)
{
    if (!m_running)
        return;
    m_running = false;
    emit finished(toInt(code));
}

} // namespace herald::cli
