#include "cli/commands/CommandErrors.h"

#include "cli/CommandContext.h"

namespace herald::cli {

using graph::GraphError;

ExitCode exitCodeFor(const GraphError &error)
{
    switch (error.kind) {
    case GraphError::Kind::None:
        return ExitCode::Success;
    case GraphError::Kind::Auth:
        return ExitCode::Auth;
    case GraphError::Kind::Config:
        return ExitCode::Usage;
    case GraphError::Kind::Cancelled:
        return ExitCode::Interrupted;
    case GraphError::Kind::Http:
        return error.httpStatus == 401 || error.httpStatus == 403 ? ExitCode::Auth : ExitCode::SomeFailed;
    default:
        return ExitCode::SomeFailed;
    }
}

ExitCode reportError(CommandContext &context, const GraphError &error)
{
    const ExitCode code = exitCodeFor(error);
    if (code != ExitCode::Interrupted && code != ExitCode::Success)
        context.error(error.kind == GraphError::Kind::Config ? error.message : error.toString());
    return code;
}

} // namespace herald::cli
