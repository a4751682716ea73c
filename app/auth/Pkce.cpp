#include "auth/Pkce.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace herald::auth::pkce {

QByteArray base64Url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray verifierFromOctets(const QByteArray &octets)
{
    return base64Url(octets);
}

QByteArray generateVerifier()
{
    // QRandomGenerator::system() is the OS's cryptographically secure source.
    QByteArray octets(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(octets.data()),
                                         reinterpret_cast<quint32 *>(octets.data() + octets.size()));
    return verifierFromOctets(octets);
}

QByteArray challengeS256(const QByteArray &verifier)
{
    return base64Url(QCryptographicHash::hash(verifier, QCryptographicHash::Sha256));
}

bool isValidVerifier(const QByteArray &verifier)
{
    if (verifier.size() < 43 || verifier.size() > 128)
        return false;
    for (char c : verifier) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
            || c == '.' || c == '_' || c == '~';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace herald::auth::pkce
