#include "sim/TokenEndpoint.h"

#include "sim/ClientAssertionVerifier.h"
#include "sim/DelegatedGrants.h"
#include "sim/SimLog.h"

#include <QDateTime>
#include <QJsonArray>
#include <QUuid>

namespace herald::sim {

namespace {

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

} // namespace

TokenEndpoint::TokenEndpoint(const SimOptions &options, const SimClock &clock, const TokenIssuer &issuer)
    : m_options(options)
    , m_clock(clock)
    , m_issuer(issuer)
{
    m_grants.insert(QStringLiteral("client_credentials"),
                    [this](const Context &context) { return clientCredentials(context); });
    m_assertions = std::make_unique<ClientAssertionVerifier>();
    if (!m_options.clientCertificatePem.isEmpty()) {
        QString error;
        if (!m_assertions->setCertificate(m_options.clientCertificatePem, &error))
            qCWarning(lcSim).noquote() << "--client-cert:" << error;
    }
    m_delegated = std::make_unique<DelegatedGrants>(
        m_options, m_clock, m_issuer,
        [this](int status, const QString &error, int code, const QString &description) {
            return aadError(status, error, code, description);
        });
    // Delegated grants exist in the customer's tenant only (not botframework.com).
    auto delegated = [this](SimResponse (DelegatedGrants::*grant)(const QHash<QString, QString> &)) {
        return [this, grant](const Context &context) {
            if (context.authority != Authority::Tenant)
                return aadError(400, QStringLiteral("unauthorized_client"), 700016,
                                QStringLiteral("Delegated sign-in is not available in the directory '%1'.")
                                    .arg(context.tenantSegment));
            // A confidential client may authenticate; a public client sends no secret.
            if (context.form.contains(QStringLiteral("client_secret"))
                || context.form.contains(QStringLiteral("client_assertion"))) {
                SimResponse error;
                if (!authenticateClient(context, &error))
                    return error;
            }
            return ((*m_delegated).*grant)(context.form);
        };
    };
    m_grants.insert(QStringLiteral("authorization_code"), delegated(&DelegatedGrants::authorizationCode));
    m_grants.insert(QStringLiteral("refresh_token"), delegated(&DelegatedGrants::refreshToken));
}

TokenEndpoint::~TokenEndpoint() = default;

SimResponse TokenEndpoint::authorize(const QString &tenantSegment, const SimRequest &request) const
{
    if (tenantSegment.compare(m_options.tenantId, Qt::CaseInsensitive) != 0
        && tenantSegment.compare(m_options.tenantDomain, Qt::CaseInsensitive) != 0
        && tenantSegment.compare(QLatin1String("organizations"), Qt::CaseInsensitive) != 0) {
        return aadError(
            400, QStringLiteral("invalid_request"), 90002,
            QStringLiteral("Tenant '%1' not found. Check to make sure you have the correct tenant ID "
                           "and are signing into the correct cloud.")
                .arg(tenantSegment));
    }
    return m_delegated->authorize(request);
}

QStringList TokenEndpoint::defaultRoles()
{
    return {QStringLiteral("User.Read.All"),
            QStringLiteral("GroupMember.Read.All"),
            QStringLiteral("Group.Read.All"),
            QStringLiteral("Team.ReadBasic.All"),
            QStringLiteral("TeamMember.Read.All"),
            QStringLiteral("AppCatalog.Read.All"),
            QStringLiteral("TeamsAppInstallation.ReadWriteSelfForUser.All"),
            QStringLiteral("TeamsAppInstallation.ReadWriteSelfForTeam.All"),
            QStringLiteral("Chat.Read.All")};
}

SimResponse TokenEndpoint::aadError(int status, const QString &error, int code,
                                    const QString &description) const
{
    const QString traceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString correlationId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString timestamp
        = m_clock.now().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QStringLiteral("Z");
    const QString full = QStringLiteral("AADSTS%1: %2 Trace ID: %3 Correlation ID: %4 Timestamp: %5")
                             .arg(code)
                             .arg(description, traceId, correlationId, timestamp);
    return SimResponse::json(
        status,
        QJsonObject{{QStringLiteral("error"), error},
                    {QStringLiteral("error_description"), full},
                    {QStringLiteral("error_codes"), QJsonArray{code}},
                    {QStringLiteral("timestamp"), timestamp},
                    {QStringLiteral("trace_id"), traceId},
                    {QStringLiteral("correlation_id"), correlationId},
                    {QStringLiteral("error_uri"),
                     QStringLiteral("https://login.microsoftonline.com/error?code=%1").arg(code)}});
}

SimResponse TokenEndpoint::handle(const QString &tenantSegment, const SimRequest &request) const
{
    if (request.method != "POST") {
        return aadError(400, QStringLiteral("invalid_request"), 900561,
                        QStringLiteral("The endpoint only accepts POST requests. Received a %1 request.")
                            .arg(QString::fromLatin1(request.method)));
    }
    Context context;
    context.tenantSegment = tenantSegment;
    context.host = request.header("host");
    for (const auto &field : SimRequest::parseQuery(request.body))
        context.form.insert(field.first, field.second);

    if (tenantSegment.compare(m_options.tenantId, Qt::CaseInsensitive) == 0
        || tenantSegment.compare(m_options.tenantDomain, Qt::CaseInsensitive) == 0) {
        context.authority = Authority::Tenant;
    } else if (tenantSegment.compare(QLatin1String("botframework.com"), Qt::CaseInsensitive) == 0) {
        context.authority = Authority::BotFramework;
    } else {
        return aadError(
            400, QStringLiteral("invalid_request"), 90002,
            QStringLiteral("Tenant '%1' not found. Check to make sure you have the correct tenant ID "
                           "and are signing into the correct cloud.")
                .arg(tenantSegment));
    }

    const QString grantType = context.form.value(QStringLiteral("grant_type"));
    if (grantType.isEmpty()) {
        return aadError(
            400, QStringLiteral("invalid_request"), 900144,
            QStringLiteral("The request body must contain the following parameter: 'grant_type'."));
    }
    const auto grant = m_grants.constFind(grantType);
    if (grant == m_grants.constEnd()) {
        return aadError(400, QStringLiteral("unsupported_grant_type"), 70003,
                        QStringLiteral("The app requested an unsupported grant type '%1'.").arg(grantType));
    }
    return grant.value()(context);
}

bool TokenEndpoint::authenticateClient(const Context &context, SimResponse *error) const
{
    const QString clientId = context.form.value(QStringLiteral("client_id"));
    if (clientId.isEmpty()) {
        *error
            = aadError(400, QStringLiteral("invalid_request"), 900144,
                       QStringLiteral("The request body must contain the following parameter: 'client_id'."));
        return false;
    }
    if (clientId.compare(m_options.clientId, Qt::CaseInsensitive) != 0) {
        const QString directory = context.authority == Authority::BotFramework
            ? QStringLiteral("botframework.com")
            : m_options.tenantDomain;
        *error = aadError(
            400, QStringLiteral("unauthorized_client"), 700016,
            QStringLiteral("Application with identifier '%1' was not found in the directory '%2'. "
                           "This can happen if the application has not been installed by the "
                           "administrator of the tenant or consented to by any user in the tenant.")
                .arg(clientId, directory));
        return false;
    }
    if (context.form.contains(QStringLiteral("client_assertion"))) {
        // Certificate credentials: verified against the --client-cert certificate.
        if (context.form.value(QStringLiteral("client_assertion_type"))
            != QLatin1String("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")) {
            *error = aadError(400, QStringLiteral("invalid_request"), 700025,
                              QStringLiteral("client_assertion_type must be "
                                             "'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'."));
            return false;
        }
        QString host = QString::fromLatin1(context.host);
        if (host.isEmpty())
            host = QStringLiteral("127.0.0.1");
        const QString audience
            = QStringLiteral("http://%1/%2/oauth2/v2.0/token").arg(host, context.tenantSegment);
        const ClientAssertionVerifier::Result verdict
            = m_assertions->verify(context.form.value(QStringLiteral("client_assertion")).toLatin1(),
                                   clientId, audience, QDateTime::currentSecsSinceEpoch());
        if (!verdict.ok) {
            *error = aadError(verdict.status, verdict.error, verdict.aadsts, verdict.description);
            return false;
        }
        return true;
    }
    const QString secret = context.form.value(QStringLiteral("client_secret"));
    if (secret.isEmpty()) {
        *error = aadError(401, QStringLiteral("invalid_client"), 7000218,
                          QStringLiteral("The request body must contain the following parameter: "
                                         "'client_assertion' or 'client_secret'."));
        return false;
    }
    if (!constantTimeEquals(secret.toUtf8(), m_options.clientSecret.toUtf8())) {
        *error
            = aadError(401, QStringLiteral("invalid_client"), 7000215,
                       QStringLiteral("Invalid client secret provided. Ensure the secret being sent in the "
                                      "request is the client secret value, not the client secret ID, for a "
                                      "secret added to app '%1'.")
                           .arg(m_options.clientId));
        return false;
    }
    return true;
}

SimResponse TokenEndpoint::clientCredentials(const Context &context) const
{
    SimResponse error;
    const QString scope = context.form.value(QStringLiteral("scope")).trimmed();
    const QString clientId = context.form.value(QStringLiteral("client_id"));
    if (!clientId.isEmpty() && clientId.compare(m_options.clientId, Qt::CaseInsensitive) != 0) {
        authenticateClient(context, &error);
        return error;
    }
    if (scope.isEmpty()) {
        return aadError(400, QStringLiteral("invalid_request"), 900144,
                        QStringLiteral("The request body must contain the following parameter: 'scope'."));
    }
    QString audience;
    if (scope.compare(QLatin1String("https://graph.microsoft.com/.default"), Qt::CaseInsensitive) == 0)
        audience = TokenIssuer::graphAudience();
    else if (scope.compare(QLatin1String("https://api.botframework.com/.default"), Qt::CaseInsensitive) == 0)
        audience = TokenIssuer::botAudience();
    if (audience.isEmpty()) {
        // The client credentials flow takes exactly one "{resource}/.default" scope.
        return aadError(
            400, QStringLiteral("invalid_scope"), 70011,
            QStringLiteral("The provided request must include a 'scope' input parameter. The provided "
                           "value for the input parameter 'scope' is not valid. The scope %1 is not "
                           "valid.")
                .arg(scope));
    }
    if (audience == TokenIssuer::graphAudience() && context.authority == Authority::BotFramework) {
        // The app is registered in the customer's tenant, not in botframework.com.
        return aadError(400, QStringLiteral("unauthorized_client"), 700016,
                        QStringLiteral("Application with identifier '%1' was not found in the directory "
                                       "'botframework.com'.")
                            .arg(clientId));
    }
    if (!authenticateClient(context, &error))
        return error;

    if (audience == TokenIssuer::botAudience()) {
        const QString tenant = context.authority == Authority::BotFramework
            ? TokenIssuer::botFrameworkTenantId()
            : m_options.tenantId;
        return issueToken(audience, tenant, {});
    }
    return issueToken(audience, m_options.tenantId,
                      m_options.roles.isEmpty() ? defaultRoles() : m_options.roles);
}

SimResponse TokenEndpoint::issueToken(const QString &audience, const QString &tenantId,
                                      const QStringList &roles) const
{
    TokenClaims claims;
    claims.aud = audience;
    claims.tid = tenantId;
    claims.iss = QStringLiteral("https://sts.windows.net/%1/").arg(tenantId);
    claims.appid = m_options.clientId;
    claims.roles = roles;
    claims.iat = m_clock.epochSeconds();
    claims.nbf = claims.iat;
    claims.exp = claims.iat + m_options.tokenTtlSeconds;
    SimResponse response = SimResponse::json(
        200,
        QJsonObject{{QStringLiteral("token_type"), QStringLiteral("Bearer")},
                    {QStringLiteral("expires_in"), m_options.tokenTtlSeconds},
                    {QStringLiteral("ext_expires_in"), m_options.tokenTtlSeconds},
                    {QStringLiteral("access_token"), QString::fromLatin1(m_issuer.issue(claims))}});
    response.setHeader("Cache-Control", "no-store, no-cache");
    response.setHeader("Pragma", "no-cache");
    return response;
}

} // namespace herald::sim
