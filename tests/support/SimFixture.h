#pragma once

// Starts a SimServer in-process on a free loopback port for one test, with
// accessors for its URLs, tenant and secret, plus token helpers over HTTP.

#include "HttpProbe.h"
#include "sim/SimServer.h"
#include "sim/Tenant.h"

#include <QUrl>
#include <memory>

namespace herald::test {

class SimFixture
{
public:
    // Small, fast defaults: 200 users, throttling on, fixed secret.
    static sim::SimOptions defaultOptions();

    explicit SimFixture(const sim::SimOptions &options = defaultOptions());
    ~SimFixture();

    bool start(); // listen on 127.0.0.1, a free port
    QString errorString() const;

    sim::SimServer &server() { return *m_server; }
    sim::Tenant &tenant() { return m_server->tenant(); }
    const sim::SimOptions &options() const { return m_server->options(); }
    QString secret() const { return m_server->options().clientSecret; }
    QString tenantId() const { return m_server->options().tenantId; }
    QString clientId() const { return m_server->options().clientId; }
    QString appId() const { return m_server->appId(); } // catalog id of the org bot

    QUrl baseUrl() const { return m_server->baseUrl(); }
    QUrl graph(const QString &pathAndQuery) const; // {base}/v1.0{path}, e.g. graph("/users?$top=5")
    QUrl tokenUrl(const QString &tenant = QString()) const; // {base}/{tenant}/oauth2/v2.0/token
    QUrl bot(const QString &pathAndQuery) const; // {base}/bot{path}, e.g. bot("/v3/conversations")
    QUrl simUrl(const QString &pathAndQuery) const; // {base}/_sim{path}

    // Fetch tokens over HTTP with the right secret (empty on failure).
    QByteArray graphToken();
    QByteArray botToken(const QString &authority = QStringLiteral("botframework.com"));

    HttpProbe &probe() { return m_probe; }
    QJsonObject statsOverHttp();

private:
    QUrl url(const QString &prefix, const QString &pathAndQuery) const;

    std::unique_ptr<sim::SimServer> m_server;
    HttpProbe m_probe;
};

} // namespace herald::test
