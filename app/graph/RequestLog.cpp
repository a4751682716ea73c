#include "graph/RequestLog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrlQuery>

namespace herald::graph {

namespace {

const char *const secretFields[]
    = {"client_secret", "client_assertion", "refresh_token", "code",     "access_token",
       "code_verifier", "id_token",         "password",      "assertion"};

QJsonValue redactJson(const QJsonValue &value)
{
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (RequestLog::isSecretField(it.key()))
                it.value() = QString::fromLatin1(RequestLog::Redacted);
            else
                it.value() = redactJson(it.value());
        }
        return object;
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (auto it = array.begin(); it != array.end(); ++it)
            *it = redactJson(*it);
        return array;
    }
    return value;
}

QString fieldAlternation()
{
    QStringList names;
    for (const char *name : secretFields)
        names << QString::fromLatin1(name);
    return names.join(QLatin1Char('|'));
}

QByteArray redactFormText(const QByteArray &body)
{
    static const QRegularExpression form(QStringLiteral("(^|[&?\\s])(%1)=[^&\\s]*").arg(fieldAlternation()),
                                         QRegularExpression::CaseInsensitiveOption);
    QString text = QString::fromUtf8(body);
    text.replace(form, QStringLiteral("\\1\\2=") + QLatin1String(RequestLog::Redacted));
    return text.toUtf8();
}

QByteArray redactJsonText(const QByteArray &body)
{
    // For JSON that does not parse (truncated, malformed): "field" : "value".
    static const QRegularExpression json(
        QStringLiteral("(\"(?:%1)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"?").arg(fieldAlternation()),
        QRegularExpression::CaseInsensitiveOption);
    QString text = QString::fromUtf8(body);
    text.replace(json, QStringLiteral("\\1\"") + QLatin1String(RequestLog::Redacted) + QLatin1Char('"'));
    return text.toUtf8();
}

} // namespace

RequestLog::RequestLog(QObject *parent)
    : QObject(parent)
{
}

bool RequestLog::isSecretField(const QString &name)
{
    for (const char *field : secretFields) {
        if (name.compare(QLatin1String(field), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QByteArray RequestLog::redactHeader(const QByteArray &name, const QByteArray &value)
{
    const QByteArray lower = name.toLower();
    if (lower == "authorization" || lower == "proxy-authorization") {
        // Keep the scheme ("Bearer") -- it helps debugging and reveals nothing.
        const int space = value.indexOf(' ');
        return space > 0 ? value.left(space + 1) + Redacted : QByteArray(Redacted);
    }
    if (lower == "cookie" || lower == "set-cookie")
        return Redacted;
    return value;
}

QString RequestLog::redactUrl(const QUrl &url)
{
    QUrl copy = url.adjusted(QUrl::RemoveUserInfo);
    if (copy.hasQuery()) {
        QUrlQuery query(copy);
        auto items = query.queryItems(QUrl::FullyEncoded);
        bool changed = false;
        for (auto &item : items) {
            if (isSecretField(QUrl::fromPercentEncoding(item.first.toUtf8()))) {
                item.second = QString::fromLatin1(Redacted);
                changed = true;
            }
        }
        if (changed) {
            query.setQueryItems(items);
            copy.setQuery(query);
        }
    }
    return QString::fromUtf8(copy.toEncoded());
}

QByteArray RequestLog::redactBody(const QByteArray &body, const QByteArray &contentType)
{
    if (body.isEmpty())
        return body;
    if (!contentType.contains("x-www-form-urlencoded")) {
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
        if (error.error == QJsonParseError::NoError) {
            const QJsonValue redacted
                = redactJson(doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()));
            return redacted.isArray() ? QJsonDocument(redacted.toArray()).toJson(QJsonDocument::Compact)
                                      : QJsonDocument(redacted.toObject()).toJson(QJsonDocument::Compact);
        }
    }
    return redactJsonText(redactFormText(body));
}

QString RequestLog::format(const RequestLogEntry &entry, bool detail)
{
    QString text = entry.batchItem ? QStringLiteral("  [batch] ") : QString();
    text += QString::fromLatin1(entry.method) + QLatin1Char(' ') + redactUrl(entry.url)
        + QStringLiteral(" -> ");
    text += entry.status > 0 ? QString::number(entry.status) : QStringLiteral("---");
    if (!entry.batchItem)
        text += QStringLiteral(" %1 ms").arg(entry.durationMs);
    text += QStringLiteral(" attempt %1").arg(entry.attempt);
    if (!entry.requestId.isEmpty())
        text += QStringLiteral(" request-id %1").arg(entry.requestId);
    if (!entry.error.isEmpty())
        text += QStringLiteral(" (%1)").arg(entry.error);
    if (detail) {
        for (const auto &[name, value] : entry.requestHeaders) {
            text += QStringLiteral("\n    > %1: %2")
                        .arg(QString::fromLatin1(name), QString::fromUtf8(redactHeader(name, value)));
        }
        if (!entry.requestBody.isEmpty()) {
            QByteArray body = redactBody(entry.requestBody, entry.contentType);
            if (body.size() > 2048)
                body = body.left(2048) + "...";
            text += QStringLiteral("\n    > ") + QString::fromUtf8(body);
        }
    }
    return text;
}

void RequestLog::record(const RequestLogEntry &entry)
{
    emit line(format(entry, m_detail));
}

} // namespace herald::graph
