#pragma once

namespace herald::cli {

class CommandRegistry;

// Registers every herald-cli command, in the order the help lists them.
// Each command lives in its own class (app/cli/commands/...) with a static
// spec() and a factory; add one line here per command.
void registerCommands(CommandRegistry &registry);

} // namespace herald::cli
