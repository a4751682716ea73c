#include "sim/GraphContext.h"

#include <QUrl>

namespace herald::sim {

QStringList GraphContext::granted() const
{
    return isDelegated() ? claims.scopes() : claims.roles;
}

const QStringList &GraphContext::acceptedFor(const GraphPermissions &accepted) const
{
    return isDelegated() ? accepted.delegated : accepted.application;
}

bool GraphContext::allows(const GraphPermissions &accepted) const
{
    const QStringList have = granted();
    for (const QString &permission : acceptedFor(accepted)) {
        if (have.contains(permission, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

std::optional<SimResponse> GraphContext::require(const GraphPermissions &accepted) const
{
    if (allows(accepted))
        return std::nullopt;
    return missingPermissions(accepted);
}

std::optional<SimResponse> GraphContext::requireDirectory(const GraphPermissions &accepted) const
{
    if (allows(accepted))
        return std::nullopt;
    // The Microsoft Entra directory behind /users and /groups answers a missing
    // permission of either kind with this one message, naming none.
    return error(403, QStringLiteral("Authorization_RequestDenied"),
                 QStringLiteral("Insufficient privileges to complete the operation."));
}

bool GraphContext::segmentIs(int index, const char *name) const
{
    return index < segments.size()
        && segments.at(index).compare(QLatin1String(name), Qt::CaseInsensitive) == 0;
}

bool GraphContext::eventualConsistency() const
{
    return request.header("consistencylevel").compare("eventual", Qt::CaseInsensitive) == 0;
}

std::optional<SimResponse> GraphContext::parseQuery(ODataQuery *query, const QStringList &orderable) const
{
    QString code;
    QString message;
    if (!ODataQuery::parse(request, query, &code, &message, orderable))
        return error(400, code, message);
    return std::nullopt;
}

SimResponse GraphContext::error(int status, const QString &code, const QString &message) const
{
    const QJsonObject inner{{QStringLiteral("date"), clock.now().toString(Qt::ISODate)},
                            {QStringLiteral("request-id"), requestId},
                            {QStringLiteral("client-request-id"), clientRequestId}};
    return SimResponse::json(status,
                             QJsonObject{{QStringLiteral("error"),
                                          QJsonObject{{QStringLiteral("code"), code},
                                                      {QStringLiteral("message"), message},
                                                      {QStringLiteral("innerError"), inner}}}});
}

SimResponse GraphContext::ok(const QJsonObject &body, int status) const
{
    return SimResponse::json(status, body);
}

SimResponse GraphContext::missingPermissions(const GraphPermissions &accepted) const
{
    const QString names = acceptedFor(accepted).join(QStringLiteral(", "));
    const QString have = granted().join(QStringLiteral(", "));
    if (isDelegated()) {
        return error(403, QStringLiteral("Forbidden"),
                     QStringLiteral("Missing scope permissions on the request. API requires one of '%1'. "
                                    "Scopes on the request '%2'.")
                         .arg(names, have));
    }
    return error(403, QStringLiteral("Forbidden"),
                 QStringLiteral("Missing role permissions on the request. API requires one of '%1'. Roles on "
                                "the request '%2'.")
                     .arg(names, have));
}

QString GraphContext::contextUrl(const QString &fragment) const
{
    return graphRoot() + QStringLiteral("/$metadata#") + fragment;
}

QString GraphContext::nextLink(const QString &skiptoken) const
{
    QList<QPair<QString, QString>> query;
    for (const auto &item : request.query) {
        if (item.first != QLatin1String("$skiptoken"))
            query.append(item);
    }
    query.append({QStringLiteral("$skiptoken"), skiptoken});
    QString path = request.path;
    return baseUrl + QString::fromLatin1(QUrl::toPercentEncoding(path, "/$@:'(),!*")) + QLatin1Char('?')
        + SimRequest::encodeQuery(query);
}

namespace paging {

namespace {
const QByteArray kTokenPrefix = QByteArrayLiteral("hsim1:");
constexpr auto kB64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
} // namespace

QString encodeSkipToken(int position)
{
    return QString::fromLatin1((kTokenPrefix + QByteArray::number(position)).toBase64(kB64));
}

bool decodeSkipToken(const QString &token, int *position)
{
    const auto decoded
        = QByteArray::fromBase64Encoding(token.toLatin1(), kB64 | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || !decoded.decoded.startsWith(kTokenPrefix))
        return false;
    bool ok = false;
    *position = decoded.decoded.mid(kTokenPrefix.size()).toInt(&ok);
    return ok && *position >= 0;
}

Page collect(int count, int start, int top, const std::function<bool(int)> &accept)
{
    Page page;
    int i = start;
    for (; i < count && page.items.size() < top; ++i) {
        if (!accept || accept(i))
            page.items.append(i);
    }
    // Only hand out a next link when something is actually left to return.
    for (; i < count; ++i) {
        if (!accept || accept(i)) {
            page.next = i;
            break;
        }
    }
    return page;
}

SimResponse respond(const GraphContext &ctx, const ODataQuery &query, const CollectionSpec &spec)
{
    int top = spec.defaultTop;
    if (query.hasTop) {
        if (query.top < 1 || query.top > spec.maxTop) {
            return ctx.error(
                400, QStringLiteral("Request_BadRequest"),
                QStringLiteral("Invalid page size specified: '%1'. Must be between 1 and %2 inclusive.")
                    .arg(query.top)
                    .arg(spec.maxTop));
        }
        top = query.top;
    }
    int start = 0;
    if (!query.skiptoken.isEmpty() && !decodeSkipToken(query.skiptoken, &start)) {
        return ctx.error(
            400, QStringLiteral("Directory_ExpiredPageToken"),
            QStringLiteral("The specified page token value has expired and can no longer be included "
                           "in your request."));
    }
    const Page page = collect(spec.itemCount, start, top, spec.accept);
    QJsonArray value;
    for (int index : page.items)
        value.append(spec.render(index));
    QJsonObject body{{QStringLiteral("@odata.context"), ctx.contextUrl(spec.contextFragment)}};
    if (spec.withCount) {
        int total = 0;
        for (int i = 0; i < spec.itemCount; ++i)
            total += !spec.accept || spec.accept(i) ? 1 : 0;
        body.insert(QStringLiteral("@odata.count"), total);
    }
    if (page.next >= 0)
        body.insert(QStringLiteral("@odata.nextLink"), ctx.nextLink(encodeSkipToken(page.next)));
    body.insert(QStringLiteral("value"), value);
    return ctx.ok(body);
}

} // namespace paging

} // namespace herald::sim
