#pragma once

// herald-cli check [--app ID]
// Preflight (auth/Preflight): token, granted application permissions, the
// app in the catalog, the cloud, the bot token. One record per check with
// check, state, detail, fix. Exit 0 when nothing is missing, 3 when a
// token, permission or bot credential is the problem, 1 otherwise.

#include "cli/Command.h"

#include <QPointer>

namespace herald::auth {
class Preflight;
class TokenProvider;
} // namespace herald::auth

namespace herald::cli {

class GraphSession;

class CheckCommand : public Command
{
    Q_OBJECT

public:
    using Command::Command;
    ~CheckCommand() override;
    static CommandSpec spec();

    void start(CommandContext &context) override;
    void cancel() override;

private:
    void onFinished();
    void done(ExitCode code);

    CommandContext *m_context = nullptr;
    QPointer<GraphSession> m_session;
    QPointer<auth::TokenProvider> m_bot;
    QPointer<auth::Preflight> m_preflight;
};

} // namespace herald::cli
