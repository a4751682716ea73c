#include "install/ChatResolver.h"

#include "install/InstallUrls.h"
#include "install/StatusSweep.h"

#include <QJsonArray>

namespace herald::install {

using graph::BatchItem;
using graph::BatchResult;

ChatResolver::ChatResolver(graph::GraphClient *client, RecipientFeed *feed, const QString &teamsAppId,
                           Via via, QObject *parent)
    : RecipientPipeline(client, feed, teamsAppId, parent)
    , m_via(via)
{
    // Buffered cache rows reach the disk as soon as the run ends, not only
    // when the object goes.
    connect(this, &graph::Job::finished, this, [this] {
        if (m_cache)
            m_cache->flush();
    });
}

ChatResolver::~ChatResolver() = default;

void ChatResolver::setCache(std::unique_ptr<ChatIdCache> cache, bool useStored)
{
    m_cache = std::move(cache);
    m_useStored = useStored;
}

std::optional<ChatResolver::Via> ChatResolver::viaFromName(const QString &name)
{
    if (name.compare(QLatin1String("installedApps"), Qt::CaseInsensitive) == 0)
        return Via::InstalledApps;
    if (name.compare(QLatin1String("chats"), Qt::CaseInsensitive) == 0)
        return Via::Chats;
    return std::nullopt;
}

void ChatResolver::begin(Entry &entry)
{
    const Recipient &r = entry.recipient;
    if (r.kind == RecipientKind::Team) {
        complete(
            entry, Outcome::Failed,
            tr("A team has no 1:1 chat with the bot; its conversation is a channel (send --to-channel)."));
        return;
    }
    if (m_cache && m_useStored) {
        const QString known = m_cache->chatId(r.id);
        if (!known.isEmpty()) {
            ++m_cacheHits;
            RecipientResult result;
            result.outcome = Outcome::Resolved;
            result.chatId = known;
            completeWith(entry, std::move(result));
            return;
        }
    }
    if (m_via == Via::Chats) {
        entry.step = ChatsStep;
        BatchItem item;
        item.url = urls::chatsWithApp(r.id, teamsAppId());
        send(entry, item);
        return;
    }
    entry.step = StatusStep;
    send(entry, StatusSweep::statusRequest(r, teamsAppId()));
}

void ChatResolver::advance(Entry &entry, const BatchResult &result)
{
    if (stopOnPermissionError(entry, result))
        return;
    if (!result.ok()) {
        const Outcome outcome
            = result.status == 404 && entry.step != ChatStep ? Outcome::NotFound : Outcome::Failed;
        complete(entry, outcome, detailOf(result), result.status);
        return;
    }
    switch (entry.step) {
    case StatusStep:
        if (!hasInstallation(result, &entry.installationId)) {
            complete(entry, Outcome::NotInstalled, {}, result.status);
            return;
        }
        entry.step = ChatStep;
        {
            BatchItem item;
            item.url = urls::installationChat(entry.recipient.id, entry.installationId);
            send(entry, item);
        }
        return;
    case ChatStep:
        resolved(entry, result.body.toObject().value(QLatin1String("id")).toString(), result.status);
        return;
    case ChatsStep: {
        const QJsonArray chats = result.body.toObject().value(QLatin1String("value")).toArray();
        if (chats.isEmpty()) {
            complete(entry, Outcome::NotInstalled, {}, result.status);
            return;
        }
        resolved(entry, chats.first().toObject().value(QLatin1String("id")).toString(), result.status);
        return;
    }
    }
}

void ChatResolver::resolved(Entry &entry, const QString &chatId, int httpStatus)
{
    if (chatId.isEmpty()) {
        complete(entry, Outcome::Failed, tr("The answer names no chat id."), httpStatus);
        return;
    }
    if (m_cache)
        m_cache->store(entry.recipient.id, chatId);
    RecipientResult result;
    result.outcome = Outcome::Resolved;
    result.chatId = chatId;
    result.httpStatus = httpStatus;
    completeWith(entry, std::move(result));
}

QString ChatResolver::permissionFor(const Entry &entry) const
{
    if (m_via == Via::Chats)
        return tr("Chat.Read.All (or resolve chats with the default --via installedApps, which needs only "
                  "TeamsAppInstallation.ReadWriteSelfForUser.All)");
    return StatusSweep::readPermission(entry.recipient.kind);
}

} // namespace herald::install
