#pragma once

// Counters behind GET /_sim/stats and the delivery log behind GET /_sim/deliveries.

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QVector>

namespace herald::sim {

class SimStats
{
public:
    struct Delivery
    {
        QString activityId;
        QByteArray contentHash; // hex SHA-1 of the activity without id/timestamp
        qint64 timeMs = 0; // simulated epoch ms
    };

    void countRequest(const QString &category) { ++m_requests[category]; }
    void countThrottled(const QString &category, const QString &limit);
    void countFault(const QString &kind) { ++m_faults[kind]; }
    void countInstall() { ++m_installs; }
    void countUninstall() { ++m_uninstalls; }
    void requestStarted();
    void requestFinished() { --m_inFlight; }

    // Returns true when the same content had already reached this conversation.
    bool recordDelivery(const QString &conversationId, const Delivery &delivery);
    qint64 deliveries() const { return m_deliveries; }
    qint64 duplicates() const { return m_duplicates; }
    qint64 installs() const { return m_installs; }

    QJsonObject toJson(double timeScale) const;
    QJsonObject deliveriesJson(const QString &conversationFilter) const;
    void reset(); // everything but the current in-flight count

private:
    QMap<QString, qint64> m_requests;
    QMap<QString, qint64> m_throttled;
    QMap<QString, qint64> m_throttledByLimit;
    QMap<QString, qint64> m_faults;
    qint64 m_installs = 0;
    qint64 m_uninstalls = 0;
    qint64 m_deliveries = 0;
    qint64 m_duplicates = 0;
    int m_inFlight = 0;
    int m_maxInFlight = 0;
    QHash<QString, QVector<Delivery>> m_byConversation;
};

} // namespace herald::sim
