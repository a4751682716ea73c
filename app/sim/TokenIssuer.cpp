#include "sim/TokenIssuer.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

namespace herald::sim {

namespace {

constexpr auto b64url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

} // namespace

TokenIssuer::TokenIssuer(const SimClock &clock)
    : m_clock(clock)
{
    // A fresh key per server: tokens from another run are rejected as forged.
    m_key.resize(32);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(m_key.data()), 8);
}

QByteArray TokenIssuer::sign(const QByteArray &signingInput) const
{
    return QMessageAuthenticationCode::hash(signingInput, m_key, QCryptographicHash::Sha256);
}

QByteArray TokenIssuer::issue(const TokenClaims &claims) const
{
    const QJsonObject header{{QStringLiteral("typ"), QStringLiteral("JWT")},
                             {QStringLiteral("alg"), QStringLiteral("HS256")},
                             {QStringLiteral("kid"), QStringLiteral("herald-sim")}};
    QJsonObject payload{
        {QStringLiteral("aud"), claims.aud},
        {QStringLiteral("iss"), claims.iss},
        {QStringLiteral("iat"), claims.iat},
        {QStringLiteral("nbf"), claims.nbf},
        {QStringLiteral("exp"), claims.exp},
        {QStringLiteral("appid"), claims.appid},
        {QStringLiteral("appidacr"), QStringLiteral("1")},
        {QStringLiteral("idtyp"), QStringLiteral("app")},
        {QStringLiteral("sub"), claims.appid},
        {QStringLiteral("tid"), claims.tid},
        {QStringLiteral("uti"), QString::number(++m_serial, 36)},
        {QStringLiteral("ver"), QStringLiteral("1.0")},
    };
    if (!claims.roles.isEmpty())
        payload.insert(QStringLiteral("roles"), QJsonArray::fromStringList(claims.roles));
    if (claims.isDelegated()) {
        // A delegated (user) token: scp instead of roles, the user as subject,
        // a public client (appidacr 0).
        payload.insert(QStringLiteral("scp"), claims.scp);
        payload.insert(QStringLiteral("idtyp"), QStringLiteral("user"));
        payload.insert(QStringLiteral("appidacr"), QStringLiteral("0"));
        payload.insert(QStringLiteral("oid"), claims.oid);
        payload.insert(QStringLiteral("sub"), claims.oid);
    }
    const QByteArray input = QJsonDocument(header).toJson(QJsonDocument::Compact).toBase64(b64url) + '.'
        + QJsonDocument(payload).toJson(QJsonDocument::Compact).toBase64(b64url);
    return input + '.' + sign(input).toBase64(b64url);
}

TokenIssuer::Validation TokenIssuer::validate(const QByteArray &authorization,
                                              const QString &expectedAudience,
                                              const QString &expectedTenant) const
{
    Validation v;
    const QByteArray trimmed = authorization.trimmed();
    if (!trimmed.startsWith("Bearer ") && !trimmed.startsWith("bearer ")) {
        v.result = Check::Missing;
        return v;
    }
    const QByteArray token = trimmed.mid(7).trimmed();
    if (token.isEmpty()) {
        v.result = Check::Missing;
        return v;
    }
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3) {
        v.result = Check::Malformed;
        return v;
    }
    const auto signature = QByteArray::fromBase64Encoding(parts.at(2), b64url);
    const QByteArray expected = sign(parts.at(0) + '.' + parts.at(1));
    if (!signature || *signature != expected) {
        v.result = Check::BadSignature;
        return v;
    }
    const auto payloadBytes = QByteArray::fromBase64Encoding(parts.at(1), b64url);
    const QJsonObject payload
        = payloadBytes ? QJsonDocument::fromJson(*payloadBytes).object() : QJsonObject();
    if (payload.isEmpty()) {
        v.result = Check::Malformed;
        return v;
    }
    v.claims.aud = payload.value(QStringLiteral("aud")).toString();
    v.claims.iss = payload.value(QStringLiteral("iss")).toString();
    v.claims.tid = payload.value(QStringLiteral("tid")).toString();
    v.claims.appid = payload.value(QStringLiteral("appid")).toString();
    for (const QJsonValue &role : payload.value(QStringLiteral("roles")).toArray())
        v.claims.roles.append(role.toString());
    v.claims.scp = payload.value(QStringLiteral("scp")).toString();
    v.claims.oid = payload.value(QStringLiteral("oid")).toString();
    v.claims.idtyp = payload.value(QStringLiteral("idtyp")).toString();
    v.claims.iat = payload.value(QStringLiteral("iat")).toInteger();
    v.claims.nbf = payload.value(QStringLiteral("nbf")).toInteger();
    v.claims.exp = payload.value(QStringLiteral("exp")).toInteger();

    const qint64 nowMs = m_clock.epochMs();
    if (v.claims.aud != expectedAudience)
        v.result = Check::WrongAudience;
    else if (!expectedTenant.isEmpty() && v.claims.tid.compare(expectedTenant, Qt::CaseInsensitive) != 0)
        v.result = Check::WrongTenant;
    else if (nowMs >= v.claims.exp * 1000)
        v.result = Check::Expired;
    else if (nowMs < v.claims.nbf * 1000)
        v.result = Check::NotYetValid;
    else
        v.result = Check::Ok;
    return v;
}

} // namespace herald::sim
