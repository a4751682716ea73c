#pragma once

// Preflight: finds out in seconds what is missing before an admin runs a
// campaign (`herald-cli check`, the GUI's "Run checks"). Checks, in order:
//   token     a Graph token is obtained (the identity platform accepts the credentials)
//   role:*    app-only token: each application permission a feature needs is
//             in the token's `roles` claim (API-NOTES "Permissions")
//   scope:*   delegated token (`herald-cli login`): each delegated permission
//             a feature needs is in its `scp` claim. Graph takes only
//             delegated names from `scp`: an application permission consented
//             for the app does nothing for a signed-in user.
//             (The claims are read for this purpose only -- tokens are
//             otherwise opaque.)
//   catalog   the app (--app) is in the tenant catalog, and how it is distributed
//   cloud     the national cloud allows proactive install
//   bot       a Bot Framework token is obtained
// Each problem is one check with a `fix`: what to grant or change and where,
// with the tenant's admin-consent URL for missing permissions.

#include "config/ConnectionSettings.h"
#include "graph/Job.h"

#include <QList>
#include <QPointer>
#include <QStringList>

namespace herald::graph {
class GraphClient;
}

namespace herald::auth {

class TokenProvider;

struct PreflightCheck
{
    enum class State { Ok, Missing, Failed, Warning, Skipped };
    QString id; // "token", "role:User.Read.All", "scope:User.ReadBasic.All", "catalog", "cloud", "bot"
    State state = State::Skipped;
    QString detail; // what was found
    QString fix; // what to do (empty when Ok)
    bool isAuth = false; // a problem here is an authentication/permission problem (exit 3)

    static QString stateName(State state); // ok, missing, failed, warning, skipped
    // A permission (application role or delegated scope) the admin must add
    // and consent to: the consent link belongs next to these.
    bool needsConsent() const
    {
        return state == State::Missing
            && (id.startsWith(QLatin1String("role:")) || id.startsWith(QLatin1String("scope:")));
    }
};

struct RequiredPermission
{
    QString name; // the least privileged permission that does
    QStringList alternatives; // broader permissions that also do
    QString feature; // what Herald cannot do without it
};

// The application permissions Herald's features need (API-NOTES.md).
QList<RequiredPermission> requiredRoles();
// The delegated permissions the same features need, from the "Delegated" rows
// of the Graph API pages Herald calls (the simulator's routes mirror them).
QList<RequiredPermission> requiredScopes();

// The `roles` claim of a JWT access token (empty when absent or unreadable).
QStringList rolesOfToken(const QString &accessToken);
// The `scp` claim (space separated) of a JWT access token, split.
QStringList scopesOfToken(const QString &accessToken);
// True when the token is a delegated (user) token: it has an `scp` claim.
bool isDelegatedToken(const QString &accessToken);

class Preflight : public graph::Job
{
    Q_OBJECT

public:
    // botTokens may be null (no bot credentials): the bot check then says so.
    // appId empty: the catalog check is skipped.
    Preflight(graph::GraphClient *graph, TokenProvider *graphTokens, TokenProvider *botTokens,
              const config::ConnectionSettings &settings, const QString &appId, QObject *parent = nullptr);

    const QList<PreflightCheck> &checks() const { return m_checks; }
    bool hasAuthProblem() const;
    bool hasProblem() const; // any Missing or Failed
    QUrl adminConsentUrl() const;

protected:
    void doStart() override;
    void doAbort() override;

private:
    void checkGraphToken();
    void checkPermissions(const QString &token);
    void checkCatalog();
    void checkCloud();
    void checkBot();
    void add(PreflightCheck check);

    QPointer<graph::GraphClient> m_graph;
    QPointer<TokenProvider> m_graphTokens;
    QPointer<TokenProvider> m_botTokens;
    config::ConnectionSettings m_settings;
    QString m_appId;
    bool m_delegated = false; // the Graph token is a delegated (user) token
    QList<PreflightCheck> m_checks;
    QPointer<graph::Job> m_step;
};

} // namespace herald::auth
