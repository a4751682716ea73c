#include "sim/SimStats.h"

#include <QJsonArray>

namespace herald::sim {

namespace {

QJsonObject toObject(const QMap<QString, qint64> &map)
{
    QJsonObject o;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

} // namespace

void SimStats::countThrottled(const QString &category, const QString &limit)
{
    ++m_throttled[category];
    ++m_throttledByLimit[limit];
}

void SimStats::requestStarted()
{
    ++m_inFlight;
    m_maxInFlight = std::max(m_maxInFlight, m_inFlight);
}

bool SimStats::recordDelivery(const QString &conversationId, const Delivery &delivery)
{
    QVector<Delivery> &list = m_byConversation[conversationId];
    bool duplicate = false;
    for (const Delivery &d : list) {
        if (d.contentHash == delivery.contentHash) {
            duplicate = true;
            break;
        }
    }
    list.append(delivery);
    ++m_deliveries;
    if (duplicate)
        ++m_duplicates;
    return duplicate;
}

QJsonObject SimStats::toJson(double timeScale) const
{
    qint64 requestsTotal = 0;
    for (qint64 n : m_requests)
        requestsTotal += n;
    qint64 throttledTotal = 0;
    for (qint64 n : m_throttled)
        throttledTotal += n;
    QMap<int, qint64> histogram; // deliveries per conversation -> number of conversations
    for (const auto &list : m_byConversation)
        ++histogram[int(list.size())];
    QJsonObject perConversation;
    for (auto it = histogram.cbegin(); it != histogram.cend(); ++it)
        perConversation.insert(QString::number(it.key()), it.value());
    return QJsonObject{
        {QStringLiteral("timeScale"), timeScale},
        {QStringLiteral("requests"), toObject(m_requests)},
        {QStringLiteral("requestsTotal"), requestsTotal},
        {QStringLiteral("throttled"), toObject(m_throttled)},
        {QStringLiteral("throttledByLimit"), toObject(m_throttledByLimit)},
        {QStringLiteral("throttledTotal"), throttledTotal},
        {QStringLiteral("faults"), toObject(m_faults)},
        {QStringLiteral("installs"), m_installs},
        {QStringLiteral("uninstalls"), m_uninstalls},
        {QStringLiteral("deliveries"), m_deliveries},
        {QStringLiteral("conversations"), m_byConversation.size()},
        {QStringLiteral("deliveriesPerConversation"), perConversation},
        {QStringLiteral("duplicates"), m_duplicates},
        {QStringLiteral("inFlight"), m_inFlight},
        {QStringLiteral("maxInFlight"), m_maxInFlight},
    };
}

QJsonObject SimStats::deliveriesJson(const QString &conversationFilter) const
{
    QJsonObject conversations;
    for (auto it = m_byConversation.cbegin(); it != m_byConversation.cend(); ++it) {
        if (!conversationFilter.isEmpty() && it.key() != conversationFilter)
            continue;
        QJsonArray list;
        for (const Delivery &d : it.value()) {
            list.append(QJsonObject{{QStringLiteral("activityId"), d.activityId},
                                    {QStringLiteral("contentHash"), QString::fromLatin1(d.contentHash)},
                                    {QStringLiteral("timeMs"), d.timeMs}});
        }
        conversations.insert(it.key(), list);
    }
    return QJsonObject{{QStringLiteral("deliveries"), m_deliveries},
                       {QStringLiteral("duplicates"), m_duplicates},
                       {QStringLiteral("conversations"), conversations}};
}

void SimStats::reset()
{
    const int inFlight = m_inFlight;
    *this = SimStats();
    m_inFlight = inFlight;
    m_maxInFlight = inFlight;
}

} // namespace herald::sim
