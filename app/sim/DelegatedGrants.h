#pragma once

// The delegated side of the simulated identity platform, mirroring
// learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow:
//   GET  /{tenant}/oauth2/v2.0/authorize   -> 302 to redirect_uri?code=..&state=..
//        (no login page: a test user is signed in at once)
//   POST /{tenant}/oauth2/v2.0/token  grant_type=authorization_code (+ code_verifier)
//   POST /{tenant}/oauth2/v2.0/token  grant_type=refresh_token
// PKCE (RFC 7636): the S256 challenge of /authorize is checked against the
// code_verifier; codes are single use and live 10 minutes. Redirect URIs:
// the app registration's "http://localhost" (mobile and desktop platform);
// for loopback Entra ignores the port, and so does the simulator.
//
// Scopes, as Entra grants them (permissions-consent-overview, scopes-oidc):
// the token's `scp` holds the Graph permissions requested, with the resource
// prefix ("https://graph.microsoft.com/") stripped and the OpenID Connect
// scopes (openid, profile, email, offline_access) left out; "{resource}/.default"
// stands for every permission consented for the app: the admin-consented
// SimOptions::delegatedScopes plus what the user consented to at /authorize
// (the test user consents to whatever is asked). A refresh may ask for fewer
// or other consented scopes; asking for one never consented is AADSTS65001.
// Scope names are not checked against Graph's list: a test can ask for an
// application permission's name and see Graph refuse it.
//
// Stricter than Entra, on purpose: herald-sim requires PKCE, and a refresh
// token stops working once it has been redeemed (Entra keeps the old one
// valid for a while), so a client that does not keep the newest rotated
// token fails here first.

#include "sim/SimClock.h"
#include "sim/SimTypes.h"
#include "sim/TokenIssuer.h"

#include <QHash>
#include <functional>

namespace herald::sim {

struct SimOptions;

class DelegatedGrants
{
public:
    // aadError(status, error, code, description): the token endpoint's error body.
    using ErrorFactory = std::function<SimResponse(int, const QString &, int, const QString &)>;

    DelegatedGrants(const SimOptions &options, const SimClock &clock, const TokenIssuer &issuer,
                    ErrorFactory aadError);

    // What ".default" grants when SimOptions::delegatedScopes is empty: every
    // delegated permission Herald may use (least privileged per feature).
    static QStringList defaultScopes();

    SimResponse authorize(const SimRequest &request);
    SimResponse authorizationCode(const QHash<QString, QString> &form);
    SimResponse refreshToken(const QHash<QString, QString> &form);

private:
    struct PendingCode
    {
        QString clientId;
        QString redirectUri;
        QString challenge;
        QString scope;
        qint64 expiresAtMs = 0; // simulated
    };
    struct Grant // what a refresh token stands for
    {
        QString clientId;
        QString scope; // as last requested
        QStringList userConsented; // named at /authorize
        bool offline = false; // offline_access was granted: each answer carries a new refresh token
    };
    struct ScopeRequest
    {
        QStringList permissions; // Graph permissions named, prefix stripped
        QStringList oidc; // openid, profile, email
        bool all = false; // ".default"
        bool offline = false;
    };

    static bool isRegisteredRedirect(const QUrl &url);
    static ScopeRequest parseScope(const QString &scope);
    QStringList adminConsented() const;
    SimResponse issue(const Grant &grant);
    SimResponse redirectWithError(const QUrl &redirect, const QString &state, const QString &error,
                                  const QString &description) const;

    const SimOptions &m_options;
    const SimClock &m_clock;
    const TokenIssuer &m_issuer;
    ErrorFactory m_aadError;
    QHash<QString, PendingCode> m_codes;
    QHash<QString, Grant> m_refreshTokens;
};

} // namespace herald::sim
