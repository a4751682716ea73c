#pragma once

// Delegated access tokens from a refresh token (the refresh_token grant of
// the authorization code flow, public client: no secret):
//   grant_type=refresh_token&client_id=..&refresh_token=..&scope=..
// The identity platform answers with a new refresh token each time (they
// rotate): refreshTokenChanged() hands it out, and with a SecretStore it is
// saved under the profile, replacing the old one. An expired or revoked
// refresh token (invalid_grant) is an Auth error that says to sign in again.

#include "auth/ClientCredentialsTokenProvider.h"

namespace herald::secrets {
class SecretStore;
}

namespace herald::auth {

// The delegated scope Herald asks for: Graph's configured delegated
// permissions plus a refresh token.
QString delegatedScope(const QString &graphDefaultScope);

class RefreshTokenProvider : public ClientCredentialsTokenProvider
{
    Q_OBJECT

signals:
    void refreshTokenChanged(const QString &refreshToken);

public:
    RefreshTokenProvider(QNetworkAccessManager *network, const ClientCredentialsSettings &settings,
                         const QString &refreshToken, QObject *parent = nullptr);

    // Save rotated refresh tokens in `store` under `profile`.
    void persistTo(secrets::SecretStore *store, const QString &profile);
    QString refreshToken() const { return m_refreshToken; }

protected:
    FormFields grantFields() const override;
    graph::GraphError addCredential(FormFields &form) override;
    void tokenAnswerReceived(const QJsonObject &answer) override;

private:
    QString m_refreshToken;
    QPointer<secrets::SecretStore> m_store;
    QString m_profile;
};

} // namespace herald::auth
