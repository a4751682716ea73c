#include "auth/RefreshTokenProvider.h"

#include "auth/Logging.h"
#include "secrets/SecretStore.h"

namespace herald::auth {

QString delegatedScope(const QString &graphDefaultScope)
{
    return graphDefaultScope + QStringLiteral(" offline_access");
}

RefreshTokenProvider::RefreshTokenProvider(QNetworkAccessManager *network,
                                           const ClientCredentialsSettings &settings,
                                           const QString &refreshToken, QObject *parent)
    : ClientCredentialsTokenProvider(network, settings, parent)
    , m_refreshToken(refreshToken)
{
}

void RefreshTokenProvider::persistTo(secrets::SecretStore *store, const QString &profile)
{
    m_store = store;
    m_profile = profile;
}

FormFields RefreshTokenProvider::grantFields() const
{
    return {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
            {QStringLiteral("refresh_token"), m_refreshToken}};
}

graph::GraphError RefreshTokenProvider::addCredential(FormFields &)
{
    if (m_refreshToken.isEmpty()) {
        auto error = graph::GraphError::make(graph::GraphError::Kind::Auth,
                                             tr("There is no delegated sign-in for this profile."));
        error.hint = tr("Sign in with `herald-cli login`.");
        return error;
    }
    // A public client (desktop app with loopback redirect) sends no secret.
    return {};
}

void RefreshTokenProvider::tokenAnswerReceived(const QJsonObject &answer)
{
    const QString rotated = answer.value(QStringLiteral("refresh_token")).toString();
    if (rotated.isEmpty() || rotated == m_refreshToken)
        return;
    m_refreshToken = rotated;
    qCDebug(lcAuth) << "refresh token rotated";
    if (m_store) {
        auto *job = m_store->write(m_profile, config::SecretKind::RefreshToken, rotated);
        connect(job, &graph::Job::finished, this, [job] {
            if (!job->succeeded())
                qCWarning(lcAuth).noquote()
                    << "could not save the new refresh token:" << job->error().toString();
        });
        job->start();
    }
    emit refreshTokenChanged(rotated);
}

} // namespace herald::auth
