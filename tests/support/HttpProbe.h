#pragma once

// A small synchronous HTTP client for tests: sends one raw request with
// QNetworkAccessManager and waits for the answer with QSignalSpy (the event
// loop keeps running, so an in-process simulator answers meanwhile).

#include <QByteArray>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkReply>
#include <QPair>
#include <QUrl>
#include <QUrlQuery>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
QT_END_NAMESPACE

namespace herald::test {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

struct ProbeReply
{
    int status = 0; // 0 when no HTTP answer came (connection closed, timeout)
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    bool timedOut = false;
    QHash<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;
    QJsonDocument doc;

    QJsonObject json() const { return doc.object(); }
    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
    // error.code of a Graph/Bot error body, or the "error" string of an identity platform error.
    QString errorCode() const;
    QString errorMessage() const;
};

struct ProbeRequest
{
    QByteArray verb = "GET";
    QUrl url;
    QByteArray body;
    HeaderList headers;
};

class HttpProbe
{
public:
    explicit HttpProbe(QNetworkAccessManager *nam = nullptr);
    ~HttpProbe();

    void setBearer(const QByteArray &token) { m_bearer = token; }
    void setTimeout(int ms) { m_timeoutMs = ms; }

    ProbeReply send(const ProbeRequest &request);
    ProbeReply get(const QUrl &url, const HeaderList &headers = {});
    ProbeReply del(const QUrl &url, const HeaderList &headers = {});
    ProbeReply postJson(const QUrl &url, const QJsonObject &body, const HeaderList &headers = {});
    ProbeReply postRaw(const QUrl &url, const QByteArray &body, const QByteArray &contentType,
                       const HeaderList &headers = {});
    ProbeReply postForm(const QUrl &url, const QUrlQuery &form);

    // Sends all requests at once (QNetworkAccessManager runs up to 6 in
    // parallel per host) and waits for every answer; replies in request order.
    QList<ProbeReply> sendAll(const QList<ProbeRequest> &requests);

    QNetworkAccessManager *manager() const { return m_nam; }

private:
    QNetworkReply *start(const ProbeRequest &request);
    static ProbeReply collect(QNetworkReply *reply, bool timedOut);

    QNetworkAccessManager *m_nam;
    bool m_ownsNam = false;
    QByteArray m_bearer;
    int m_timeoutMs = 15000;
};

} // namespace herald::test
