#include "cli/commands/SendCommand.h"

#include "bot/BotConnectorClient.h"
#include "campaign/CampaignLock.h"
#include "campaign/CampaignRunner.h"
#include "campaign/CampaignStore.h"
#include "campaign/JournalRecipientFeed.h"
#include "campaign/MessageActivitySource.h"
#include "campaign/RecipientIntake.h"
#include "cli/CommandContext.h"
#include "cli/commands/AppResolution.h"
#include "cli/commands/BotSession.h"
#include "cli/commands/CommandErrors.h"
#include "cli/commands/GraphSession.h"
#include "cli/commands/RecipientCommand.h"
#include "cli/commands/SendPreflight.h"
#include "cli/commands/SendSupport.h"
#include "directory/IdentifierShape.h"
#include "install/ChatIdCache.h"
#include "install/ResolverRecipientFeed.h"
#include "message/MessageDocument.h"

#include <QFileInfo>

namespace herald::cli {

using campaign::CampaignInfo;
using campaign::CampaignRunner;
using campaign::JournalState;
using graph::GraphError;

namespace {

const QString kMessage = QStringLiteral("message");
const QString kCampaign = QStringLiteral("campaign");
const QString kResume = QStringLiteral("resume");
const QString kRetryUnconfirmed = QStringLiteral("retry-unconfirmed");
const QString kInstallMissing = QStringLiteral("install-missing");
const QString kToChannel = QStringLiteral("to-channel");
const QString kDryRun = QStringLiteral("dry-run");
const QString kTestTo = QStringLiteral("test-to");

QString validateInput(const CommandInput &in)
{
    const bool recipients = !in.recipients.isEmpty();
    if (in.isSet(kResume)) {
        if (in.isSet(kMessage) || in.isSet(kCampaign) || recipients || !in.app.isEmpty() || in.isSet(kTestTo)
            || in.isSet(kDryRun) || in.isSet(kInstallMissing) || in.isSet(kToChannel))
            return SendCommand::tr("--resume NAME continues a campaign exactly as it was started; give no "
                                   "--message, --campaign, --app, recipients or other send options with it");
        if (in.value(kResume).trimmed().isEmpty())
            return SendCommand::tr("--resume needs the campaign's name (herald-cli campaigns lists them)");
        return {};
    }
    if (in.isSet(kRetryUnconfirmed))
        return SendCommand::tr("--retry-unconfirmed only goes with --resume NAME");
    if (!in.isSet(kMessage))
        return SendCommand::tr("send needs --message FILE (markdown .md/.txt, or a .json card or activity)");
    if (in.isSet(kTestTo)) {
        if (in.isSet(kCampaign) || recipients || in.isSet(kDryRun))
            return SendCommand::tr("--test-to sends to that one user only: give no --campaign, recipients or "
                                   "--dry-run with it");
        return {};
    }
    if (in.app.isEmpty())
        return SendCommand::tr("send needs the app: give --app TEAMS_APP_ID or --app-external-id ID");
    if (!in.app.teamsAppId.isEmpty() && !in.app.externalId.isEmpty())
        return SendCommand::tr("give either --app or --app-external-id, not both");
    if (!recipients)
        return SendCommand::tr("send needs recipients: give --user, --users FILE, --group ID, --all-users, "
                               "--team or --teams FILE");
    if (!in.isSet(kCampaign) && !in.isSet(kDryRun))
        return SendCommand::tr("send needs --campaign NAME: the journal that makes the campaign resumable "
                               "and keeps anyone from getting it twice");
    if (in.isSet(kCampaign) && in.value(kCampaign).trimmed().isEmpty())
        return SendCommand::tr("--campaign needs a name");
    const bool teams = !in.recipients.teams.isEmpty() || !in.recipients.teamsFile.isEmpty();
    if (teams && !in.isSet(kToChannel))
        return SendCommand::tr("a team gets the announcement as a post in its channel: add --to-channel (or "
                               "give its members with --group TEAM_ID)");
    return {};
}

} // namespace

SendCommand::SendCommand() = default;

SendCommand::~SendCommand()
{
    markFinished();
    delete m_runner.data(); // before the store it writes to
}

CommandSpec SendCommand::spec()
{
    CommandSpec s;
    s.name = QStringLiteral("send");
    s.summary = tr("Send an announcement to every recipient, journaled and resumable.");
    s.synopsis = QStringLiteral("--app ID --message FILE --campaign NAME RECIPIENTS [--install-missing] "
                                "[--to-channel] [--dry-run] | --resume NAME [--retry-unconfirmed] | "
                                "--test-to UPN --message FILE");
    s.description = tr(
        "The campaign is journaled (--data-dir) before anything is sent: each recipient is marked 'sending' "
        "before its request leaves, so a crash or Ctrl-C never leads to a second message. Users with a known "
        "chat get the message in that chat; others through a new 1:1 conversation that carries the message "
        "(one request). --install-missing installs the app first where it is missing (409 = already there). "
        "A recipient whose request got no answer is 'unconfirmed' and is not sent again unless --resume is "
        "given --retry-unconfirmed. --test-to sends the message to one user only and records nothing.");
    s.options = {
        {kMessage, tr("The message: .md/.txt (markdown) or .json (Adaptive Card, card template, Activity)."),
         QStringLiteral("FILE")},
        {kCampaign, tr("Name of the new campaign (the journal's key)."), QStringLiteral("NAME")},
        {kInstallMissing, tr("Install the app for recipients who do not have it yet.")},
        {kToChannel, tr("Post to the channel of each --team / --teams recipient.")},
        {kDryRun, tr("Resolve and bind for every recipient; send and journal nothing.")},
        {kResume, tr("Continue a stopped or crashed campaign."), QStringLiteral("NAME")},
        {kRetryUnconfirmed,
         tr("With --resume: also send to 'unconfirmed' recipients (they may get it twice).")},
        {kTestTo, tr("Send the message to this one user only, as a test; never journaled."),
         QStringLiteral("UPN_OR_ID")},
    };
    s.groups = OptionGroup::Recipients | OptionGroup::App;
    s.needs = Need::GraphCredentials | Need::BotCredentials;
    s.states
        = {QStringLiteral("sent"),          QStringLiteral("failed"),    QStringLiteral("blocked_by_user"),
           QStringLiteral("not_installed"), QStringLiteral("not_found"), QStringLiteral("unconfirmed"),
           QStringLiteral("pending")};
    s.successStates = {QStringLiteral("sent")};
    s.examples
        = {QStringLiteral("send --app 1a2b... --message notice.md --campaign q3-notice --all-users"),
           QStringLiteral("send --app 1a2b... --message card.json --campaign launch --users people.csv "
                          "--install-missing"),
           QStringLiteral("send --resume q3-notice"),
           QStringLiteral("send --test-to me@contoso.com --message card.json")};
    s.validate = validateInput;
    return s;
}

void SendCommand::start(CommandContext &context)
{
    m_context = &context;
    m_context->progress().setStateOrder(spec().states);
    const CommandInput &in = context.input();
    if (in.isSet(kResume)) {
        startResume();
        return;
    }
    const auto document = send::loadMessage(context, in.value(kMessage));
    if (!document) {
        done(ExitCode::Usage);
        return;
    }
    m_document = std::make_unique<message::MessageDocument>(*document);
    GraphError error;
    m_graph = GraphSession::create(context, this, &error);
    if (m_graph)
        m_bot = BotSession::create(context, this, &error);
    if (!m_graph || !m_bot) {
        done(reportError(context, error));
        return;
    }
    // A domain --tenant is turned into the tenant GUID from a Graph token.
    m_bot->client()->setTenantLookup(m_graph->tokens());
    auto activities = std::make_shared<campaign::MessageActivitySource>(*m_document);
    if (in.isSet(kTestTo)) {
        m_testSend = new TestSend(context, m_graph, m_bot, activities, in.value(kTestTo), this);
        connect(m_testSend, &TestSend::finished, this, &SendCommand::done);
        m_testSend->start();
        return;
    }
    startNew();
}

void SendCommand::startNew()
{
    CommandContext &context = *m_context;
    const CommandInput &in = context.input();
    if (!in.isSet(kDryRun)) {
        m_campaignName = in.value(kCampaign).trimmed();
        m_store = send::openStore(context, false);
        if (!m_store) {
            done(ExitCode::Usage);
            return;
        }
        if (m_store->find(m_campaignName)) {
            context.error(
                tr("A campaign named '%1' already exists. Continue it with 'herald-cli send --resume "
                   "%1', or give a new --campaign name.")
                    .arg(m_campaignName));
            done(ExitCode::Usage);
            return;
        }
        if (!lockCampaign(m_campaignName))
            return;
    }
    m_app = new AppResolution(context, m_graph->client(), this);
    m_app->start([this](const install::TeamsApp &app) { createCampaign(app); },
                 [this](ExitCode code) { done(code); });
}

bool SendCommand::lockCampaign(const QString &name)
{
    m_lock = std::make_unique<campaign::CampaignLock>(m_context->settings().effectiveDataDir(), name);
    QString error;
    if (!m_lock->tryLock(&error)) {
        m_context->error(error);
        done(ExitCode::Usage);
        return false;
    }
    return true;
}

static campaign::DirectoryIntake *makeIntake(CommandContext &context, GraphSession *graph,
                                             install::RecipientFeed *feed, const QString &appId,
                                             bool installMissing, bool toChannel)
{
    const config::ConnectionSettings &settings = context.settings();
    auto cache = std::make_unique<install::ChatIdCache>(settings.effectiveDataDir(), settings.tenant, appId);
    QString cacheError;
    if (!cache->open(&cacheError)) {
        // Fully qualified: lupdate misreads this function's scope (its return type) otherwise.
        context.warn(
            herald::cli::SendCommand::tr("known chat ids are not used this time: %1").arg(cacheError));
        cache.reset();
    }
    campaign::DirectoryIntake::Options options;
    options.teamsAppId = appId;
    options.installMissing = installMissing;
    options.toChannel = toChannel;
    options.cloud = settings.cloud;
    return new campaign::DirectoryIntake(graph->client(), feed, std::move(cache), options);
}

void SendCommand::createCampaign(const install::TeamsApp &app)
{
    if (hasFinished())
        return;
    CommandContext &context = *m_context;
    const CommandInput &in = context.input();
    const directory::RecipientSource source = RecipientCommand::sourceOf(in.recipients);
    auto activities = std::make_shared<campaign::MessageActivitySource>(*m_document);
    if (in.isSet(kDryRun)) {
        campaign::DirectoryIntake *intake
            = makeIntake(context, m_graph, new install::ResolverRecipientFeed(m_graph->client(), source),
                         app.id, false, in.isSet(kToChannel));
        m_dryRun = new DryRun(context, intake, activities, this);
        connect(m_dryRun, &DryRun::finished, this, &SendCommand::done);
        m_dryRun->start();
        return;
    }
    // The recipient list goes into the journal with the campaign, read once
    // here: a resume works from it, never from the files as they are then.
    QStringList problems;
    const campaign::JournalInputs inputs = campaign::readInputs(source, &problems);
    for (const QString &problem : std::as_const(problems))
        context.warn(problem);
    campaign::CampaignSpec spec;
    spec.name = m_campaignName;
    spec.tenant = context.settings().tenant;
    spec.teamsAppId = app.id;
    spec.botId = context.settings().effectiveBotId();
    spec.messageName = QFileInfo(in.value(kMessage)).fileName();
    spec.messageSource = m_document->source();
    spec.options = {{campaign::source::kSource, campaign::sourceToJson(campaign::directoryPart(source))},
                    {campaign::source::kInputs, qint64(inputs.size())},
                    {QStringLiteral("installMissing"), in.isSet(kInstallMissing)},
                    {QStringLiteral("toChannel"), in.isSet(kToChannel)}};
    m_campaignId = m_store->create(spec, inputs);
    if (m_campaignId <= 0) {
        context.error(m_store->lastError());
        done(ExitCode::Usage);
        return;
    }
    m_newCampaign = true;
    const auto info = m_store->campaign(m_campaignId);
    if (!info) {
        context.error(m_store->lastError());
        done(ExitCode::SomeFailed);
        return;
    }
    runCampaign(*info, *m_document, false);
}

void SendCommand::startResume()
{
    CommandContext &context = *m_context;
    m_campaignName = context.input().value(kResume).trimmed();
    m_store = send::openStore(context, false);
    if (!m_store) {
        done(ExitCode::Usage);
        return;
    }
    const auto info = m_store->find(m_campaignName);
    if (!info) {
        context.error(m_store->lastError().isEmpty()
                          ? tr("No campaign named '%1' in %2; 'herald-cli campaigns' lists them.")
                                .arg(m_campaignName, m_store->path())
                          : m_store->lastError());
        done(ExitCode::Usage);
        return;
    }
    if (!lockCampaign(m_campaignName))
        return;
    const auto document
        = send::loadJournaledMessage(context, info->spec.messageName, info->spec.messageSource);
    if (!document) {
        done(ExitCode::Usage);
        return;
    }
    m_document = std::make_unique<message::MessageDocument>(*document);
    GraphError error;
    m_bot = BotSession::create(context, this, &error);
    // Graph for the recipients not journaled yet, and to learn the tenant
    // GUID of a campaign journaled before it was kept (--tenant a domain).
    const bool needGraph = !info->intakeDone
        || (info->spec.tenantId.isEmpty() && !isObjectId(context.settings().tenant.trimmed()));
    if (m_bot && needGraph)
        m_graph = GraphSession::create(context, this, &error);
    if (!m_bot || (needGraph && !m_graph)) {
        done(reportError(context, error));
        return;
    }
    if (m_graph)
        m_bot->client()->setTenantLookup(m_graph->tokens());
    m_campaignId = info->id;
    runCampaign(*info, *m_document, true);
}

void SendCommand::runCampaign(const CampaignInfo &info, const message::MessageDocument &document,
                              bool resumed)
{
    CommandContext &context = *m_context;
    context.setFields(RecipientRecord::fields());
    CampaignRunner::Options options;
    if (context.settings().concurrency > 0)
        options.maxInFlight = context.settings().concurrency;
    options.retryUnconfirmed = context.input().isSet(kRetryUnconfirmed);
    auto activities = std::make_shared<campaign::MessageActivitySource>(document);
    auto *runner = new CampaignRunner(m_store.get(), info.id, m_bot->client(), activities, options, this);
    m_runner = runner;
    if (!info.intakeDone) {
        const QJsonObject &o = info.spec.options;
        campaign::JournalRecipientFeed::Plan plan;
        QStringList notes;
        if (!campaign::JournalRecipientFeed::planFor(*m_store, info, &plan, &notes)) {
            context.error(m_store->lastError());
            delete runner;
            done(ExitCode::SomeFailed);
            return;
        }
        for (const QString &note : std::as_const(notes))
            context.warn(note);
        campaign::DirectoryIntake *intake = makeIntake(
            context, m_graph, new campaign::JournalRecipientFeed(m_graph->client(), std::move(plan)),
            info.spec.teamsAppId, o.value(QStringLiteral("installMissing")).toBool(),
            o.value(QStringLiteral("toChannel")).toBool());
        campaign::CampaignStore *store = m_store.get();
        const qint64 id = info.id;
        intake->setKnownKeys([store, id](const QStringList &keys) { return store->existingKeys(id, keys); });
        if (install::ChatIdCache *cache = intake->cache())
            runner->setChatLearned(
                [cache](const QString &user, const QString &chat) { cache->store(user, chat); });
        runner->setIntake(intake);
    }
    connect(runner, &CampaignRunner::recipientChanged, this, &SendCommand::onRowChanged);
    connect(runner, &CampaignRunner::problem, this, [this](const QString &p) { m_context->warn(p); });
    connect(runner, &CampaignRunner::progressChanged, this, [this](const campaign::CampaignProgress &p) {
        if (p.intakeDone || p.total > 0)
            m_context->progress().setTotal(std::max<qint64>(0, p.total - m_doneAtStart));
    });
    connect(runner, &CampaignRunner::finished, this, &SendCommand::onRunnerFinished);
    runner->start();
    if (runner->run() > 0) {
        m_doneAtStart = runner->progress().done;
        if (resumed) {
            context.note(tr("Resuming campaign '%1' (run %2).").arg(info.spec.name).arg(runner->run()));
            if (runner->unconfirmedFromCrash() > 0)
                context.warn(tr("%n recipient(s) were in flight when the last run stopped; they are "
                                "'unconfirmed' and are not sent again%1.",
                                nullptr, runner->unconfirmedFromCrash())
                                 .arg(options.retryUnconfirmed
                                          ? tr(" -- except now, with --retry-unconfirmed")
                                          : QString()));
        }
    }
}

void SendCommand::onRowChanged(const campaign::JournalRow &row)
{
    // One record per recipient, when it reaches its final state in this run.
    if (campaign::isFinal(row.state))
        m_context->writeRecipient(send::recordOf(row));
}

void SendCommand::onRunnerFinished()
{
    CampaignRunner *runner = m_runner;
    if (!runner || hasFinished())
        return;
    const campaign::CampaignProgress p = runner->progress();
    const QString journal = m_store->path();
    switch (runner->result()) {
    case CampaignRunner::Result::JournalError:
        m_context->error(tr("%1 Sending stopped; run 'herald-cli send --resume %2' when it is fixed.")
                             .arg(runner->errorString(), m_campaignName));
        done(ExitCode::SomeFailed);
        return;
    case CampaignRunner::Result::AuthError:
    case CampaignRunner::Result::ConfigError:
        if (p.total == 0 && m_newCampaign) {
            // Stopped before anything was journaled or sent (the tenant id
            // could not be settled): the same command can simply run again.
            m_store->remove(m_campaignId);
            m_context->error(
                tr("%1 Nothing was sent; the campaign was not kept.").arg(runner->errorString()));
        } else {
            m_context->error(runner->errorString());
        }
        done(runner->result() == CampaignRunner::Result::AuthError ? ExitCode::Auth : ExitCode::Usage);
        return;
    case CampaignRunner::Result::IntakeError:
        m_context->error(tr("%1 -- sending stopped; 'herald-cli send --resume %2' continues.")
                             .arg(runner->errorString(), m_campaignName));
        done(ExitCode::SomeFailed);
        return;
    case CampaignRunner::Result::Stopped:
        m_context->note(
            tr("Campaign '%1' stopped; 'herald-cli send --resume %1' continues it.").arg(m_campaignName));
        done(ExitCode::Interrupted);
        return;
    case CampaignRunner::Result::Finished:
    case CampaignRunner::Result::Running:
        break;
    }
    if (p.total == 0 && m_newCampaign) {
        m_store->remove(m_campaignId);
        m_context->error(tr("No recipients: the recipient options select nobody; nothing was sent."));
        done(ExitCode::Usage);
        return;
    }
    m_context->note(tr("Campaign '%1': journal %2").arg(m_campaignName, journal));
    const bool allSent = p.counts[int(JournalState::Sent)] == p.total;
    done(allSent ? ExitCode::Success : ExitCode::SomeFailed);
}

void SendCommand::cancel()
{
    if (hasFinished())
        return;
    if (m_runner) {
        m_runner->stop(); // finished() follows once the requests in flight are answered
        return;
    }
    if (m_app)
        m_app->abort();
    if (m_testSend) {
        disconnect(m_testSend, nullptr, this, nullptr);
        m_testSend->abort(); // a test message on the wire may still arrive: that is all it can do
    }
    if (m_dryRun) {
        disconnect(m_dryRun, nullptr, this, nullptr);
        m_dryRun->abort();
    }
    done(ExitCode::Interrupted);
}

void SendCommand::done(ExitCode code)
{
    if (hasFinished())
        return;
    if (m_lock)
        m_lock->unlock();
    finishOnce(code);
}

} // namespace herald::cli
