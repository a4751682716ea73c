#pragma once

// RecipientIntake: where a campaign's recipient rows come from, while the
// runner is already sending (the announcement's steps run as a pipeline,
// ARCHITECTURE "Data flow of an announcement").
//
// DirectoryIntake is the CLI's and the GUI's: recipients from a
// RecipientFeed (the directory resolver, or a ready list), then per user
//   - a known chat id (ChatIdCache)       -> pending, sent into that chat;
//   - otherwise, with installMissing       -> install first (InstallRunner:
//     POST installedApps, 409 = already there), then pending;
//   - otherwise                            -> pending, sent with
//     create-conversation-with-message (403 not in roster = not_installed);
// per team (toChannel) the team's primary channel (GET teams/{id}/primaryChannel),
// after installing for the team when asked. Not found -> not_found; install
// blocked by policy -> not_installed; install failed -> failed (retryable).
// Rows come out with template data and key; the runner binds and journals them.

#include "campaign/CampaignTypes.h"
#include "graph/Endpoints.h"
#include "graph/GraphError.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <functional>
#include <memory>

namespace herald::graph {
class GraphClient;
}
namespace herald::install {
class ChatIdCache;
class InstallRunner;
class RecipientFeed;
struct RecipientResult;
} // namespace herald::install

namespace herald::campaign {

class QueueRecipientFeed;

class RecipientIntake : public QObject
{
    Q_OBJECT

signals:
    void rowsReady(const herald::campaign::JournalRows &rows);
    void problem(const QString &message);
    void totalKnown(qint64 total);
    // Once, after the last rows; an error means the input was cut short.
    void finished(const herald::graph::GraphError &error);

public:
    using QObject::QObject;

    virtual void start() = 0;
    // The runner's backlog is low: produce more rows (now or later).
    virtual void fetchMore() = 0;
    virtual void abort() = 0;
    virtual bool isFinished() const = 0;
};

class DirectoryIntake : public RecipientIntake
{
    Q_OBJECT

public:
    struct Options
    {
        QString teamsAppId;
        bool installMissing = false;
        bool toChannel = false;
        graph::Cloud cloud = graph::Cloud::Global;
        int chunk = 200; // recipients asked of the feed at a time
    };
    // Which keys the journal already has (resume): those are skipped.
    using KnownKeys = std::function<QSet<QString>(const QStringList &keys)>;

    // Takes ownership of `feed` and `cache` (either may be null: no cache).
    DirectoryIntake(graph::GraphClient *client, install::RecipientFeed *feed,
                    std::unique_ptr<install::ChatIdCache> cache, const Options &options,
                    QObject *parent = nullptr);
    ~DirectoryIntake() override;

    void setKnownKeys(KnownKeys known) { m_known = std::move(known); }

    void start() override;
    void fetchMore() override;
    void abort() override;
    bool isFinished() const override { return m_finished; }

    install::ChatIdCache *cache() const { return m_cache.get(); }
    int cacheHits() const { return m_cacheHits; }

private:
    void pull();
    void onChunk(const RecipientList &recipients);
    void onFeedFinished(const graph::GraphError &error);
    void onInstalled(const install::RecipientResult &result);
    void lookUpChannel(const Recipient &team);
    void emitRows(JournalRows rows);
    void maybeFinish();
    static JournalRow rowFor(const Recipient &recipient, JournalState state, const QString &detail = {});

    QPointer<graph::GraphClient> m_client;
    install::RecipientFeed *m_feed = nullptr;
    std::unique_ptr<install::ChatIdCache> m_cache;
    Options m_options;
    KnownKeys m_known;
    QueueRecipientFeed *m_installQueue = nullptr;
    QPointer<install::InstallRunner> m_installer;
    QSet<QString> m_seen;
    int m_channelLookups = 0;
    int m_cacheHits = 0;
    bool m_pulling = false;
    bool m_feedDone = false;
    bool m_installerDone = true;
    bool m_finished = false;
    graph::GraphError m_feedError;
};

} // namespace herald::campaign
