#include "auth/ClientSecretTokenProvider.h"

namespace herald::auth {

ClientSecretTokenProvider::ClientSecretTokenProvider(QNetworkAccessManager *network,
                                                     const ClientCredentialsSettings &settings,
                                                     const QString &secret, QObject *parent)
    : ClientCredentialsTokenProvider(network, settings, parent)
    , m_secret(secret)
{
}

graph::GraphError ClientSecretTokenProvider::addCredential(FormFields &form)
{
    if (m_secret.isEmpty()) {
        auto error = graph::GraphError::make(
            graph::GraphError::Kind::Config,
            tr("No client secret is configured for app %1.").arg(settings().clientId));
        error.hint = tr("Set HERALD_CLIENT_SECRET or store one with `herald-cli secret set --kind client`.");
        return error;
    }
    form.append({QStringLiteral("client_secret"), m_secret});
    return {};
}

} // namespace herald::auth
