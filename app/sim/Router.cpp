#include "sim/Router.h"

#include "sim/BatchHandler.h"
#include "sim/BotConnectorRoutes.h"
#include "sim/CatalogRoutes.h"
#include "sim/ChatRoutes.h"
#include "sim/GraphContext.h"
#include "sim/GroupRoutes.h"
#include "sim/InstalledAppsRoutes.h"
#include "sim/SimControlRoutes.h"
#include "sim/SimServices.h"
#include "sim/TokenEndpoint.h"
#include "sim/UserRoutes.h"

#include <QUuid>

namespace herald::sim {

namespace {

// Graph's throttling classes (API-NOTES "Throttling").
ThrottleClass classify(const QByteArray &method, const QStringList &segments)
{
    bool installedApps = false;
    for (const QString &s : segments)
        installedApps = installedApps || s.compare(QLatin1String("installedApps"), Qt::CaseInsensitive) == 0;
    if (installedApps) {
        if (method == "GET")
            return ThrottleClass::InstalledAppsGet;
        if (method == "DELETE")
            return ThrottleClass::InstalledAppsDelete;
        return ThrottleClass::InstalledAppsPost;
    }
    return method == "GET" ? ThrottleClass::GraphGet : ThrottleClass::GraphOther;
}

QString categoryName(ThrottleClass cls)
{
    switch (cls) {
    case ThrottleClass::InstalledAppsGet:
        return QStringLiteral("installedApps.get");
    case ThrottleClass::InstalledAppsPost:
        return QStringLiteral("installedApps.post");
    case ThrottleClass::InstalledAppsDelete:
        return QStringLiteral("installedApps.delete");
    case ThrottleClass::GraphGet:
        return QStringLiteral("graph.get");
    case ThrottleClass::GraphOther:
        return QStringLiteral("graph.other");
    }
    return {};
}

QString authMessage(TokenIssuer::Check check)
{
    switch (check) {
    case TokenIssuer::Check::Missing:
        return QStringLiteral("Access token is empty.");
    case TokenIssuer::Check::Malformed:
        return QStringLiteral("IDX14100: JWT is not well formed.");
    case TokenIssuer::Check::BadSignature:
        return QStringLiteral("Access token validation failure. Invalid signature.");
    case TokenIssuer::Check::WrongAudience:
        return QStringLiteral("Access token validation failure. Invalid audience.");
    case TokenIssuer::Check::WrongTenant:
        return QStringLiteral("Access token validation failure. Invalid issuer.");
    case TokenIssuer::Check::Expired:
        return QStringLiteral("Lifetime validation failed, the token is expired.");
    case TokenIssuer::Check::NotYetValid:
        return QStringLiteral("Lifetime validation failed, the token is not yet valid.");
    case TokenIssuer::Check::Ok:
        break;
    }
    return {};
}

} // namespace

Router::Router(SimServices &services)
    : m_services(services)
    , m_token(std::make_unique<TokenEndpoint>(services.options, services.clock, services.issuer))
    , m_users(std::make_unique<UserRoutes>(services))
    , m_groups(std::make_unique<GroupRoutes>(services))
    , m_catalog(std::make_unique<CatalogRoutes>(services))
    , m_installedApps(std::make_unique<InstalledAppsRoutes>(services))
    , m_chats(std::make_unique<ChatRoutes>(services))
    , m_batch(std::make_unique<BatchHandler>(services, [this](const SimRequest &r) { return graph(r); }))
    , m_bot(std::make_unique<BotConnectorRoutes>(services))
    , m_control(std::make_unique<SimControlRoutes>(services))
{
}

Router::~Router() = default;

SimOutcome Router::dispatch(const SimRequest &request)
{
    SimOutcome outcome;
    if (request.path.startsWith(QLatin1String("/_sim/"))) {
        outcome.response = m_control->handle(request);
        return outcome;
    }
    const QStringList segments = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    outcome.delayRealMs = m_services.clock.toRealMs(m_services.faults.latencyMs());
    if (segments.size() == 4 && segments.at(1) == QLatin1String("oauth2")
        && segments.at(2) == QLatin1String("v2.0") && segments.at(3) == QLatin1String("token")) {
        m_services.stats.countRequest(QStringLiteral("token"));
        outcome.response = m_token->handle(segments.at(0), request);
        return outcome;
    }
    if (segments.size() == 4 && segments.at(1) == QLatin1String("oauth2")
        && segments.at(2) == QLatin1String("v2.0") && segments.at(3) == QLatin1String("authorize")) {
        m_services.stats.countRequest(QStringLiteral("authorize"));
        outcome.response = m_token->authorize(segments.at(0), request);
        return outcome;
    }
    const bool isGraph = segments.value(0) == QLatin1String("v1.0");
    const bool isBot = segments.value(0) == QLatin1String("bot");
    if (!isGraph && !isBot) {
        outcome.response = BotConnectorRoutes::error(
            404, QStringLiteral("NotFound"),
            QStringLiteral("No such endpoint on herald-sim: %1").arg(request.path));
        return outcome;
    }
    // Faults only hit the services (Graph, Bot Connector), one seeded draw each.
    const FaultInjector::Fault fault = m_services.faults.next();
    if (fault != FaultInjector::Fault::None)
        m_services.stats.countFault(FaultInjector::name(fault));
    if (fault == FaultInjector::Fault::ServiceUnavailable) {
        outcome.response = BotConnectorRoutes::error(
            503, isGraph ? QStringLiteral("serviceNotAvailable") : QStringLiteral("ServiceUnavailable"),
            QStringLiteral("The service is temporarily unavailable. Retry after the delay in Retry-After."));
        outcome.response.setHeader("Retry-After", "2");
        if (isGraph)
            outcome.response.setHeader("request-id", QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
        return outcome;
    }
    if (fault == FaultInjector::Fault::DropBeforeEffect) {
        outcome.disposition = SimDisposition::DropBeforeEffect;
        return outcome;
    }
    outcome.response = isGraph ? graph(request) : m_bot->handle(request);
    if (fault == FaultInjector::Fault::DropAfterEffect)
        outcome.disposition = SimDisposition::DropAfterEffect;
    return outcome;
}

SimResponse Router::graph(const SimRequest &request)
{
    const QStringList segments = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts).mid(1);
    const QByteArray clientRequestId = request.header("client-request-id");
    const QString requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    GraphContext ctx{request,
                     segments,
                     {},
                     requestId,
                     clientRequestId.isEmpty() ? requestId : QString::fromLatin1(clientRequestId),
                     m_services.baseUrl,
                     m_services.clock};
    SimResponse response = graphResources(request, ctx);
    response.setHeader("request-id", requestId.toLatin1());
    response.setHeader("client-request-id", ctx.clientRequestId.toLatin1());
    response.setHeader(
        "x-ms-ags-diagnostic",
        R"({"ServerInfo":{"DataCenter":"herald-sim","Slice":"E","Ring":"1","ScaleUnit":"000"}})");
    if (!response.body.isEmpty()) {
        response.setHeader("Content-Type",
                           "application/json;odata.metadata=minimal;odata.streaming=true;"
                           "IEEE754Compatible=false;charset=utf-8");
    }
    return response;
}

SimResponse Router::graphResources(const SimRequest &request, GraphContext &ctx)
{
    const bool batch = !request.inBatch && ctx.depth() == 1 && ctx.segments.at(0) == QLatin1String("$batch");
    const auto validation = m_services.issuer.validate(
        request.header("authorization"), TokenIssuer::graphAudience(), m_services.options.tenantId);
    if (validation.result != TokenIssuer::Check::Ok) {
        m_services.stats.countRequest(QStringLiteral("unauthorized"));
        SimResponse denied
            = ctx.error(401, QStringLiteral("InvalidAuthenticationToken"), authMessage(validation.result));
        denied.setHeader(
            "WWW-Authenticate",
            "Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/oauth2/"
            "authorize\", client_id=\"00000003-0000-0000-c000-000000000000\"");
        return denied;
    }
    ctx.claims = validation.claims;
    if (batch) {
        // The batch itself is not throttled; each of its requests is.
        m_services.stats.countRequest(QStringLiteral("batch"));
        return m_batch->handle(ctx);
    }
    const ThrottleClass cls = classify(request.method, ctx.segments);
    const QString category = categoryName(cls);
    m_services.stats.countRequest(category);
    const QString teamId = ctx.segmentIs(0, "teams") && ctx.depth() >= 2 ? ctx.segments.at(1) : QString();
    const RateLimiter::Decision decision = m_services.limiter.graph(ctx.claims.appid, cls, teamId);
    if (!decision.allowed) {
        m_services.stats.countThrottled(category, decision.limit);
        SimResponse throttled
            = ctx.error(429, QStringLiteral("TooManyRequests"),
                        QStringLiteral("Too many requests (%1 limit). Retry after %2 seconds.")
                            .arg(decision.limit)
                            .arg(decision.retryAfterSeconds));
        throttled.setHeader("Retry-After", QByteArray::number(decision.retryAfterSeconds));
        return throttled;
    }
    if (auto r = m_installedApps->handle(ctx))
        return *r;
    if (auto r = m_chats->handle(ctx))
        return *r;
    if (auto r = m_users->handle(ctx))
        return *r;
    if (auto r = m_groups->handle(ctx))
        return *r;
    if (auto r = m_catalog->handle(ctx))
        return *r;
    if (ctx.segmentIs(0, "$batch")) {
        return ctx.error(400, QStringLiteral("BadRequest"),
                         QStringLiteral("A batch request cannot contain another $batch request."));
    }
    return ctx.error(400, QStringLiteral("BadRequest"),
                     QStringLiteral("Resource not found for the segment '%1'.")
                         .arg(ctx.segments.isEmpty() ? QString() : ctx.segments.last()));
}

} // namespace herald::sim
