#pragma once

// CampaignStore: the campaign journal, SQLite through Qt SQL in the data
// directory ({dataDir}/campaigns.sqlite, WAL journal).
//
//   campaigns(id, name UNIQUE, tenant, app, bot, message_name, message,
//             options, state, intake_done, run, created_at, updated_at,
//             tenant_id)
//   inputs(campaign, seq, kind, input, input_kind, user_id, display_name,
//             upn, mail, extra)  -- the recipients as given, written with
//             the campaign (schema 2); extra = CSV columns as JSON or ''.
//   recipients(campaign, seq, key, recipient, user_id, kind, display_name,
//             data, chat_id, payload_hash, state, attempts, retryable,
//             last_error, http_status, activity_id, last_run, updated_at)
//
// Write-ahead discipline (the promise "nobody gets the message twice"):
// claim() marks rows `sending` and COMMITS before it returns them, so a row
// can only be on the wire if the journal says so. Outcomes are buffered by
// record() and committed in the same transaction as the next claim (or by
// flush()), so a state change costs a fraction of one commit (measured by
// bench_journal: target <= 50 µs). synchronous=NORMAL in WAL mode: a
// commit is in the file (the OS's cache) before any request leaves, so a
// crash or kill -9 of Herald loses nothing; an operating-system crash or
// power loss could lose the last few commits (FULL would fsync each one, at
// about 1-7 ms per commit on the measured machine -- see README).
//
// Errors are never silent: a read-only file, a file that is not a SQLite
// database, a journal made by a newer Herald, a full disk -- each gives a
// sentence saying what is wrong and what to do, and the file is never
// rewritten or replaced. No secret is ever stored (options carry recipient
// sources and flags only).
//
// Not thread-safe: one store per thread (the GUI's runner and a report view
// may each open their own; WAL lets readers work while a writer writes).

#include "campaign/CampaignTypes.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class QSqlDatabase;
class QSqlQuery;
class QSqlError;

namespace herald::campaign {

class CampaignStore
{
    Q_DECLARE_TR_FUNCTIONS(herald::campaign::CampaignStore)

public:
    enum class Mode { ReadWrite, ReadOnly };
    static constexpr int kSchemaVersion = 3;

    // Which rows claim() hands out (besides `pending` ones).
    struct ClaimRules
    {
        int run = 1; // rows already claimed in this run are not handed out again
        bool retryFailed = true; // `failed` rows marked retryable (nothing was delivered)
        bool retryUnconfirmed = false; // `unconfirmed` rows (send --resume --retry-unconfirmed)
        // Only rows after this seq. Within a run rows are claimed in seq order
        // and none becomes claimable behind the last one claimed, so claim()
        // keeps this moving and never rescans the campaign's finished rows.
        qint64 afterSeq = 0;
    };

    explicit CampaignStore(const QString &path);
    ~CampaignStore();
    CampaignStore(const CampaignStore &) = delete;
    CampaignStore &operator=(const CampaignStore &) = delete;

    // {dataDir}/campaigns.sqlite
    static QString databasePath(const QString &dataDir);
    QString path() const { return m_path; }

    // ReadWrite creates the directory, the file and the schema when missing.
    // ReadOnly on a missing file succeeds with no campaigns.
    bool open(Mode mode, QString *error = nullptr);
    bool isOpen() const { return m_open; }
    // The last failure, as a sentence for the admin.
    QString lastError() const { return m_error; }
    // The last failure was "database or disk is full".
    bool lastErrorWasDiskFull() const { return m_diskFull; }
    // create() checks `flag` between its statements and before the commit:
    // once it is set, the transaction is rolled back and create() fails with
    // lastErrorWasCancelled() (CampaignCreateJob, whose worker thread owns
    // this store, sets it from the GUI thread). Null: never cancelled.
    void setCancelFlag(const std::atomic_bool *flag) { m_cancel = flag; }
    bool lastErrorWasCancelled() const { return m_cancelled; }

    // --- campaigns -----------------------------------------------------
    std::optional<CampaignInfo> find(const QString &name);
    std::optional<CampaignInfo> campaign(qint64 id);
    // Every campaign, newest first, with counts per state.
    QList<CampaignInfo> list(bool *ok = nullptr);
    // 0 with lastError() when the name is taken or on a write error. The
    // campaign and `inputs` (its recipient list as given) are one commit.
    qint64 create(const CampaignSpec &spec, const JournalInputs &inputs = {});
    // The tenant GUID the campaign's Bot Connector payloads carry.
    bool setTenantId(qint64 campaign, const QString &tenantId);
    // Starts a (new) run: run + 1, state running, every `sending` row of a
    // crashed run becomes `unconfirmed`. Returns the run number, 0 on error.
    int beginRun(qint64 campaign, int *turnedUnconfirmed = nullptr);
    bool setState(qint64 campaign, CampaignState state);
    bool setIntakeDone(qint64 campaign);
    // Removes a campaign and its rows (only used for one that got no
    // recipients at all, so its name can be used again).
    bool remove(qint64 campaign);

    // --- the recipient list as given (CampaignStoreInputs.cpp) -----------
    // Every journaled input in order. False with lastError() on failure.
    bool forEachInput(qint64 campaign, const std::function<void(const JournalInput &)> &visit);
    int inputCount(qint64 campaign);
    // The `recipient` column of every journaled row, lower case: which
    // inputs a resume need not look up again.
    QSet<QString> journaledInputs(qint64 campaign, bool *ok = nullptr);

    // --- recipient rows ------------------------------------------------
    // Inserts rows whose key is new (seq assigned, written back into `rows`;
    // rows already journaled are dropped from the list). One transaction.
    bool addRows(qint64 campaign, JournalRows &rows);
    // Which of these keys the campaign already has.
    QSet<QString> existingKeys(qint64 campaign, const QStringList &keys);
    // Commits the buffered outcomes, then marks up to `limit` claimable rows
    // `sending` (attempts + 1) and commits; returns them. `ok` false (and
    // nothing returned) when the journal could not be written.
    JournalRows claim(qint64 campaign, ClaimRules &rules, int limit, bool *ok);
    // Buffers a state change; committed by the next claim() or flush().
    void record(qint64 campaign, const JournalOutcome &outcome);
    bool flush();
    int bufferedOutcomes() const { return int(m_outcomes.size()); }
    // Rows in seq order (the report). False with lastError() on failure.
    bool forEachRow(qint64 campaign, const std::function<void(const JournalRow &)> &visit);
    int countClaimable(qint64 campaign, const ClaimRules &rules);

    // Committed state changes so far (claims + outcomes), for benchmarks.
    qint64 stateChanges() const { return m_stateChanges; }
    // Tests: limit the file to `pages` pages so writes fail as on a full disk.
    bool setMaxPageCount(int pages);

private:
    bool fail(const QString &what, const QSqlError &error);
    bool exec(const QString &sql);
    bool prepareSchema(int from);
    bool insertInputs(qint64 campaign, const JournalInputs &inputs);
    QString campaignColumns() const;
    bool writeOutcomes();
    QSqlDatabase db() const;
    // The hot statements (outcomes, claims) are prepared once per store.
    QSqlQuery &statement(const QString &sql);
    bool cancelRequested();

    QString m_path;
    QString m_connection;
    QString m_error;
    QList<QPair<qint64, JournalOutcome>> m_outcomes;
    QHash<QString, std::shared_ptr<QSqlQuery>> m_statements;
    qint64 m_stateChanges = 0;
    int m_schema = kSchemaVersion;
    bool m_open = false;
    bool m_readOnly = false;
    bool m_diskFull = false;
    const std::atomic_bool *m_cancel = nullptr;
    bool m_cancelled = false;
};

} // namespace herald::campaign
