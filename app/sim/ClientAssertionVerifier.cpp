#include "sim/ClientAssertionVerifier.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <optional>

namespace herald::sim {

namespace {

constexpr auto b64url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
constexpr qint64 kSkewSeconds = 300;
constexpr qint64 kMaxLifetimeSeconds = 600;

ClientAssertionVerifier::Result refuse(int aadsts, const QString &description,
                                       const QString &error = QStringLiteral("invalid_client"),
                                       int status = 401)
{
    ClientAssertionVerifier::Result result;
    result.ok = false;
    result.status = status;
    result.error = error;
    result.aadsts = aadsts;
    result.description = description;
    return result;
}

ClientAssertionVerifier::Result malformed(const QString &why)
{
    return refuse(50027, QStringLiteral("JWT token is invalid or malformed. %1").arg(why),
                  QStringLiteral("invalid_request"), 400);
}

std::optional<QJsonObject> decodePart(const QByteArray &part)
{
    const auto bytes = QByteArray::fromBase64Encoding(part, b64url | QByteArray::AbortOnBase64DecodingErrors);
    if (!bytes)
        return std::nullopt;
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(*bytes, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

bool sameUrl(const QString &a, const QString &b)
{
    QUrl ua(a);
    QUrl ub(b);
    auto norm = [](QUrl u) {
        QString path = u.path();
        while (path.endsWith(QLatin1Char('/')))
            path.chop(1);
        u.setPath(path.toLower());
        u.setHost(u.host().toLower());
        return u.toString();
    };
    return ua.isValid() && ub.isValid() && norm(ua) == norm(ub);
}

} // namespace

ClientAssertionVerifier::~ClientAssertionVerifier()
{
    X509_free(m_cert);
}

bool ClientAssertionVerifier::setCertificate(const QByteArray &pem, QString *error)
{
    BIO *bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    X509 *cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    ERR_clear_error();
    if (!cert) {
        *error = QStringLiteral("no PEM certificate found");
        return false;
    }
    X509_free(m_cert);
    m_cert = cert;
    unsigned char *der = nullptr;
    const int length = i2d_X509(m_cert, &der);
    const QByteArray bytes(reinterpret_cast<const char *>(der), length > 0 ? length : 0);
    OPENSSL_free(der);
    m_x5tS256 = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toBase64(b64url);
    m_x5t = QCryptographicHash::hash(bytes, QCryptographicHash::Sha1).toBase64(b64url);
    return true;
}

ClientAssertionVerifier::Result ClientAssertionVerifier::verify(const QByteArray &assertion,
                                                                const QString &clientId,
                                                                const QString &expectedAudience,
                                                                qint64 nowSeconds) const
{
    const QList<QByteArray> parts = assertion.split('.');
    if (parts.size() != 3)
        return malformed(QStringLiteral("The client assertion does not have three parts."));
    const auto header = decodePart(parts.at(0));
    const auto claims = decodePart(parts.at(1));
    const auto signature
        = QByteArray::fromBase64Encoding(parts.at(2), b64url | QByteArray::AbortOnBase64DecodingErrors);
    if (!header || !claims || !signature)
        return malformed(QStringLiteral("The client assertion is not base64url-encoded JSON."));

    const QString alg = header->value(QStringLiteral("alg")).toString();
    if (alg != QLatin1String("RS256") && alg != QLatin1String("PS256"))
        return refuse(5002738,
                      QStringLiteral("Invalid JWT token. '%1' is not a supported signature algorithm. "
                                     "Supported: RS256, PS256.")
                          .arg(alg));
    const QByteArray x5tS256 = header->value(QStringLiteral("x5t#S256")).toString().toLatin1();
    const QByteArray x5t = header->value(QStringLiteral("x5t")).toString().toLatin1();
    if (!m_cert || (x5tS256.isEmpty() && x5t.isEmpty()) || (!x5tS256.isEmpty() && x5tS256 != m_x5tS256)
        || (x5tS256.isEmpty() && x5t != m_x5t)) {
        return refuse(700027,
                      QStringLiteral("Client assertion contains an invalid signature. [Reason - The key "
                                     "was not found., Thumbprint of key used by client: '%1']")
                          .arg(QString::fromLatin1(x5tS256.isEmpty() ? x5t : x5tS256)));
    }

    // The signature, with the public key of the uploaded certificate.
    EVP_PKEY *key = X509_get0_pubkey(m_cert);
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    EVP_PKEY_CTX *pctx = nullptr;
    bool ok = key && ctx && EVP_DigestVerifyInit(ctx, &pctx, EVP_sha256(), nullptr, key) == 1;
    if (ok && alg == QLatin1String("PS256"))
        ok = EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) == 1
            && EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) == 1;
    const QByteArray input = parts.at(0) + '.' + parts.at(1);
    if (ok)
        ok = EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char *>(signature.decoded.constData()),
                              size_t(signature.decoded.size()),
                              reinterpret_cast<const unsigned char *>(input.constData()),
                              size_t(input.size()))
            == 1;
    EVP_MD_CTX_free(ctx);
    ERR_clear_error();
    if (!ok)
        return refuse(700027, QStringLiteral("Client assertion failed signature validation."));

    const QString iss = claims->value(QStringLiteral("iss")).toString();
    const QString sub = claims->value(QStringLiteral("sub")).toString();
    if (iss.compare(clientId, Qt::CaseInsensitive) != 0 || sub.compare(clientId, Qt::CaseInsensitive) != 0)
        return refuse(700021,
                      QStringLiteral("Client assertion application identifier doesn't match "
                                     "'client_id' parameter."));
    const QString aud = claims->value(QStringLiteral("aud")).toString();
    if (!sameUrl(aud, expectedAudience))
        return refuse(700022,
                      QStringLiteral("Client assertion audience claim does not match Realm issuer. "
                                     "Review the documentation at https://aka.ms/certCreds. Expected %1, "
                                     "got '%2'.")
                          .arg(expectedAudience, aud));
    if (claims->value(QStringLiteral("jti")).toString().isEmpty())
        return malformed(QStringLiteral("The client assertion has no 'jti' claim."));
    const qint64 exp = qint64(claims->value(QStringLiteral("exp")).toDouble());
    const qint64 nbf = claims->contains(QStringLiteral("nbf"))
        ? qint64(claims->value(QStringLiteral("nbf")).toDouble())
        : exp - kMaxLifetimeSeconds;
    if (exp <= 0)
        return malformed(QStringLiteral("The client assertion has no 'exp' claim."));
    if (nowSeconds + kSkewSeconds < nbf || nowSeconds - kSkewSeconds > exp)
        return refuse(700024,
                      QStringLiteral("Client assertion is not within its valid time range. Current time: "
                                     "%1, assertion valid from %2, expiry time of assertion %3.")
                          .arg(nowSeconds)
                          .arg(nbf)
                          .arg(exp));
    if (exp - nbf > kMaxLifetimeSeconds)
        return refuse(700024, QStringLiteral("Client assertion lifetime exceeds the allowed 10 minutes."));
    Result result;
    result.ok = true;
    result.status = 200;
    return result;
}

} // namespace herald::sim
