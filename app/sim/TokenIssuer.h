#pragma once

// Issues and validates JWT-shaped access tokens (base64url header.payload.
// signature, HMAC-SHA256 with a per-server key). Clients must treat them as
// opaque, as Microsoft asks; only the simulator reads them back.

#include "sim/SimClock.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace herald::sim {

struct TokenClaims
{
    QString aud;
    QString iss;
    QString tid;
    QString appid;
    QStringList roles;
    QString scp; // delegated tokens: the granted scopes, space separated
    QString oid; // delegated tokens: the signed-in user
    QString idtyp; // "app" or "user" (the optional claim Entra adds; always issued here)
    qint64 iat = 0; // simulated epoch seconds
    qint64 nbf = 0;
    qint64 exp = 0;

    // A delegated (user) token: Entra puts the delegated permissions in `scp`
    // and marks it idtyp=user; an app-only token has `roles` and no `scp`
    // (learn.microsoft.com/entra/identity-platform/access-token-claims-reference).
    // A token with both is a user token whose `roles` are the user's app roles.
    bool isDelegated() const { return !scp.isEmpty() || idtyp == QLatin1String("user"); }
    QStringList scopes() const { return scp.split(QLatin1Char(' '), Qt::SkipEmptyParts); }
};

class TokenIssuer
{
public:
    static QString graphAudience() { return QStringLiteral("https://graph.microsoft.com"); }
    static QString botAudience() { return QStringLiteral("https://api.botframework.com"); }
    // The Bot Framework's own tenant, issuer of multi-tenant bot tokens.
    static QString botFrameworkTenantId() { return QStringLiteral("d6d49420-f39b-4df7-a1dc-d59a935871db"); }

    enum class Check {
        Ok,
        Missing,
        Malformed,
        BadSignature,
        WrongAudience,
        WrongTenant,
        Expired,
        NotYetValid
    };
    struct Validation
    {
        Check result = Check::Missing;
        TokenClaims claims;
    };

    explicit TokenIssuer(const SimClock &clock);

    QByteArray issue(const TokenClaims &claims) const;
    // authorization = the whole Authorization header ("Bearer eyJ...").
    // An empty expectedTenant accepts any tenant.
    Validation validate(const QByteArray &authorization, const QString &expectedAudience,
                        const QString &expectedTenant) const;

private:
    QByteArray sign(const QByteArray &signingInput) const;

    const SimClock &m_clock;
    QByteArray m_key;
    mutable quint64 m_serial = 0;
};

} // namespace herald::sim
