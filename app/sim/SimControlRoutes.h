#pragma once

// Simulator-only endpoints (not Microsoft's): statistics, the delivery log and
// the tenant dump. Never throttled, never faulted, no token needed (loopback only).
//   GET  /_sim/stats          counters (see SimStats)
//   POST /_sim/reset-stats    zero the counters and the delivery log
//   GET  /_sim/deliveries     deliveries per conversation (?conversation=ID to narrow)
//   GET  /_sim/tenant         the whole tenant as JSON
//   GET  /_sim/info           tenant id, client id, app ids (no secret)

#include "sim/SimTypes.h"

namespace herald::sim {

struct SimServices;

class SimControlRoutes
{
public:
    explicit SimControlRoutes(SimServices &services);
    SimResponse handle(const SimRequest &request);

    static QJsonObject info(const SimServices &services);

private:
    SimServices &m_services;
};

} // namespace herald::sim
