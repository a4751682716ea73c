#pragma once

// Turns argv into an Invocation: what to do (help, version, run a command,
// the demo scenario), the global options as ConnectionSettings, and the
// command's input. Everything here is syntax and configuration; nothing
// touches the network. Errors are usage errors (exit 2).

#include "cli/CommandInput.h"
#include "cli/CommandRegistry.h"
#include "cli/GlobalOptions.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace herald::cli {

struct Invocation
{
    enum class Action {
        GeneralHelp, // herald-cli --help (or no arguments at all... no: that is an error)
        CommandHelp, // herald-cli COMMAND --help, herald-cli help COMMAND
        Version, // --version
        Run, // run `command` (against the simulator when global.demo)
        DemoScenario, // --demo alone
    };

    Action action = Action::GeneralHelp;
    const CommandSpec *command = nullptr;
    GlobalOptions global;
    CommandInput input;
};

struct ParseResult
{
    bool ok = false;
    Invocation invocation;
    QString error; // one line: what is wrong and what to do
    QString helpHint; // "herald-cli --help" or "herald-cli status --help"
};

class CommandLine
{
public:
    CommandLine(const CommandRegistry &registry,
                QProcessEnvironment env = QProcessEnvironment::systemEnvironment(),
                ProfileLookup profiles = builtinProfiles());

    // `arguments` starts with the program name, like QCoreApplication::arguments().
    ParseResult parse(const QStringList &arguments) const;

private:
    // Indexes of the arguments that are not options or option values: the
    // command name (and stray words).
    QList<int> commandWordIndexes(const QStringList &arguments) const;
    QString unknownCommandMessage(const QString &word) const;

    const CommandRegistry &m_registry;
    QProcessEnvironment m_env;
    ProfileLookup m_profiles;
};

} // namespace herald::cli
