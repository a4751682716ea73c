#pragma once

// Delegated sign-in: the OAuth 2.0 authorization code flow with PKCE (S256)
// and a loopback redirect, through Qt NetworkAuth:
//   QOAuth2AuthorizationCodeFlow builds the /authorize URL, generates and
//   checks `state`, and redeems the code; QOAuthHttpServerReplyHandler
//   receives the redirect on 127.0.0.1:PORT. Qt 6.4 has no PKCE, so the
//   code_challenge / code_verifier are added with setModifyParametersFunction.
// The redirect URI sent is http://localhost:PORT/ -- the app registration
// lists "http://localhost" and Entra ignores the port for loopback.
//
// No GUI here: authorizationUrlReady() hands the URL to whoever opens the
// browser (QDesktopServices in the GUI; printed, and xdg-open, in the CLI).
// The job finishes with the access token, its lifetime and the refresh token
// (scope includes offline_access), or with an Auth error.

#include "graph/Job.h"

#include <QByteArray>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;
class QOAuth2AuthorizationCodeFlow;
class QOAuthHttpServerReplyHandler;

namespace herald::auth {

class DelegatedSignIn : public graph::Job
{
    Q_OBJECT

signals:
    // Open this URL in a browser; the sign-in completes when it redirects back.
    void authorizationUrlReady(const QUrl &url);

public:
    struct Settings
    {
        QUrl loginBase;
        QString tenant; // tenant id or domain ("organizations" also works with Entra)
        QString clientId;
        QString scope; // e.g. "https://graph.microsoft.com/.default offline_access"
        quint16 port = 0; // 0 = any free loopback port
        int timeoutMs = 5 * 60 * 1000; // how long to wait for the browser
    };

    DelegatedSignIn(const Settings &settings, QObject *parent = nullptr);
    ~DelegatedSignIn() override;

    QString accessToken() const { return m_accessToken; }
    QString refreshToken() const { return m_refreshToken; }
    qint64 expiresInSeconds() const { return m_expiresIn; }
    QUrl redirectUri() const; // valid once started

protected:
    void doStart() override;
    void doAbort() override;

private:
    void fail(const graph::GraphError &error);
    void onTokenReply(QNetworkReply *reply);
    void cleanUp();

    Settings m_settings;
    QNetworkAccessManager *m_network = nullptr;
    QPointer<QOAuth2AuthorizationCodeFlow> m_flow;
    QPointer<QOAuthHttpServerReplyHandler> m_handler;
    QByteArray m_verifier;
    QTimer m_timeout;
    QString m_accessToken;
    QString m_refreshToken;
    qint64 m_expiresIn = 0;
};

} // namespace herald::auth
