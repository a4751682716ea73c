#pragma once

// Progress of a recipient command on stderr: done/total, recent rate, ETA.
// On a terminal one line is redrawn in place (at most kTerminalIntervalMs
// apart); otherwise a plain line is printed now and then; with --quiet
// nothing. finish() prints the summary (counts per state), also with --quiet:
// it is the result, not progress.

#include "cli/ExitCode.h"
#include "cli/ProgressFormat.h"

#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <functional>

class QTextStream;

namespace herald::cli {

class ProgressReporter : public QObject
{
    Q_OBJECT

public:
    enum class Mode { Terminal, Lines, Silent };
    using Clock = std::function<qint64()>; // monotonic milliseconds

    static constexpr qint64 kTerminalIntervalMs = 200;
    static constexpr qint64 kLinesIntervalMs = 10000;
    static constexpr qint64 kSampleSpacingMs = 250;
    static constexpr qint64 kRateWindowMs = 10000;
    static constexpr qint64 kMinRateSpanMs = 1000; // no rate from less than a second of data

    // `clock` defaults to a steady clock; tests pass a fake one.
    ProgressReporter(QTextStream &err, Mode mode, Clock clock = {}, QObject *parent = nullptr);
    ~ProgressReporter() override;

    Mode mode() const { return m_mode; }
    void setLabel(const QString &label) { m_label = label; }
    // The order of states in the summary (the command's documented states).
    void setStateOrder(const QStringList &states) { m_stateOrder = states; }
    void setTotal(qint64 total);
    void advance(const QString &state);

    const StateTally &tally() const { return m_tally; }
    progress::Snapshot snapshot() const;
    bool hasActivity() const { return m_tally.total() > 0 || m_total >= 0; }

    // Redraws when the interval has passed (called on every advance and by a timer).
    void redrawIfDue();
    // On a terminal, take the line away before other output and put it back after.
    void hideLine();
    void showLine();

    // Clears the line and prints the summary; idempotent.
    void finish(bool interrupted);
    int redrawCount() const { return m_redraws; }

private:
    void draw(qint64 now);
    double rateAt(qint64 now) const;
    void sample(qint64 now);

    QTextStream &m_err;
    Mode m_mode;
    Clock m_clock;
    QTimer m_ticker;
    QString m_label;
    QStringList m_stateOrder;
    StateTally m_tally;
    QList<QPair<qint64, qint64>> m_samples; // (time, done), spaced, within the rate window
    qint64 m_total = -1;
    qint64 m_startMs = 0;
    qint64 m_lastDrawMs = 0;
    int m_redraws = 0;
    bool m_lineVisible = false;
    bool m_finished = false;
};

} // namespace herald::cli
