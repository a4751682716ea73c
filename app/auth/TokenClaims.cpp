#include "auth/TokenClaims.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QList>

namespace herald::auth {

QJsonObject tokenClaims(const QString &accessToken)
{
    const QList<QByteArray> parts = accessToken.toLatin1().split('.');
    if (parts.size() != 3)
        return {};
    const auto bytes = QByteArray::fromBase64Encoding(
        parts.at(1), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    if (!bytes)
        return {};
    return QJsonDocument::fromJson(*bytes).object();
}

QString tenantIdOfToken(const QString &accessToken)
{
    return tokenClaims(accessToken).value(QStringLiteral("tid")).toString();
}

} // namespace herald::auth
