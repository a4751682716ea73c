#pragma once

// Value types of the campaign journal (CampaignStore) and the runner
// (CampaignRunner), shared with the GUI's Send and History pages.
//
// Recipient states in the journal are the CLI.md send/report states plus one
// internal state, `sending`: the row was claimed (committed) before its
// request left. A `sending` row found after a crash is turned `unconfirmed`
// by the next `send --resume`; the report shows it as `unconfirmed` too,
// because that is what it is until then.

#include "directory/Recipient.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <optional>

namespace herald::campaign {

enum class JournalState : quint8 {
    Pending,
    Sending,
    Sent,
    Failed,
    BlockedByUser,
    NotInstalled,
    NotFound,
    Unconfirmed,
};
constexpr int journalStateCount = 8;

// "pending", "sending", "sent", "failed", "blocked_by_user", "not_installed",
// "not_found", "unconfirmed" (the journal's own spelling).
QString toName(JournalState state);
std::optional<JournalState> journalStateFromName(const QString &name);
// The CLI.md report state: `sending` reads `unconfirmed`.
QString reportName(JournalState state);
// Final states that count as success for exit code 0.
bool isSuccess(JournalState state);
// A row that will not change any more without the admin asking.
bool isFinal(JournalState state);

enum class CampaignState : quint8 {
    Running, // a process is sending it (or crashed while doing so)
    Stopped, // stopped early (Ctrl-C, pause+stop, journal error); resumable
    Finished, // every recipient reached a final state
};
QString toName(CampaignState state);
std::optional<CampaignState> campaignStateFromName(const QString &name);

// What a campaign was started with; enough for `send --resume` to carry on
// without the original command line.
struct CampaignSpec
{
    QString name;
    QString tenant; // as configured (a GUID or a verified domain)
    QString tenantId; // the tenant's GUID the Bot Connector payloads carry; empty until resolved
    QString teamsAppId;
    QString botId;
    QString messageName; // the message file's name (for the report)
    QByteArray messageSource; // the message file's bytes, exactly
    QJsonObject options; // recipients source, installMissing, toChannel (no secrets)
};

// One recipient as the admin gave it, journaled with the campaign before
// anything is sent (the `inputs` table): a row of --users FILE / --teams
// FILE, a --user / --team value, or a recipient of the GUI's table (already
// resolved: userId set). A resume reads these, never the file again.
struct JournalInput
{
    qint64 seq = 0; // position, from 1
    RecipientKind kind = RecipientKind::User;
    QString input; // what the admin gave (trimmed)
    InputKind inputKind = InputKind::Unknown;
    QString userId; // resolved Entra object id (team id) when known
    QString displayName;
    QString givenName;
    QString userPrincipalName;
    QString mail;
    RecipientExtra extra; // CSV columns (template data)

    static JournalInput from(const Recipient &recipient);
    Recipient toRecipient() const;
    // The `extra` column: the CSV columns as JSON, empty without any; and back.
    QByteArray extraJson() const;
    void setExtra(const QByteArray &json);
};

using JournalInputs = QList<JournalInput>;

struct CampaignInfo
{
    qint64 id = 0;
    CampaignSpec spec;
    CampaignState state = CampaignState::Running;
    bool intakeDone = false; // every recipient of the source is in the journal
    int run = 0; // 1 for the first send, +1 per resume
    qint64 createdAt = 0; // epoch seconds
    qint64 updatedAt = 0;
    int counts[journalStateCount] = {}; // rows per JournalState

    int count(JournalState s) const { return counts[int(s)]; }
    int total() const;
};

// One recipient row of a campaign.
struct JournalRow
{
    qint64 seq = 0; // position in the campaign, from 1
    QString key; // dedup key: lower-case object id, or "input:" + the input when not found
    QString recipient; // what the admin gave
    QString userId; // resolved Entra object id (team id for a team)
    RecipientKind kind = RecipientKind::User;
    QString displayName;
    QJsonObject data; // template data (RecipientData fields)
    QString chatId; // 1:1 chat id, or the channel id for a team
    QByteArray payloadHash; // SHA-256 hex of the bound activity journaled with the row
    JournalState state = JournalState::Pending;
    int attempts = 0; // times the row was claimed for sending
    bool retryable = false; // failed and certainly not delivered
    QString lastError;
    int httpStatus = 0;
    QString activityId;
    qint64 updatedAt = 0; // epoch ms
    JournalState claimedFrom = JournalState::Pending; // set by CampaignStore::claim()

    static QString keyFor(const Recipient &recipient);
};

using JournalRows = QList<JournalRow>;

// A state change to record (buffered by the store, committed in batches).
struct JournalOutcome
{
    qint64 seq = 0;
    JournalState state = JournalState::Failed;
    bool retryable = false;
    QString detail;
    int httpStatus = 0;
    QString chatId; // learned (create-conversation); empty = keep
    QString activityId;
};

} // namespace herald::campaign

Q_DECLARE_METATYPE(herald::campaign::JournalRow)
