#pragma once

// A Teams app as the catalog describes it (Graph's teamsApp with its newest
// appDefinition), and the facts the install services need about it.

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace herald::install {

struct TeamsApp
{
    Q_DECLARE_TR_FUNCTIONS(herald::install::TeamsApp)

public:
    QString id; // catalog id (teamsAppId); for Store apps the manifest id
    QString externalId; // manifest id; empty (null) for Store apps
    QString displayName;
    QString version; // of the newest app definition, when expanded
    QString distributionMethod; // organization, store, sideloaded

    bool isValid() const { return !id.isEmpty(); }
    // "Microsoft Graph can only install apps published to your organization's
    // app store or the Microsoft Teams Store" (proactive installation docs).
    bool isSideloaded() const;
    // Why Graph cannot install this app, or empty when it can.
    QString installRefusal() const;

    // A teamsApp object ({"id","externalId","displayName","distributionMethod",
    // "appDefinitions":[...]}); the version comes from the last definition.
    static TeamsApp fromJson(const QJsonObject &object);
    // An installation ({"teamsApp":{...},"teamsAppDefinition":{...}}).
    static TeamsApp fromInstallationJson(const QJsonObject &installation);
};

using TeamsAppList = QList<TeamsApp>;

// Names from `candidates` that look like `wanted`: case-insensitive substring
// either way, or a small edit distance. Best first, at most `limit`.
QStringList closeMatches(const QString &wanted, const QStringList &candidates, int limit = 5);

} // namespace herald::install
