#pragma once

// ActivitySource: the Activity one recipient gets, bound from the campaign's
// message with that recipient's template data (RecipientData fields). The
// runner binds a row when it is journaled (to record the payload hash) and
// again right before sending, and refuses to send when the two differ: what
// goes out is what was journaled (and previewed).
//
//   MessageActivitySource  the message document (app/message ActivityBuilder)
//   FixedActivitySource    one ready activity for everybody (tests, benchmarks)

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace herald::campaign {

struct BoundActivity
{
    QByteArray json; // the Activity as sent, compact UTF-8
    QByteArray hash; // lower-case hex SHA-256 of json
    QString error; // why this recipient cannot get the message (empty = sendable)

    bool ok() const { return error.isEmpty() && !json.isEmpty(); }
};

class ActivitySource
{
public:
    virtual ~ActivitySource() = default;
    virtual BoundActivity bind(const QJsonObject &recipientData) const = 0;

    static QByteArray hashOf(const QByteArray &json);
};

class FixedActivitySource : public ActivitySource
{
public:
    explicit FixedActivitySource(const QJsonObject &activity);
    BoundActivity bind(const QJsonObject &recipientData) const override;

private:
    BoundActivity m_bound;
};

} // namespace herald::campaign
