#pragma once

// herald-cli campaigns: every campaign in the journal, newest first, with
// its state and the number of recipients per delivery state.
// herald-cli report --campaign NAME: one CLI.md record per recipient, from
// the journal (a recipient still marked `sending` -- in flight, or its run
// crashed -- reads `unconfirmed`).
// Both only read the journal (opened read-only); no credentials needed.

#include "cli/Command.h"

namespace herald::cli {

class CampaignsCommand : public Command
{
    Q_OBJECT

public:
    static CommandSpec spec();
    static QStringList fields();

    void start(CommandContext &context) override;
    void cancel() override { }
};

class ReportCommand : public Command
{
    Q_OBJECT

public:
    static CommandSpec spec();

    void start(CommandContext &context) override;
    void cancel() override { }
};

} // namespace herald::cli
