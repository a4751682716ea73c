#pragma once

#include "sim/SimServer.h"
#include "sim/Tenant.h"

#include <memory>

namespace herald::sim {

// Builds a deterministic tenant from SimOptions: the same options and seed
// always give the same users, ids, groups, teams, catalog and install state.
class TenantGenerator
{
public:
    static std::unique_ptr<Tenant> generate(const SimOptions &options);
};

} // namespace herald::sim
