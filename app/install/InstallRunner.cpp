#include "install/InstallRunner.h"

#include "install/InstallUrls.h"
#include "install/StatusSweep.h"

namespace herald::install {

using graph::BatchItem;
using graph::BatchResult;
using graph::GraphError;

InstallRunner::InstallRunner(graph::GraphClient *client, RecipientFeed *feed, const TeamsApp &app,
                             Operation operation, QObject *parent)
    : RecipientPipeline(client, feed, app.id, parent)
    , m_app(app)
    , m_operation(operation)
{
}

QString InstallRunner::writePermission(RecipientKind kind)
{
    return StatusSweep::readPermission(kind); // the *Self* permission reads and writes
}

GraphError InstallRunner::preflight() const
{
    if (m_cloud == graph::Cloud::China) {
        return GraphError::make(
            GraphError::Kind::Config,
            tr("Proactive app installation through Microsoft Graph is not offered in the China "
               "cloud (21Vianet); install the app through the Teams admin center instead."));
    }
    if (m_operation != Operation::Uninstall && m_app.isSideloaded())
        return GraphError::make(GraphError::Kind::Config, m_app.installRefusal());
    return {};
}

void InstallRunner::begin(Entry &entry)
{
    if (m_operation == Operation::Install && !m_dryRun) {
        entry.step = WriteStep;
        sendWrite(entry);
        return;
    }
    entry.step = StatusStep;
    send(entry, StatusSweep::statusRequest(entry.recipient, teamsAppId()));
}

void InstallRunner::sendWrite(Entry &entry)
{
    const Recipient &r = entry.recipient;
    BatchItem item;
    switch (m_operation) {
    case Operation::Install:
        item.method = "POST";
        item.url = urls::installedApps(r.kind, r.id);
        item.body = urls::installBody(m_cloud, teamsAppId());
        // Sent again after a lost connection: a second install of an app
        // that is there answers 409 (already_installed), never a duplicate.
        item.repeatable = true;
        break;
    case Operation::Upgrade:
        item.method = "POST";
        item.url = urls::upgrade(r.kind, r.id, entry.installationId);
        // Upgrading to the latest version twice leaves it at the latest: safe
        // to send again after a lost connection.
        item.repeatable = true;
        break;
    case Operation::Uninstall:
        item.method = "DELETE";
        item.url = urls::installation(r.kind, r.id, entry.installationId);
        break;
    }
    send(entry, item);
}

void InstallRunner::advance(Entry &entry, const BatchResult &result)
{
    if (stopOnPermissionError(entry, result))
        return;
    if (entry.step == StatusStep)
        onStatusAnswer(entry, result);
    else if (m_operation == Operation::Install)
        onInstallAnswer(entry, result);
    else
        onChangeAnswer(entry, result);
}

void InstallRunner::onInstallAnswer(Entry &entry, const BatchResult &result)
{
    const QString detail = detailOf(result);
    if (result.ok())
        complete(entry, Outcome::Installed, {}, result.status);
    else if (result.status == 409)
        complete(entry, Outcome::AlreadyInstalled, {}, result.status);
    else if (result.status == 403)
        complete(entry, Outcome::Blocked, detail, result.status);
    else if (result.status == 404)
        complete(entry, Outcome::NotFound, detail, result.status);
    else
        complete(entry, Outcome::Failed, detail, result.status);
}

void InstallRunner::onStatusAnswer(Entry &entry, const BatchResult &result)
{
    const Outcome status = StatusSweep::statusOutcome(result, &entry.installationId);
    if (status == Outcome::NotFound) {
        complete(entry, Outcome::NotFound, detailOf(result), result.status);
        return;
    }
    if (status == Outcome::Error) {
        complete(entry, Outcome::Failed, detailOf(result), result.status);
        return;
    }
    const bool installed = status == Outcome::Installed;
    switch (m_operation) {
    case Operation::Install: // only reached in a dry run
        if (installed)
            completeDry(entry, Outcome::AlreadyInstalled, tr("dry run: already installed, nothing to do"));
        else
            completeDry(entry, Outcome::Installed, tr("dry run: would install"));
        return;
    case Operation::Upgrade:
    case Operation::Uninstall:
        if (!installed) {
            complete(entry, Outcome::NotInstalled, {}, result.status);
            return;
        }
        if (m_dryRun) {
            completeDry(entry, m_operation == Operation::Upgrade ? Outcome::Upgraded : Outcome::Removed,
                        m_operation == Operation::Upgrade ? tr("dry run: would upgrade")
                                                          : tr("dry run: would uninstall"));
            return;
        }
        entry.step = WriteStep;
        sendWrite(entry);
        return;
    }
}

void InstallRunner::onChangeAnswer(Entry &entry, const BatchResult &result)
{
    if (result.ok()) {
        RecipientResult done;
        done.outcome = m_operation == Operation::Upgrade ? Outcome::Upgraded : Outcome::Removed;
        done.httpStatus = result.status;
        // Once removed, the installation id is history.
        if (m_operation == Operation::Uninstall)
            entry.installationId.clear();
        completeWith(entry, std::move(done));
    } else if (result.status == 404) {
        // Gone between the status query and the change (someone else removed it).
        complete(entry, Outcome::NotInstalled, detailOf(result), result.status);
    } else {
        complete(entry, Outcome::Failed, detailOf(result), result.status);
    }
}

void InstallRunner::completeDry(Entry &entry, Outcome outcome, const QString &detail)
{
    RecipientResult result;
    result.outcome = outcome;
    result.detail = detail;
    result.dryRun = true;
    completeWith(entry, std::move(result));
}

QString InstallRunner::permissionFor(const Entry &entry) const
{
    return writePermission(entry.recipient.kind);
}

} // namespace herald::install
