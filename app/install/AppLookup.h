#pragma once

// AppLookup: finds the org's Teams app -- the teamsAppId every other step
// needs -- in the ways Microsoft documents (seeds/, "Get the teamsAppId"):
//
//   byExternalId  appCatalogs/teamsApps?$filter=externalId eq '{manifest id}'
//                 (then id eq '{manifest id}': Store apps keep the manifest id)
//   byName        displayName eq '{name}'; Graph's catalog has no contains(),
//                 so when nothing matches, the org's apps are listed and the
//                 close names offered as suggestions()
//   byId          id eq '{teamsAppId}'
//   fromUser      users/{id}/teamwork/installedApps?$expand=teamsApp&$filter=teamsApp/externalId eq '...'
//   fromTeam      teams/{id}/installedApps?$expand=teamsApp&$filter=teamsApp/externalId eq '...'
//
// Finishing without error and without apps means "not there"
// (notFoundMessage() says what was looked for); errors are Graph's.

#include "graph/Job.h"
#include "install/TeamsApp.h"

#include <QPointer>

namespace herald::graph {
class GraphClient;
}

namespace herald::install {

class AppLookup : public graph::Job
{
    Q_OBJECT

public:
    enum class By { ExternalId, Name, Id, UserInstallation, TeamInstallation };

    static AppLookup *byExternalId(graph::GraphClient *client, const QString &externalId,
                                   QObject *parent = nullptr);
    static AppLookup *byName(graph::GraphClient *client, const QString &displayName,
                             QObject *parent = nullptr);
    static AppLookup *byId(graph::GraphClient *client, const QString &teamsAppId, QObject *parent = nullptr);
    static AppLookup *fromUser(graph::GraphClient *client, const QString &user, const QString &externalId,
                               QObject *parent = nullptr);
    static AppLookup *fromTeam(graph::GraphClient *client, const QString &teamId, const QString &externalId,
                               QObject *parent = nullptr);
    ~AppLookup() override;

    By by() const { return m_by; }
    QString query() const { return m_value; }
    const TeamsAppList &apps() const { return m_apps; }
    bool found() const { return !m_apps.isEmpty(); }
    // byName without a match: the org's app names that look like it.
    const QStringList &suggestions() const { return m_suggestions; }
    // "No app with external id ... in the tenant app catalog." (with suggestions).
    QString notFoundMessage() const;

private:
    AppLookup(graph::GraphClient *client, By by, const QString &value, const QString &owner, QObject *parent);

    void doStart() override;
    void doAbort() override;
    void get(const QString &url, void (AppLookup::*next)(const QJsonObject &));
    void onCatalogAnswer(const QJsonObject &body);
    void onStoreAnswer(const QJsonObject &body);
    void onInstallationsAnswer(const QJsonObject &body);
    void listOrganizationApps();

    QPointer<graph::GraphClient> m_client;
    QPointer<graph::Job> m_current;
    By m_by;
    QString m_value; // external id, name or catalog id
    QString m_owner; // user or team for the installation ways
    TeamsAppList m_apps;
    QStringList m_names; // org app names, for suggestions
    QStringList m_suggestions;
};

} // namespace herald::install
