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
        if (!m_runner && m_store && m_session->isReady()
            && m_storePath
                != campaign::CampaignStore::databasePath(m_session->profile().settings.effectiveDataDir())) {
            m_store.reset();
            emit campaignsChanged();
        }
    });
}

CampaignController::~CampaignController()
{
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
    if (m_runner) {
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
    // The recipients go into the journal's inputs table with the campaign,
    // as herald-cli's `send` does (so `herald-cli send --resume` can carry on
    // too); the options stay small however many there are.
    campaign::JournalInputs inputs;
    bool teams = false;
    for (const Recipient &r : recipients) {
        if (r.id.isEmpty())
            continue;
        inputs.append(campaign::JournalInput::from(r));
        teams = teams || r.kind == RecipientKind::Team;
    }
    if (inputs.isEmpty()) {
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
                    {campaign::source::kInputs, qint64(inputs.size())},
                    {QStringLiteral("installMissing"), installMissing},
                    {QStringLiteral("toChannel"), teams}};
    const qint64 id = s->create(spec, inputs);
    if (id <= 0) {
        *error = s->lastError();
        return false;
    }
    const auto info = s->campaign(id);
    if (!info) {
        *error = s->lastError();
        return false;
    }
    m_newCampaign = true;
    emit campaignsChanged();
    return run(*info, document, false, error, &recipients);
}

bool CampaignController::resume(qint64 campaignId, bool retryUnconfirmed, QString *error)
{
    if (m_runner) {
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
                             bool retryUnconfirmed, QString *error, const RecipientList *ready)
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
    m_lock = std::make_unique<campaign::CampaignLock>(settings.effectiveDataDir(), info.spec.name);
    if (!m_lock->tryLock(error)) {
        m_lock.reset();
        return false;
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
            RecipientList resolved;
            for (const Recipient &r : *ready) {
                if (!r.id.isEmpty())
                    resolved.append(r); // already resolved: no second directory lookup
            }
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
