#include "cli/CliLogging.h"

Q_LOGGING_CATEGORY(lcCli, "herald.cli", QtInfoMsg)
