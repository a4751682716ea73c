#pragma once

// Seeded, deterministic fault injection: the same seed and the same sequence
// of requests give the same faults, so a failing run can be replayed. The 503
// is Graph's "Service Unavailable ... may include a Retry-After header"
// (https://learn.microsoft.com/graph/errors); dropped connections are what any
// network does, before or after the service acted.

#include "sim/SimServer.h"

#include <QRandomGenerator>

namespace herald::sim {

class FaultInjector
{
public:
    enum class Fault { None, ServiceUnavailable, DropBeforeEffect, DropAfterEffect };

    explicit FaultInjector(const FaultOptions &options);

    // One draw per eligible request (Graph and Bot Connector calls).
    Fault next();
    // Added latency in simulated ms (latency + uniform jitter).
    int latencyMs();

    static QString name(Fault fault);

private:
    FaultOptions m_options;
    QRandomGenerator m_faults;
    QRandomGenerator m_jitter; // separate stream: jitter does not shift the fault sequence
};

} // namespace herald::sim
