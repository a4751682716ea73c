#pragma once

// herald-cli campaigns: every campaign in the journal, newest first, with
// its state and the number of recipients per delivery state. Only reads the
// journal (opened read-only); no credentials needed.

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

} // namespace herald::cli
