#include "campaign/ActivitySource.h"

#include <QCryptographicHash>
#include <QJsonDocument>

namespace herald::campaign {

QByteArray ActivitySource::hashOf(const QByteArray &json)
{
    return QCryptographicHash::hash(json, QCryptographicHash::Sha256).toHex();
}

FixedActivitySource::FixedActivitySource(const QJsonObject &activity)
{
    m_bound.json = QJsonDocument(activity).toJson(QJsonDocument::Compact);
    m_bound.hash = hashOf(m_bound.json);
}

BoundActivity FixedActivitySource::bind(const QJsonObject &) const
{
    return m_bound;
}

} // namespace herald::campaign
