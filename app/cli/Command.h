#pragma once

// A herald-cli command: a CommandSpec (name, help, options, what it needs)
// registered with a factory in the CommandRegistry, and a Command object
// created only when the command runs. start() returns at once; the command
// reports its exit code with finished().

#include "cli/CommandInput.h"
#include "cli/ExitCode.h"

#include <QCommandLineOption>
#include <QFlags>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <functional>

namespace herald::cli {

class CommandContext;

// Reusable option groups a command opts into.
enum class OptionGroup {
    Recipients = 0x1, // --user --users --group --all-users --team --teams
    App = 0x2, // --app / --app-external-id
};
Q_DECLARE_FLAGS(OptionGroups, OptionGroup)

// What must be in place before start() is called; the runner checks it and
// fails with the right exit code (2 for usage, 3 for a missing secret).
enum class Need {
    Recipients = 0x1, // at least one recipient option
    App = 0x2, // exactly one of --app / --app-external-id
    GraphCredentials = 0x4, // tenant, client id, and a client secret or --cert
    BotCredentials = 0x8, // a bot secret (or the client's, when the bot is the same app)
};
Q_DECLARE_FLAGS(Needs, Need)

struct CommandSpec
{
    QString name; // "status", or two words: "app find"
    QString summary; // one line, for the command list
    QString synopsis; // after the name in "Usage:", e.g. "--app ID RECIPIENTS [--dry-run]"
    QString description; // paragraph(s) for COMMAND --help; may be empty
    QList<QCommandLineOption> options; // the command's own options
    OptionGroups groups;
    Needs needs;
    QStringList states; // documented record states, in summary order
    QStringList successStates; // states that count as success (exit 0)
    QStringList examples; // full command lines, without "herald-cli "
    // Extra semantic checks on the parsed input; return a usage error or empty.
    std::function<QString(const CommandInput &input)> validate;
    // When set, replaces `needs` for the credential check: what a run needs
    // may depend on its input (preview needs Graph only with --user).
    std::function<Needs(const CommandInput &input)> needsFor;
};

class Command : public QObject
{
    Q_OBJECT

signals:
    // Exactly once, after start(). May be emitted from inside start().
    void finished(herald::cli::ExitCode code);

public:
    using QObject::QObject;

    // Begin the work; never block. `context` outlives the command.
    virtual void start(CommandContext &context) = 0;
    // Stop soon: send nothing new, record what is in flight (or mark it
    // unconfirmed), then emit finished(). May be called more than once.
    virtual void cancel() = 0;

protected:
    // Emits finished(code) the first time only: the "exactly once" contract
    // of finished() lives here, not in a flag of every command.
    void finishOnce(ExitCode code)
    {
        if (m_finished)
            return;
        m_finished = true;
        emit finished(code);
    }
    bool hasFinished() const { return m_finished; }
    // For destructors: late callbacks then see a finished command and emit nothing.
    void markFinished() { m_finished = true; }

private:
    bool m_finished = false;
};

} // namespace herald::cli

Q_DECLARE_OPERATORS_FOR_FLAGS(herald::cli::OptionGroups)
Q_DECLARE_OPERATORS_FOR_FLAGS(herald::cli::Needs)
