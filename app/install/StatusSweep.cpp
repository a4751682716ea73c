#include "install/StatusSweep.h"

#include "install/InstallUrls.h"

namespace herald::install {

StatusSweep::StatusSweep(graph::GraphClient *client, RecipientFeed *feed, const QString &teamsAppId,
                         QObject *parent)
    : RecipientPipeline(client, feed, teamsAppId, parent)
{
}

graph::BatchItem StatusSweep::statusRequest(const Recipient &recipient, const QString &teamsAppId)
{
    graph::BatchItem item;
    item.url = urls::installationOf(recipient.kind, recipient.id, teamsAppId);
    return item;
}

Outcome StatusSweep::statusOutcome(const graph::BatchResult &result, QString *installationId)
{
    if (result.ok())
        return hasInstallation(result, installationId) ? Outcome::Installed : Outcome::NotInstalled;
    if (result.status == 404)
        return Outcome::NotFound;
    return Outcome::Error;
}

QString StatusSweep::readPermission(RecipientKind kind)
{
    return kind == RecipientKind::Team ? QStringLiteral("TeamsAppInstallation.ReadWriteSelfForTeam.All")
                                       : QStringLiteral("TeamsAppInstallation.ReadWriteSelfForUser.All");
}

void StatusSweep::begin(Entry &entry)
{
    send(entry, statusRequest(entry.recipient, teamsAppId()));
}

void StatusSweep::advance(Entry &entry, const graph::BatchResult &result)
{
    if (stopOnPermissionError(entry, result))
        return;
    RecipientResult outcome;
    outcome.outcome = statusOutcome(result, &outcome.installationId);
    outcome.httpStatus = result.status;
    outcome.detail = detailOf(result);
    completeWith(entry, std::move(outcome));
}

QString StatusSweep::permissionFor(const Entry &entry) const
{
    return readPermission(entry.recipient.kind);
}

} // namespace herald::install
