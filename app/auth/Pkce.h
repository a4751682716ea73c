#pragma once

// Proof Key for Code Exchange (RFC 7636) with the S256 method, for the
// delegated sign-in: the client keeps a random code_verifier, sends its
// SHA-256 (base64url, no padding) as code_challenge with the authorization
// request and the verifier itself with the token request.

#include <QByteArray>
#include <QString>

namespace herald::auth::pkce {

// base64url without padding (RFC 7636 appendix A).
QByteArray base64Url(const QByteArray &bytes);

// A verifier from `octets` random bytes (32 bytes give the 43 characters of
// RFC 7636 section 4.1, the shortest allowed).
QByteArray verifierFromOctets(const QByteArray &octets);
QByteArray generateVerifier();

// BASE64URL(SHA256(ASCII(verifier))).
QByteArray challengeS256(const QByteArray &verifier);

// 43..128 characters of [A-Z a-z 0-9 - . _ ~] (RFC 7636 section 4.1).
bool isValidVerifier(const QByteArray &verifier);

} // namespace herald::auth::pkce
