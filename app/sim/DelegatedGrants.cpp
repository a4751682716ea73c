#include "sim/DelegatedGrants.h"

#include "sim/SimServer.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QUrl>
#include <QUrlQuery>

namespace herald::sim {

namespace {

constexpr auto b64url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
constexpr qint64 kCodeLifetimeMs = 10 * 60 * 1000;

QString randomToken(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (char &c : raw)
        c = char(QRandomGenerator::system()->bounded(256));
    return QString::fromLatin1(raw.toBase64(b64url));
}

} // namespace

DelegatedGrants::DelegatedGrants(const SimOptions &options, const SimClock &clock, const TokenIssuer &issuer,
                                 ErrorFactory aadError)
    : m_options(options)
    , m_clock(clock)
    , m_issuer(issuer)
    , m_aadError(std::move(aadError))
{
}

bool DelegatedGrants::isRegisteredRedirect(const QUrl &url)
{
    const QString host = url.host().toLower();
    return url.isValid() && url.scheme() == QLatin1String("http")
        && (host == QLatin1String("localhost") || host == QLatin1String("127.0.0.1"))
        && url.userInfo().isEmpty() && !url.hasFragment();
}

SimResponse DelegatedGrants::redirectWithError(const QUrl &redirect, const QString &state,
                                               const QString &error, const QString &description) const
{
    QUrl target = redirect;
    QUrlQuery query(target);
    query.addQueryItem(QStringLiteral("error"), error);
    query.addQueryItem(QStringLiteral("error_description"),
                       QString::fromLatin1(QUrl::toPercentEncoding(description)));
    if (!state.isEmpty())
        query.addQueryItem(QStringLiteral("state"), QString::fromLatin1(QUrl::toPercentEncoding(state)));
    target.setQuery(query);
    SimResponse response = SimResponse::empty(302);
    response.setHeader("Location", target.toEncoded());
    return response;
}

SimResponse DelegatedGrants::authorize(const SimRequest &request)
{
    if (request.method != "GET" && request.method != "POST")
        return m_aadError(405, QStringLiteral("invalid_request"), 900561,
                          QStringLiteral("The authorize endpoint accepts GET and POST."));
    const QString clientId = request.queryValue(QStringLiteral("client_id"));
    const QUrl redirect(request.queryValue(QStringLiteral("redirect_uri")), QUrl::StrictMode);
    // Errors about the client or the redirect URI are shown on the sign-in
    // page: there is no safe place to redirect to.
    if (clientId.compare(m_options.clientId, Qt::CaseInsensitive) != 0)
        return m_aadError(
            400, QStringLiteral("unauthorized_client"), 700016,
            QStringLiteral("Application with identifier '%1' was not found in the directory '%2'.")
                .arg(clientId, m_options.tenantDomain));
    if (!isRegisteredRedirect(redirect))
        return m_aadError(400, QStringLiteral("invalid_request"), 50011,
                          QStringLiteral("The redirect URI '%1' specified in the request does not match the "
                                         "redirect URIs configured for the application '%2'.")
                              .arg(redirect.toString(), m_options.clientId));
    const QString state = request.queryValue(QStringLiteral("state"));
    if (request.queryValue(QStringLiteral("response_type")) != QLatin1String("code"))
        return redirectWithError(redirect, state, QStringLiteral("unsupported_response_type"),
                                 QStringLiteral("AADSTS700054: response_type 'code' is required."));
    const QString scope = request.queryValue(QStringLiteral("scope"));
    if (scope.trimmed().isEmpty())
        return redirectWithError(redirect, state, QStringLiteral("invalid_request"),
                                 QStringLiteral("AADSTS900144: The request body must contain the following "
                                                "parameter: 'scope'."));
    const QString challenge = request.queryValue(QStringLiteral("code_challenge"));
    const QString method = request.queryValue(QStringLiteral("code_challenge_method"));
    if (challenge.isEmpty() || method != QLatin1String("S256"))
        return redirectWithError(redirect, state, QStringLiteral("invalid_request"),
                                 QStringLiteral("AADSTS9002325: Proof Key for Code Exchange is required "
                                                "(code_challenge with code_challenge_method=S256)."));

    PendingCode pending;
    pending.clientId = clientId;
    pending.redirectUri = redirect.toString();
    pending.challenge = challenge;
    pending.scope = scope;
    pending.expiresAtMs = m_clock.epochMs() + kCodeLifetimeMs;
    const QString code = randomToken(48);
    m_codes.insert(code, pending);

    QUrl target = redirect;
    QUrlQuery query(target);
    query.addQueryItem(QStringLiteral("code"), code);
    if (!state.isEmpty())
        query.addQueryItem(QStringLiteral("state"), QString::fromLatin1(QUrl::toPercentEncoding(state)));
    query.addQueryItem(QStringLiteral("session_state"), randomToken(12));
    target.setQuery(query);
    SimResponse response = SimResponse::empty(302);
    response.setHeader("Location", target.toEncoded());
    response.setHeader("Cache-Control", "no-store");
    return response;
}

SimResponse DelegatedGrants::authorizationCode(const QHash<QString, QString> &form)
{
    const QString code = form.value(QStringLiteral("code"));
    const auto it = m_codes.constFind(code);
    if (code.isEmpty() || it == m_codes.constEnd())
        return m_aadError(400, QStringLiteral("invalid_grant"), 54005,
                          QStringLiteral("OAuth2 Authorization code was already redeemed, or is not valid."));
    const PendingCode pending = it.value();
    // Single use, whatever happens next.
    m_codes.remove(code);
    if (m_clock.epochMs() > pending.expiresAtMs)
        return m_aadError(
            400, QStringLiteral("invalid_grant"), 70008,
            QStringLiteral("The provided authorization code or refresh token has expired due to "
                           "inactivity."));
    if (form.value(QStringLiteral("client_id")).compare(pending.clientId, Qt::CaseInsensitive) != 0)
        return m_aadError(
            400, QStringLiteral("invalid_grant"), 70000,
            QStringLiteral("The provided authorization code was issued to a different client."));
    if (form.value(QStringLiteral("redirect_uri")) != pending.redirectUri)
        return m_aadError(400, QStringLiteral("invalid_grant"), 50011,
                          QStringLiteral("The redirect URI '%1' does not match the one of the authorization "
                                         "request ('%2').")
                              .arg(form.value(QStringLiteral("redirect_uri")), pending.redirectUri));
    const QByteArray verifier = form.value(QStringLiteral("code_verifier")).toLatin1();
    const QByteArray computed
        = QCryptographicHash::hash(verifier, QCryptographicHash::Sha256).toBase64(b64url);
    if (verifier.isEmpty() || computed != pending.challenge.toLatin1())
        return m_aadError(
            400, QStringLiteral("invalid_grant"), 501481,
            QStringLiteral("The Code_Verifier does not match the code_challenge supplied in the "
                           "authorization request."));
    // The user consented, on the (skipped) sign-in page, to what /authorize asked for.
    const ScopeRequest request = parseScope(pending.scope);
    return issue({pending.clientId, pending.scope, request.permissions, request.offline});
}

SimResponse DelegatedGrants::refreshToken(const QHash<QString, QString> &form)
{
    const QString token = form.value(QStringLiteral("refresh_token"));
    const auto it = m_refreshTokens.constFind(token);
    if (token.isEmpty() || it == m_refreshTokens.constEnd())
        return m_aadError(400, QStringLiteral("invalid_grant"), 70000,
                          QStringLiteral("The provided value for the input parameter 'refresh_token' is not "
                                         "valid: it has expired, was revoked or was already redeemed."));
    if (form.value(QStringLiteral("client_id")).compare(m_options.clientId, Qt::CaseInsensitive) != 0)
        return m_aadError(400, QStringLiteral("invalid_grant"), 70000,
                          QStringLiteral("The refresh token was issued to a different client."));
    Grant grant = it.value();
    m_refreshTokens.remove(token); // rotation: see the header
    // The refresh request names the scopes it wants now (any consented ones);
    // without a scope parameter it gets those of the previous request.
    const QString requested = form.value(QStringLiteral("scope")).trimmed();
    if (!requested.isEmpty())
        grant.scope = requested;
    return issue(grant);
}

QStringList DelegatedGrants::defaultScopes()
{
    // Preflight's delegated table (app/auth/Preflight.cpp) asks for these.
    return {QStringLiteral("User.Read"),
            QStringLiteral("User.ReadBasic.All"),
            QStringLiteral("GroupMember.Read.All"),
            QStringLiteral("Team.ReadBasic.All"),
            QStringLiteral("TeamMember.Read.All"),
            QStringLiteral("AppCatalog.Read.All"),
            QStringLiteral("TeamsAppInstallation.ReadWriteSelfForUser"),
            QStringLiteral("TeamsAppInstallation.ReadWriteSelfForTeam"),
            QStringLiteral("Chat.ReadBasic")};
}

QStringList DelegatedGrants::adminConsented() const
{
    return m_options.delegatedScopes.isEmpty() ? defaultScopes() : m_options.delegatedScopes;
}

DelegatedGrants::ScopeRequest DelegatedGrants::parseScope(const QString &scope)
{
    static const QString graphPrefix = TokenIssuer::graphAudience() + QLatin1Char('/');
    ScopeRequest request;
    for (const QString &item : scope.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (item == QLatin1String("offline_access")) {
            request.offline = true;
        } else if (item == QLatin1String("openid") || item == QLatin1String("profile")
                   || item == QLatin1String("email")) {
            request.oidc << item;
        } else {
            // Graph is the default resource: "User.Read" = "https://graph.microsoft.com/User.Read".
            const QString name = item.startsWith(graphPrefix, Qt::CaseInsensitive)
                ? item.mid(graphPrefix.size())
                : item.section(QLatin1Char('/'), -1);
            if (name == QLatin1String(".default"))
                request.all = true;
            else if (!name.isEmpty() && !request.permissions.contains(name, Qt::CaseInsensitive))
                request.permissions << name;
        }
    }
    return request;
}

SimResponse DelegatedGrants::issue(const Grant &grant)
{
    const ScopeRequest request = parseScope(grant.scope);
    QStringList consented = adminConsented();
    for (const QString &permission : grant.userConsented) {
        if (!consented.contains(permission, Qt::CaseInsensitive))
            consented << permission;
    }
    QStringList granted;
    if (request.all)
        granted = consented;
    for (const QString &permission : request.permissions) {
        if (!consented.contains(permission, Qt::CaseInsensitive))
            return m_aadError(400, QStringLiteral("invalid_grant"), 65001,
                              QStringLiteral("The user or administrator has not consented to use the "
                                             "application with ID '%1'. Send an interactive authorization "
                                             "request for this user and resource.")
                                  .arg(grant.clientId));
        if (!granted.contains(permission, Qt::CaseInsensitive))
            granted << permission;
    }
    TokenClaims claims;
    claims.aud = TokenIssuer::graphAudience();
    claims.tid = m_options.tenantId;
    claims.iss = QStringLiteral("https://sts.windows.net/%1/").arg(m_options.tenantId);
    claims.appid = grant.clientId;
    claims.idtyp = QStringLiteral("user");
    claims.scp = granted.join(QLatin1Char(' '));
    claims.oid = m_options.signedInUser;
    claims.iat = m_clock.epochSeconds();
    claims.nbf = claims.iat;
    claims.exp = claims.iat + m_options.tokenTtlSeconds;
    const QString scope = (granted + request.oidc).join(QLatin1Char(' '));
    QJsonObject body{{QStringLiteral("token_type"), QStringLiteral("Bearer")},
                     {QStringLiteral("scope"), scope},
                     {QStringLiteral("expires_in"), m_options.tokenTtlSeconds},
                     {QStringLiteral("ext_expires_in"), m_options.tokenTtlSeconds},
                     {QStringLiteral("access_token"), QString::fromLatin1(m_issuer.issue(claims))}};
    if (grant.offline) {
        const QString refresh = randomToken(64);
        m_refreshTokens.insert(refresh, grant);
        body.insert(QStringLiteral("refresh_token"), refresh);
    }
    SimResponse response = SimResponse::json(200, body);
    response.setHeader("Cache-Control", "no-store, no-cache");
    response.setHeader("Pragma", "no-cache");
    return response;
}

} // namespace herald::sim
