#pragma once

// The claims of a JWT access token, read without verifying it: Herald reads
// a token it was just given by the identity platform over TLS, for two
// facts it needs and that only the token states (API-NOTES "Tokens" and
// "Permissions"): the granted `roles` or `scp` (preflight) and the tenant id `tid`
// (the Bot Connector's create-conversation wants the tenant's GUID, while
// the admin may have typed a verified domain). Tokens are otherwise opaque.

#include <QJsonObject>
#include <QString>

namespace herald::auth {

// The payload (second part) of a JWT; empty when it is not a readable JWT.
QJsonObject tokenClaims(const QString &accessToken);

// The `tid` claim: the Entra tenant id (a GUID) the token was issued in.
// Empty when absent or unreadable.
QString tenantIdOfToken(const QString &accessToken);

} // namespace herald::auth
