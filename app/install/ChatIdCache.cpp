#include "install/ChatIdCache.h"

#include "install/Logging.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace herald::install {

namespace {
// Host parameters per statement: SQLite's default limit is 999 (older) or 32766.
constexpr int kLookupChunk = 400;
} // namespace

ChatIdCache::ChatIdCache(const QString &dataDir, const QString &tenant, const QString &teamsAppId)
    : m_path(databasePath(dataDir))
    , m_connection(QStringLiteral("herald.chatids.%1").arg(quintptr(this), 0, 16))
    , m_tenant(tenant.toLower())
    , m_app(teamsAppId.toLower())
{
}

ChatIdCache::~ChatIdCache()
{
    if (m_open) {
        flush();
        {
            QSqlDatabase db = QSqlDatabase::database(m_connection, false);
            db.close();
        }
    }
    if (QSqlDatabase::contains(m_connection))
        QSqlDatabase::removeDatabase(m_connection);
}

QString ChatIdCache::databasePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("herald.sqlite"));
}

bool ChatIdCache::open(QString *error)
{
    if (m_open)
        return true;
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        qCWarning(lcInstall) << "chat id cache:" << message;
        return false;
    };
    const QString dir = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(dir))
        return fail(tr("cannot create the data directory %1").arg(dir));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open())
        return fail(tr("cannot open %1: %2").arg(m_path, db.lastError().text()));
    QSqlQuery q(db);
    // WAL: readers (a GUI, a report) never block the writer, and a commit is
    // an append rather than a rewrite.
    for (const char *statement : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL",
                                  "CREATE TABLE IF NOT EXISTS chat_ids ("
                                  " tenant TEXT NOT NULL, app TEXT NOT NULL, user_id TEXT NOT NULL,"
                                  " chat_id TEXT NOT NULL, updated_at INTEGER NOT NULL,"
                                  " PRIMARY KEY (tenant, app, user_id)) WITHOUT ROWID"}) {
        if (!q.exec(QString::fromLatin1(statement)))
            return fail(tr("cannot prepare %1: %2").arg(m_path, q.lastError().text()));
    }
    m_open = true;
    return true;
}

QHash<QString, QString> ChatIdCache::lookup(const QStringList &userIds)
{
    QHash<QString, QString> found;
    if (!m_open || userIds.isEmpty())
        return found;
    // Buffered writes are answers too.
    for (const auto &[user, chat] : std::as_const(m_pending)) {
        if (userIds.contains(user, Qt::CaseInsensitive))
            found.insert(user, chat);
    }
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    for (qsizetype from = 0; from < userIds.size(); from += kLookupChunk) {
        const QStringList part = userIds.mid(from, kLookupChunk);
        QStringList marks;
        marks.fill(QStringLiteral("?"), part.size());
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT user_id, chat_id FROM chat_ids WHERE tenant = ? AND app = ? "
                                 "AND user_id IN (%1)")
                      .arg(marks.join(QLatin1Char(','))));
        q.addBindValue(m_tenant);
        q.addBindValue(m_app);
        for (const QString &user : part)
            q.addBindValue(key(user));
        if (!q.exec()) {
            qCWarning(lcInstall) << "chat id cache lookup failed:" << q.lastError().text();
            continue;
        }
        while (q.next()) {
            const QString user = q.value(0).toString();
            if (!found.contains(user))
                found.insert(user, q.value(1).toString());
        }
    }
    // Forgotten (pending) entries override stored ones.
    for (auto it = found.begin(); it != found.end();) {
        if (it.value().isEmpty())
            it = found.erase(it);
        else
            ++it;
    }
    return found;
}

QString ChatIdCache::chatId(const QString &userId)
{
    return lookup({userId}).value(key(userId));
}

void ChatIdCache::store(const QString &userId, const QString &chatId)
{
    if (!m_open || chatId.isEmpty())
        return;
    m_pending.append({key(userId), chatId});
    if (m_pending.size() >= kWriteBatch)
        flush();
}

void ChatIdCache::forget(const QString &userId)
{
    if (!m_open)
        return;
    m_pending.append({key(userId), QString()});
    if (m_pending.size() >= kWriteBatch)
        flush();
}

bool ChatIdCache::flush()
{
    if (!m_open || m_pending.isEmpty())
        return true;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction()) {
        qCWarning(lcInstall) << "chat id cache: no transaction:" << db.lastError().text();
        return false;
    }
    QSqlQuery upsert(db);
    upsert.prepare(QStringLiteral("INSERT INTO chat_ids (tenant, app, user_id, chat_id, updated_at) "
                                  "VALUES (?, ?, ?, ?, ?) ON CONFLICT (tenant, app, user_id) DO UPDATE "
                                  "SET chat_id = excluded.chat_id, updated_at = excluded.updated_at"));
    QSqlQuery remove(db);
    remove.prepare(QStringLiteral("DELETE FROM chat_ids WHERE tenant = ? AND app = ? AND user_id = ?"));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    bool ok = true;
    for (const auto &[user, chat] : std::as_const(m_pending)) {
        QSqlQuery &q = chat.isEmpty() ? remove : upsert;
        q.addBindValue(m_tenant);
        q.addBindValue(m_app);
        q.addBindValue(user);
        if (!chat.isEmpty()) {
            q.addBindValue(chat);
            q.addBindValue(now);
        }
        if (!q.exec()) {
            qCWarning(lcInstall) << "chat id cache write failed:" << q.lastError().text();
            ok = false;
            break;
        }
    }
    if (!ok) {
        db.rollback();
        return false;
    }
    if (!db.commit()) {
        qCWarning(lcInstall) << "chat id cache commit failed:" << db.lastError().text();
        return false;
    }
    m_pending.clear();
    return true;
}

int ChatIdCache::count()
{
    if (!m_open)
        return 0;
    flush();
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM chat_ids WHERE tenant = ? AND app = ?"));
    q.addBindValue(m_tenant);
    q.addBindValue(m_app);
    if (!q.exec() || !q.next())
        return 0;
    return q.value(0).toInt();
}

} // namespace herald::install
