#pragma once

// `herald-cli --demo` with no command: a short, real scenario against the
// simulated tenant -- catalog lookup, status sweep, install, status table --
// made of registered commands. Steps whose command this build does not have
// are skipped and said so; nothing is faked.

#include "cli/CommandRegistry.h"
#include "cli/DemoEnvironment.h"

#include <QString>
#include <QStringList>

namespace herald::cli {

struct DemoStep
{
    QString title; // "Status sweep of every user"
    QString command; // registered command name
    QStringList arguments; // after the command name
    bool showRecords = true; // false: progress and summary only (a sweep of thousands)
};

class DemoScenario
{
public:
    // The whole scenario, whatever this build can run.
    static QList<DemoStep> steps(const DemoFacts &facts);
    // The steps whose command is registered.
    static QList<DemoStep> runnable(const QList<DemoStep> &steps, const CommandRegistry &registry);
    // Command names the scenario wants but the registry lacks, in order, once each.
    static QStringList missingCommands(const QList<DemoStep> &steps, const CommandRegistry &registry);
};

} // namespace herald::cli
