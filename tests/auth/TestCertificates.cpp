#include "TestCertificates.h"

#include <QList>
#include <openssl/bio.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

namespace herald::test {

namespace {

QByteArray bioToBytes(BIO *bio)
{
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    QByteArray bytes(data, int(length));
    BIO_free(bio);
    return bytes;
}

TestCertificate makeCertificate(EVP_PKEY *key, const QString &commonName, int days)
{
    X509 *cert = X509_new();
    X509_set_version(cert, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
    if (days >= 0) {
        X509_gmtime_adj(X509_getm_notBefore(cert), -3600);
        X509_gmtime_adj(X509_getm_notAfter(cert), long(days) * 86400);
    } else {
        X509_gmtime_adj(X509_getm_notBefore(cert), long(days) * 86400 * 2);
        X509_gmtime_adj(X509_getm_notAfter(cert), long(days) * 86400);
    }
    X509_set_pubkey(cert, key);
    X509_NAME *name = X509_get_subject_name(cert);
    const QByteArray cn = commonName.toUtf8();
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char *>(cn.constData()), -1, -1, 0);
    X509_set_issuer_name(cert, name);
    X509_sign(cert, key, EVP_sha256());

    TestCertificate result;
    BIO *certBio = BIO_new(BIO_s_mem());
    PEM_write_bio_X509(certBio, cert);
    result.certPem = bioToBytes(certBio);
    BIO *keyBio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(keyBio, key, nullptr, nullptr, 0, nullptr, nullptr);
    result.keyPem = bioToBytes(keyBio);
    X509_free(cert);
    return result;
}

} // namespace

TestCertificate makeRsaCertificate(const QString &commonName, int days)
{
    EVP_PKEY *key = EVP_RSA_gen(2048);
    TestCertificate result = makeCertificate(key, commonName, days);
    EVP_PKEY_free(key);
    return result;
}

TestCertificate makeEcCertificate()
{
    EVP_PKEY *key = EVP_EC_gen("P-256");
    TestCertificate result = makeCertificate(key, QStringLiteral("herald-ec"), 30);
    EVP_PKEY_free(key);
    return result;
}

QByteArray encryptedKeyPem(const TestCertificate &certificate, const QByteArray &passphrase)
{
    BIO *in = BIO_new_mem_buf(certificate.keyPem.constData(), int(certificate.keyPem.size()));
    EVP_PKEY *key = PEM_read_bio_PrivateKey(in, nullptr, nullptr, nullptr);
    BIO_free(in);
    BIO *out = BIO_new(BIO_s_mem());
    PEM_write_bio_PKCS8PrivateKey(out, key, EVP_aes_256_cbc(), passphrase.constData(), int(passphrase.size()),
                                  nullptr, nullptr);
    EVP_PKEY_free(key);
    return bioToBytes(out);
}

QByteArray certificateDer(const TestCertificate &certificate)
{
    BIO *in = BIO_new_mem_buf(certificate.certPem.constData(), int(certificate.certPem.size()));
    X509 *cert = PEM_read_bio_X509(in, nullptr, nullptr, nullptr);
    BIO_free(in);
    unsigned char *der = nullptr;
    const int length = i2d_X509(cert, &der);
    QByteArray bytes(reinterpret_cast<const char *>(der), length);
    OPENSSL_free(der);
    X509_free(cert);
    return bytes;
}

bool verifyJws(const QByteArray &jws, const QByteArray &certPem, const QByteArray &alg)
{
    const QList<QByteArray> parts = jws.split('.');
    if (parts.size() != 3)
        return false;
    const QByteArray signature
        = QByteArray::fromBase64(parts.at(2), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const QByteArray input = parts.at(0) + '.' + parts.at(1);
    BIO *in = BIO_new_mem_buf(certPem.constData(), int(certPem.size()));
    X509 *cert = PEM_read_bio_X509(in, nullptr, nullptr, nullptr);
    BIO_free(in);
    if (!cert)
        return false;
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    EVP_PKEY_CTX *pctx = nullptr;
    bool ok = EVP_DigestVerifyInit(ctx, &pctx, EVP_sha256(), nullptr, X509_get0_pubkey(cert)) == 1;
    if (ok && alg == "PS256")
        ok = EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) == 1
            && EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, 32) == 1;
    if (ok)
        ok = EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char *>(signature.constData()),
                              size_t(signature.size()),
                              reinterpret_cast<const unsigned char *>(input.constData()),
                              size_t(input.size()))
            == 1;
    EVP_MD_CTX_free(ctx);
    X509_free(cert);
    ERR_clear_error();
    return ok;
}

} // namespace herald::test
