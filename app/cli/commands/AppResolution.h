#pragma once

// --app TEAMS_APP_ID / --app-external-id ID -> the catalog's TeamsApp, for
// every command that works on the app. Both go through the catalog: an
// unknown app is a configuration error (exit 2) before any recipient is
// touched, and a sideloaded app is known as such. Without AppCatalog.Read.All
// a given --app id is used as it is (with a warning).

#include "cli/ExitCode.h"
#include "install/TeamsApp.h"

#include <QObject>
#include <QPointer>
#include <functional>

namespace herald::graph {
class GraphClient;
}
namespace herald::install {
class AppLookup;
}

namespace herald::cli {

class CommandContext;

class AppResolution : public QObject
{
    Q_OBJECT

public:
    // `done(app)` once, or `failed(code)` once after the error was printed.
    using Done = std::function<void(const install::TeamsApp &app)>;
    using Failed = std::function<void(ExitCode code)>;

    AppResolution(CommandContext &context, graph::GraphClient *client, QObject *parent = nullptr);
    ~AppResolution() override;

    void start(Done done, Failed failed);
    void abort();

private:
    void onFinished();

    CommandContext &m_context;
    QPointer<graph::GraphClient> m_client;
    QPointer<install::AppLookup> m_lookup;
    Done m_done;
    Failed m_failed;
};

} // namespace herald::cli
