#pragma once

// RequestLog: one line per HTTP attempt for --verbose (method, URL, status,
// duration, request-id, attempt), with Authorization headers and secrets in
// URLs, form bodies and JSON bodies redacted. The redaction functions are
// public and static so they can be tested on their own.

#include "graph/GraphResponse.h"

#include <QObject>
#include <QUrl>

namespace herald::graph {

struct RequestLogEntry
{
    QByteArray method;
    QUrl url;
    int status = 0; // 0 = no HTTP answer
    qint64 durationMs = 0;
    QString requestId;
    int attempt = 1;
    QString error; // short error text when the attempt failed
    HeaderList requestHeaders; // logged only in detail mode
    QByteArray requestBody; // logged only in detail mode
    QByteArray contentType;
    bool batchItem = false; // a $batch sub-request
};

class RequestLog : public QObject
{
    Q_OBJECT

signals:
    void line(const QString &text);

public:
    explicit RequestLog(QObject *parent = nullptr);

    // Detail mode adds request headers and (truncated) bodies, redacted.
    void setDetail(bool detail) { m_detail = detail; }
    bool detail() const { return m_detail; }

    void record(const RequestLogEntry &entry);

    static QString format(const RequestLogEntry &entry, bool detail);
    static bool isSecretField(const QString &name);
    static QByteArray redactHeader(const QByteArray &name, const QByteArray &value);
    static QString redactUrl(const QUrl &url);
    // JSON (recursively) or application/x-www-form-urlencoded; bodies that are
    // neither get both textual redactions, so a secret is never printed.
    static QByteArray redactBody(const QByteArray &body, const QByteArray &contentType = {});

    static constexpr const char *Redacted = "[redacted]";

private:
    bool m_detail = false;
};

} // namespace herald::graph
