#pragma once

// The shape every recipient command of the install area shares (status,
// install, upgrade, uninstall, chats): connect to Graph, resolve --app /
// --app-external-id through the catalog, stream the recipients through one
// install:: pipeline and print each result as a CLI.md record the moment it
// is known. Resolver problems become warnings; a fatal error its exit code;
// cancel() stops at once and keeps what was printed.

#include "cli/Command.h"
#include "cli/RecordWriter.h"
#include "graph/GraphError.h"
#include "install/TeamsApp.h"

#include <QPointer>

namespace herald::directory {
struct RecipientSource;
}
namespace herald::graph {
class GraphClient;
}
namespace herald::install {
class RecipientFeed;
class RecipientPipeline;
struct RecipientResult;
} // namespace herald::install

namespace herald::cli {

class AppResolution;
class GraphSession;
struct RecipientSelection;

class RecipientCommand : public Command
{
    Q_OBJECT

public:
    using Command::Command;
    ~RecipientCommand() override;

    void start(CommandContext &context) override;
    void cancel() override;

    static directory::RecipientSource sourceOf(const RecipientSelection &selection);
    static RecipientRecord recordOf(const install::RecipientResult &result);

protected:
    // The pipeline for this command (it takes the feed over), or nullptr with
    // *error when the input cannot work.
    virtual install::RecipientPipeline *createPipeline(CommandContext &context, graph::GraphClient *client,
                                                       install::RecipientFeed *feed,
                                                       const install::TeamsApp &app, graph::GraphError *error)
        = 0;

private:
    void run(const install::TeamsApp &app);
    void onPipelineFinished();
    void done(ExitCode code);

    CommandContext *m_context = nullptr;
    QPointer<GraphSession> m_session;
    QPointer<AppResolution> m_app;
    QPointer<install::RecipientPipeline> m_pipeline;
    QPointer<install::RecipientFeed> m_feed;
};

} // namespace herald::cli
