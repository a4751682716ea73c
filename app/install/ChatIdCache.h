#pragma once

// ChatIdCache: the 1:1 chat id of each user with the bot, per tenant and
// app, so known chats are never looked up again. SQLite (Qt SQL) in the data
// directory, WAL journal; the announcement journal later shares the file.
//
//   chat_ids(tenant, app, user_id) -> chat_id, updated_at
//
// Reads are indexed lookups for a chunk of users at once; writes are
// buffered and committed in one transaction per kWriteBatch rows (and on
// flush() / destruction), so a run of 10,000 users costs a few commits.

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

namespace herald::install {

class ChatIdCache
{
    Q_DECLARE_TR_FUNCTIONS(herald::install::ChatIdCache)

public:
    static constexpr int kWriteBatch = 200;

    ChatIdCache(const QString &dataDir, const QString &tenant, const QString &teamsAppId);
    ~ChatIdCache();
    ChatIdCache(const ChatIdCache &) = delete;
    ChatIdCache &operator=(const ChatIdCache &) = delete;

    // The database file inside `dataDir`.
    static QString databasePath(const QString &dataDir);

    // Creates the directory, the file and the table. False with *error.
    bool open(QString *error = nullptr);
    bool isOpen() const { return m_open; }

    // Known chat ids of these users (object ids; case-insensitive).
    QHash<QString, QString> lookup(const QStringList &userIds);
    QString chatId(const QString &userId);
    void store(const QString &userId, const QString &chatId);
    void forget(const QString &userId);
    // Commits buffered writes.
    bool flush();
    int count();

private:
    static QString key(const QString &userId) { return userId.toLower(); }

    QString m_path;
    QString m_connection;
    QString m_tenant;
    QString m_app;
    QList<QPair<QString, QString>> m_pending; // (user, chat id); empty chat id = forget
    bool m_open = false;
};

} // namespace herald::install
