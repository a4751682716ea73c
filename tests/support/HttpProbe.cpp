#include "HttpProbe.h"

#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QSignalSpy>

namespace herald::test {

QString ProbeReply::errorCode() const
{
    const QJsonValue error = json().value(QStringLiteral("error"));
    if (error.isString())
        return error.toString(); // identity platform
    return error.toObject().value(QStringLiteral("code")).toString();
}

QString ProbeReply::errorMessage() const
{
    const QJsonObject o = json();
    if (o.value(QStringLiteral("error")).isString())
        return o.value(QStringLiteral("error_description")).toString();
    return o.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
}

HttpProbe::HttpProbe(QNetworkAccessManager *nam)
    : m_nam(nam ? nam : new QNetworkAccessManager)
    , m_ownsNam(nam == nullptr)
{
}

HttpProbe::~HttpProbe()
{
    if (m_ownsNam)
        delete m_nam;
}

QNetworkReply *HttpProbe::start(const ProbeRequest &request)
{
    QNetworkRequest r(request.url);
    r.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (!m_bearer.isEmpty())
        r.setRawHeader("Authorization", "Bearer " + m_bearer);
    for (const auto &h : request.headers)
        r.setRawHeader(h.first, h.second);
    if (request.body.isEmpty() && request.verb == "GET")
        return m_nam->get(r);
    if (request.body.isEmpty() && request.verb == "DELETE")
        return m_nam->deleteResource(r);
    return m_nam->sendCustomRequest(r, request.verb, request.body);
}

ProbeReply HttpProbe::collect(QNetworkReply *reply, bool timedOut)
{
    ProbeReply out;
    out.timedOut = timedOut;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.error = reply->error();
    for (const auto &pair : reply->rawHeaderPairs())
        out.headers.insert(pair.first.toLower(), pair.second);
    out.body = reply->readAll();
    out.doc = QJsonDocument::fromJson(out.body);
    reply->deleteLater();
    return out;
}

ProbeReply HttpProbe::send(const ProbeRequest &request)
{
    QNetworkReply *reply = start(request);
    bool timedOut = false;
    if (!reply->isFinished()) {
        QSignalSpy spy(reply, &QNetworkReply::finished);
        timedOut = !spy.wait(m_timeoutMs);
        if (timedOut)
            reply->abort();
    }
    return collect(reply, timedOut);
}

QList<ProbeReply> HttpProbe::sendAll(const QList<ProbeRequest> &requests)
{
    QList<QNetworkReply *> replies;
    for (const ProbeRequest &r : requests)
        replies.append(start(r));
    // Waiting on one reply spins the event loop, so all of them progress together.
    QDeadlineTimer deadline(m_timeoutMs + 100 * requests.size());
    for (QNetworkReply *r : replies) {
        if (!r->isFinished() && !deadline.hasExpired()) {
            QSignalSpy spy(r, &QNetworkReply::finished);
            spy.wait(int(std::max<qint64>(1, deadline.remainingTime())));
        }
    }
    QList<ProbeReply> out;
    for (QNetworkReply *r : replies) {
        const bool timedOut = !r->isFinished();
        if (timedOut)
            r->abort();
        out.append(collect(r, timedOut));
    }
    return out;
}

ProbeReply HttpProbe::get(const QUrl &url, const HeaderList &headers)
{
    return send({"GET", url, {}, headers});
}

ProbeReply HttpProbe::del(const QUrl &url, const HeaderList &headers)
{
    return send({"DELETE", url, {}, headers});
}

ProbeReply HttpProbe::postJson(const QUrl &url, const QJsonObject &body, const HeaderList &headers)
{
    return postRaw(url, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json", headers);
}

ProbeReply HttpProbe::postRaw(const QUrl &url, const QByteArray &body, const QByteArray &contentType,
                              const HeaderList &headers)
{
    HeaderList all = headers;
    all.append({"Content-Type", contentType});
    return send({"POST", url, body, all});
}

ProbeReply HttpProbe::postForm(const QUrl &url, const QUrlQuery &form)
{
    // QUrlQuery leaves '+' and '&' inside values alone; encode them for a form body.
    QByteArray body;
    for (const auto &item : form.queryItems(QUrl::FullyDecoded)) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(item.first) + '=' + QUrl::toPercentEncoding(item.second);
    }
    const QByteArray saved = m_bearer;
    m_bearer.clear();
    ProbeReply reply = postRaw(url, body, "application/x-www-form-urlencoded");
    m_bearer = saved;
    return reply;
}

} // namespace herald::test
