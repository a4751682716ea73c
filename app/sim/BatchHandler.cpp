#include "sim/BatchHandler.h"

#include "sim/SimServices.h"

#include <QJsonDocument>
#include <QSet>
#include <QUrl>

namespace herald::sim {

BatchHandler::BatchHandler(SimServices &services, SubRequestHandler handler)
    : m_services(services)
    , m_handler(std::move(handler))
{
}

SimResponse BatchHandler::handle(const GraphContext &ctx)
{
    if (ctx.request.method != "POST") {
        return ctx.error(405, QStringLiteral("MethodNotAllowed"),
                         QStringLiteral("Only POST is supported on $batch."));
    }
    const auto invalid = [&ctx](const QString &why) {
        return ctx.error(400, QStringLiteral("BadRequest"),
                         QStringLiteral("Invalid batch payload format. %1").arg(why));
    };
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(ctx.request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return invalid(QStringLiteral("The body is not a JSON object."));
    const QJsonValue requestsValue = doc.object().value(QStringLiteral("requests"));
    if (!requestsValue.isArray() || requestsValue.toArray().isEmpty())
        return invalid(QStringLiteral("'requests' must be a non-empty array."));
    const QJsonArray requests = requestsValue.toArray();
    if (requests.size() > kMaxRequests) {
        return ctx.error(400, QStringLiteral("BadRequest"),
                         QStringLiteral("A batch may contain at most %1 requests; this one has %2.")
                             .arg(kMaxRequests)
                             .arg(requests.size()));
    }
    QSet<QString> ids;
    for (const QJsonValue &value : requests) {
        const QJsonObject r = value.toObject();
        const QString id = r.value(QStringLiteral("id")).toString();
        if (id.isEmpty() || r.value(QStringLiteral("method")).toString().isEmpty()
            || r.value(QStringLiteral("url")).toString().isEmpty()) {
            return invalid(QStringLiteral("Every request needs 'id', 'method' and 'url'."));
        }
        if (ids.contains(id)) {
            return ctx.error(
                400, QStringLiteral("BadRequest"),
                QStringLiteral("Batch request ids must be unique; '%1' is used more than once.").arg(id));
        }
        for (const QJsonValue &dep : r.value(QStringLiteral("dependsOn")).toArray()) {
            if (!ids.contains(dep.toString())) {
                return invalid(
                    QStringLiteral("Request '%1' depends on '%2', which is not an earlier request.")
                        .arg(id, dep.toString()));
            }
        }
        ids.insert(id);
    }

    QHash<QString, int> statusById;
    QJsonArray responses;
    for (const QJsonValue &value : requests) {
        const QJsonObject r = value.toObject();
        const QString id = r.value(QStringLiteral("id")).toString();
        SimResponse sub;
        bool dependencyFailed = false;
        for (const QJsonValue &dep : r.value(QStringLiteral("dependsOn")).toArray()) {
            const int status = statusById.value(dep.toString());
            dependencyFailed = dependencyFailed || status < 200 || status > 299;
        }
        QString url = r.value(QStringLiteral("url")).toString();
        if (dependencyFailed) {
            sub = ctx.error(424, QStringLiteral("FailedDependency"),
                            QStringLiteral("A request this one depends on failed."));
        } else if (url.startsWith(QLatin1String("http:"), Qt::CaseInsensitive)
                   || url.startsWith(QLatin1String("https:"), Qt::CaseInsensitive)) {
            sub = ctx.error(400, QStringLiteral("BadRequest"),
                            QStringLiteral("The url of a batch request must be relative, without the version "
                                           "segment, for example /users."));
        } else {
            if (!url.startsWith(QLatin1Char('/')))
                url.prepend(QLatin1Char('/'));
            SimRequest request;
            request.inBatch = true;
            request.method = r.value(QStringLiteral("method")).toString().toUpper().toLatin1();
            const qsizetype q = url.indexOf(QLatin1Char('?'));
            request.path = QStringLiteral("/v1.0")
                + QUrl::fromPercentEncoding(url.left(q < 0 ? url.size() : q).toUtf8());
            if (q >= 0)
                request.query = SimRequest::parseQuery(url.mid(q + 1).toUtf8());
            const QJsonObject headers = r.value(QStringLiteral("headers")).toObject();
            for (auto it = headers.constBegin(); it != headers.constEnd(); ++it)
                request.headers.insert(it.key().toLower().toLatin1(), it.value().toString().toUtf8());
            // Sub-requests are authorised with the batch's own token.
            request.headers.insert("authorization", ctx.request.header("authorization"));
            const QJsonValue body = r.value(QStringLiteral("body"));
            if (body.isObject())
                request.body = QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
            else if (body.isArray())
                request.body = QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact);
            else if (body.isString())
                request.body = body.toString().toUtf8();
            sub = m_handler(request);
        }
        statusById.insert(id, sub.status);
        QJsonObject headers;
        for (const auto &h : sub.headers) {
            // Per-request diagnostics stay on the outer response, as in Graph's examples.
            if (h.first.compare("Content-Length", Qt::CaseInsensitive) != 0
                && h.first.compare("x-ms-ags-diagnostic", Qt::CaseInsensitive) != 0)
                headers.insert(QString::fromLatin1(h.first), QString::fromUtf8(h.second));
        }
        QJsonObject item{{QStringLiteral("id"), id},
                         {QStringLiteral("status"), sub.status},
                         {QStringLiteral("headers"), headers}};
        if (!sub.body.isEmpty()) {
            const QJsonDocument subDoc = QJsonDocument::fromJson(sub.body);
            item.insert(QStringLiteral("body"),
                        subDoc.isObject() ? QJsonValue(subDoc.object())
                                          : QJsonValue(QString::fromUtf8(sub.body)));
        }
        responses.append(item);
    }
    // "Responses may come back in a different order than the requests" -- shuffle
    // (seeded) so clients must match by id.
    for (qsizetype i = responses.size() - 1; i > 0; --i) {
        const qsizetype j = qsizetype(m_services.shuffle.bounded(quint32(i + 1)));
        const QJsonValue tmp = responses.at(i);
        responses[i] = responses.at(j);
        responses[j] = tmp;
    }
    return ctx.ok(QJsonObject{{QStringLiteral("responses"), responses}});
}

} // namespace herald::sim
