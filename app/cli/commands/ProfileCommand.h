#pragma once

// herald-cli [--profile NAME] profile save [--auth secret|certificate|delegated]
// herald-cli profile list | profile show | profile remove
// Named connection profiles (config/ProfileStore). `profile save` stores the
// connection options of this command line (merged over the saved profile):
// tenant, ids, cloud, endpoint overrides, certificate path -- never a secret.

#include "cli/Command.h"

namespace herald::cli {

class ProfileCommand : public Command
{
    Q_OBJECT

public:
    enum class Mode { Save, List, Show, Remove };
    explicit ProfileCommand(Mode mode, QObject *parent = nullptr);

    static CommandSpec saveSpec();
    static CommandSpec listSpec();
    static CommandSpec showSpec();
    static CommandSpec removeSpec();

    void start(CommandContext &context) override;
    void cancel() override { }

private:
    ExitCode run(CommandContext &context);

    Mode m_mode;
};

} // namespace herald::cli
