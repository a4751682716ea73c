#pragma once

// Client credentials with a certificate: every token request carries a
// fresh client assertion (CertificateCredential::makeAssertion) with
// aud = this provider's token endpoint.

#include "auth/CertificateCredential.h"
#include "auth/ClientCredentialsTokenProvider.h"

#include <functional>
#include <memory>

namespace herald::auth {

class CertificateTokenProvider : public ClientCredentialsTokenProvider
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;

    CertificateTokenProvider(QNetworkAccessManager *network, const ClientCredentialsSettings &settings,
                             std::shared_ptr<const CertificateCredential> credential,
                             QObject *parent = nullptr);

    void setAlgorithm(CertificateCredential::Algorithm algorithm) { m_algorithm = algorithm; }
    // Tests move the clock to provoke "assertion not yet valid" answers.
    void setClock(Clock clock) { m_clock = std::move(clock); }

protected:
    graph::GraphError addCredential(FormFields &form) override;

private:
    std::shared_ptr<const CertificateCredential> m_credential;
    CertificateCredential::Algorithm m_algorithm = CertificateCredential::Algorithm::RS256;
    Clock m_clock;
};

} // namespace herald::auth
