#pragma once

// The two `send` modes that journal nothing:
//   TestSend  --test-to UPN_OR_ID: the message, bound with that one user's
//             data, sent to that user only (create-conversation with the
//             message). Never recorded as campaign delivery.
//   DryRun    --dry-run: every recipient resolved and its message bound,
//             nothing installed, sent or journaled; one record each saying
//             what would happen.

#include "bot/BotConnectorClient.h"
#include "campaign/CampaignRunner.h"
#include "campaign/RecipientIntake.h"
#include "campaign/TestSend.h"
#include "cli/ExitCode.h"
#include "install/RecipientFeed.h"

#include <QObject>
#include <QPointer>
#include <memory>

namespace herald::campaign {
class ActivitySource;
class RecipientIntake;
} // namespace herald::campaign
namespace herald::install {
class RecipientFeed;
}
namespace herald::bot {
class BotSendJob;
}

namespace herald::cli {

class BotSession;
class CommandContext;
class GraphSession;

class TestSend : public QObject
{
    Q_OBJECT

signals:
    void finished(herald::cli::ExitCode code);

public:
    TestSend(CommandContext &context, GraphSession *graph, BotSession *bot,
             std::shared_ptr<const campaign::ActivitySource> activities, const QString &who,
             QObject *parent = nullptr);
    ~TestSend() override;

    void start();
    void abort();

private:
    void report(const campaign::TestSend::Result &result);
    void finish(ExitCode code);

    CommandContext &m_context;
    QPointer<campaign::TestSend> m_send;
    bool m_done = false;
};

class DryRun : public QObject
{
    Q_OBJECT

signals:
    void finished(herald::cli::ExitCode code);

public:
    DryRun(CommandContext &context, campaign::RecipientIntake *intake,
           std::shared_ptr<const campaign::ActivitySource> activities, QObject *parent = nullptr);

    void start();
    void abort();

private:
    CommandContext &m_context;
    QPointer<campaign::RecipientIntake> m_intake;
    std::shared_ptr<const campaign::ActivitySource> m_activities;
    bool m_failures = false;
    bool m_done = false;
};

} // namespace herald::cli
