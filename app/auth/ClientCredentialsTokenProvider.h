#pragma once

// App-only tokens with the OAuth 2.0 client-credentials grant:
//   POST {login}/{tenant}/oauth2/v2.0/token
//   grant_type=client_credentials&client_id=..&scope=..&<credential>
// The credential part comes from the subclass: a client secret
// (ClientSecretTokenProvider) or, later, a certificate assertion.
// The same class serves Graph (scope https://graph.microsoft.com/.default)
// and the Bot Connector (tenant botframework.com, scope
// https://api.botframework.com/.default).

#include "auth/TokenProvider.h"
#include "graph/RequestLog.h"
#include "graph/RetryPolicy.h"

#include <QJsonObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace herald::auth {

inline const QString GraphScope = QStringLiteral("https://graph.microsoft.com/.default");
inline const QString BotFrameworkScope = QStringLiteral("https://api.botframework.com/.default");
inline const QString BotFrameworkUsGovScope = QStringLiteral("https://api.botframework.us/.default");
inline const QString BotFrameworkTenant = QStringLiteral("botframework.com");

using FormFields = QList<QPair<QString, QString>>;

struct ClientCredentialsSettings
{
    QUrl loginBase; // https://login.microsoftonline.com, or --login-url
    QString tenant; // tenant id or verified domain
    QString clientId;
    QString scope = GraphScope;
};

class ClientCredentialsTokenProvider : public TokenProvider
{
    Q_OBJECT

public:
    ClientCredentialsTokenProvider(QNetworkAccessManager *network, const ClientCredentialsSettings &settings,
                                   QObject *parent = nullptr);
    ~ClientCredentialsTokenProvider() override;

    QUrl tokenEndpoint() const;
    const ClientCredentialsSettings &settings() const { return m_settings; }

    void setRequestLog(graph::RequestLog *log) { m_log = log; }
    void setTransferTimeout(int ms) { m_timeoutMs = ms; }
    void setRetryPolicy(const graph::RetryPolicy &policy) { m_retry = policy; }

protected:
    // grant_type and the grant's own fields; client_credentials here, the
    // refresh_token grant in RefreshTokenProvider.
    virtual FormFields grantFields() const;
    // Adds the credential fields to the form, or returns a Config/Auth error.
    virtual graph::GraphError addCredential(FormFields &form) = 0;
    // The whole successful answer, before the token is handed out (the
    // refresh-token grant takes the rotated refresh token from it).
    virtual void tokenAnswerReceived(const QJsonObject &answer) { Q_UNUSED(answer); }

    void startFetch() override;
    void abortFetch() override;

private:
    void sendAttempt();
    void onReplyFinished(QNetworkReply *reply);

    QNetworkAccessManager *m_network;
    ClientCredentialsSettings m_settings;
    QPointer<graph::RequestLog> m_log;
    QPointer<QNetworkReply> m_reply;
    graph::RetryPolicy m_retry;
    int m_timeoutMs = 30000;
    int m_attempt = 0;
    qint64 m_sentAtMs = 0;
    QByteArray m_loggedBody;
};

} // namespace herald::auth
