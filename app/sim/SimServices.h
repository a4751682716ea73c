#pragma once

// The shared state of one simulated tenant, handed to every route handler.

#include "sim/FaultInjector.h"
#include "sim/RateLimiter.h"
#include "sim/SimClock.h"
#include "sim/SimServer.h"
#include "sim/SimStats.h"
#include "sim/Tenant.h"
#include "sim/TokenIssuer.h"

#include <QRandomGenerator>

namespace herald::sim {

struct SimServices
{
    SimServices(const SimOptions &options, Tenant &tenant)
        : options(options)
        , tenant(tenant)
        , clock(options.timeScale)
        , issuer(clock)
        , limiter(clock, options.throttling)
        , faults(options.faults)
        , shuffle(options.seed ^ 0xc2b2ae35u)
    {
    }

    const SimOptions &options;
    Tenant &tenant;
    SimClock clock;
    SimStats stats;
    TokenIssuer issuer;
    RateLimiter limiter;
    FaultInjector faults;
    QRandomGenerator shuffle; // $batch response order (seeded, deterministic)
    QString baseUrl; // http://127.0.0.1:PORT once listening
};

} // namespace herald::sim
