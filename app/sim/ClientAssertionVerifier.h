#pragma once

// Verifies certificate credentials the way the identity platform does
// (learn.microsoft.com/entra/identity-platform/certificate-credentials):
// the client_assertion is a JWT signed RS256 or PS256 with the key of a
// certificate uploaded to the app; its header names the certificate by
// x5t#S256 (or x5t); claims aud = the token endpoint, iss = sub = client id,
// jti, nbf and exp (within 10 minutes, 5 minutes of clock skew tolerated).
// The signature is checked with OpenSSL against the certificate given to
// herald-sim with --client-cert, so a test proves the signature, not the shape.
// Written apart from Herald's signer: the simulator shares no client code.

#include <QByteArray>
#include <QString>

typedef struct x509_st X509;

namespace herald::sim {

class ClientAssertionVerifier
{
public:
    ClientAssertionVerifier() = default;
    ~ClientAssertionVerifier();
    ClientAssertionVerifier(const ClientAssertionVerifier &) = delete;
    ClientAssertionVerifier &operator=(const ClientAssertionVerifier &) = delete;

    // The "uploaded" certificate (PEM). False with *error when unusable.
    bool setCertificate(const QByteArray &pem, QString *error);
    bool hasCertificate() const { return m_cert != nullptr; }

    struct Result
    {
        bool ok = false;
        int status = 401;
        QString error; // OAuth error: invalid_client, invalid_request
        int aadsts = 0;
        QString description;
    };
    // expectedAudience: the URL the request was sent to; nowSeconds: the
    // real wall clock (assertions are made with the client's real clock).
    Result verify(const QByteArray &assertion, const QString &clientId, const QString &expectedAudience,
                  qint64 nowSeconds) const;

private:
    X509 *m_cert = nullptr;
    QByteArray m_x5tS256; // base64url SHA-256 of the DER certificate
    QByteArray m_x5t; // base64url SHA-1
};

} // namespace herald::sim
