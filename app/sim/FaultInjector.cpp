#include "sim/FaultInjector.h"

namespace herald::sim {

FaultInjector::FaultInjector(const FaultOptions &options)
    : m_options(options)
    , m_faults(options.seed)
    , m_jitter(options.seed ^ 0x85ebca6bu)
{
}

FaultInjector::Fault FaultInjector::next()
{
    const double total
        = m_options.serviceUnavailable + m_options.dropBeforeEffect + m_options.dropAfterEffect;
    if (total <= 0)
        return Fault::None;
    const double u = m_faults.generateDouble();
    if (u < m_options.serviceUnavailable)
        return Fault::ServiceUnavailable;
    if (u < m_options.serviceUnavailable + m_options.dropBeforeEffect)
        return Fault::DropBeforeEffect;
    if (u < total)
        return Fault::DropAfterEffect;
    return Fault::None;
}

int FaultInjector::latencyMs()
{
    int latency = std::max(0, m_options.latencyMs);
    if (m_options.latencyJitterMs > 0)
        latency += int(m_jitter.bounded(quint32(m_options.latencyJitterMs) + 1));
    return latency;
}

QString FaultInjector::name(Fault fault)
{
    switch (fault) {
    case Fault::None:
        return QStringLiteral("none");
    case Fault::ServiceUnavailable:
        return QStringLiteral("serviceUnavailable");
    case Fault::DropBeforeEffect:
        return QStringLiteral("dropBeforeEffect");
    case Fault::DropAfterEffect:
        return QStringLiteral("dropAfterEffect");
    }
    return {};
}

} // namespace herald::sim
