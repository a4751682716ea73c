#pragma once

// RecipientResolver: turns what the admin gave (--user, --users FILE,
// --group, --all-users, --team, --teams FILE) into resolved recipients,
// streamed in chunks and deduplicated by Entra object id.
//
// Pull-based, so 100,000 users never sit in memory at once: the consumer
// calls fetchMore(n) whenever its buffer runs low; the resolver answers with
// one or more resolved() chunks (together at most about n recipients, more
// only by what one Graph page holds) and then waits for the next
// fetchMore(). finished() follows the last chunk.
//
// Sources are read one after the other: list rows (--users) first, so their
// template data is what survives when the same person is also named another
// way, then --user values, groups, all users, team lists, --team values.
// Within a source the input order is kept.
//
// Unknown entries are never dropped: a user or team that does not exist
// comes through as a Recipient with installState NotFound and a detail
// saying what was not found. Problems that are not recipients (a CSV line
// that cannot be read, a group id that is not a group) are reported with
// problem(); the rest still runs. A fatal error (authentication, network
// down after retries) finishes the job with that error.

#include "directory/Recipient.h"
#include "graph/Job.h"

#include <QString>
#include <QStringList>

namespace herald::graph {
class GraphClient;
}

namespace herald::directory {

// The recipient options of a command, as given.
struct RecipientSource
{
    QStringList users; // --user, repeatable: UPN, mail or object id
    QString usersFile; // --users FILE
    QStringList groups; // --group, repeatable: group object id (nested members)
    bool allUsers = false;
    QStringList teams; // --team, repeatable: team (group) id
    QString teamsFile; // --teams FILE

    bool isEmpty() const
    {
        return users.isEmpty() && usersFile.isEmpty() && groups.isEmpty() && !allUsers && teams.isEmpty()
            && teamsFile.isEmpty();
    }
};

class RecipientResolver : public graph::Job
{
    Q_OBJECT

signals:
    void resolved(const herald::RecipientList &chunk);
    void problem(const QString &message);
    // Emitted once: the number of entries of all sources before
    // deduplication (so an upper bound when they overlap), or -1 when a paged
    // source gave no $count. Lists are counted up front; a group or
    // --all-users adds its @odata.count when its first page arrives, so with
    // those the total may come after the first chunks.
    void totalKnown(qint64 total);

public:
    RecipientResolver(graph::GraphClient *client, const RecipientSource &source, QObject *parent = nullptr);
    ~RecipientResolver() override;

    // Ask for about `count` more recipients. Safe to call before start()
    // (the request is remembered) and after the end (ignored).
    void fetchMore(int count);

    qint64 delivered() const;
    // Entries the admin gave that could not be used at all (a CSV row that
    // cannot be read, a --group that is not a group): reported with
    // problem(), and counted so a command does not call the run a success.
    qint64 rejected() const;
    // Resolved recipients waiting for fetchMore(): at most about the
    // outstanding request or one page.
    qsizetype buffered() const;

    // $top of the paged sources (groups, --all-users): 1..999, default 999.
    // Set before start().
    void setPageSize(int size);

private:
    void doStart() override;
    void doAbort() override;

    class Private;
    Private *d;
};

} // namespace herald::directory
