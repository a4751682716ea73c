#pragma once

// herald-sim: a simulated Microsoft 365 tenant served over real HTTP on a
// loopback port. It follows Microsoft's documented behaviour (Graph, the
// identity platform token endpoint, the Bot Connector), not Herald's client.
//
// URL layout on one port (base = http://127.0.0.1:PORT):
//   {base}/v1.0/...                       Microsoft Graph (client's --graph-url = {base})
//   {base}/v1.0/$batch                    JSON batching
//   {base}/{tenant}/oauth2/v2.0/token     identity platform (client's --login-url = {base})
//   {base}/bot/v3/conversations...        Bot Connector (client's --bot-service-url = {base}/bot/)
//   {base}/_sim/stats                     statistics (JSON)
//
// Time scale: with timeScale = K every documented limit runs K times faster
// (30 requests/s become 30*K requests/s) and token lifetimes are K times
// shorter. Retry-After is still sent in whole *simulated* seconds, as Graph
// does; a client configured with the same time scale divides it by K.

#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace herald::sim {

struct FaultOptions
{
    quint32 seed = 1;
    int latencyMs = 0;              // added to every answer (simulated ms; scaled by timeScale)
    int latencyJitterMs = 0;        // uniform 0..jitter on top
    double serviceUnavailable = 0;  // share of requests answered 503 without effect
    double dropBeforeEffect = 0;    // share of connections closed before the effect happens
    double dropAfterEffect = 0;     // share of connections closed after the effect happened
};

struct SimOptions
{
    // Generated tenant
    int users = 200;
    int teams = 10;
    int groups = 8;
    quint32 seed = 1;
    double installedFraction = 0.3;     // users who already have the app
    double unlicensedFraction = 0.02;   // users without a Teams licence (install -> 404)
    double policyBlockedFraction = 0.02;// users whose app permission policy blocks the app (403)
    double botBlockedFraction = 0.01;   // users who blocked the bot (Bot Connector 403 MessageWritesBlocked)

    // Identity
    QString tenantId = QStringLiteral("9f0c7a4e-2b1d-4c3e-8a5f-6d7e8f901234");
    QString tenantDomain = QStringLiteral("contoso.onmicrosoft.com");
    QString clientId = QStringLiteral("0d7c5f4e-1a2b-4c3d-9e8f-112233445566");
    QString clientSecret;               // empty = generated at random (read it back with options())
    QStringList roles;                  // app roles in issued tokens; empty = every role Herald may need
    QStringList delegatedScopes;        // delegated permissions admin-consented for the app (what
                                        // ".default" grants a user); empty = every one Herald may need
    QString signedInUser;               // who /authorize signs in (id or UPN); empty = the first
                                        // licensed user the app policy does not block. Resolved to
                                        // the object id by SimServer.
    int tokenTtlSeconds = 3600;         // simulated seconds
    QByteArray clientCertificatePem;    // certificate "uploaded" to the app: verifies client assertions

    // The organisation's bot app in the catalog
    QString appExternalId = QStringLiteral("f31b1263-ba99-435a-a679-911d24850d7c");
    QString appDisplayName = QStringLiteral("Contoso Herald");

    double timeScale = 1.0;
    bool throttling = true;
    FaultOptions faults;
};

class Tenant;

class SimServer : public QObject
{
    Q_OBJECT

public:
    explicit SimServer(const SimOptions &options = {}, QObject *parent = nullptr);
    ~SimServer() override;

    // Port 0 picks a free port. Returns false (and errorString()) on failure.
    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    QString errorString() const;

    quint16 port() const;
    QUrl baseUrl() const;        // http://127.0.0.1:PORT
    QUrl graphUrl() const;       // same as baseUrl(); the client appends /v1.0
    QUrl loginUrl() const;       // same as baseUrl(); token endpoint {login}/{tenant}/oauth2/v2.0/token
    QUrl botServiceUrl() const;  // {base}/bot/

    const SimOptions &options() const;   // clientSecret filled in when generated
    Tenant &tenant();

    QJsonObject stats() const;   // the body of GET /_sim/stats
    QJsonObject dump() const;    // the whole tenant as JSON (--dump FILE)

    // Added: handy for launchers and tests.
    QString appId() const;       // catalog id (teamsAppId) of the organisation's bot
    QJsonObject info() const;    // the body of GET /_sim/info (ids and URLs, never the secret)
    void resetStats();           // like POST /_sim/reset-stats

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace herald::sim
