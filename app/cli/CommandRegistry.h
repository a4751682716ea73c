#pragma once

// The commands herald-cli knows, in registration order (the help lists them
// in that order). Registration refuses names or options that would make the
// command line ambiguous.

#include "cli/Command.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <deque>
#include <functional>
#include <memory>

namespace herald::cli {

class CommandRegistry
{
public:
    using Factory = std::function<std::unique_ptr<Command>()>;

    // False (and *error) when the name is taken, malformed, or an option
    // clashes with a global option or one of the opted-in groups.
    bool add(CommandSpec spec, Factory factory, QString *error = nullptr);

    const CommandSpec *find(const QString &name) const;
    // The command named by the longest prefix of `words`; *consumed = words used.
    const CommandSpec *match(const QStringList &words, int *consumed) const;
    QList<const CommandSpec *> specs() const;
    std::unique_ptr<Command> create(const QString &name) const;

    // Command names close to `word` (typos), for "did you mean".
    QStringList suggestions(const QString &word) const;
    // Commands whose first word is `word`, when `word` alone is no command ("app").
    QStringList subcommands(const QString &word) const;

    // Every option the command accepts: its own, then its groups'.
    static QList<QCommandLineOption> allOptions(const CommandSpec &spec);

private:
    struct Entry
    {
        CommandSpec spec;
        Factory factory;
    };
    std::deque<Entry> m_entries; // deque: specs handed out stay put when more are added
};

} // namespace herald::cli
