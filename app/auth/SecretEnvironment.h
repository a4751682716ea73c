#pragma once

// Secrets from the environment (CLI.md "Secrets": HERALD_CLIENT_SECRET,
// HERALD_BOT_SECRET). The keychain comes later, behind the same QString.

#include <QString>
#include <optional>

namespace herald::auth {

inline constexpr const char *ClientSecretVariable = "HERALD_CLIENT_SECRET";
inline constexpr const char *BotSecretVariable = "HERALD_BOT_SECRET";

// The variable's value, or nullopt when unset or empty.
std::optional<QString> secretFromEnvironment(const char *variable = ClientSecretVariable);

} // namespace herald::auth
