#include "auth/TokenFactory.h"

#include "auth/CertificateTokenProvider.h"
#include "auth/ClientSecretTokenProvider.h"
#include "auth/RefreshTokenProvider.h"
#include "config/Clouds.h"

#include <QCoreApplication>

namespace herald::auth {

using graph::GraphError;

namespace {

// lupdate files a tr() outside a class under the enclosing namespace: same context here.
QString tr(const char *text)
{
    return QCoreApplication::translate("herald::auth", text);
}

std::unique_ptr<ClientCredentialsTokenProvider> appOnlyProvider(QNetworkAccessManager *network,
                                                                const ClientCredentialsSettings &identity,
                                                                const config::ConnectionSettings &settings,
                                                                const QString &secret, GraphError *error)
{
    if (settings.usesCertificate()) {
        auto credential = CertificateCredential::load(settings.certFile, error);
        if (!credential)
            return nullptr;
        return std::make_unique<CertificateTokenProvider>(network, identity, std::move(credential));
    }
    return std::make_unique<ClientSecretTokenProvider>(network, identity, secret);
}

void configure(ClientCredentialsTokenProvider &provider, const config::ConnectionSettings &settings,
               const TokenFactoryOptions &options)
{
    provider.setTimeScale(settings.timeScale);
    provider.setRequestLog(options.requestLog);
}

} // namespace

std::unique_ptr<TokenProvider> makeGraphTokenProvider(QNetworkAccessManager *network,
                                                      const config::ConnectionSettings &settings,
                                                      const config::Credentials &credentials,
                                                      GraphError *error, const TokenFactoryOptions &options)
{
    ClientCredentialsSettings identity;
    identity.loginBase = config::effectiveLoginUrl(settings);
    identity.tenant = settings.tenant;
    identity.clientId = settings.clientId;
    identity.scope = graph::graphDefaultScope(settings.cloud);
    if (settings.usesDelegated()) {
        identity.scope = delegatedScope(identity.scope);
        auto provider = std::make_unique<RefreshTokenProvider>(network, identity, credentials.refreshToken);
        provider->persistTo(options.secretStore, settings.profile);
        configure(*provider, settings, options);
        return provider;
    }
    auto provider = appOnlyProvider(network, identity, settings, credentials.clientSecret, error);
    if (!provider)
        return nullptr;
    configure(*provider, settings, options);
    return provider;
}

std::unique_ptr<TokenProvider> makeBotTokenProvider(QNetworkAccessManager *network,
                                                    const config::ConnectionSettings &settings,
                                                    const config::Credentials &credentials, GraphError *error,
                                                    const TokenFactoryOptions &options)
{
    ClientCredentialsSettings identity;
    identity.loginBase = config::effectiveLoginUrl(settings);
    identity.tenant = settings.effectiveBotTenant();
    identity.clientId = settings.effectiveBotId();
    identity.scope = config::botScope(settings);
    const bool sameApp = settings.effectiveBotId() == settings.clientId;
    std::unique_ptr<ClientCredentialsTokenProvider> provider;
    if (!credentials.botSecret.isEmpty()) {
        provider = std::make_unique<ClientSecretTokenProvider>(network, identity, credentials.botSecret);
    } else if (sameApp && settings.usesCertificate()) {
        provider = appOnlyProvider(network, identity, settings, QString(), error);
        if (!provider)
            return nullptr;
    } else {
        *error = GraphError::make(
            GraphError::Kind::Auth,
            tr("No bot secret for bot %1 (profile '%2').").arg(settings.effectiveBotId(), settings.profile));
        error->hint = tr("Set HERALD_BOT_SECRET or store it with `herald-cli secret set --kind bot`.");
        return nullptr;
    }
    configure(*provider, settings, options);
    return provider;
}

} // namespace herald::auth
