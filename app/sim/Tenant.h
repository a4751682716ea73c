#pragma once

// The simulated tenant's data: users, groups (some of them teams), the Teams
// app catalog and app installations. Lookups are indexed (id, lower-cased UPN)
// so each request costs O(1) or O(page), never a copy of the directory.

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

namespace herald::sim {

struct SimUser
{
    QString id;
    QString displayName;
    QString givenName;
    QString surname;
    QString userPrincipalName;
    QString mail; // may be empty (null in JSON), as for accounts without a mailbox
    QString jobTitle;
    QString department;
    QString officeLocation;
    QString preferredLanguage;
    bool accountEnabled = true;
    // Simulation state, not Graph properties:
    bool teamsLicensed = true; // without a licence, teamwork endpoints answer 404
    bool policyBlocked = false; // the app permission policy blocks the org app (install -> 403)
    bool botBlocked = false; // the user blocked the bot (Bot Connector -> 403)
};

struct SimAppDefinition
{
    QString id;
    QString version;
    QString displayName;
    QString description;
    QString shortDescription;
    QString publishingState; // published, submitted, rejected
    QString lastModifiedDateTime;
};

struct SimCatalogApp
{
    QString id; // catalog id (teamsAppId)
    QString externalId; // manifest id
    QString displayName;
    QString distributionMethod; // organization, store, sideloaded
    QString botId; // empty when the app has no bot
    QString webApplicationId; // manifest webApplicationInfo.id: the "Self" of *Self* permissions
    SimAppDefinition definition;
};

struct SimInstallation
{
    int app = -1; // index into the catalog
    QString version;
};

struct SimGroup
{
    QString id;
    QString displayName;
    QString description;
    QString mailNickname;
    QString visibility; // Public, Private
    QString createdDateTime;
    bool isTeam = false;
    QVector<int> memberUsers;
    QVector<int> memberGroups; // nested groups (a DAG: no cycles)
    QVector<int> ownerUsers;
    QString generalChannelId; // teams only: 19:...@thread.tacv2
    QVector<SimInstallation> installs; // teams only
};

class Tenant
{
public:
    Tenant(const QString &tenantId, const QString &domain);

    QString tenantId() const { return m_tenantId; }
    QString domain() const { return m_domain; }

    // Building (TenantGenerator)
    int addUser(const SimUser &user);
    int addGroup(const SimGroup &group);
    int addApp(const SimCatalogApp &app);
    void setOrgApp(int app) { m_orgApp = app; }
    SimUser &mutableUser(int index) { return m_users[index]; }
    SimGroup &mutableGroup(int index) { return m_groups[index]; }

    // Users
    int userCount() const { return int(m_users.size()); }
    const SimUser &user(int index) const { return m_users.at(index); }
    int findUser(const QString &idOrUpn) const; // -1 when unknown
    bool upnTaken(const QString &upnLower) const { return m_userByUpn.contains(upnLower); }
    // User indexes ordered by displayName or userPrincipalName (built once, on first use).
    const QVector<int> &usersOrderedBy(const QString &property) const;

    // Groups and teams (a team is a group with isTeam)
    int groupCount() const { return int(m_groups.size()); }
    const SimGroup &group(int index) const { return m_groups.at(index); }
    int findGroup(const QString &id) const;
    const QVector<int> &teams() const { return m_teams; }
    int findTeam(const QString &id) const; // -1 unless a team
    int findTeamByChannel(const QString &channelId) const;
    QVector<int> transitiveUserMembers(int group) const; // flattened, de-duplicated, ordered

    // Catalog
    int appCount() const { return int(m_apps.size()); }
    const SimCatalogApp &app(int index) const { return m_apps.at(index); }
    int findApp(const QString &catalogId) const;
    int orgApp() const { return m_orgApp; }
    int findAppByBotId(const QString &botId) const;

    // Installations
    const QVector<SimInstallation> &userInstalls(int user) const { return m_userInstalls.at(user); }
    int userInstallOf(int user, int app) const; // position in userInstalls or -1
    bool installForUser(int user, int app); // false when already installed
    bool uninstallForUser(int user, int app);
    int teamInstallOf(int group, int app) const;
    bool installForTeam(int group, int app);
    bool uninstallForTeam(int group, int app);

    // Graph's installation ids are base64 of "{ownerId}##{appId}".
    static QString installationId(const QString &ownerId, const QString &appId);
    static bool parseInstallationId(const QString &installationId, QString *ownerId, QString *appId);
    // The 1:1 chat between a user and an app's bot: 19:{userId}_{botId}@unq.gbl.spaces
    static QString personalChatId(const QString &userId, const QString &botId);
    static bool parsePersonalChatId(const QString &chatId, QString *userId, QString *botId);

    QJsonObject dump() const;

private:
    QString m_tenantId;
    QString m_domain;
    QVector<SimUser> m_users;
    QVector<QVector<SimInstallation>> m_userInstalls;
    QHash<QString, int> m_userById; // lower-case id
    QHash<QString, int> m_userByUpn; // lower-case UPN
    mutable QHash<QString, QVector<int>> m_userOrder;
    QVector<SimGroup> m_groups;
    QHash<QString, int> m_groupById;
    QHash<QString, int> m_teamByChannel;
    QVector<int> m_teams;
    QVector<SimCatalogApp> m_apps;
    QHash<QString, int> m_appById;
    int m_orgApp = -1;
};

} // namespace herald::sim
