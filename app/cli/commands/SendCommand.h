#pragma once

// herald-cli send (CLI.md):
//   send --app ID --message FILE --campaign NAME RECIPIENTS [--install-missing]
//        [--to-channel] [--dry-run]
//   send --resume NAME [--retry-unconfirmed]
//   send --test-to UPN_OR_ID --message FILE     (never journaled)
//
// A new campaign is written to the journal before anything is sent, then
// recipients stream in (DirectoryIntake: directory -> chat id cache ->
// install when asked -> journal) while the CampaignRunner delivers: Graph
// and the Bot Connector work side by side. One record per recipient as it
// reaches its final state in this run; progress on stderr. Ctrl-C stops
// after the requests in flight (exit 4); `send --resume NAME` continues.

#include "bot/BotConnectorClient.h"
#include "campaign/CampaignRunner.h"
#include "campaign/RecipientIntake.h"
#include "cli/Command.h"
#include "graph/GraphError.h"
#include "install/RecipientFeed.h"

#include <QPointer>
#include <memory>

namespace herald::campaign {
class CampaignLock;
class CampaignRunner;
class CampaignStore;
struct CampaignInfo;
struct JournalRow;
} // namespace herald::campaign
namespace herald::install {
struct TeamsApp;
}
namespace herald::message {
class MessageDocument;
}

namespace herald::cli {

class AppResolution;
class BotSession;
class GraphSession;
class TestSend;
class DryRun;

class SendCommand : public Command
{
    Q_OBJECT

public:
    SendCommand();
    ~SendCommand() override;

    static CommandSpec spec();

    void start(CommandContext &context) override;
    void cancel() override;

private:
    void startNew();
    void startResume();
    void createCampaign(const install::TeamsApp &app);
    bool lockCampaign(const QString &name);
    void runCampaign(const campaign::CampaignInfo &info, const message::MessageDocument &document,
                     bool resumed);
    void onRowChanged(const campaign::JournalRow &row);
    void onRunnerFinished();
    void done(ExitCode code);

    CommandContext *m_context = nullptr;
    std::unique_ptr<campaign::CampaignStore> m_store;
    std::unique_ptr<campaign::CampaignLock> m_lock;
    std::unique_ptr<message::MessageDocument> m_document;
    QPointer<GraphSession> m_graph;
    QPointer<BotSession> m_bot;
    QPointer<AppResolution> m_app;
    QPointer<campaign::CampaignRunner> m_runner;
    QPointer<TestSend> m_testSend;
    QPointer<DryRun> m_dryRun;
    qint64 m_campaignId = 0;
    QString m_campaignName;
    qint64 m_doneAtStart = 0;
    bool m_newCampaign = false;
};

} // namespace herald::cli
