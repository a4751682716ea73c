#pragma once

// Self-signed test certificates made with OpenSSL in memory: an RSA key and
// certificate as PEM, and the odd files a user might hand to --cert.

#include <QByteArray>
#include <QString>

namespace herald::test {

struct TestCertificate
{
    QByteArray certPem;
    QByteArray keyPem;
    QByteArray combined() const { return certPem + keyPem; }
};

// RSA 2048, valid from now-1h for `days` days (negative: already expired).
TestCertificate makeRsaCertificate(const QString &commonName = QStringLiteral("herald-test"), int days = 30);
// An EC (P-256) certificate with its key: not usable for RS256/PS256.
TestCertificate makeEcCertificate();
// The key of `certificate`, encrypted with a passphrase (PKCS#8 PEM).
QByteArray encryptedKeyPem(const TestCertificate &certificate, const QByteArray &passphrase);
// The certificate as DER.
QByteArray certificateDer(const TestCertificate &certificate);

// Verifies a JWS (header.payload.signature) with the certificate's public key,
// independently of Herald's signer. alg "RS256" or "PS256".
bool verifyJws(const QByteArray &jws, const QByteArray &certPem, const QByteArray &alg);

} // namespace herald::test
