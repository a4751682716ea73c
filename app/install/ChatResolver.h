#pragma once

// ChatResolver: the 1:1 chat id between each user and the bot (seeds/,
// "Retrieve the conversation chatId"), two documented ways:
//
//   Via::InstalledApps (default; TeamsAppInstallation.ReadWriteSelfForUser.All)
//       status query for the installation id, then
//       GET users/{id}/teamwork/installedApps/{iid}/chat
//   Via::Chats (needs Chat.Read.All)
//       GET users/{id}/chats?$filter=installedApps/any(a:a/teamsApp/id eq '{appId}')
//
// Results: resolved (chatId), not_installed, not_found, failed. With a
// ChatIdCache, known chats are answered from it without a request and new
// ones are stored.

#include "install/ChatIdCache.h"
#include "install/RecipientPipeline.h"

#include <QHash>
#include <memory>

namespace herald::install {

class ChatResolver : public RecipientPipeline
{
    Q_OBJECT

public:
    enum class Via { InstalledApps, Chats };

    // Takes ownership of `feed`.
    ChatResolver(graph::GraphClient *client, RecipientFeed *feed, const QString &teamsAppId,
                 Via via = Via::InstalledApps, QObject *parent = nullptr);
    ~ChatResolver() override;

    // Takes the cache (opened) over; new chat ids are written to it, and
    // with `useStored` known ones are answered from it without a request.
    void setCache(std::unique_ptr<ChatIdCache> cache, bool useStored = true);
    ChatIdCache *cache() const { return m_cache.get(); }
    int cacheHits() const { return m_cacheHits; }

    static std::optional<Via> viaFromName(const QString &name); // "installedApps", "chats"

protected:
    void begin(Entry &entry) override;
    void advance(Entry &entry, const graph::BatchResult &result) override;
    QString permissionFor(const Entry &entry) const override;

private:
    enum Step { StatusStep = 0, ChatStep = 1, ChatsStep = 2 };

    void resolved(Entry &entry, const QString &chatId, int httpStatus);

    Via m_via;
    std::unique_ptr<ChatIdCache> m_cache;
    int m_cacheHits = 0;
    bool m_useStored = true;
};

} // namespace herald::install
