#pragma once

// Transport-independent request/response types. The HTTP front end and the
// $batch handler both build SimRequests, so every sub-request of a batch goes
// through exactly the same routing, authorisation and throttling code.

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace herald::sim {

struct SimRequest
{
    QByteArray method; // upper case: GET, POST, ...
    QString path; // percent-decoded, without query: /v1.0/users
    QList<QPair<QString, QString>> query; // decoded name/value pairs, in request order
    QHash<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;
    bool inBatch = false; // a sub-request of POST /$batch

    QByteArray header(const QByteArray &lowerName) const { return headers.value(lowerName); }
    bool hasQuery(const QString &name) const;
    QString queryValue(const QString &name) const;

    // Splits "a=b&c=%27d%27" ('+' means space, as ASP.NET front ends decode it).
    static QList<QPair<QString, QString>> parseQuery(const QByteArray &encodedQuery);
    // Re-encodes query pairs for an absolute @odata.nextLink.
    static QString encodeQuery(const QList<QPair<QString, QString>> &query);
};

struct SimResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(const QByteArray &name) const; // case-insensitive
    QJsonObject jsonBody() const; // empty when the body is not a JSON object

    static SimResponse json(int status, const QJsonObject &body);
    static SimResponse empty(int status);
};

// What the transport does once a request has been handled (fault injection).
enum class SimDisposition {
    Answer, // write the response
    DropBeforeEffect, // close the connection; the request had no effect
    DropAfterEffect, // the request took effect, then the connection is closed unanswered
};

struct SimOutcome
{
    SimResponse response;
    SimDisposition disposition = SimDisposition::Answer;
    int delayRealMs = 0; // answer (or drop) this much later, in real milliseconds
};

QByteArray reasonPhrase(int status);

} // namespace herald::sim
