#include "cli/ExitCode.h"

namespace herald::cli {

ExitCode finalExitCode(ExitCode commandResult, bool interrupted)
{
    return interrupted ? ExitCode::Interrupted : commandResult;
}

void StateTally::add(const QString &state)
{
    ++m_total;
    for (auto &entry : m_counts) {
        if (entry.first == state) {
            ++entry.second;
            return;
        }
    }
    m_counts.append({state, 1});
}

int StateTally::count(const QString &state) const
{
    for (const auto &entry : m_counts) {
        if (entry.first == state)
            return entry.second;
    }
    return 0;
}

QList<QPair<QString, int>> StateTally::counts(const QStringList &order) const
{
    QList<QPair<QString, int>> result;
    for (const QString &state : order) {
        if (const int n = count(state); n > 0)
            result.append({state, n});
    }
    for (const auto &entry : m_counts) {
        if (!order.contains(entry.first))
            result.append(entry);
    }
    return result;
}

ExitCode StateTally::outcome(const QStringList &successStates) const
{
    for (const auto &entry : m_counts) {
        if (!successStates.contains(entry.first))
            return ExitCode::SomeFailed;
    }
    return ExitCode::Success;
}

} // namespace herald::cli
