#pragma once

// StatusSweep: is the app installed for each recipient?
//   users/{id}/teamwork/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '{appId}'
//   teams/{id}/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '{appId}'
// One request per recipient, 20 per $batch, streamed: installed (with the
// installation id), not_installed, not_found (404: unknown, or no Teams
// licence), error (with the service's message).

#include "install/RecipientPipeline.h"

namespace herald::install {

class StatusSweep : public RecipientPipeline
{
    Q_OBJECT

public:
    // Takes ownership of `feed`.
    StatusSweep(graph::GraphClient *client, RecipientFeed *feed, const QString &teamsAppId,
                QObject *parent = nullptr);

    // The status request of one recipient (shared with the other pipelines).
    static graph::BatchItem statusRequest(const Recipient &recipient, const QString &teamsAppId);
    // What a status answer says. *installationId is set when installed.
    static Outcome statusOutcome(const graph::BatchResult &result, QString *installationId);
    static QString readPermission(RecipientKind kind);

protected:
    void begin(Entry &entry) override;
    void advance(Entry &entry, const graph::BatchResult &result) override;
    QString permissionFor(const Entry &entry) const override;
};

} // namespace herald::install
