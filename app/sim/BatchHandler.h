#pragma once

// POST /v1.0/$batch, as in https://learn.microsoft.com/graph/json-batching:
// at most 20 requests with unique ids; each sub-request is routed, authorised
// and throttled on its own (a 429 sub-response carries its own Retry-After);
// responses come back in an order that is not the request order (seeded
// shuffle); dependsOn is honoured (424 when a dependency failed).

#include "sim/GraphContext.h"

#include <functional>

namespace herald::sim {

struct SimServices;

class BatchHandler
{
public:
    using SubRequestHandler = std::function<SimResponse(const SimRequest &)>;

    BatchHandler(SimServices &services, SubRequestHandler handler);
    SimResponse handle(const GraphContext &ctx);

    static constexpr int kMaxRequests = 20;

private:
    SimServices &m_services;
    SubRequestHandler m_handler;
};

} // namespace herald::sim
