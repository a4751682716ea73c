#include "CampaignController.h"

#include "UiLogging.h"
#include "campaign/JournalRecipientFeed.h"
#include "campaign/MessageActivitySource.h"
#include "campaign/RecipientIntake.h"
#include "directory/RecipientResolver.h"
#include "install/ChatIdCache.h"
#include "install/RecipientFeed.h"
#include "install/ResolverRecipientFeed.h"
#include "message/MessageDocument.h"

#include <QJsonArray>

namespace herald::ui {

using campaign::CampaignRunner;
using campaign::JournalState;

CampaignController::CampaignController(Session *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    connect(session, &Session::stateChanged, this, [this] {
        // Another profile, another journal.
        if (!isRunning() && m_store && m_session->isReady()
            && m_storePath
                != campaign::CampaignStore::databasePath(m_session->profile().settings.effectiveDataDir())) {
            m_store.reset();
            emit campaignsChanged();
        }
    });
}

CampaignController::~CampaignController()
{
    // A create still running is cancelled; this waits for its worker (one
    // insert, or the commit). Either way the journal holds all of the
    // campaign or none of it -- a committed one is simply resumable.
    delete m_create.data();
    if (m_runner) {
        m_runner->abortNow(); // leaves the journal consistent: in-flight rows become unconfirmed
        delete m_runner; // before the store it writes to goes away
    }
}

campaign::CampaignStore *CampaignController::store(QString *error)
{
    if (m_store)
        return m_store.get();
    if (!m_session || m_session->state() == Session::State::NoProfile) {
        if (error)
            *error = tr("No profile is open.");
        return nullptr;
    }
    const QString path
        = campaign::CampaignStore::databasePath(m_session->profile().settings.effectiveDataDir());
    auto store = std::make_unique<campaign::CampaignStore>(path);
    QString message;
    if (!store->open(campaign::CampaignStore::Mode::ReadWrite, &message)) {
        if (error)
            *error = message;
        qCWarning(lcUi).noquote() << "Journal not usable:" << message;
        return nullptr;
    }
    m_storePath = path;
    m_store = std::move(store);
    return m_store.get();
}

QList<campaign::CampaignInfo> CampaignController::campaigns()
{
    campaign::CampaignStore *s = store();
    return s ? s->list() : QList<campaign::CampaignInfo>{};
}

QList<campaign::CampaignInfo> CampaignController::resumable()
{
    QList<campaign::CampaignInfo> list;
    for (const campaign::CampaignInfo &info : campaigns()) {
        if (info.state == campaign::CampaignState::Finished || info.id == m_campaign)
            continue;
        if (!info.intakeDone || info.count(JournalState::Pending) > 0
            || info.count(JournalState::Sending) > 0)
            list.append(info);
    }
    return list;
}

DeliveryState CampaignController::deliveryState(JournalState state)
{
    switch (state) {
    case JournalState::Pending:
    case JournalState::Sending:
        return DeliveryState::Pending;
    case JournalState::Sent:
        return DeliveryState::Sent;
    case JournalState::Failed:
        return DeliveryState::Failed;
    case JournalState::BlockedByUser:
        return DeliveryState::BlockedByUser;
    case JournalState::NotInstalled:
        return DeliveryState::NotInstalled;
    case JournalState::NotFound:
        return DeliveryState::NotFound;
    case JournalState::Unconfirmed:
        return DeliveryState::Unconfirmed;
    }
    return DeliveryState::Pending;
}

bool CampaignController::startNew(const QString &name, const message::MessageDocument &document,
                                  const RecipientList &recipients, bool installMissing, QString *error)
{
    if (isRunning()) {
        *error = tr("Campaign '%1' is still sending.").arg(m_name);
        return false;
    }
    if (!m_session || !m_session->isReady()) {
        *error = tr("Sign in first.");
        return false;
    }
    campaign::CampaignStore *s = store(error);
    if (!s)
        return false;
    if (!m_session->bot()) {
        *error = m_session->botError().isEmpty() ? tr("The bot cannot send with this profile.")
                                                 : m_session->botError();
        return false;
    }
    // The recipients go into the journal's inputs table with the campaign,
    // as herald-cli's `send` does (so `herald-cli send --resume` can carry on
    // too); the options stay small however many there are. The job turns
    // them into inputs on its worker; here they are only counted.
    qint64 inputs = 0;
    bool teams = false;
    for (const Recipient &r : recipients) {
        if (r.id.isEmpty())
            continue;
        ++inputs;
        teams = teams || r.kind == RecipientKind::Team;
    }
    if (inputs == 0) {
        *error = tr("None of the recipients is in the directory; there is nobody to send to.");
        return false;
    }
    campaign::CampaignSpec spec;
    spec.name = name.trimmed();
    spec.tenant = m_session->profile().settings.tenant;
    spec.teamsAppId = m_session->app().id;
    spec.botId = m_session->profile().settings.effectiveBotId();
    // herald-cli reads a journaled message by its name's suffix.
    const bool json = document.source().trimmed().startsWith('{');
    spec.messageName = !document.sourceName().isEmpty() ? document.sourceName()
        : json                                          ? QStringLiteral("message.json")
                                                        : QStringLiteral("message.md");
    spec.messageSource = document.source();
    spec.options = {{campaign::source::kSource, QJsonObject()},
                    {campaign::source::kInputs, inputs},
                    {QStringLiteral("installMissing"), installMissing},
                    {QStringLiteral("toChannel"), teams}};
    // A taken name is known at once (an indexed lookup); the job's
    // transaction checks again.
    if (s->find(spec.name)) {
        *error = tr("A campaign named “%1” already exists; resume it from the History page, or choose "
                    "another name.")
                     .arg(spec.name);
        return false;
    }
    // Held from before the create until the run ends: nobody else (a
    // herald-cli send --resume) can pick the campaign up in between.
    m_lock = std::make_unique<campaign::CampaignLock>(m_session->profile().settings.effectiveDataDir(),
                                                      spec.name);
    if (!m_lock->tryLock(error)) {
        m_lock.reset();
        return false;
    }
    auto *job = new campaign::CampaignCreateJob(m_storePath, spec, recipients, this);
    connect(job, &graph::Job::finished, this, &CampaignController::onCreated);
    m_create = job;
    m_createDocument = document;
    m_createRecipients = recipients;
    m_stopAfterCreate = false;
    m_name = spec.name;
    qCInfo(lcUi).noquote() << "Preparing campaign" << m_name << "for" << recipients.size() << "recipients";
    job->start(); // finished() comes from the event loop, never from in here
    emit preparingChanged(true);
    emit runningChanged(true);
    return true;
}

void CampaignController::onCreated()
{
    campaign::CampaignCreateJob *job = m_create;
    if (!job || sender() != job)
        return;
    m_create = nullptr; // the job deletes itself
    const message::MessageDocument document = std::move(*m_createDocument);
    m_createDocument.reset();
    const RecipientList recipients = std::exchange(m_createRecipients, {});
    const qint64 id = job->campaignId();
    if (id <= 0) {
        if (job->cancelled())
            endPreparing(CampaignRunner::Result::Stopped,
                         tr("Campaign '%1' was not created; nothing was sent.").arg(m_name));
        else
            endPreparing(CampaignRunner::Result::JournalError, job->errorString());
        return;
    }
    // Committed: from here on the campaign is in the journal, stopped, with
    // all its recipients -- resumable whatever happens next.
    if (m_stopAfterCreate) {
        endPreparing(CampaignRunner::Result::Stopped,
                     tr("Campaign '%1' stopped; resume it from the Send or History page.").arg(m_name));
        return;
    }
    if (!m_session) {
        endPreparing(CampaignRunner::Result::ConfigError, tr("Sign in first."));
        return;
    }
    QString error;
    campaign::CampaignStore *s = store(&error);
    const auto info = s ? s->campaign(id) : std::nullopt;
    if (!info) {
        endPreparing(CampaignRunner::Result::JournalError, s ? s->lastError() : error);
        return;
    }
    m_newCampaign = true;
    if (!run(*info, document, false, &error, &recipients, false)) {
        endPreparing(CampaignRunner::Result::ConfigError, error);
        return;
    }
    emit preparingChanged(false);
    emit campaignsChanged();
}

void CampaignController::endPreparing(CampaignRunner::Result result, const QString &message)
{
    qCInfo(lcUi).noquote() << "Campaign" << m_name << "not started:" << message;
    m_lock.reset();
    emit preparingChanged(false);
    emit runningChanged(false);
    emit finished(result, message);
    emit campaignsChanged();
}

bool CampaignController::resume(qint64 campaignId, bool retryUnconfirmed, QString *error)
{
    if (isRunning()) {
        *error = tr("Campaign '%1' is still sending.").arg(m_name);
        return false;
    }
    campaign::CampaignStore *s = store(error);
    if (!s)
        return false;
    const auto info = s->campaign(campaignId);
    if (!info) {
        *error
            = s->lastError().isEmpty() ? tr("That campaign is not in the journal any more.") : s->lastError();
        return false;
    }
    // The journaled bytes, exactly as sent: JSON (a card) or markdown.
    const bool json = info->spec.messageSource.trimmed().startsWith('{');
    auto loaded = message::MessageDocument::fromText(json ? message::SourceFormat::Json
                                                          : message::SourceFormat::Markdown,
                                                     info->spec.messageSource, info->spec.messageName);
    if (!loaded.document) {
        *error = tr("The journaled message of '%1' cannot be read any more.").arg(info->spec.name);
        return false;
    }
    m_newCampaign = false;
    return run(*info, *loaded.document, retryUnconfirmed, error);
}

bool CampaignController::run(const campaign::CampaignInfo &info, const message::MessageDocument &document,
                             bool retryUnconfirmed, QString *error, const RecipientList *ready, bool announce)
{
    const config::ConnectionSettings &settings = m_session->profile().settings;
    if (!m_session->bot()) {
        *error = m_session->botError().isEmpty() ? tr("The bot cannot send with this profile.")
                                                 : m_session->botError();
        return false;
    }
    if (!info.intakeDone && !m_session->isReady()) {
        *error = tr("Sign in first: some recipients still have to be looked up.");
        return false;
    }
    if (!m_lock || !m_lock->isLocked()) { // a new campaign's is taken before the create
        m_lock = std::make_unique<campaign::CampaignLock>(settings.effectiveDataDir(), info.spec.name);
        if (!m_lock->tryLock(error)) {
            m_lock.reset();
            return false;
        }
    }
    CampaignRunner::Options options;
    options.retryUnconfirmed = retryUnconfirmed;
    auto activities = std::make_shared<campaign::MessageActivitySource>(document);
    // A domain tenant becomes the tenant GUID through the session's Graph token.
    if (m_session->graph() && !m_session->bot()->hasTenantLookup())
        m_session->bot()->setTenantLookup(m_session->graph()->tokenProvider());
    auto *runner = new CampaignRunner(m_store.get(), info.id, m_session->bot(), activities, options, this);
    if (!info.intakeDone) {
        const QJsonObject o = info.spec.options;
        auto cache = std::make_unique<install::ChatIdCache>(settings.effectiveDataDir(), settings.tenant,
                                                            info.spec.teamsAppId);
        QString cacheError;
        if (!cache->open(&cacheError)) {
            emit problem(tr("Known chat ids are not used this time: %1").arg(cacheError));
            cache.reset();
        }
        campaign::DirectoryIntake::Options intakeOptions;
        intakeOptions.teamsAppId = info.spec.teamsAppId;
        intakeOptions.installMissing = o.value(QStringLiteral("installMissing")).toBool();
        intakeOptions.toChannel = o.value(QStringLiteral("toChannel")).toBool();
        intakeOptions.cloud = settings.cloud;
        install::RecipientFeed *feed = nullptr;
        if (ready) {
            // Already resolved: no second directory lookup. Shared, not
            // copied, when every row has an id (100,000 copies: ~150 ms).
            RecipientList resolved = *ready;
            resolved.removeIf([](const Recipient &r) { return r.id.isEmpty(); });
            feed = new install::ListRecipientFeed(std::move(resolved));
        } else {
            // A resume: exactly the recipients journaled with the campaign.
            campaign::JournalRecipientFeed::Plan plan;
            QStringList notes;
            if (!campaign::JournalRecipientFeed::planFor(*m_store, info, &plan, &notes)) {
                *error = m_store->lastError();
                delete runner;
                m_lock.reset();
                return false;
            }
            for (const QString &note : std::as_const(notes))
                emit problem(note);
            feed = new campaign::JournalRecipientFeed(m_session->graph(), std::move(plan));
        }
        auto *intake
            = new campaign::DirectoryIntake(m_session->graph(), feed, std::move(cache), intakeOptions);
        campaign::CampaignStore *store = m_store.get();
        const qint64 id = info.id;
        intake->setKnownKeys([store, id](const QStringList &keys) { return store->existingKeys(id, keys); });
        if (install::ChatIdCache *chats = intake->cache())
            runner->setChatLearned(
                [chats](const QString &user, const QString &chat) { chats->store(user, chat); });
        runner->setIntake(intake);
    }
    m_runner = runner;
    m_campaign = info.id;
    m_name = info.spec.name;
    connect(runner, &CampaignRunner::recipientChanged, this, &CampaignController::rowChanged);
    connect(runner, &CampaignRunner::progressChanged, this, &CampaignController::progressChanged);
    connect(runner, &CampaignRunner::problem, this, &CampaignController::problem);
    connect(runner, &CampaignRunner::finished, this, &CampaignController::onFinished);
    qCInfo(lcUi).noquote() << "Sending campaign" << m_name << (m_newCampaign ? "(new)" : "(resumed)");
    runner->start();
    if (announce)
        emit runningChanged(true);
    return true;
}

campaign::CampaignProgress CampaignController::progress() const
{
    return m_runner ? m_runner->progress() : campaign::CampaignProgress{};
}

void CampaignController::pause()
{
    if (m_runner && !m_runner->isPaused()) {
        m_runner->pause();
        emit pausedChanged(true);
    }
}

void CampaignController::resumeSending()
{
    if (m_runner && m_runner->isPaused()) {
        m_runner->resume();
        emit pausedChanged(false);
    }
}

void CampaignController::stop()
{
    if (m_create) {
        // Rolled back if it has not committed yet; if it has, it is not sent.
        m_stopAfterCreate = true;
        m_create->cancel();
        return;
    }
    if (m_runner)
        m_runner->stop();
}

void CampaignController::onFinished()
{
    CampaignRunner *runner = m_runner;
    if (!runner)
        return;
    m_runner = nullptr;
    const campaign::CampaignProgress p = runner->progress();
    const CampaignRunner::Result result = runner->result();
    QString message;
    switch (result) {
    case CampaignRunner::Result::Finished:
    case CampaignRunner::Result::Running:
        message = tr("Campaign '%1' finished: %2 sent, %3 not sent.")
                      .arg(m_name)
                      .arg(p.counts[int(JournalState::Sent)])
                      .arg(p.total - p.counts[int(JournalState::Sent)]);
        break;
    case CampaignRunner::Result::Stopped:
        message = tr("Campaign '%1' stopped; resume it from the Send or History page.").arg(m_name);
        break;
    default:
        message = tr("%1 Sending stopped; resume it when this is fixed.").arg(runner->errorString());
        break;
    }
    if (p.total == 0 && m_newCampaign && m_store) {
        m_store->remove(m_campaign);
        message = tr("Nobody to send to; the campaign was not kept.");
    }
    runner->deleteLater();
    m_lock.reset();
    m_campaign = 0;
    emit runningChanged(false);
    emit finished(result, message);
    emit campaignsChanged();
}

} // namespace herald::ui
