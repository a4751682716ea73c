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

    // The signed-in test user's object id.
    static QString testUserId() { return QStringLiteral("5d6e7f80-1a2b-4c3d-8e9f-a0b1c2d3e4f5"); }

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

    static bool isRegisteredRedirect(const QUrl &url);
    SimResponse issue(const QString &clientId, const QString &scope);
    SimResponse redirectWithError(const QUrl &redirect, const QString &state, const QString &error,
                                  const QString &description) const;

    const SimOptions &m_options;
    const SimClock &m_clock;
    const TokenIssuer &m_issuer;
    ErrorFactory m_aadError;
    QHash<QString, PendingCode> m_codes;
    QHash<QString, QString> m_refreshTokens; // token -> granted scope
};

} // namespace herald::sim
