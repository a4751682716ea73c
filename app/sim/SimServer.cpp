#include "sim/SimServer.h"

#include "sim/Router.h"
#include "sim/SimControlRoutes.h"
#include "sim/SimHttpServer.h"
#include "sim/SimLog.h"
#include "sim/SimServices.h"
#include "sim/TenantGenerator.h"

#include <QRandomGenerator>
#include <QTcpServer>

namespace herald::sim {

namespace {

QString generateSecret()
{
    // Shaped like an Entra client secret value: 40 characters.
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789~._-";
    QString secret;
    for (int i = 0; i < 40; ++i)
        secret += QLatin1Char(alphabet[QRandomGenerator::system()->bounded(int(sizeof(alphabet) - 1))]);
    return secret;
}

} // namespace

class SimServer::Private
{
public:
    explicit Private(const SimOptions &opts)
        : options(opts)
    {
        if (options.clientSecret.isEmpty())
            options.clientSecret = generateSecret();
        tenant = TenantGenerator::generate(options);
        resolveSignedInUser();
        services = std::make_unique<SimServices>(options, *tenant);
        router = std::make_unique<Router>(*services);
    }

    // The delegated sign-in's user is a real user of the tenant (the `oid` of
    // delegated tokens). An unknown id or UPN stays as given: Graph then
    // answers 404 for that user, as it would for a deleted account.
    void resolveSignedInUser()
    {
        int user = options.signedInUser.isEmpty() ? -1 : tenant->findUser(options.signedInUser);
        for (int i = 0; options.signedInUser.isEmpty() && i < tenant->userCount(); ++i) {
            if (tenant->user(i).teamsLicensed && !tenant->user(i).policyBlocked) {
                user = i;
                break;
            }
        }
        if (user >= 0)
            options.signedInUser = tenant->user(user).id;
    }

    SimOptions options;
    std::unique_ptr<Tenant> tenant;
    std::unique_ptr<SimServices> services;
    std::unique_ptr<Router> router;
    SimHttpServer *http = nullptr;
    QTcpServer *tcp = nullptr;
    QString error;
};

SimServer::SimServer(const SimOptions &options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(options))
{
    d->http
        = new SimHttpServer([this](const SimRequest &request) { return d->router->dispatch(request); }, this);
    d->http->setInFlightHooks([this] { d->services->stats.requestStarted(); },
                              [this] { d->services->stats.requestFinished(); });
}

SimServer::~SimServer()
{
    // The HTTP front end (and its pending delayed answers) goes first: its
    // callbacks use the router and services owned by d.
    delete d->http;
    d->http = nullptr;
}

bool SimServer::listen(const QHostAddress &address, quint16 port)
{
    if (d->tcp) {
        d->error = tr("The simulator is already listening.");
        return false;
    }
    auto *tcp = new QTcpServer(d->http);
    if (!tcp->listen(address, port)) {
        d->error = tr("Cannot listen on %1:%2: %3").arg(address.toString()).arg(port).arg(tcp->errorString());
        delete tcp;
        return false;
    }
    d->tcp = tcp;
    d->http->bind(tcp);
    d->services->baseUrl = baseUrl().toString(QUrl::StripTrailingSlash);
    qCInfo(lcSim) << "herald-sim listening on" << d->services->baseUrl << "with" << d->tenant->userCount()
                  << "users";
    return true;
}

QString SimServer::errorString() const
{
    return d->error;
}

quint16 SimServer::port() const
{
    return d->tcp ? d->tcp->serverPort() : 0;
}

QUrl SimServer::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    const QHostAddress address = d->tcp ? d->tcp->serverAddress() : QHostAddress(QHostAddress::LocalHost);
    url.setHost(address.isNull() || address == QHostAddress::Any || address == QHostAddress::AnyIPv4
                    ? QStringLiteral("127.0.0.1")
                    : address.toString());
    url.setPort(port());
    return url;
}

QUrl SimServer::graphUrl() const
{
    return baseUrl();
}

QUrl SimServer::loginUrl() const
{
    return baseUrl();
}

QUrl SimServer::botServiceUrl() const
{
    QUrl url = baseUrl();
    url.setPath(QStringLiteral("/bot/"));
    return url;
}

const SimOptions &SimServer::options() const
{
    return d->options;
}

Tenant &SimServer::tenant()
{
    return *d->tenant;
}

QJsonObject SimServer::stats() const
{
    return d->services->stats.toJson(d->services->clock.timeScale());
}

QJsonObject SimServer::dump() const
{
    return d->tenant->dump();
}

QString SimServer::appId() const
{
    return d->tenant->orgApp() >= 0 ? d->tenant->app(d->tenant->orgApp()).id : QString();
}

QJsonObject SimServer::info() const
{
    return SimControlRoutes::info(*d->services);
}

void SimServer::resetStats()
{
    d->services->stats.reset();
}

} // namespace herald::sim
