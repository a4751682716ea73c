#pragma once

// How a Graph error that stops a command becomes its exit code (CLI.md
// "Exit codes") and the sentence on stderr.

#include "cli/ExitCode.h"
#include "graph/GraphError.h"

namespace herald::cli {

class CommandContext;

// Auth, 401/403 -> 3; Config -> 2; Cancelled -> 4; anything else -> 1.
ExitCode exitCodeFor(const graph::GraphError &error);
// Prints the error (with its hint) and returns its exit code.
ExitCode reportError(CommandContext &context, const graph::GraphError &error);

} // namespace herald::cli
