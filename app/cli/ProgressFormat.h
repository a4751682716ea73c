#pragma once

// Pure formatting for the progress line and the summary, kept apart from the
// reporter so the texts are tested without clocks or terminals.

#include <QList>
#include <QPair>
#include <QString>
#include <optional>

namespace herald::cli::progress {

struct Snapshot
{
    qint64 done = 0;
    qint64 total = -1; // -1 = not known yet
    double ratePerSecond = 0; // recent rate; 0 = none yet
    qint64 elapsedMs = 0;
};

// "12,345"
QString count(qint64 n);
// "0.4/s", "9.5/s", "29.8/s", "312/s"
QString rate(double perSecond);
// "0s", "45s", "3m 05s", "2h 07m"
QString duration(qint64 seconds);
// Seconds left at this rate; nullopt when unknown (no total, no rate yet).
std::optional<qint64> etaSeconds(const Snapshot &snapshot);
// "status  1,234/2,000 (61%)  29.8/s  ETA 26s"; parts that are not known yet are left out.
QString line(const QString &label, const Snapshot &snapshot);
// "status: 2,000 in 1m 07s (29.8/s): installed 600, not_installed 1,380, not_found 20"
QString summary(const QString &label, qint64 done, qint64 elapsedMs,
                const QList<QPair<QString, int>> &countsPerState, bool interrupted);

} // namespace herald::cli::progress
