#include "auth/CertificateCredential.h"

#include "auth/Pkce.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>
#include <QUuid>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

namespace herald::auth {

using graph::GraphError;

struct CertificateCredential::Keys
{
    X509 *cert = nullptr;
    EVP_PKEY *key = nullptr;
    ~Keys()
    {
        X509_free(cert);
        EVP_PKEY_free(key);
    }
};

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("herald::auth::CertificateCredential", text);
}

GraphError certError(const QString &message, const QString &hint = QString())
{
    GraphError error = GraphError::make(GraphError::Kind::Config, message);
    error.code = QStringLiteral("CertificateFile");
    error.hint = hint;
    return error;
}

// A password callback that refuses: an encrypted key is reported, not prompted for.
int noPassword(char *, int, int, void *)
{
    return -1;
}

QDateTime asn1ToDateTime(const ASN1_TIME *time)
{
    struct tm parts
    {
    };
    if (!time || ASN1_TIME_to_tm(time, &parts) != 1)
        return {};
    return QDateTime(QDate(parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday),
                     QTime(parts.tm_hour, parts.tm_min, parts.tm_sec), QTimeZone::utc());
}

} // namespace

CertificateCredential::CertificateCredential(std::unique_ptr<Keys> keys)
    : m_keys(std::move(keys))
{
}

CertificateCredential::~CertificateCredential() = default;

std::shared_ptr<CertificateCredential> CertificateCredential::load(const QString &path, GraphError *error)
{
    QFile file(path);
    if (!file.exists()) {
        *error = certError(tr("The certificate file %1 does not exist.").arg(path),
                           tr("Give --cert the PEM file that holds the certificate and its private key."));
        return nullptr;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *error = certError(tr("Cannot read the certificate file %1: %2").arg(path, file.errorString()));
        return nullptr;
    }
    return fromPem(file.readAll(), path, error);
}

std::shared_ptr<CertificateCredential>
CertificateCredential::fromPem(const QByteArray &pem, const QString &source, GraphError *error)
{
    const QString convert
        = tr("Convert a .pfx/.p12 with `openssl pkcs12 -in FILE.pfx -nodes -out FILE.pem`, or "
             "concatenate the certificate and the key: `cat cert.pem key.pem > FILE.pem`.");
    if (!pem.contains("-----BEGIN ")) {
        *error
            = certError(tr("%1 is not a PEM file (no \"-----BEGIN\" line); DER, .pfx and .p12 files are not "
                           "read directly.")
                            .arg(source),
                        convert);
        return nullptr;
    }
    auto keys = std::make_unique<Keys>();
    {
        BIO *bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
        keys->cert = PEM_read_bio_X509(bio, nullptr, noPassword, nullptr);
        BIO_free(bio);
    }
    ERR_clear_error();
    if (!keys->cert) {
        *error = certError(tr("%1 holds no certificate (\"-----BEGIN CERTIFICATE-----\").").arg(source),
                           convert);
        return nullptr;
    }
    {
        BIO *bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
        keys->key = PEM_read_bio_PrivateKey(bio, nullptr, noPassword, nullptr);
        BIO_free(bio);
    }
    ERR_clear_error();
    if (!keys->key) {
        if (pem.contains("ENCRYPTED"))
            *error
                = certError(tr("The private key in %1 is encrypted with a passphrase.").arg(source),
                            tr("Store it unencrypted in a file only you can read: `openssl pkey -in FILE.pem "
                               "-out key.pem`, then `chmod 600`."));
        else
            *error = certError(tr("%1 holds a certificate but no private key.").arg(source), convert);
        return nullptr;
    }
    if (EVP_PKEY_get_base_id(keys->key) != EVP_PKEY_RSA) {
        *error = certError(
            tr("The private key in %1 is not an RSA key; Entra client assertions here are RS256 or "
               "PS256.")
                .arg(source),
            tr("Create an RSA certificate, e.g. `openssl req -x509 -newkey rsa:2048 -nodes -days "
               "365 -subj /CN=herald -keyout key.pem -out cert.pem`."));
        return nullptr;
    }
    if (X509_check_private_key(keys->cert, keys->key) != 1) {
        ERR_clear_error();
        *error = certError(tr("The private key in %1 does not belong to its certificate.").arg(source),
                           tr("Put the certificate together with its own key in the file."));
        return nullptr;
    }
    auto credential = std::shared_ptr<CertificateCredential>(new CertificateCredential(std::move(keys)));
    const QDateTime expiry = credential->notAfter();
    if (expiry.isValid() && expiry < QDateTime::currentDateTimeUtc()) {
        *error
            = certError(tr("The certificate in %1 expired on %2.").arg(source, expiry.toString(Qt::ISODate)),
                        tr("Create a new certificate, upload it to the app registration (Certificates & "
                           "secrets) and point --cert at it."));
        return nullptr;
    }
    return credential;
}

QByteArray CertificateCredential::certificateDer() const
{
    unsigned char *der = nullptr;
    const int length = i2d_X509(m_keys->cert, &der);
    if (length <= 0)
        return {};
    QByteArray bytes(reinterpret_cast<const char *>(der), length);
    OPENSSL_free(der);
    return bytes;
}

QString CertificateCredential::x5tS256() const
{
    return QString::fromLatin1(
        pkce::base64Url(QCryptographicHash::hash(certificateDer(), QCryptographicHash::Sha256)));
}

QString CertificateCredential::thumbprintSha1Hex() const
{
    return QString::fromLatin1(
        QCryptographicHash::hash(certificateDer(), QCryptographicHash::Sha1).toHex().toUpper());
}

QDateTime CertificateCredential::notAfter() const
{
    return asn1ToDateTime(X509_get0_notAfter(m_keys->cert));
}

QString CertificateCredential::subject() const
{
    char buffer[512];
    X509_NAME_oneline(X509_get_subject_name(m_keys->cert), buffer, int(sizeof(buffer)));
    return QString::fromUtf8(buffer);
}

QByteArray CertificateCredential::makeAssertion(const QString &clientId, const QUrl &audience,
                                                const QDateTime &now, Algorithm algorithm) const
{
    const qint64 issuedAt = now.toSecsSinceEpoch();
    const QJsonObject header{
        {QStringLiteral("alg"),
         algorithm == Algorithm::PS256 ? QStringLiteral("PS256") : QStringLiteral("RS256")},
        {QStringLiteral("typ"), QStringLiteral("JWT")},
        {QStringLiteral("x5t#S256"), x5tS256()}};
    const QJsonObject claims{{QStringLiteral("aud"), audience.toString()},
                             {QStringLiteral("iss"), clientId},
                             {QStringLiteral("sub"), clientId},
                             {QStringLiteral("jti"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                             {QStringLiteral("nbf"), issuedAt},
                             {QStringLiteral("iat"), issuedAt},
                             {QStringLiteral("exp"), issuedAt + kAssertionLifetimeSeconds}};
    const QByteArray signingInput = pkce::base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact))
        + '.' + pkce::base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));

    QByteArray signature;
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    EVP_PKEY_CTX *pctx = nullptr;
    bool ok = ctx && EVP_DigestSignInit(ctx, &pctx, EVP_sha256(), nullptr, m_keys->key) == 1;
    if (ok && algorithm == Algorithm::PS256) {
        // JWA (RFC 7518 3.5): PSS with MGF1-SHA256 and a salt as long as the hash.
        ok = EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) == 1
            && EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) == 1;
    }
    size_t length = 0;
    const auto *data = reinterpret_cast<const unsigned char *>(signingInput.constData());
    if (ok)
        ok = EVP_DigestSign(ctx, nullptr, &length, data, size_t(signingInput.size())) == 1;
    if (ok) {
        signature.resize(qsizetype(length));
        ok = EVP_DigestSign(ctx, reinterpret_cast<unsigned char *>(signature.data()), &length, data,
                            size_t(signingInput.size()))
            == 1;
        signature.resize(qsizetype(length));
    }
    EVP_MD_CTX_free(ctx);
    ERR_clear_error();
    if (!ok)
        return {};
    return signingInput + '.' + pkce::base64Url(signature);
}

} // namespace herald::auth
