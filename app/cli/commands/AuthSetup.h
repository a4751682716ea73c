#pragma once

// Wires herald-cli to the user's stored configuration: profiles from
// config::ProfileStore and secrets from the environment first, then the OS
// keychain (CLI.md "Secrets", lookup order).

#include <QProcessEnvironment>

namespace herald::cli {

class CliRunner;

void useStoredProfilesAndKeychain(CliRunner &runner,
                                  const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());

} // namespace herald::cli
