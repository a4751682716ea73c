#include "config/ConnectionSettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QUuid>

namespace herald::config {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("herald::config::ConnectionSettings", text);
}

bool isGuid(const QString &text)
{
    // QUuid also accepts braces; Entra ids never have them.
    return text.size() == 36 && !QUuid::fromString(text).isNull();
}

// A tenant is spliced into the token endpoint path, so only a GUID or a DNS
// name is acceptable: anything else could change the URL.
bool isTenantLike(const QString &text)
{
    static const QRegularExpression domain(QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?"
                                                          "(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$"));
    return isGuid(text) || domain.match(text).hasMatch();
}

} // namespace

QStringList cloudNames()
{
    return {cloudName(Cloud::Global), cloudName(Cloud::UsGov), cloudName(Cloud::UsGovDod),
            cloudName(Cloud::China)};
}

QString authMethodName(AuthMethod method)
{
    switch (method) {
    case AuthMethod::Secret:
        return QStringLiteral("secret");
    case AuthMethod::Certificate:
        return QStringLiteral("certificate");
    case AuthMethod::Delegated:
        return QStringLiteral("delegated");
    }
    return {};
}

std::optional<AuthMethod> authMethodFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    for (AuthMethod method : {AuthMethod::Secret, AuthMethod::Certificate, AuthMethod::Delegated}) {
        if (n == authMethodName(method))
            return method;
    }
    return std::nullopt;
}

QString ConnectionSettings::defaultDataDir()
{
    // GenericDataLocation is $XDG_DATA_HOME (~/.local/share) on Linux;
    // AppLocalDataLocation would add organisation/application folders.
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("herald"));
}

QString ConnectionSettings::dataDirFromEnvironment(const QProcessEnvironment &env)
{
    return env.value(QStringLiteral("HERALD_DATA_DIR"));
}

QString checkEndpointUrl(const QUrl &url, const QString &what)
{
    const graph::GraphError error = graph::checkServiceUrl(url, what);
    if (!error.isError())
        return {};
    return error.hint.isEmpty() ? error.message : error.message + QLatin1Char(' ') + error.hint;
}

QStringList ConnectionSettings::validate() const
{
    QStringList problems;
    if (profile.trimmed().isEmpty())
        problems << tr("--profile must not be empty");
    if (!tenant.isEmpty() && !isTenantLike(tenant))
        problems << tr("--tenant '%1' is neither a tenant id (GUID) nor a domain name").arg(tenant);
    if (!clientId.isEmpty() && !isGuid(clientId))
        problems << tr("--client-id '%1' is not an application id (a GUID like "
                       "00000000-0000-0000-0000-000000000000)")
                        .arg(clientId);
    if (!botId.isEmpty() && !isGuid(botId))
        problems << tr("--bot-id '%1' is not a Microsoft App id (a GUID)").arg(botId);
    if (!botTenant.isEmpty() && !isTenantLike(botTenant))
        problems << tr("--bot-tenant '%1' is neither a tenant id (GUID) nor a domain name").arg(botTenant);

    const struct
    {
        const QUrl &url;
        const char *option;
    } urls[] = {{graphUrl, "--graph-url"}, {loginUrl, "--login-url"}, {botServiceUrl, "--bot-service-url"}};
    for (const auto &entry : urls) {
        if (entry.url.isEmpty())
            continue;
        const QString problem = checkEndpointUrl(entry.url, QLatin1String(entry.option));
        if (!problem.isEmpty())
            problems << problem;
    }

    if (concurrency < 0)
        problems << tr("--concurrency must be a positive number of requests");
    if (!(timeScale > 0))
        problems << tr("the time scale must be greater than 0");
    return problems;
}

QStringList ConnectionSettings::missingIdentity() const
{
    QStringList problems;
    if (tenant.isEmpty())
        problems << tr("no tenant: pass --tenant ID (tenant id or verified domain)");
    if (clientId.isEmpty())
        problems << tr("no application: pass --client-id ID (the Entra application id)");
    return problems;
}

} // namespace herald::config
