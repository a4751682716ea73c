#include "directory/RecipientResolver.h"

#include "directory/CollectionFeed.h"
#include "directory/DirectoryLog.h"
#include "directory/DirectoryQueries.h"
#include "directory/IdentifierShape.h"
#include "directory/LookupFeed.h"
#include "directory/RecipientListReader.h"
#include "graph/GraphClient.h"

#include <QPointer>
#include <QSet>
#include <algorithm>
#include <deque>
#include <limits>

namespace herald::directory {

namespace {

constexpr int MaxPageSize = 999; // Graph's largest $top for directory objects

Recipient fromArgument(const QString &value, RecipientKind kind)
{
    Recipient recipient;
    recipient.kind = kind;
    recipient.input = value.trimmed();
    if (isObjectId(recipient.input)) {
        recipient.inputKind = InputKind::ObjectId;
    } else if (kind == RecipientKind::User && recipient.input.contains(QLatin1Char('@'))) {
        // UPN or mail: the lookup tries the UPN first, then the mail.
        recipient.inputKind = InputKind::UserPrincipalName;
        recipient.userPrincipalName = recipient.input;
    }
    return recipient;
}

// Resolved entries merge by object id; unresolved ones by what was typed, so
// the same unknown name given twice is reported once.
QString dedupeKey(const Recipient &recipient)
{
    if (!recipient.id.isEmpty())
        return recipient.id.toLower();
    return (recipient.kind == RecipientKind::Team ? QStringLiteral("?team:") : QStringLiteral("?user:"))
        + recipient.input.toLower();
}

} // namespace

class RecipientResolver::Private
{
public:
    Private(RecipientResolver *owner, graph::GraphClient *graphClient, const RecipientSource &recipients)
        : q(owner)
        , client(graphClient)
        , source(recipients)
    {
    }

    void begin();
    void readList(const QString &path, RecipientKind kind, RecipientList *into);
    void addLookups(RecipientList entries);
    void addCollection(const QString &url, const QString &groupId);
    void watch(ResolveFeed *feed);
    void onDelivered(const RecipientList &recipients);
    void onCount(qint64 count);
    void schedulePump();
    void pump();
    void fail(const graph::GraphError &error);
    void dropFeeds();

    RecipientResolver *q;
    QPointer<graph::GraphClient> client;
    RecipientSource source;
    int pageSize = MaxPageSize;

    std::deque<ResolveFeed *> feeds; // the front one is read; each its own Job
    std::deque<Recipient> ready; // deduplicated, waiting for fetchMore()
    QSet<QString> seen;
    QStringList problems; // waiting to be emitted by pump()
    qint64 rejected = 0; // given entries that could not be used (see rejected())

    qint64 demand = 0; // asked for and not yet delivered
    qint64 delivered = 0;
    qint64 duplicates = 0;
    qint64 total = 0; // lists, then paged sources' counts as they come
    int countsPending = 0; // paged sources whose first page is not in yet
    bool totalUnknown = false;
    bool totalPending = true; // totalKnown() not emitted yet
    bool begun = false;
    bool pumpScheduled = false;
};

void RecipientResolver::Private::begin()
{
    if (q->isFinished())
        return;
    if (!client) {
        fail(graph::GraphError::make(graph::GraphError::Kind::Cancelled, tr("The Graph client is gone.")));
        return;
    }
    begun = true;

    RecipientList users;
    if (!source.usersFile.isEmpty())
        readList(source.usersFile, RecipientKind::User, &users);
    for (const QString &value : std::as_const(source.users)) {
        if (!value.trimmed().isEmpty())
            users.append(fromArgument(value, RecipientKind::User));
    }
    addLookups(std::move(users));

    for (const QString &value : std::as_const(source.groups)) {
        const QString id = value.trimmed();
        if (!isObjectId(id)) {
            problems.append(tr("group '%1' not found: not a group id (a GUID)").arg(id));
            ++rejected;
            continue;
        }
        addCollection(query::groupUsers(id, pageSize), id);
    }
    if (source.allUsers)
        addCollection(query::allUsers(pageSize), QString());

    RecipientList teams;
    if (!source.teamsFile.isEmpty())
        readList(source.teamsFile, RecipientKind::Team, &teams);
    for (const QString &value : std::as_const(source.teams)) {
        if (!value.trimmed().isEmpty())
            teams.append(fromArgument(value, RecipientKind::Team));
    }
    addLookups(std::move(teams));

    qCDebug(lcDirectory) << "resolving" << total << "listed entries and" << countsPending << "paged sources";
    schedulePump();
}

void RecipientResolver::Private::readList(const QString &path, RecipientKind kind, RecipientList *into)
{
    RecipientListReader reader;
    reader.setKind(kind);
    RecipientListResult result = reader.readFile(path);
    for (const LineProblem &problem : std::as_const(result.problems)) {
        problems.append(QStringLiteral("%1: %2").arg(path, problem.toString()));
        rejected += problem.isError() ? 1 : 0;
    }
    into->append(std::move(result.recipients));
}

void RecipientResolver::Private::addLookups(RecipientList entries)
{
    if (entries.isEmpty())
        return;
    total += entries.size();
    watch(new LookupFeed(client, std::move(entries), q));
}

void RecipientResolver::Private::addCollection(const QString &url, const QString &groupId)
{
    auto *feed = new CollectionFeed(client, url, query::countHeaders(), q);
    ++countsPending;
    QObject::connect(feed, &CollectionFeed::countKnown, q, [this](qint64 count) { onCount(count); });
    if (!groupId.isEmpty()) {
        // A wrong --group costs the admin that group, not the whole run.
        feed->setMissingAllowed(true);
        QObject::connect(feed, &CollectionFeed::missing, q, [this, groupId](const QString &message) {
            problems.append(tr("group '%1' not found: %2").arg(groupId, message));
            ++rejected;
            schedulePump();
        });
    }
    watch(feed);
}

void RecipientResolver::Private::watch(ResolveFeed *feed)
{
    // The resolver decides when a feed goes away (it may still be queued).
    feed->setAutoDelete(false);
    QObject::connect(feed, &ResolveFeed::delivered, q,
                     [this](const RecipientList &recipients) { onDelivered(recipients); });
    QObject::connect(feed, &graph::Job::finished, q, [this, feed] {
        if (!feed->succeeded()) {
            fail(feed->error());
            return;
        }
        schedulePump();
    });
    feeds.push_back(feed);
}

void RecipientResolver::Private::onDelivered(const RecipientList &recipients)
{
    for (const Recipient &recipient : recipients) {
        const QString key = dedupeKey(recipient);
        if (seen.contains(key)) {
            ++duplicates;
            continue;
        }
        seen.insert(key);
        ready.push_back(recipient);
    }
    schedulePump();
}

void RecipientResolver::Private::onCount(qint64 count)
{
    if (count < 0)
        totalUnknown = true;
    else
        total += count;
    --countsPending;
    schedulePump();
}

void RecipientResolver::Private::schedulePump()
{
    if (pumpScheduled || q->isFinished())
        return;
    pumpScheduled = true;
    // Feeds report from inside network callbacks; the consumer hears from the
    // event loop, so it may call fetchMore() or abort() from any handler.
    QMetaObject::invokeMethod(
        q, [this] { pump(); }, Qt::QueuedConnection);
}

void RecipientResolver::Private::pump()
{
    pumpScheduled = false;
    if (q->isFinished() || !begun)
        return;

    while (!problems.isEmpty()) {
        emit q->problem(problems.takeFirst());
        if (q->isFinished())
            return;
    }
    if (totalPending && countsPending == 0) {
        totalPending = false;
        emit q->totalKnown(totalUnknown ? -1 : total);
        if (q->isFinished())
            return;
    }

    if (demand > 0 && !ready.empty()) {
        const auto count = std::min<qint64>(demand, qint64(ready.size()));
        RecipientList chunk;
        chunk.reserve(count);
        for (qint64 i = 0; i < count; ++i) {
            chunk.append(std::move(ready.front()));
            ready.pop_front();
        }
        demand -= count;
        delivered += count;
        emit q->resolved(chunk);
        if (q->isFinished())
            return;
    }

    while (!feeds.empty() && feeds.front()->isFinished()) {
        feeds.front()->deleteLater();
        feeds.pop_front();
    }
    if (!feeds.empty()) {
        ResolveFeed *feed = feeds.front();
        // What the consumer can take beyond what already waits here.
        const qint64 wanted = std::max<qint64>(0, demand - qint64(ready.size()));
        feed->setWanted(int(std::min<qint64>(wanted, std::numeric_limits<int>::max())));
        if (!feed->isStarted())
            feed->start(); // may finish at once (an empty list): that schedules the next pump
        return;
    }
    if (!ready.empty())
        return; // the rest goes out on the next fetchMore()

    if (duplicates > 0) {
        emit q->problem(duplicates == 1 ? tr("1 duplicate recipient merged")
                                        : tr("%1 duplicate recipients merged").arg(duplicates));
        if (q->isFinished())
            return;
    }
    qCDebug(lcDirectory) << "resolved" << delivered << "recipients," << duplicates << "duplicates merged";
    q->finishOk();
}

void RecipientResolver::Private::fail(const graph::GraphError &error)
{
    dropFeeds();
    ready.clear();
    q->finishWithError(error);
}

void RecipientResolver::Private::dropFeeds()
{
    for (ResolveFeed *feed : feeds) {
        QObject::disconnect(feed, nullptr, q, nullptr);
        feed->abort(); // no-op unless running
        feed->deleteLater();
    }
    feeds.clear();
}

RecipientResolver::RecipientResolver(graph::GraphClient *client, const RecipientSource &source,
                                     QObject *parent)
    : graph::Job(parent)
    , d(new Private(this, client, source))
{
}

RecipientResolver::~RecipientResolver()
{
    if (!isFinished())
        d->dropFeeds();
    delete d;
}

void RecipientResolver::fetchMore(int count)
{
    if (isFinished() || count <= 0)
        return;
    d->demand += count;
    if (isStarted())
        d->schedulePump();
}

qint64 RecipientResolver::delivered() const
{
    return d->delivered;
}

qint64 RecipientResolver::rejected() const
{
    return d->rejected;
}

qsizetype RecipientResolver::buffered() const
{
    return qsizetype(d->ready.size());
}

void RecipientResolver::setPageSize(int size)
{
    d->pageSize = std::clamp(size, 1, MaxPageSize);
}

void RecipientResolver::doStart()
{
    // Reading a list and building the feeds happens from the event loop, so
    // every signal reaches handlers connected after start() too.
    QMetaObject::invokeMethod(
        this, [this] { d->begin(); }, Qt::QueuedConnection);
}

void RecipientResolver::doAbort()
{
    d->dropFeeds();
    d->ready.clear();
    d->problems.clear();
}

} // namespace herald::directory
