#include "campaign/CampaignStore.h"

#include "campaign/CampaignLogging.h"
#include "campaign/CampaignSql.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace herald::campaign {

using namespace sql;

namespace {

// Schema 1, then the steps to 2 and 3 (an older journal is migrated when
// opened read-write; read-only it is read as it is).
const char *const kSchema[] = {
    "CREATE TABLE campaigns ("
    " id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, tenant TEXT NOT NULL, app TEXT NOT NULL,"
    " bot TEXT NOT NULL, message_name TEXT NOT NULL, message BLOB NOT NULL, options TEXT NOT NULL,"
    " state TEXT NOT NULL, intake_done INTEGER NOT NULL DEFAULT 0, run INTEGER NOT NULL DEFAULT 0,"
    " created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)",
    "CREATE TABLE recipients ("
    " campaign INTEGER NOT NULL REFERENCES campaigns(id), seq INTEGER NOT NULL, key TEXT NOT NULL,"
    " recipient TEXT NOT NULL, user_id TEXT NOT NULL, kind TEXT NOT NULL, display_name TEXT NOT NULL,"
    " data TEXT NOT NULL, chat_id TEXT NOT NULL, payload_hash TEXT NOT NULL, state TEXT NOT NULL,"
    " attempts INTEGER NOT NULL DEFAULT 0, retryable INTEGER NOT NULL DEFAULT 0,"
    " last_error TEXT NOT NULL DEFAULT '', http_status INTEGER NOT NULL DEFAULT 0,"
    " activity_id TEXT NOT NULL DEFAULT '', last_run INTEGER NOT NULL DEFAULT 0,"
    " updated_at INTEGER NOT NULL, PRIMARY KEY (campaign, seq)) WITHOUT ROWID",
    "CREATE UNIQUE INDEX recipients_key ON recipients (campaign, key)",
    "CREATE INDEX recipients_state ON recipients (campaign, state, seq)",
};

// 2: the tenant GUID the Bot Connector payloads carry, and the recipient
// list as given, journaled with the campaign (a resume never re-reads a file).
const char *const kSchema2[] = {
    "ALTER TABLE campaigns ADD COLUMN tenant_id TEXT NOT NULL DEFAULT ''",
    "CREATE TABLE inputs ("
    " campaign INTEGER NOT NULL REFERENCES campaigns(id), seq INTEGER NOT NULL, kind TEXT NOT NULL,"
    " input TEXT NOT NULL, input_kind TEXT NOT NULL, user_id TEXT NOT NULL, display_name TEXT NOT NULL,"
    " upn TEXT NOT NULL, mail TEXT NOT NULL, extra TEXT NOT NULL,"
    " PRIMARY KEY (campaign, seq)) WITHOUT ROWID",
};

// 3: the directory's first name with each journaled recipient (${givenName}
// in a resumed campaign's messages).
const char *const kSchema3[] = {
    "ALTER TABLE inputs ADD COLUMN given_name TEXT NOT NULL DEFAULT ''",
};

} // namespace

CampaignStore::CampaignStore(const QString &path)
    : m_path(path)
    , m_connection(QStringLiteral("herald.campaigns.%1").arg(quintptr(this), 0, 16))
{
}

CampaignStore::~CampaignStore()
{
    if (m_open && !m_readOnly)
        flush();
    m_statements.clear(); // before the connection goes
    {
        QSqlDatabase database = QSqlDatabase::database(m_connection, false);
        if (database.isValid())
            database.close();
    }
    if (QSqlDatabase::contains(m_connection))
        QSqlDatabase::removeDatabase(m_connection);
}

QString CampaignStore::databasePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("campaigns.sqlite"));
}

QSqlDatabase CampaignStore::db() const
{
    return QSqlDatabase::database(m_connection, false);
}

QSqlQuery &CampaignStore::statement(const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        auto query = std::make_shared<QSqlQuery>(db());
        query->prepare(sql);
        it = m_statements.insert(sql, query);
    }
    return **it;
}

bool CampaignStore::fail(const QString &what, const QSqlError &error)
{
    const QString text = error.text();
    m_diskFull = error.nativeErrorCode() == QLatin1String("13")
        || text.contains(QLatin1String("disk is full"), Qt::CaseInsensitive);
    if (m_diskFull) {
        m_error = tr("The campaign journal %1 cannot be written: the disk (or the journal's size limit) is "
                     "full. Free some space; the journal is consistent and nothing unrecorded was sent.")
                      .arg(m_path);
    } else if (error.nativeErrorCode() == QLatin1String("26")
               || text.contains(QLatin1String("not a database"), Qt::CaseInsensitive)
               || text.contains(QLatin1String("malformed"), Qt::CaseInsensitive)) {
        m_error
            = tr("The campaign journal %1 is damaged or not a SQLite database (%2). It was left untouched: "
                 "move it away (or restore a backup) and Herald will start a new one.")
                  .arg(m_path, text);
    } else if (error.nativeErrorCode() == QLatin1String("8")
               || text.contains(QLatin1String("readonly"), Qt::CaseInsensitive)) {
        m_error = tr("The campaign journal %1 is read-only; make it (and its folder) writable, or choose "
                     "another folder with --data-dir.")
                      .arg(m_path);
    } else {
        m_error = tr("Campaign journal %1: %2 failed: %3").arg(m_path, what, text);
    }
    qCWarning(lcCampaign) << "journal:" << what << "failed:" << text;
    return false;
}

bool CampaignStore::exec(const QString &sql)
{
    QSqlQuery q(db());
    if (!q.exec(sql))
        return fail(sql.section(QLatin1Char(' '), 0, 2), q.lastError());
    return true;
}

bool CampaignStore::open(Mode mode, QString *error)
{
    if (m_open)
        return true;
    m_readOnly = mode == Mode::ReadOnly;
    const auto failed = [this, error] {
        if (error)
            *error = m_error;
        return false;
    };
    const QFileInfo file(m_path);
    if (m_readOnly && !file.exists()) {
        m_open = true; // nothing journaled yet: an empty list, not an error
        m_path.clear();
        return true;
    }
    if (!m_readOnly) {
        if (!QDir().mkpath(file.absolutePath())) {
            m_error = tr("Cannot create the data folder %1; choose another one with --data-dir.")
                          .arg(file.absolutePath());
            return failed();
        }
        // SQLite would open a read-only file read-only and fail on the first
        // write; say so up front instead. WAL also needs the folder writable.
        // The owner's write bit counts even for root, who could write anyway:
        // a journal made read-only on purpose is never written.
        const bool readOnlyFile
            = file.exists() && (!file.isWritable() || !file.permissions().testFlag(QFileDevice::WriteOwner));
        if (readOnlyFile || !QFileInfo(file.absolutePath()).isWritable()) {
            m_error = tr("The campaign journal %1 is read-only; make it (and its folder) writable, or choose "
                         "another folder with --data-dir.")
                          .arg(m_path);
            return failed();
        }
    }
    QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    database.setDatabaseName(m_path);
    database.setConnectOptions(m_readOnly ? QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000")
                                          : QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!database.open()) {
        fail(QStringLiteral("open"), database.lastError());
        return failed();
    }
    // The first read tells a SQLite file from anything else, before any write.
    QSqlQuery q(database);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
        fail(tr("reading the schema version"), q.lastError());
        return failed();
    }
    const int version = q.value(0).toInt();
    m_schema = version == 0 ? kSchemaVersion : version;
    q.finish();
    if (version > kSchemaVersion) {
        m_error = tr("The campaign journal %1 was written by a newer Herald (schema %2); use that version.")
                      .arg(m_path)
                      .arg(version);
        return failed();
    }
    if (version == 0) {
        if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !q.next()) {
            fail(tr("reading the schema"), q.lastError());
            return failed();
        }
        if (q.value(0).toInt() > 0) {
            m_error = tr("%1 is a SQLite database but not a Herald campaign journal; it was left untouched. "
                         "Move it away or choose another folder with --data-dir.")
                          .arg(m_path);
            return failed();
        }
        q.finish();
        if (m_readOnly) {
            m_open = true;
            return true; // an empty file: no campaigns
        }
    }
    if (!m_readOnly) {
        // WAL: a report or the GUI can read while a send writes; FULL: every
        // commit is on disk before the request it announces leaves.
        if (!exec(QStringLiteral("PRAGMA journal_mode=WAL"))
            || !exec(QStringLiteral("PRAGMA synchronous=NORMAL"))
            || !exec(QStringLiteral("PRAGMA foreign_keys=ON")))
            return failed();
        if (version < kSchemaVersion && !prepareSchema(version))
            return failed();
        m_schema = kSchemaVersion;
    }
    m_open = true;
    return true;
}

bool CampaignStore::prepareSchema(int from)
{
    QSqlDatabase database = db();
    if (!database.transaction())
        return fail(QStringLiteral("begin"), database.lastError());
    QList<const char *> steps;
    if (from < 1)
        steps += QList<const char *>(std::begin(kSchema), std::end(kSchema));
    if (from < 2)
        steps += QList<const char *>(std::begin(kSchema2), std::end(kSchema2));
    if (from < 3)
        steps += QList<const char *>(std::begin(kSchema3), std::end(kSchema3));
    for (const char *statement : std::as_const(steps)) {
        if (!exec(QString::fromLatin1(statement))) {
            database.rollback();
            return false;
        }
    }
    if (!exec(QStringLiteral("PRAGMA user_version=%1").arg(kSchemaVersion))) {
        database.rollback();
        return false;
    }
    if (!database.commit())
        return fail(QStringLiteral("commit"), database.lastError());
    return true;
}

bool CampaignStore::setMaxPageCount(int pages)
{
    return exec(QStringLiteral("PRAGMA max_page_count=%1").arg(pages));
}

// --- campaigns -----------------------------------------------------------------

static CampaignInfo infoFrom(const QSqlQuery &q)
{
    CampaignInfo info;
    info.id = q.value(0).toLongLong();
    info.spec.name = q.value(1).toString();
    info.spec.tenant = q.value(2).toString();
    info.spec.teamsAppId = q.value(3).toString();
    info.spec.botId = q.value(4).toString();
    info.spec.messageName = q.value(5).toString();
    info.spec.messageSource = q.value(6).toByteArray();
    info.spec.options = QJsonDocument::fromJson(q.value(7).toByteArray()).object();
    info.state = campaignStateFromName(q.value(8).toString()).value_or(CampaignState::Stopped);
    info.intakeDone = q.value(9).toBool();
    info.run = q.value(10).toInt();
    info.createdAt = q.value(11).toLongLong();
    info.updatedAt = q.value(12).toLongLong();
    info.spec.tenantId = q.value(13).toString();
    return info;
}

QString CampaignStore::campaignColumns() const
{
    // A schema-1 journal read read-only has no tenant_id yet.
    return QStringLiteral("id, name, tenant, app, bot, message_name, message, options, state, intake_done, "
                          "run, created_at, updated_at, %1")
        .arg(m_schema >= 2 ? QStringLiteral("tenant_id") : QStringLiteral("''"));
}

QList<CampaignInfo> CampaignStore::list(bool *ok)
{
    QList<CampaignInfo> campaigns;
    if (ok)
        *ok = true;
    if (!m_open || m_path.isEmpty())
        return campaigns;
    QSqlQuery q(db());
    if (!q.exec(QStringLiteral("SELECT %1 FROM campaigns ORDER BY created_at DESC, id DESC")
                    .arg(campaignColumns()))) {
        // A journal without tables (an empty file) simply has no campaigns.
        if (q.lastError().text().contains(QLatin1String("no such table")))
            return campaigns;
        fail(tr("listing campaigns"), q.lastError());
        if (ok)
            *ok = false;
        return campaigns;
    }
    while (q.next())
        campaigns.append(infoFrom(q));
    QSqlQuery counts(db());
    if (!counts.exec(
            QStringLiteral("SELECT campaign, state, count(*) FROM recipients GROUP BY campaign, state"))) {
        fail(tr("counting recipients"), counts.lastError());
        if (ok)
            *ok = false;
        return campaigns;
    }
    while (counts.next()) {
        const qint64 id = counts.value(0).toLongLong();
        const auto state = journalStateFromName(counts.value(1).toString());
        for (CampaignInfo &info : campaigns) {
            if (info.id == id && state)
                info.counts[int(*state)] = counts.value(2).toInt();
        }
    }
    return campaigns;
}

std::optional<CampaignInfo> CampaignStore::find(const QString &name)
{
    if (!m_open || m_path.isEmpty())
        return std::nullopt;
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT id FROM campaigns WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec()) {
        if (!q.lastError().text().contains(QLatin1String("no such table")))
            fail(tr("finding the campaign"), q.lastError());
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return campaign(q.value(0).toLongLong());
}

std::optional<CampaignInfo> CampaignStore::campaign(qint64 id)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT %1 FROM campaigns WHERE id = ?").arg(campaignColumns()));
    q.addBindValue(id);
    if (!q.exec() || !q.next()) {
        if (q.lastError().isValid())
            fail(tr("reading the campaign"), q.lastError());
        return std::nullopt;
    }
    CampaignInfo info = infoFrom(q);
    QSqlQuery counts(db());
    counts.prepare(
        QStringLiteral("SELECT state, count(*) FROM recipients WHERE campaign = ? GROUP BY state"));
    counts.addBindValue(id);
    if (!counts.exec()) {
        fail(tr("counting recipients"), counts.lastError());
        return std::nullopt;
    }
    while (counts.next()) {
        if (const auto state = journalStateFromName(counts.value(0).toString()))
            info.counts[int(*state)] = counts.value(1).toInt();
    }
    return info;
}

bool CampaignStore::cancelRequested()
{
    if (!m_cancel || !m_cancel->load())
        return false;
    m_cancelled = true;
    m_diskFull = false;
    m_error = tr("Creating the campaign was cancelled; nothing of it was written.");
    return true;
}

qint64 CampaignStore::create(const CampaignSpec &spec, const JournalInputs &inputs)
{
    m_cancelled = false;
    if (cancelRequested())
        return 0;
    if (find(spec.name)) {
        m_error = tr("A campaign named '%1' already exists; continue it with send --resume %1, or choose "
                     "another --campaign name.")
                      .arg(spec.name);
        return 0;
    }
    // The campaign and its recipient list in one transaction: a campaign
    // exists only with every recipient it was started for.
    QSqlDatabase database = db();
    if (!database.transaction()) {
        fail(QStringLiteral("begin"), database.lastError());
        return 0;
    }
    QSqlQuery q(database);
    q.prepare(QStringLiteral(
        "INSERT INTO campaigns (name, tenant, tenant_id, app, bot, message_name, message, options, state, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    q.addBindValue(text(spec.name));
    q.addBindValue(text(spec.tenant));
    q.addBindValue(text(spec.tenantId));
    q.addBindValue(text(spec.teamsAppId));
    q.addBindValue(text(spec.botId));
    q.addBindValue(text(spec.messageName));
    q.addBindValue(spec.messageSource.isNull() ? QByteArray("") : spec.messageSource);
    q.addBindValue(QString::fromUtf8(QJsonDocument(spec.options).toJson(QJsonDocument::Compact)));
    q.addBindValue(toName(CampaignState::Stopped));
    q.addBindValue(now);
    q.addBindValue(now);
    if (!q.exec()) {
        fail(tr("creating the campaign"), q.lastError());
        database.rollback();
        return 0;
    }
    const qint64 id = q.lastInsertId().toLongLong();
    if (!insertInputs(id, inputs) || cancelRequested()) {
        database.rollback();
        return 0;
    }
    if (!database.commit()) {
        fail(QStringLiteral("commit"), database.lastError());
        database.rollback();
        return 0;
    }
    return id;
}

bool CampaignStore::setTenantId(qint64 campaign, const QString &tenantId)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("UPDATE campaigns SET tenant_id = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(text(tenantId));
    q.addBindValue(QDateTime::currentSecsSinceEpoch());
    q.addBindValue(campaign);
    return q.exec() || fail(tr("recording the tenant id"), q.lastError());
}

int CampaignStore::beginRun(qint64 campaign, int *turnedUnconfirmed)
{
    if (!flush())
        return 0;
    QSqlDatabase database = db();
    if (!database.transaction()) {
        fail(QStringLiteral("begin"), database.lastError());
        return 0;
    }
    QSqlQuery q(database);
    q.prepare(QStringLiteral("UPDATE recipients SET state = 'unconfirmed', retryable = 0, last_error = ?, "
                             "updated_at = ? WHERE campaign = ? AND state = 'sending'"));
    q.addBindValue(
        tr("The run that sent it stopped before an answer was recorded; it may have been delivered."));
    q.addBindValue(nowMs());
    q.addBindValue(campaign);
    if (!q.exec()) {
        fail(tr("marking interrupted sends unconfirmed"), q.lastError());
        database.rollback();
        return 0;
    }
    const int unconfirmed = q.numRowsAffected();
    QSqlQuery run(database);
    run.prepare(
        QStringLiteral("UPDATE campaigns SET run = run + 1, state = 'running', updated_at = ? WHERE id = ?"));
    run.addBindValue(QDateTime::currentSecsSinceEpoch());
    run.addBindValue(campaign);
    QSqlQuery read(database);
    read.prepare(QStringLiteral("SELECT run FROM campaigns WHERE id = ?"));
    read.addBindValue(campaign);
    if (!run.exec() || !read.exec() || !read.next()) {
        fail(tr("starting a run"), run.lastError().isValid() ? run.lastError() : read.lastError());
        database.rollback();
        return 0;
    }
    const int number = read.value(0).toInt();
    read.finish();
    if (!database.commit()) {
        fail(QStringLiteral("commit"), database.lastError());
        return 0;
    }
    m_stateChanges += unconfirmed;
    if (turnedUnconfirmed)
        *turnedUnconfirmed = unconfirmed;
    return number;
}

bool CampaignStore::setState(qint64 campaign, CampaignState state)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("UPDATE campaigns SET state = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(toName(state));
    q.addBindValue(QDateTime::currentSecsSinceEpoch());
    q.addBindValue(campaign);
    return q.exec() || fail(tr("updating the campaign"), q.lastError());
}

bool CampaignStore::setIntakeDone(qint64 campaign)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("UPDATE campaigns SET intake_done = 1, updated_at = ? WHERE id = ?"));
    q.addBindValue(QDateTime::currentSecsSinceEpoch());
    q.addBindValue(campaign);
    return q.exec() || fail(tr("updating the campaign"), q.lastError());
}

bool CampaignStore::remove(qint64 campaign)
{
    QSqlDatabase database = db();
    if (!database.transaction())
        return fail(QStringLiteral("begin"), database.lastError());
    for (const char *sql : {"DELETE FROM recipients WHERE campaign = ?",
                            "DELETE FROM inputs WHERE campaign = ?", "DELETE FROM campaigns WHERE id = ?"}) {
        QSqlQuery q(database);
        q.prepare(QString::fromLatin1(sql));
        q.addBindValue(campaign);
        if (!q.exec()) {
            database.rollback();
            return fail(tr("removing the campaign"), q.lastError());
        }
    }
    if (!database.commit())
        return fail(QStringLiteral("commit"), database.lastError());
    return true;
}

} // namespace herald::campaign
