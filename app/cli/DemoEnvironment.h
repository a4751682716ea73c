#pragma once

// What `--demo` needs from a simulated tenant, as an interface so the runner
// does not depend on the simulator (main() injects SimDemoEnvironment; tests
// may inject their own).

#include "config/ConnectionSettings.h"
#include "config/SecretSource.h"

#include <QString>
#include <QStringList>
#include <functional>
#include <memory>

namespace herald::cli {

// Facts about the simulated tenant the demo scenario builds its steps from.
struct DemoFacts
{
    QString appExternalId; // the organisation's bot app, as in its manifest
    QStringList sampleUsers; // a few UPNs for a small, readable table
};

class DemoEnvironment
{
public:
    virtual ~DemoEnvironment() = default;

    // Starts the simulated tenant; false with *error when it cannot.
    virtual bool start(QString *error) = 0;
    // Points `settings` at the simulator: endpoint URLs, tenant, client id,
    // time scale. Leaves output-related settings alone.
    virtual void apply(config::ConnectionSettings &settings) const = 0;
    // The simulator's generated secrets, held in memory only.
    virtual config::SecretSource &secrets() = 0;
    // One line for stderr saying this is a simulated tenant.
    virtual QString banner() const = 0;
    virtual DemoFacts facts() const = 0;
};

using DemoEnvironmentFactory = std::function<std::unique_ptr<DemoEnvironment>()>;

} // namespace herald::cli
