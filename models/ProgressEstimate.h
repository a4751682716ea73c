#pragma once

// Rate and time left of a long operation (sweep, install, send), from the
// last few seconds of progress rather than the average since the start: a
// run that was throttled for a minute should not report that minute's rate
// for the rest of its life.

#include <QElapsedTimer>
#include <QString>
#include <deque>
#include <utility>

namespace herald {

class ProgressEstimate
{
public:
    explicit ProgressEstimate(qint64 windowMs = 10000);

    void start(qint64 total); // total -1 = not known yet
    void setTotal(qint64 total) { m_total = total; }
    // `nowMs` is for tests; -1 = the internal clock.
    void update(qint64 done, qint64 nowMs = -1);

    qint64 done() const { return m_done; }
    qint64 total() const { return m_total; }
    double ratePerSecond() const; // 0 until two samples a moment apart
    qint64 etaMs() const; // -1 when unknown

    // "1,234 of 2,400 · 41/s · about 30 s left", localised.
    QString summary() const;
    static QString formatDuration(qint64 ms);

private:
    qint64 now() const;

    qint64 m_windowMs;
    QElapsedTimer m_clock;
    std::deque<std::pair<qint64, qint64>> m_samples; // (ms, done)
    qint64 m_done = 0;
    qint64 m_total = -1;
};

} // namespace herald
