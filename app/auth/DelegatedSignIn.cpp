#include "auth/DelegatedSignIn.h"

#include "auth/IdentityError.h"
#include "auth/Logging.h"
#include "auth/Pkce.h"
#include "graph/Endpoints.h"
#include "graph/OData.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QOAuth2AuthorizationCodeFlow>
#include <QOAuthHttpServerReplyHandler>
#include <QRandomGenerator>

namespace herald::auth {

using graph::GraphError;

namespace {

QUrl endpoint(const QUrl &base, const QString &tenant, const QString &leaf)
{
    QUrl url = base;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QLatin1Char('/') + graph::odata::pathSegment(tenant) + QStringLiteral("/oauth2/v2.0/")
                    + leaf,
                QUrl::TolerantMode);
    return url;
}

} // namespace

DelegatedSignIn::DelegatedSignIn(const Settings &settings, QObject *parent)
    : graph::Job(parent)
    , m_settings(settings)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        auto error = GraphError::make(
            GraphError::Kind::Timeout,
            tr("The sign-in did not complete within %1 seconds.").arg(m_settings.timeoutMs / 1000));
        error.hint
            = tr("Open the printed URL in a browser on this machine and finish signing in; run the command "
                 "again to get a new URL.");
        fail(error);
    });
}

DelegatedSignIn::~DelegatedSignIn()
{
    cleanUp();
}

QUrl DelegatedSignIn::redirectUri() const
{
    if (!m_handler)
        return {};
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("localhost"));
    url.setPort(m_handler->port());
    url.setPath(QStringLiteral("/"));
    return url;
}

void DelegatedSignIn::doStart()
{
    for (const auto &[url, what] : {qMakePair(m_settings.loginBase, tr("login URL"))}) {
        const GraphError error = graph::checkServiceUrl(url, what);
        if (error.isError()) {
            fail(error);
            return;
        }
    }
    if (m_settings.tenant.isEmpty() || m_settings.clientId.isEmpty()) {
        fail(GraphError::make(GraphError::Kind::Config,
                              tr("A tenant and a client id are needed to sign in (--tenant, --client-id).")));
        return;
    }
    // Loopback only: the redirect carries the authorization code.
    m_handler = new QOAuthHttpServerReplyHandler(QHostAddress::LocalHost, m_settings.port, this);
    if (!m_handler->isListening()) {
        fail(GraphError::make(
            GraphError::Kind::Config,
            tr("Cannot listen on 127.0.0.1:%1 for the sign-in redirect.").arg(m_settings.port)));
        return;
    }
    m_handler->setCallbackText(tr("Herald: signed in. You can close this window and return to Herald."));

    m_network = new QNetworkAccessManager(this);
    connect(m_network, &QNetworkAccessManager::finished, this, &DelegatedSignIn::onTokenReply);
    m_flow = new QOAuth2AuthorizationCodeFlow(m_network, this);
    m_flow->setAuthorizationUrl(
        endpoint(m_settings.loginBase, m_settings.tenant, QStringLiteral("authorize")));
    m_flow->setAccessTokenUrl(endpoint(m_settings.loginBase, m_settings.tenant, QStringLiteral("token")));
    m_flow->setClientIdentifier(m_settings.clientId);
    m_flow->setScope(m_settings.scope);
    m_flow->setReplyHandler(m_handler);

    m_verifier = pkce::generateVerifier();
    const QByteArray challenge = pkce::challengeS256(m_verifier);
    const QString redirect = redirectUri().toString();
    m_flow->setModifyParametersFunction(
        [this, challenge, redirect](QAbstractOAuth::Stage stage, QMultiMap<QString, QVariant> *parameters) {
            switch (stage) {
            case QAbstractOAuth::Stage::RequestingAuthorization:
                parameters->replace(QStringLiteral("redirect_uri"), redirect);
                parameters->replace(QStringLiteral("code_challenge"), QString::fromLatin1(challenge));
                parameters->replace(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
                break;
            case QAbstractOAuth::Stage::RequestingAccessToken:
                parameters->replace(QStringLiteral("redirect_uri"), redirect);
                parameters->replace(QStringLiteral("code_verifier"), QString::fromLatin1(m_verifier));
                break;
            default:
                break;
            }
        });
    connect(m_flow, &QAbstractOAuth::authorizeWithBrowser, this, [this](const QUrl &url) {
        qCDebug(lcAuth) << "sign-in URL ready; waiting for the redirect on" << redirectUri().toString();
        emit authorizationUrlReady(url);
    });
    connect(m_flow, &QAbstractOAuth2::error, this,
            [this](const QString &error, const QString &description, const QUrl &) {
                QJsonObject body{{QStringLiteral("error"), error},
                                 {QStringLiteral("error_description"), description}};
                fail(identityError(400, body, m_flow ? m_flow->authorizationUrl() : QUrl()));
            });
    connect(m_flow, &QAbstractOAuth::granted, this, [this] {
        if (isFinished())
            return;
        m_accessToken = m_flow->token();
        m_refreshToken = m_flow->refreshToken();
        const QDateTime expiry = m_flow->expirationAt();
        m_expiresIn = expiry.isValid() ? QDateTime::currentDateTimeUtc().secsTo(expiry) : 0;
        if (m_accessToken.isEmpty()) {
            fail(GraphError::make(GraphError::Kind::Protocol, tr("The sign-in returned no access token.")));
            return;
        }
        if (m_refreshToken.isEmpty())
            qCWarning(lcAuth) << "the sign-in returned no refresh token (offline_access not granted?)";
        cleanUp();
        finishOk();
    });
    m_timeout.start(m_settings.timeoutMs);
    m_flow->grant();
}

void DelegatedSignIn::onTokenReply(QNetworkReply *reply)
{
    // Qt 6.4's flow drops token-endpoint errors with a warning; the body
    // (AADSTS code and description) is read here instead.
    if (isFinished() || !m_flow || reply->url().adjusted(QUrl::RemoveQuery) != m_flow->accessTokenUrl())
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status >= 200 && status < 300)
        return;
    if (status == 0) {
        fail(GraphError::make(GraphError::Kind::Network,
                              tr("Could not reach the identity platform: %1").arg(reply->errorString()),
                              m_flow->accessTokenUrl()));
        return;
    }
    const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
    fail(identityError(status, body, m_flow->accessTokenUrl()));
}

void DelegatedSignIn::fail(const GraphError &error)
{
    if (isFinished())
        return;
    cleanUp();
    finishWithError(error);
}

void DelegatedSignIn::doAbort()
{
    cleanUp();
}

void DelegatedSignIn::cleanUp()
{
    m_timeout.stop();
    m_verifier.fill('\0');
    if (m_flow) {
        m_flow->disconnect(this);
        m_flow->deleteLater();
        m_flow = nullptr;
    }
    if (m_handler) {
        m_handler->close();
        m_handler->deleteLater();
        m_handler = nullptr;
    }
    if (m_network)
        m_network->disconnect(this);
}

} // namespace herald::auth
