#pragma once

// A certificate credential for app-only tokens: the PEM file (certificate +
// unencrypted RSA private key) whose certificate is uploaded to the Entra
// app registration. makeAssertion() builds the client assertion JWT the
// identity platform accepts instead of a client secret
// (learn.microsoft.com/entra/identity-platform/certificate-credentials):
//   header  {"alg":"RS256"|"PS256","typ":"JWT","x5t#S256":base64url(SHA-256(cert DER))}
//   claims  aud = token endpoint, iss = sub = client id, jti, nbf, iat, exp (<= 10 min)
//   signed with the private key (OpenSSL 3, EVP_DigestSign).
// The key stays inside this object; nothing here is ever logged.

#include "graph/GraphError.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUrl>
#include <memory>

namespace herald::auth {

class CertificateCredential
{
public:
    enum class Algorithm { RS256, PS256 };
    // Entra allows up to 10 minutes; 5 keeps us clear of small clock skew.
    static constexpr qint64 kAssertionLifetimeSeconds = 300;

    ~CertificateCredential();
    CertificateCredential(const CertificateCredential &) = delete;
    CertificateCredential &operator=(const CertificateCredential &) = delete;

    // nullptr with a Config error saying what is wrong with the file and how
    // to fix it (missing, not PEM, no key, encrypted key, key does not match,
    // not RSA, expired).
    static std::shared_ptr<CertificateCredential> load(const QString &path, graph::GraphError *error);
    static std::shared_ptr<CertificateCredential> fromPem(const QByteArray &pem, const QString &source,
                                                          graph::GraphError *error);

    QByteArray certificateDer() const;
    QString x5tS256() const; // base64url SHA-256 of the DER certificate
    QString thumbprintSha1Hex() const; // as the Entra portal shows it
    QDateTime notAfter() const;
    QString subject() const;

    // A fresh assertion (new jti) valid from `now` for kAssertionLifetimeSeconds.
    QByteArray makeAssertion(const QString &clientId, const QUrl &audience, const QDateTime &now,
                             Algorithm algorithm = Algorithm::RS256) const;

private:
    struct Keys;
    explicit CertificateCredential(std::unique_ptr<Keys> keys);
    std::unique_ptr<Keys> m_keys;
};

} // namespace herald::auth
