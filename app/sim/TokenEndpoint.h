#pragma once

// The identity platform token endpoint, POST /{tenant}/oauth2/v2.0/token,
// mirroring https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow
// (request fields, response shape, AADSTS error bodies).

#include "sim/SimServer.h"
#include "sim/SimTypes.h"
#include "sim/TokenIssuer.h"

#include <QHash>
#include <functional>
#include <memory>

namespace herald::sim {

class ClientAssertionVerifier;
class DelegatedGrants;

class TokenEndpoint
{
public:
    TokenEndpoint(const SimOptions &options, const SimClock &clock, const TokenIssuer &issuer);
    ~TokenEndpoint();

    SimResponse handle(const QString &tenantSegment, const SimRequest &request) const;
    // GET /{tenant}/oauth2/v2.0/authorize (sim/DelegatedGrants.h).
    SimResponse authorize(const QString &tenantSegment, const SimRequest &request) const;

    // Every role Herald may need; used when SimOptions::roles is empty.
    static QStringList defaultRoles();

private:
    using Form = QHash<QString, QString>;
    enum class Authority { Unknown, Tenant, BotFramework };
    struct Context
    {
        Form form;
        Authority authority = Authority::Unknown;
        QString tenantSegment;
        QByteArray host; // the Host header: the audience of a client assertion is the URL called
    };
    // Grant types are looked up in a table so that authorization_code (+PKCE)
    // and refresh_token grants can be registered later without touching the
    // dispatch; client authentication is one function, so client_assertion
    // (certificate credentials) can join client_secret there.
    using Grant = std::function<SimResponse(const Context &)>;

    SimResponse clientCredentials(const Context &context) const;
    bool authenticateClient(const Context &context, SimResponse *error) const;
    SimResponse issueToken(const QString &audience, const QString &tenantId, const QStringList &roles) const;
    SimResponse aadError(int status, const QString &error, int code, const QString &description) const;

    const SimOptions &m_options;
    const SimClock &m_clock;
    const TokenIssuer &m_issuer;
    QHash<QString, Grant> m_grants;
    std::unique_ptr<ClientAssertionVerifier> m_assertions; // the --client-cert certificate
    std::unique_ptr<DelegatedGrants> m_delegated; // codes and refresh tokens (state behind a const API)
};

} // namespace herald::sim
