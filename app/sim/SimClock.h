#pragma once

#include <QDateTime>
#include <QElapsedTimer>
#include <QString>

namespace herald::sim {

// Simulated time. It starts at the real wall clock when the server starts and
// runs timeScale times faster, so every documented limit (requests/s, token
// lifetimes, Retry-After) is expressed in simulated units.
class SimClock
{
public:
    explicit SimClock(double timeScale = 1.0);

    double timeScale() const { return m_scale; }
    double elapsedMs() const; // simulated ms since start (monotonic)
    qint64 epochMs() const; // simulated wall clock, ms since the Unix epoch
    qint64 epochSeconds() const { return epochMs() / 1000; }
    QDateTime now() const; // simulated wall clock, UTC
    QString isoNow() const; // 2024-05-01T12:00:00.123Z
    int toRealMs(double simulatedMs) const; // rounded up, >= 0

private:
    QElapsedTimer m_timer;
    qint64 m_startEpochMs = 0;
    double m_scale = 1.0;
};

} // namespace herald::sim
