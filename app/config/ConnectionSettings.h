#pragma once

// Everything a command needs to reach a tenant: identities, cloud, endpoint
// overrides and local paths. A plain value type: the CLI fills it from the
// profile (later: ProfileStore), the environment and the command line, in
// that order; the GUI fills it from its settings dialog.

#include "graph/Endpoints.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <optional>

namespace herald::config {

// The cloud table belongs to the Graph client (graph/Endpoints.h).
using Cloud = graph::Cloud;
using graph::cloudFromName;
using graph::cloudName;
// "global", "usgov", "usgovdod", "china"
QStringList cloudNames();

// How Herald gets its Graph token. A certificate is chosen by certFile;
// Delegated uses the refresh token from `herald-cli login` (keychain).
enum class AuthMethod { Secret, Certificate, Delegated };
QString authMethodName(AuthMethod method); // "secret", "certificate", "delegated"
std::optional<AuthMethod> authMethodFromName(const QString &name);

struct ConnectionSettings
{
    static QString defaultProfile() { return QStringLiteral("default"); }
    static QString defaultBotTenant() { return QStringLiteral("botframework.com"); }

    QString profile = defaultProfile();
    QString tenant; // tenant id (GUID) or verified domain
    QString clientId; // Entra application (client) id used for Graph
    QString botId; // empty = clientId
    QString botTenant; // empty = botframework.com
    Cloud cloud = Cloud::Global;
    QUrl graphUrl; // empty = the cloud's default
    QUrl loginUrl; // empty = the cloud's default
    QUrl botServiceUrl; // empty = the cloud's default
    QString certFile; // PEM with certificate + key: client assertion instead of a secret
    bool delegated = false; // Graph token from the signed-in admin (refresh token in the keychain)
    QString dataDir; // empty = defaultDataDir()
    int concurrency = 0; // 0 = chosen by the rate planner
    // Simulator only: every documented limit runs timeScale times faster
    // (Retry-After and token lifetimes are divided by it). Never shown in help.
    double timeScale = 1.0;

    QString effectiveBotId() const { return botId.isEmpty() ? clientId : botId; }
    QString effectiveBotTenant() const { return botTenant.isEmpty() ? defaultBotTenant() : botTenant; }
    QString effectiveDataDir() const { return dataDir.isEmpty() ? defaultDataDir() : dataDir; }
    bool usesCertificate() const { return !certFile.isEmpty(); }
    bool usesDelegated() const { return delegated && certFile.isEmpty(); }
    AuthMethod authMethod() const
    {
        return usesCertificate() ? AuthMethod::Certificate
                                 : (delegated ? AuthMethod::Delegated : AuthMethod::Secret);
    }

    // $XDG_DATA_HOME/herald on Linux (the platform's local data folder
    // elsewhere). Does not create it.
    static QString defaultDataDir();
    // HERALD_DATA_DIR when set and not empty, else an empty string.
    static QString dataDirFromEnvironment(const QProcessEnvironment &env);

    // Problems that make these settings unusable, one sentence each, phrased
    // for the user (what is wrong and what to do). Empty = valid. Does not
    // check that tenant/client id are present: not every command needs them
    // (see missingIdentity()).
    QStringList validate() const;
    // "tenant" and "client id" problems, for commands that talk to the tenant.
    QStringList missingIdentity() const;
};

// Checks one endpoint URL against the transport rule (https://, or http://
// for loopback hosts only; the rule is graph::checkServiceUrl's). `what`
// names it in the message ("--graph-url"). Empty when the URL is acceptable.
QString checkEndpointUrl(const QUrl &url, const QString &what);

} // namespace herald::config
