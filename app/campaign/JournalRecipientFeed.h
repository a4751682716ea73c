#pragma once

// JournalRecipientFeed: a campaign's recipients read from its journal, for
// the DirectoryIntake -- on the first run and on every resume alike, so a
// resume works from exactly the recipient set the campaign started with.
//
//   inputs with an object id (the GUI's table)  -> as they are, no lookup
//   inputs without (CLI --users/--user/...)     -> looked up in the directory
//                                                  (RecipientResolver), the
//                                                  journaled CSV columns put back
//   --group / --all-users (named in options)    -> listed from the directory
//
// On a resume, inputs that already have a journal row are left out before
// any lookup (the intake's key check stays the guarantee against a second
// row). A group or "all users" is a directory query, not a list: it is not
// recorded up front (that would mean listing 100,000 users before the first
// message leaves), so a resume whose intake had not finished lists it again
// and takes who is not journaled yet -- planFor() says so in `notes`.

#include "campaign/CampaignTypes.h"
#include "directory/RecipientResolver.h"
#include "install/RecipientFeed.h"

#include <QHash>
#include <QPointer>

namespace herald::graph {
class GraphClient;
}

namespace herald::campaign {

class CampaignStore;
struct CampaignInfo;

// Options keys of a campaign's recipient source (CampaignSpec::options).
namespace source {
// A JSON object: users, usersFile, groups, allUsers, teams, teamsFile.
inline const QString kSource = QStringLiteral("source");
// Number of rows in the inputs table; present from schema 2 on. Without it
// (an older journal) the list sources are in `source` as given.
inline const QString kInputs = QStringLiteral("inputs");
} // namespace source

// The journaled source of the CLI's recipient options (files as absolute
// paths, for the report only) and back.
QJsonObject sourceToJson(const directory::RecipientSource &source);
directory::RecipientSource sourceFromJson(const QJsonObject &json);

// Reads --users FILE / --teams FILE and takes --user / --team values, in the
// resolver's order (file rows first, then values), into the inputs a new
// campaign journals. Lines that cannot be used go to `problems` ("path:
// line N: ...") and are not journaled.
JournalInputs readInputs(const directory::RecipientSource &source, QStringList *problems);
// The source that stays in the options once the lists are journaled:
// groups and all users, plus the file paths (for people, never read again).
directory::RecipientSource directoryPart(const directory::RecipientSource &source);

class JournalRecipientFeed : public install::RecipientFeed
{
    Q_OBJECT

public:
    struct Plan
    {
        RecipientList resolved; // inputs with an object id
        directory::RecipientSource lookups; // unresolved inputs as values, plus groups / all users
        QHash<QString, RecipientExtra> extras; // lower-case input -> its journaled CSV columns
        qint64 skipped = 0; // inputs left out because they are journaled already

        bool isEmpty() const { return resolved.isEmpty() && lookups.isEmpty(); }
    };

    // What the intake of `info` reads. `notes`: plain sentences for the admin
    // about recipients that were not recorded up front (an older journal, a
    // group listed again). False with store.lastError() when it cannot be read.
    static bool planFor(CampaignStore &store, const CampaignInfo &info, Plan *plan, QStringList *notes);

    JournalRecipientFeed(graph::GraphClient *client, Plan plan, QObject *parent = nullptr);
    ~JournalRecipientFeed() override;

    void start() override;
    void fetchMore(int count) override;
    void abort() override;
    qint64 rejected() const override;

private:
    void startLookups();
    void onLookups(const RecipientList &recipients);

    QPointer<graph::GraphClient> m_client;
    Plan m_plan;
    QPointer<install::RecipientFeed> m_current;
    bool m_lookupsStarted = false;
    bool m_done = false;
    int m_asked = 0; // an unanswered fetchMore(count)
    qint64 m_resolvedCount = 0;
};

} // namespace herald::campaign
