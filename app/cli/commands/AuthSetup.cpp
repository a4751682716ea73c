#include "cli/commands/AuthSetup.h"

#include "cli/CliRunner.h"
#include "cli/GlobalOptions.h"
#include "secrets/SecretStore.h"

namespace herald::cli {

void useStoredProfilesAndKeychain(CliRunner &runner, const QProcessEnvironment &env)
{
    runner.setProfileLookup(storedProfiles());
    auto *store = new secrets::SecretStore(&runner);
    auto chain = std::make_unique<config::SecretChain>();
    chain->append(std::make_unique<config::EnvironmentSecretSource>(env));
    chain->append(std::make_unique<secrets::KeychainSecretSource>(store));
    runner.setSecretSource(std::move(chain));
}

} // namespace herald::cli
