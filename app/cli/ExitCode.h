#pragma once

// herald-cli exit codes (CLI.md, "Exit codes") and the per-state tally that
// decides between 0 and 1 at the end of a recipient command.

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace herald::cli {

enum class ExitCode : int {
    Success = 0, // every recipient reached a success state
    SomeFailed = 1, // the command ran but some recipients failed or are unconfirmed
    Usage = 2, // usage or configuration error
    Auth = 3, // authentication or permission error
    Interrupted = 4, // SIGINT/SIGTERM
};

constexpr int toInt(ExitCode code)
{
    return static_cast<int>(code);
}

// An interrupt decides the exit code whatever the command reported: the user
// must be able to tell "stopped early" from "finished".
ExitCode finalExitCode(ExitCode commandResult, bool interrupted);

// Counts records per state.
class StateTally
{
public:
    void add(const QString &state);
    int count(const QString &state) const;
    int total() const { return m_total; }
    bool isEmpty() const { return m_total == 0; }

    // Counts in `order` first (states listed there but never seen are left
    // out), then any other state in the order it was first seen.
    QList<QPair<QString, int>> counts(const QStringList &order = {}) const;

    // Success when every record is in one of `successStates` (or there were
    // none), SomeFailed otherwise.
    ExitCode outcome(const QStringList &successStates) const;

private:
    QList<QPair<QString, int>> m_counts; // few distinct states: a list beats a hash
    int m_total = 0;
};

} // namespace herald::cli
