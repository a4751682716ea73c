#include "auth/IdentityError.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace herald::auth {

using graph::GraphError;

int aadstsCode(const QJsonObject &body)
{
    const QJsonArray codes = body.value(QStringLiteral("error_codes")).toArray();
    if (!codes.isEmpty() && codes.first().toInt() > 0)
        return codes.first().toInt();
    static const QRegularExpression pattern(QStringLiteral("AADSTS(\\d+)"));
    const auto match = pattern.match(body.value(QStringLiteral("error_description")).toString());
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

QString identityHint(int aadsts, const QString &error)
{
    switch (aadsts) {
    case 7000215:
        return GraphError::tr("The client secret is wrong. Check HERALD_CLIENT_SECRET or the secret stored "
                              "with `herald-cli secret set` (use the secret's Value, not its Secret ID), or "
                              "create a new secret in Entra (App registrations > Certificates & secrets) and "
                              "store it.");
    case 7000222:
        return GraphError::tr(
            "The client secret has expired. Create a new secret in Entra (App registrations "
            "> Certificates & secrets) and store it with `herald-cli secret set`.");
    case 7000218:
        return GraphError::tr("The token request carried no client secret or certificate assertion.");
    case 700016:
        return GraphError::tr("No application with this client id exists in the tenant. Check --client-id "
                              "and --tenant, and that an administrator consented to the app in this tenant.");
    case 90002:
    case 90023:
    case 900023:
        return GraphError::tr("The tenant was not found. Check --tenant (tenant id or verified domain) and "
                              "--cloud.");
    case 70011:
        return GraphError::tr("The requested scope is invalid; app-only tokens need a scope ending in "
                              "/.default.");
    case 65001:
    case 650057:
        return GraphError::tr("An administrator has not granted consent to the app's permissions. Ask a "
                              "Global or Privileged Role Administrator to grant admin consent.");
    case 700027:
    case 700024:
        return GraphError::tr("The client assertion was refused. Check that the certificate is uploaded to "
                              "the app registration and that the machine's clock is right.");
    case 7000112:
        return GraphError::tr("The application is disabled in the tenant.");
    case 70008:
    case 700082:
    case 50173:
    case 700084:
        return GraphError::tr("The delegated sign-in has expired or was revoked. Sign in again with "
                              "`herald-cli login`.");
    case 50011:
        return GraphError::tr("The redirect URI is not registered for the app. Add http://localhost under "
                              "Authentication > Mobile and desktop applications in the app registration.");
    case 501481:
    case 50148:
        return GraphError::tr("The PKCE code verifier did not match: start the sign-in again.");
    case 54005:
        return GraphError::tr("The authorization code was already used: start the sign-in again.");
    default:
        break;
    }
    if (error == QLatin1String("invalid_client"))
        return GraphError::tr("The identity platform rejected the app's credentials: check --client-id and "
                              "the client secret or certificate.");
    if (error == QLatin1String("invalid_grant"))
        return GraphError::tr("The sign-in grant is no longer valid (expired, revoked or already used). Sign "
                              "in again with `herald-cli login`.");
    if (error == QLatin1String("unauthorized_client"))
        return GraphError::tr("The app is not allowed to use this sign-in flow in the tenant.");
    if (error == QLatin1String("invalid_request"))
        return GraphError::tr("Check --tenant, --client-id and --login-url.");
    return {};
}

GraphError identityError(int status, const QJsonObject &body, const QUrl &tokenUrl)
{
    GraphError error;
    error.kind = GraphError::Kind::Auth;
    error.httpStatus = status;
    error.url = tokenUrl;
    error.method = "POST";
    error.code = body.value(QStringLiteral("error")).toString();
    QString description = body.value(QStringLiteral("error_description")).toString();
    // Entra appends "Trace ID: ... Correlation ID: ... Timestamp: ..." (after
    // CR LF, or a space): ids the admin rarely needs; correlation_id is kept.
    const int trace = description.indexOf(QLatin1String("Trace ID:"));
    if (trace > 0)
        description.truncate(trace);
    error.message = description.trimmed();
    if (error.message.isEmpty())
        error.message
            = GraphError::tr("The identity platform refused the token request (HTTP %1).").arg(status);
    error.requestId = body.value(QStringLiteral("correlation_id")).toString();
    error.hint = identityHint(aadstsCode(body), error.code);
    return error;
}

} // namespace herald::auth
