#pragma once

// herald-cli report --campaign NAME: one CLI.md record per recipient, from
// the journal (a recipient still marked `sending` -- in flight, or its run
// crashed -- reads `unconfirmed`). Only reads the journal (opened
// read-only); no credentials needed. Exit 0 when every recipient was sent.

#include "cli/Command.h"

namespace herald::cli {

class ReportCommand : public Command
{
    Q_OBJECT

public:
    static CommandSpec spec();

    void start(CommandContext &context) override;
    void cancel() override { }
};

} // namespace herald::cli
