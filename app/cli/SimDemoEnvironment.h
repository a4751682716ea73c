#pragma once

// --demo backed by herald-sim's SimServer, run in this process on a free
// loopback port. The generated client secret stays in memory (a
// MemorySecretSource): never an environment variable, a file or argv.

#include "cli/DemoEnvironment.h"
#include "config/SecretSource.h"
#include "sim/SimServer.h"

#include <memory>

namespace herald::cli {

class SimDemoEnvironment : public DemoEnvironment
{
public:
    // A realistic tenant with a fixed seed, and a time scale that keeps the
    // demo short while still showing the pacing.
    static sim::SimOptions defaults();

    explicit SimDemoEnvironment(const sim::SimOptions &options);
    ~SimDemoEnvironment() override;

    bool start(QString *error) override;
    void apply(config::ConnectionSettings &settings) const override;
    config::SecretSource &secrets() override { return m_secrets; }
    QString banner() const override;
    DemoFacts facts() const override;

    sim::SimServer *server() const { return m_server.get(); }

private:
    sim::SimOptions m_options;
    std::unique_ptr<sim::SimServer> m_server;
    config::MemorySecretSource m_secrets;
};

} // namespace herald::cli
