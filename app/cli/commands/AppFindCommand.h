#pragma once

// herald-cli app find --external-id ID | --name TEXT | --id ID
//                     [--from-user UPN_OR_ID | --from-team ID]
// The catalog lookup (or, with --from-user/--from-team and --external-id,
// the lookup through an existing installation): one record per app with
// id, externalId, displayName, version, distributionMethod.

#include "cli/Command.h"

#include <QPointer>

namespace herald::install {
class AppLookup;
}

namespace herald::cli {

class GraphSession;

class AppFindCommand : public Command
{
    Q_OBJECT

public:
    using Command::Command;
    ~AppFindCommand() override;
    static CommandSpec spec();

    void start(CommandContext &context) override;
    void cancel() override;

private:
    void onFinished();
    void done(ExitCode code);

    CommandContext *m_context = nullptr;
    QPointer<GraphSession> m_session;
    QPointer<install::AppLookup> m_lookup;
};

} // namespace herald::cli
