#include "auth/CertificateTokenProvider.h"

namespace herald::auth {

CertificateTokenProvider::CertificateTokenProvider(QNetworkAccessManager *network,
                                                   const ClientCredentialsSettings &settings,
                                                   std::shared_ptr<const CertificateCredential> credential,
                                                   QObject *parent)
    : ClientCredentialsTokenProvider(network, settings, parent)
    , m_credential(std::move(credential))
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
}

graph::GraphError CertificateTokenProvider::addCredential(FormFields &form)
{
    if (!m_credential)
        return graph::GraphError::make(graph::GraphError::Kind::Config,
                                       tr("No certificate is loaded (--cert)."));
    const QByteArray assertion
        = m_credential->makeAssertion(settings().clientId, tokenEndpoint(), m_clock(), m_algorithm);
    if (assertion.isEmpty())
        return graph::GraphError::make(graph::GraphError::Kind::Config,
                                       tr("Signing the client assertion with the certificate's key failed."));
    form.append({QStringLiteral("client_assertion_type"),
                 QStringLiteral("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")});
    form.append({QStringLiteral("client_assertion"), QString::fromLatin1(assertion)});
    return {};
}

} // namespace herald::auth
