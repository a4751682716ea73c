#pragma once

// Client credentials with a client secret. The secret is injected (from the
// environment via secretFromEnvironment(), later from the keychain) and
// only ever leaves in the token request body.

#include "auth/ClientCredentialsTokenProvider.h"

namespace herald::auth {

class ClientSecretTokenProvider : public ClientCredentialsTokenProvider
{
    Q_OBJECT

public:
    ClientSecretTokenProvider(QNetworkAccessManager *network, const ClientCredentialsSettings &settings,
                              const QString &secret, QObject *parent = nullptr);

protected:
    graph::GraphError addCredential(FormFields &form) override;

private:
    QString m_secret;
};

} // namespace herald::auth
