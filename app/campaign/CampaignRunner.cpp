#include "campaign/CampaignRunner.h"

#include "bot/BotConnectorClient.h"
#include "bot/TenantId.h"
#include "campaign/ActivitySource.h"
#include "campaign/CampaignLogging.h"
#include "campaign/RecipientIntake.h"

#include <cmath>

namespace herald::campaign {

using bot::BotSendJob;
using bot::BotSendResult;
using bot::BotTarget;

namespace {

constexpr qint64 kRateWindowMs = 10000;

JournalState stateOf(BotSendResult::Outcome outcome)
{
    switch (outcome) {
    case BotSendResult::Outcome::Sent:
        return JournalState::Sent;
    case BotSendResult::Outcome::BlockedByUser:
        return JournalState::BlockedByUser;
    case BotSendResult::Outcome::NotInstalled:
        return JournalState::NotInstalled;
    case BotSendResult::Outcome::Unconfirmed:
        return JournalState::Unconfirmed;
    case BotSendResult::Outcome::Failed:
        return JournalState::Failed;
    }
    return JournalState::Failed;
}

} // namespace

CampaignRunner::CampaignRunner(CampaignStore *store, qint64 campaignId, bot::BotConnectorClient *bot,
                               std::shared_ptr<const ActivitySource> activities, const Options &options,
                               QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_campaign(campaignId)
    , m_bot(bot)
    , m_activities(std::move(activities))
    , m_options(options)
{
    qRegisterMetaType<herald::campaign::JournalRow>();
    qRegisterMetaType<herald::campaign::CampaignProgress>();
    m_options.maxInFlight = std::max(1, m_options.maxInFlight);
    m_flushTimer.setInterval(kFlushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, [this] {
        if (m_store->bufferedOutcomes() > 0 && !m_store->flush())
            journalFailed();
        emitProgress();
    });
}

CampaignRunner::~CampaignRunner()
{
    if (m_started && !m_finished) {
        m_chatLearned = nullptr;
        disconnect(this, nullptr, nullptr, nullptr); // no signals from a dying runner
        abortNow();
    }
}

void CampaignRunner::setIntake(RecipientIntake *intake)
{
    m_intake = intake;
    if (!intake)
        return;
    intake->setParent(this);
    m_intakeDone = false;
    connect(intake, &RecipientIntake::rowsReady, this, &CampaignRunner::onRows);
    connect(intake, &RecipientIntake::problem, this, &CampaignRunner::problem);
    connect(intake, &RecipientIntake::totalKnown, this, [this](qint64 total) { m_intakeTotal = total; });
    connect(intake, &RecipientIntake::finished, this, &CampaignRunner::onIntakeFinished);
}

void CampaignRunner::start()
{
    if (m_started)
        return;
    m_started = true;
    m_clock.start();
    m_run = m_store->beginRun(m_campaign, &m_unconfirmedFromCrash);
    if (m_run <= 0) {
        m_error = m_store->lastError();
        QMetaObject::invokeMethod(
            this, [this] { finish(Result::JournalError); }, Qt::QueuedConnection);
        return;
    }
    m_rules.run = m_run;
    m_rules.retryFailed = true;
    m_rules.retryUnconfirmed = m_options.retryUnconfirmed;
    QString journaledTenant;
    if (const auto info = m_store->campaign(m_campaign)) {
        for (int i = 0; i < journalStateCount; ++i)
            m_counts[i] = info->counts[i];
        journaledTenant = info->spec.tenantId;
    }
    m_backlog = std::max(0, m_store->countClaimable(m_campaign, m_rules));
    settleTenant(journaledTenant);
}

void CampaignRunner::settleTenant(const QString &journaled)
{
    if (!m_bot) {
        m_error = tr("The Bot Connector client is gone.");
        QMetaObject::invokeMethod(
            this, [this] { finish(Result::ConfigError); }, Qt::QueuedConnection);
        return;
    }
    const QString known = m_bot->tenantId();
    if (!journaled.isEmpty()) {
        if (!known.isEmpty() && known.compare(journaled, Qt::CaseInsensitive) != 0) {
            m_error
                = tr("This campaign was started in tenant %1, but this profile is for tenant %2; resume it "
                     "with the profile it was started with.")
                      .arg(journaled, known);
            QMetaObject::invokeMethod(
                this, [this] { finish(Result::ConfigError); }, Qt::QueuedConnection);
            return;
        }
        // The GUID the earlier runs used, whatever --tenant says now.
        m_bot->setTenantId(journaled);
        m_tenantId = journaled;
        begin();
        return;
    }
    bot::TenantIdJob *job = m_bot->resolveTenantId();
    connect(job, &graph::Job::finished, this, [this, job] {
        if (m_finished)
            return;
        if (!job->succeeded()) {
            m_error = job->error().toString();
            const Result result = job->error().kind == graph::GraphError::Kind::Auth ? Result::AuthError
                                                                                     : Result::ConfigError;
            // From the event loop (the job may finish inside start()).
            QMetaObject::invokeMethod(
                this, [this, result] { finish(result); }, Qt::QueuedConnection);
            return;
        }
        // Journaled before any payload carries it.
        if (!m_store->setTenantId(m_campaign, job->tenantId())) {
            m_error = m_store->lastError();
            finish(Result::JournalError);
            return;
        }
        m_tenantId = job->tenantId();
        begin();
    });
    job->start();
}

void CampaignRunner::begin()
{
    m_flushTimer.start();
    if (m_intake)
        m_intake->start();
    // From the event loop: the caller connects before anything is emitted.
    QMetaObject::invokeMethod(this, &CampaignRunner::pump, Qt::QueuedConnection);
}

void CampaignRunner::pause()
{
    m_paused = true;
}

void CampaignRunner::resume()
{
    if (!m_paused)
        return;
    m_paused = false;
    pump();
}

void CampaignRunner::stop()
{
    if (m_finished)
        return;
    m_stopping = true;
    if (m_intake && !m_intake->isFinished())
        m_intake->abort();
    maybeFinish();
}

void CampaignRunner::abortNow()
{
    if (m_finished)
        return;
    m_stopping = true;
    if (m_intake && !m_intake->isFinished())
        m_intake->abort();
    // Each abort settles its row through onSent() (Unconfirmed or back to pending).
    const auto jobs = m_jobs;
    for (const QPointer<BotSendJob> &job : jobs) {
        if (job && !job->isFinished())
            job->abort();
    }
    maybeFinish();
}

void CampaignRunner::onRows(const JournalRows &incoming)
{
    if (m_result != Result::Running)
        return;
    JournalRows rows = incoming;
    for (JournalRow &row : rows) {
        if (row.state != JournalState::Pending)
            continue;
        // Bind now: the journal holds the hash of exactly what will be sent.
        const BoundActivity bound = m_activities->bind(row.data);
        if (!bound.ok()) {
            row.state = JournalState::Failed;
            row.lastError = tr("The message cannot be bound for this recipient: %1").arg(bound.error);
        } else {
            row.payloadHash = bound.hash;
        }
    }
    qCDebug(lcCampaign) << "intake:" << rows.size() << "rows";
    if (!m_store->addRows(m_campaign, rows)) {
        journalFailed();
        return;
    }
    for (const JournalRow &row : std::as_const(rows)) {
        ++m_counts[int(row.state)];
        m_backlog += row.state == JournalState::Pending ? 1 : 0;
        emit recipientChanged(row);
    }
    if (!rows.isEmpty())
        m_exhausted = false;
    emitProgress();
    pump();
}

void CampaignRunner::onIntakeFinished(const graph::GraphError &error)
{
    m_intakeDone = true;
    qCDebug(lcCampaign) << "intake finished" << error.toString();
    if (error.isError() && error.kind != graph::GraphError::Kind::Cancelled) {
        // The recipients could not all be read (or installed): send what is
        // journaled? No -- stop and say why; a resume continues.
        m_error = error.toString();
        m_stopping = true;
        m_stopResult = error.kind == graph::GraphError::Kind::Auth ? Result::AuthError : Result::IntakeError;
        maybeFinish();
        return;
    }
    if (!m_store->setIntakeDone(m_campaign)) {
        journalFailed();
        return;
    }
    pump();
}

void CampaignRunner::pump()
{
    if (m_result != Result::Running || m_pumping || !m_started)
        return;
    m_pumping = true;
    while (!m_stopping && !m_paused && !m_exhausted && m_inFlight < m_options.maxInFlight) {
        // Claim in batches (half the window at least) so one commit covers
        // several state changes, but never more than the window.
        const int free = m_options.maxInFlight - m_inFlight;
        if (m_inFlight > 0 && free < std::max(1, m_options.maxInFlight / 2))
            break;
        bool ok = false;
        const JournalRows rows = m_store->claim(m_campaign, m_rules, free, &ok);
        if (!ok) {
            m_pumping = false;
            journalFailed();
            return;
        }
        if (rows.size() < free)
            m_exhausted = true;
        m_backlog = std::max<qint64>(0, m_backlog - rows.size());
        for (const JournalRow &row : rows)
            dispatch(row);
    }
    m_pumping = false;
    // Keep the intake ahead of the sends: ask before the backlog runs dry.
    if (m_intake && !m_intakeDone && !m_stopping && (m_exhausted || m_backlog < m_options.intakeBacklog))
        m_intake->fetchMore();
    maybeFinish();
}

void CampaignRunner::dispatch(JournalRow row)
{
    countMove(row.claimedFrom, JournalState::Sending);
    emit recipientChanged(row);
    const BoundActivity bound = m_activities->bind(row.data);
    if (!bound.ok() || bound.hash != row.payloadHash) {
        JournalOutcome outcome;
        outcome.seq = row.seq;
        outcome.state = JournalState::Failed;
        outcome.detail = !bound.ok()
            ? tr("The message cannot be bound for this recipient: %1").arg(bound.error)
            : tr(
                "The message bound now differs from the one journaled for this recipient (was the campaign's "
                "message changed?); not sent.");
        settle(row, outcome);
        return;
    }
    BotTarget target;
    if (row.kind == RecipientKind::Team)
        target = BotTarget::channel(row.chatId);
    else if (!row.chatId.isEmpty())
        target = BotTarget::conversation(row.chatId);
    else
        target = BotTarget::user(row.userId);
    BotSendJob *job = m_bot->send(target, bound.json);
    ++m_inFlight;
    m_jobs.append(job);
    connect(job, &graph::Job::finished, this, [this, row, job] { onSent(row, job); });
    job->start();
}

void CampaignRunner::onSent(JournalRow row, BotSendJob *job)
{
    --m_inFlight;
    m_jobs.removeAll(job);
    const BotSendResult &result = job->result();
    JournalOutcome outcome;
    outcome.seq = row.seq;
    outcome.httpStatus = result.httpStatus;
    outcome.activityId = result.activityId;
    outcome.detail = result.detail;
    outcome.state = stateOf(result.outcome);
    outcome.retryable = result.retryable;
    if (!job->succeeded() && job->error().kind == graph::GraphError::Kind::Cancelled
        && result.outcome == BotSendResult::Outcome::Failed) {
        // Abandoned before it was written: simply not sent yet.
        outcome.state = JournalState::Pending;
        outcome.detail.clear();
    }
    if (result.outcome == BotSendResult::Outcome::Sent && row.kind == RecipientKind::User
        && row.chatId.isEmpty() && !result.conversationId.isEmpty()) {
        outcome.chatId = result.conversationId;
        if (m_chatLearned)
            m_chatLearned(row.userId, result.conversationId);
    }
    const bool authFailure = !job->succeeded() && job->error().kind == graph::GraphError::Kind::Auth;
    settle(row, outcome);
    if (authFailure && m_result == Result::Running) {
        // Every other send would be refused the same way: stop, say why.
        m_error = job->error().toString();
        m_stopping = true;
        m_stopResult = Result::AuthError;
        if (m_intake && !m_intake->isFinished())
            m_intake->abort();
        maybeFinish();
        return;
    }
    pump();
}

void CampaignRunner::settle(JournalRow &row, const JournalOutcome &outcome)
{
    m_store->record(m_campaign, outcome);
    countMove(JournalState::Sending, outcome.state);
    row.state = outcome.state;
    row.lastError = outcome.detail;
    row.httpStatus = outcome.httpStatus;
    row.retryable = outcome.retryable;
    row.activityId = outcome.activityId;
    if (!outcome.chatId.isEmpty())
        row.chatId = outcome.chatId;
    emit recipientChanged(row);
    emitProgress();
}

void CampaignRunner::journalFailed()
{
    if (m_result != Result::Running)
        return;
    m_error = m_store->lastError();
    qCWarning(lcCampaign) << "journal write failed, sending stopped:" << m_error;
    // Nothing unrecorded may leave: claim nothing more. Sends already on the
    // wire finish; their rows stay `sending` (unconfirmed at the next resume)
    // unless a later flush succeeds.
    m_stopping = true;
    if (m_intake && !m_intake->isFinished())
        m_intake->abort();
    m_result = Result::JournalError;
    if (m_inFlight == 0)
        QMetaObject::invokeMethod(
            this, [this] { finish(Result::JournalError); }, Qt::QueuedConnection);
}

void CampaignRunner::maybeFinish()
{
    if (m_inFlight > 0)
        return;
    if (m_finished)
        return;
    if (m_result == Result::JournalError) {
        finish(Result::JournalError);
        return;
    }
    if (m_stopping) {
        finish(m_stopResult);
        return;
    }
    if (m_exhausted && m_intakeDone && !m_paused)
        finish(Result::Finished);
}

void CampaignRunner::finish(Result result)
{
    if (!m_started || m_finished)
        return;
    m_finished = true;
    m_flushTimer.stop();
    m_result = result;
    if (result == Result::JournalError) {
        m_store->flush(); // may work again (a transient failure); harmless if not
        m_store->setState(m_campaign, CampaignState::Stopped);
    } else {
        // Finished only when nothing is left for a later run.
        const bool complete = result == Result::Finished && m_counts[int(JournalState::Pending)] == 0
            && m_counts[int(JournalState::Sending)] == 0;
        if (!m_store->flush()
            || !m_store->setState(m_campaign, complete ? CampaignState::Finished : CampaignState::Stopped)) {
            m_error = m_store->lastError();
            m_result = Result::JournalError;
        }
    }
    emitProgress(true);
    emit finished();
}

void CampaignRunner::countMove(JournalState from, JournalState to)
{
    if (m_counts[int(from)] > 0)
        --m_counts[int(from)];
    ++m_counts[int(to)];
}

CampaignProgress CampaignRunner::progress() const
{
    CampaignProgress p;
    for (int i = 0; i < journalStateCount; ++i) {
        p.counts[i] = m_counts[i];
        p.total += m_counts[i];
        if (isFinal(JournalState(i)))
            p.done += m_counts[i];
    }
    if (m_intakeTotal > p.total && !m_intakeDone)
        p.total = m_intakeTotal;
    p.inFlight = m_inFlight;
    p.intakeDone = m_intakeDone;
    if (m_samples.size() >= 2) {
        const auto &first = m_samples.first();
        const auto &last = m_samples.last();
        if (last.first > first.first)
            p.ratePerSecond = double(last.second - first.second) * 1000.0 / double(last.first - first.first);
    }
    if (p.ratePerSecond > 0 && m_intakeDone)
        p.etaSeconds = qint64(std::ceil(double(p.total - p.done) / p.ratePerSecond));
    return p;
}

void CampaignRunner::emitProgress(bool force)
{
    const qint64 now = m_clock.isValid() ? m_clock.elapsed() : 0;
    if (!force && m_lastProgressMs >= 0 && now - m_lastProgressMs < kProgressIntervalMs)
        return;
    m_lastProgressMs = now;
    qint64 done = 0;
    for (int i = 0; i < journalStateCount; ++i) {
        if (isFinal(JournalState(i)))
            done += m_counts[i];
    }
    m_samples.append({now, done});
    while (m_samples.size() > 2 && m_samples.first().first < now - kRateWindowMs)
        m_samples.removeFirst();
    emit progressChanged(progress());
}

} // namespace herald::campaign
