#pragma once

// Shared pieces of the herald-cli framework tests: captured stdout/stderr,
// and small commands registered only in tests.

#include "cli/Command.h"
#include "cli/CommandContext.h"
#include "cli/CommandRegistry.h"
#include "graph/RequestLog.h"

#include <QBuffer>
#include <QTextStream>
#include <QTimer>
#include <memory>

namespace herald::cli::test {

// stdout and stderr captured in memory.
struct CapturedIo
{
    QBuffer outBuffer;
    QBuffer errBuffer;
    QTextStream out{&outBuffer};
    QTextStream err{&errBuffer};
    CliIo io;

    CapturedIo()
    {
        outBuffer.open(QIODevice::WriteOnly);
        errBuffer.open(QIODevice::WriteOnly);
        io.out = &out;
        io.err = &err;
    }
    QString outText()
    {
        out.flush();
        return QString::fromUtf8(outBuffer.data());
    }
    QString errText()
    {
        err.flush();
        return QString::fromUtf8(errBuffer.data());
    }
};

// What a TickCommand did, observable after it is gone.
struct TickState
{
    int written = 0;
    int cancelCalls = 0;
    int started = 0;
    QString clientSecretSeen;
    config::ConnectionSettings settingsSeen;
    RecipientSelection recipientsSeen;
};

// Writes one recipient record ("user-N", state "installed" or, for every
// `failEvery`-th, "failed") every `intervalMs`, `count` in all (0 = until
// cancelled). cancel() stops it; it then finishes with the tally's outcome.
class TickCommand : public Command
{
public:
    TickCommand(std::shared_ptr<TickState> state, int count, int intervalMs, int failEvery = 0)
        : m_state(std::move(state))
        , m_count(count)
        , m_failEvery(failEvery)
    {
        m_timer.setInterval(intervalMs);
        connect(&m_timer, &QTimer::timeout, this, [this] { tick(); });
    }

    static CommandSpec spec(const QString &name = QStringLiteral("tick"), Needs needs = {})
    {
        CommandSpec spec;
        spec.name = name;
        spec.summary = QStringLiteral("Writes numbered records until done or cancelled.");
        spec.groups = OptionGroup::Recipients | OptionGroup::App;
        spec.needs = needs;
        spec.states = {QStringLiteral("installed"), QStringLiteral("failed")};
        spec.successStates = {QStringLiteral("installed")};
        return spec;
    }

    void start(CommandContext &context) override
    {
        m_context = &context;
        ++m_state->started;
        m_state->clientSecretSeen = context.credentials().clientSecret;
        m_state->settingsSeen = context.settings();
        m_state->recipientsSeen = context.input().recipients;
        if (m_count > 0)
            context.progress().setTotal(m_count);
        // --verbose: one request-log line, with a secret the log must redact.
        if (graph::RequestLog *log = context.requestLog()) {
            graph::RequestLogEntry entry;
            entry.method = "POST";
            entry.url
                = QUrl(QStringLiteral("http://127.0.0.1:1/tenant/oauth2/v2.0/token?client_secret=hush-hush"));
            entry.status = 200;
            log->record(entry);
        }
        if (m_count == 0 && m_timer.interval() == 0) {
            // Nothing to do: finish from inside start(), which the runner must handle.
            emit finished(context.outcome());
            return;
        }
        m_timer.start();
    }

    void cancel() override
    {
        ++m_state->cancelCalls;
        if (!m_timer.isActive())
            return;
        m_timer.stop();
        emit finished(m_context->outcome());
    }

private:
    void tick()
    {
        ++m_state->written;
        const int n = ++m_written; // per run: a state may be shared by several runs
        RecipientRecord record;
        record.recipient = QStringLiteral("user-%1").arg(n);
        record.id = QStringLiteral("id-%1").arg(n);
        record.kind = QStringLiteral("user");
        const bool fail = m_failEvery > 0 && n % m_failEvery == 0;
        record.state = fail ? QStringLiteral("failed") : QStringLiteral("installed");
        if (fail)
            record.detail = QStringLiteral("Forbidden, \"blocked\"");
        m_context->writeRecipient(record);
        if (m_count > 0 && n >= m_count) {
            m_timer.stop();
            emit finished(m_context->outcome());
        }
    }

    std::shared_ptr<TickState> m_state;
    CommandContext *m_context = nullptr;
    QTimer m_timer;
    int m_count;
    int m_failEvery;
    int m_written = 0;
};

inline void addTick(CommandRegistry &registry, std::shared_ptr<TickState> state, int count, int intervalMs,
                    int failEvery = 0, const QString &name = QStringLiteral("tick"), Needs needs = {})
{
    QString error;
    const bool added = registry.add(
        TickCommand::spec(name, needs),
        [=] { return std::make_unique<TickCommand>(state, count, intervalMs, failEvery); }, &error);
    Q_ASSERT_X(added, "addTick", qPrintable(error));
    Q_UNUSED(added);
}

// A command that only parses: --dry-run, --app, recipients; never run.
class InertCommand : public Command
{
public:
    void start(CommandContext &) override { emit finished(ExitCode::Success); }
    void cancel() override { }
};

inline CommandSpec probeSpec()
{
    CommandSpec spec;
    spec.name = QStringLiteral("probe");
    spec.summary = QStringLiteral("Per recipient install state (test double).");
    spec.synopsis = QStringLiteral("--app ID RECIPIENTS [--dry-run]");
    spec.description = QStringLiteral("Looks at every recipient.\n\nSecond paragraph.");
    spec.options
        = {{QStringLiteral("dry-run"), QStringLiteral("Say what would happen; change nothing.")},
           {QStringLiteral("limit"), QStringLiteral("Stop after N recipients."), QStringLiteral("N")}};
    spec.groups = OptionGroup::App | OptionGroup::Recipients;
    spec.needs = Need::App | Need::Recipients | Need::GraphCredentials;
    spec.states = {QStringLiteral("installed"), QStringLiteral("not_installed")};
    spec.successStates = spec.states;
    spec.examples = {QStringLiteral("probe --app 1234 --all-users")};
    return spec;
}

inline CommandSpec findSpec()
{
    CommandSpec spec;
    spec.name = QStringLiteral("app find");
    spec.summary = QStringLiteral("Catalog lookup (test double).");
    spec.options = {{QStringLiteral("external-id"), QStringLiteral("Manifest id."), QStringLiteral("ID")},
                    {QStringLiteral("name"), QStringLiteral("Display name."), QStringLiteral("TEXT")}};
    spec.validate = [](const CommandInput &input) {
        return input.isSet(QStringLiteral("external-id")) == input.isSet(QStringLiteral("name"))
            ? QStringLiteral("give --external-id ID or --name TEXT")
            : QString();
    };
    return spec;
}

inline void addInert(CommandRegistry &registry, const CommandSpec &spec)
{
    registry.add(spec, [] { return std::make_unique<InertCommand>(); });
}

} // namespace herald::cli::test
