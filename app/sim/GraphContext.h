#pragma once

// Everything a Graph route handler needs about one (sub-)request, plus the
// helpers that give every answer Graph's shape: error bodies with innerError,
// @odata.context, absolute @odata.nextLink with an opaque $skiptoken.

#include "sim/ODataQuery.h"
#include "sim/SimClock.h"
#include "sim/SimTypes.h"
#include "sim/TokenIssuer.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <functional>
#include <optional>

namespace herald::sim {

// The permissions one Graph route accepts, as the "Permissions" table of its
// API page lists them: application permissions are matched against an
// app-only token's `roles`, delegated ones against a delegated token's `scp`.
// Graph never takes one kind for the other: an application name in `scp`
// (or a delegated name in `roles`) grants nothing.
struct GraphPermissions
{
    QStringList application;
    QStringList delegated;
};

struct GraphContext
{
    const SimRequest &request;
    QStringList segments; // path after /v1.0, percent-decoded
    TokenClaims claims;
    QString requestId;
    QString clientRequestId;
    QString baseUrl; // http://127.0.0.1:PORT
    const SimClock &clock;

    bool isDelegated() const { return claims.isDelegated(); }
    // The token's permissions of its own kind: `scp` (delegated) or `roles` (app-only).
    QStringList granted() const;
    // The list of `accepted` that applies to this token's kind.
    const QStringList &acceptedFor(const GraphPermissions &accepted) const;
    bool allows(const GraphPermissions &accepted) const;
    // nullopt when allowed; else the 403 Teams' Graph APIs send, naming the
    // permissions the API accepts for this kind of token (missingPermissions).
    std::optional<SimResponse> require(const GraphPermissions &accepted) const;
    // nullopt when allowed; else the directory's (users, groups) 403, which
    // names no permission: Authorization_RequestDenied.
    std::optional<SimResponse> requireDirectory(const GraphPermissions &accepted) const;
    bool isGet() const { return request.method == "GET"; }
    int depth() const { return int(segments.size()); }
    // Graph matches path segment names case-insensitively.
    bool segmentIs(int index, const char *name) const;
    bool eventualConsistency() const;
    // Parses the OData options; on failure returns the 400 to send.
    // orderable: properties this resource can $orderby (none = $orderby is refused).
    std::optional<SimResponse> parseQuery(ODataQuery *query, const QStringList &orderable = {}) const;

    // Graph error body: {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}
    SimResponse error(int status, const QString &code, const QString &message) const;
    SimResponse ok(const QJsonObject &body, int status = 200) const;
    // A 403 for teamwork resources naming the permissions the API accepts, like
    // Teams' Graph APIs do: "Missing role permissions on the request. ..." for
    // app-only tokens, "Missing scope permissions on the request. ..." for delegated ones.
    SimResponse missingPermissions(const GraphPermissions &accepted) const;

    QString graphRoot() const { return baseUrl + QStringLiteral("/v1.0"); }
    QString contextUrl(const QString &fragment) const;
    QString nextLink(const QString &skiptoken) const;
};

namespace paging {

QString encodeSkipToken(int position);
bool decodeSkipToken(const QString &token, int *position);

struct Page
{
    QVector<int> items;
    int next = -1; // scan position for the next page, -1 when done
};
// Scans [start, count) and keeps up to `top` items that `accept` takes.
Page collect(int count, int start, int top, const std::function<bool(int)> &accept);

// Applies $top (1..maxTop, else 400), $skiptoken, and builds a collection body
// with value, @odata.context and @odata.nextLink. `accept` filters, `render`
// builds one item. countTotal >= 0 adds @odata.count.
struct CollectionSpec
{
    QString contextFragment; // "users", "groups", ...
    int itemCount = 0;
    int defaultTop = 100;
    int maxTop = 999;
    std::function<bool(int)> accept;
    std::function<QJsonObject(int)> render;
    bool withCount = false;
};
SimResponse respond(const GraphContext &ctx, const ODataQuery &query, const CollectionSpec &spec);

} // namespace paging

} // namespace herald::sim
