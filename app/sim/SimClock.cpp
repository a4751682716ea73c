#include "sim/SimClock.h"

#include <cmath>

namespace herald::sim {

SimClock::SimClock(double timeScale)
    : m_startEpochMs(QDateTime::currentMSecsSinceEpoch())
    , m_scale(timeScale > 0 ? timeScale : 1.0)
{
    m_timer.start();
}

double SimClock::elapsedMs() const
{
    return double(m_timer.nsecsElapsed()) / 1e6 * m_scale;
}

qint64 SimClock::epochMs() const
{
    return m_startEpochMs + qint64(elapsedMs());
}

QDateTime SimClock::now() const
{
    return QDateTime::fromMSecsSinceEpoch(epochMs(), Qt::UTC);
}

QString SimClock::isoNow() const
{
    return now().toString(Qt::ISODateWithMs);
}

int SimClock::toRealMs(double simulatedMs) const
{
    if (simulatedMs <= 0)
        return 0;
    return int(std::ceil(simulatedMs / m_scale));
}

} // namespace herald::sim
