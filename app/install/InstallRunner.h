#pragma once

// InstallRunner: install, upgrade or uninstall the app for each recipient.
//
//   install    POST users/{id}/teamwork/installedApps (teams/{id}/installedApps)
//              {"teamsApp@odata.bind":"{cloud's Graph}/v1.0/appCatalogs/teamsApps/{appId}"}
//              201 installed, 409 already_installed, 403 blocked (policy),
//              404 not_found, else failed. No status sweep first: 409 already
//              says "it is there", so each recipient costs one request.
//   upgrade    status -> POST .../installedApps/{iid}/upgrade   (204 upgraded)
//   uninstall  status -> DELETE .../installedApps/{iid}         (204 removed)
//              not installed -> not_installed
//
// Dry run: only the status query; each result is what would happen, with a
// detail such as "would install"; nothing is written. Team requests are held
// to a team's 4 requests/s by the rate planner's per-team keys.

#include "graph/Endpoints.h"
#include "install/RecipientPipeline.h"
#include "install/TeamsApp.h"

namespace herald::install {

class InstallRunner : public RecipientPipeline
{
    Q_OBJECT

public:
    enum class Operation { Install, Upgrade, Uninstall };

    // Takes ownership of `feed`. `app` needs an id; when its distribution
    // method is known, a sideloaded app is refused before any request.
    InstallRunner(graph::GraphClient *client, RecipientFeed *feed, const TeamsApp &app, Operation operation,
                  QObject *parent = nullptr);

    Operation operation() const { return m_operation; }
    void setDryRun(bool dryRun) { m_dryRun = dryRun; }
    bool isDryRun() const { return m_dryRun; }
    // The cloud whose Graph host goes into the odata.bind URL.
    void setCloud(graph::Cloud cloud) { m_cloud = cloud; }

    static QString writePermission(RecipientKind kind);

protected:
    graph::GraphError preflight() const override;
    void begin(Entry &entry) override;
    void advance(Entry &entry, const graph::BatchResult &result) override;
    QString permissionFor(const Entry &entry) const override;

private:
    enum Step { StatusStep = 0, WriteStep = 1 };

    void onInstallAnswer(Entry &entry, const graph::BatchResult &result);
    void onStatusAnswer(Entry &entry, const graph::BatchResult &result);
    void onChangeAnswer(Entry &entry, const graph::BatchResult &result);
    void sendWrite(Entry &entry);
    void completeDry(Entry &entry, Outcome outcome, const QString &detail);

    TeamsApp m_app;
    Operation m_operation;
    graph::Cloud m_cloud = graph::Cloud::Global;
    bool m_dryRun = false;
};

} // namespace herald::install
