#pragma once

// CampaignRunner: delivers one journaled campaign (the send/resume engine of
// herald-cli and of the GUI's Send page).
//
//   auto *runner = new CampaignRunner(store, campaignId, bot, activities, options);
//   runner->setIntake(intake);            // new rows while sending (optional)
//   connect(runner, &CampaignRunner::recipientChanged, ...);   // per row
//   connect(runner, &CampaignRunner::progressChanged, ...);    // done/total, rate, ETA
//   connect(runner, &CampaignRunner::finished, ...);           // once; see result()
//   runner->start();
//
// It walks the journal: claims rows (CampaignStore::claim marks them
// `sending` and commits BEFORE anything leaves), binds each row's activity
// and checks it against the journaled payload hash, sends through the
// BotConnectorClient (paced by its RatePlanner), and records every outcome
// (committed in batches with the next claim, and at least every
// kFlushIntervalMs). Concurrency: at most Options::maxInFlight rows are
// claimed and unanswered at once; that is also the most a crash can leave
// `unconfirmed`.
//
// Control (all asynchronous, all keep the journal consistent):
//   pause() / resume()  stop claiming / claim again; in-flight sends finish
//   stop()              claim nothing more; finished() once in-flight sends
//                       are answered (the CLI's first Ctrl-C)
//   abortNow()          also abandon in-flight sends: written ones become
//                       `unconfirmed`, unwritten ones `pending` again
// A journal write error (disk full) stops sending at once: Result::JournalError.
// A refused bot token stops it too (Result::AuthError): every send would fail.
//
// Tenant: before the first claim the runner settles the tenant GUID the
// Bot Connector payloads carry: the one the campaign journaled, or -- for a
// new campaign -- the bot client's (resolved from a Graph token when the
// tenant was given as a domain; bot/TenantId.h), which is then journaled.
// Without it nothing is sent (Result::ConfigError / AuthError).

#include "campaign/CampaignStore.h"
#include "campaign/CampaignTypes.h"
#include "graph/GraphError.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QTimer>
#include <functional>
#include <memory>

namespace herald::bot {
class BotConnectorClient;
class BotSendJob;
} // namespace herald::bot

namespace herald::campaign {

class ActivitySource;
class RecipientIntake;

struct CampaignProgress
{
    qint64 done = 0; // rows in a final state
    qint64 total = 0; // rows journaled so far (or the intake's total when larger)
    int inFlight = 0;
    double ratePerSecond = 0; // final states per second over the last ~10 s
    qint64 etaSeconds = -1; // -1: unknown
    bool intakeDone = false;
    int counts[journalStateCount] = {};
};

class CampaignRunner : public QObject
{
    Q_OBJECT

signals:
    // A row changed state (journaled, claimed, answered). `row` is the new state.
    void recipientChanged(const herald::campaign::JournalRow &row);
    // At most every kProgressIntervalMs, and once at the end.
    void progressChanged(const herald::campaign::CampaignProgress &progress);
    // Something the admin should know that does not stop the run (a bad CSV line...).
    void problem(const QString &message);
    void finished();

public:
    static constexpr int kFlushIntervalMs = 250;
    static constexpr int kProgressIntervalMs = 250;

    enum class Result { Running, Finished, Stopped, JournalError, AuthError, IntakeError, ConfigError };

    struct Options
    {
        int maxInFlight = 16;
        bool retryUnconfirmed = false; // send --resume --retry-unconfirmed
        int intakeBacklog = 400; // ask the intake for more below this many claimable rows
    };

    // `store` (open), `bot` and `activities` must outlive the runner.
    CampaignRunner(CampaignStore *store, qint64 campaignId, bot::BotConnectorClient *bot,
                   std::shared_ptr<const ActivitySource> activities, const Options &options,
                   QObject *parent = nullptr);
    ~CampaignRunner() override;

    // Takes ownership. Without one, only the rows already journaled are sent.
    void setIntake(RecipientIntake *intake);
    // Called with (user id, chat id) for every 1:1 chat learned from a create.
    void setChatLearned(std::function<void(const QString &userId, const QString &chatId)> learned)
    {
        m_chatLearned = std::move(learned);
    }

    // Starts a run (CampaignStore::beginRun: a crashed run's `sending` rows
    // turn `unconfirmed`, reported by unconfirmedFromCrash()).
    void start();
    void pause();
    void resume();
    void stop();
    void abortNow();

    bool isPaused() const { return m_paused; }
    bool isStopping() const { return m_stopping; }
    Result result() const { return m_result; }
    QString errorString() const { return m_error; }
    int run() const { return m_run; }
    int unconfirmedFromCrash() const { return m_unconfirmedFromCrash; }
    // The tenant GUID this run's payloads carry (empty until settled).
    QString tenantId() const { return m_tenantId; }
    CampaignProgress progress() const;

private:
    void settleTenant(const QString &journaled);
    void begin();
    void onRows(const JournalRows &rows);
    void onIntakeFinished(const graph::GraphError &error);
    void pump();
    void dispatch(JournalRow row);
    void onSent(JournalRow row, bot::BotSendJob *job);
    void settle(JournalRow &row, const JournalOutcome &outcome);
    void journalFailed();
    void maybeFinish();
    void finish(Result result);
    void countMove(JournalState from, JournalState to);
    void emitProgress(bool force = false);

    CampaignStore *m_store;
    qint64 m_campaign;
    QPointer<bot::BotConnectorClient> m_bot;
    std::shared_ptr<const ActivitySource> m_activities;
    Options m_options;
    QPointer<RecipientIntake> m_intake;
    std::function<void(const QString &, const QString &)> m_chatLearned;
    QList<QPointer<bot::BotSendJob>> m_jobs;
    QTimer m_flushTimer;
    QElapsedTimer m_clock;
    qint64 m_lastProgressMs = -1;
    QList<QPair<qint64, qint64>> m_samples; // (ms, done)
    CampaignStore::ClaimRules m_rules;
    int m_counts[journalStateCount] = {};
    qint64 m_intakeTotal = -1;
    int m_run = 0;
    int m_unconfirmedFromCrash = 0;
    int m_inFlight = 0;
    qint64 m_backlog = 0; // claimable rows journaled and not yet claimed (estimate)
    bool m_exhausted = false; // the last claim found nothing more
    bool m_intakeDone = true;
    bool m_paused = false;
    bool m_stopping = false;
    bool m_started = false;
    bool m_pumping = false;
    bool m_finished = false;
    Result m_stopResult = Result::Stopped; // what a stop ends with (an intake or token error)
    Result m_result = Result::Running;
    QString m_error;
    QString m_tenantId;
};

} // namespace herald::campaign

Q_DECLARE_METATYPE(herald::campaign::CampaignProgress)
