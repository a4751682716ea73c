#pragma once

// Filtering and sorting for the recipient table: a free-text filter over
// name, UPN and detail, install/delivery state filters, and natural sorting
// ("user2" before "user10", accents and case ignored) with QCollator.
//
// Speed at 100,000 rows (design/PERFORMANCE.md: sort and filter <= 200 ms):
//  - comparisons use cached ranks and collation keys (SortKeyCache);
//  - filter changes rebuild the mapping (invalidate()) instead of letting
//    QSortFilterProxyModel remove or insert thousands of scattered intervals
//    one at a time, which is quadratic.

#include "SortKeyCache.h"
#include "directory/Recipient.h"

#include <QCollator>
#include <QSortFilterProxyModel>

namespace herald {

class RecipientFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit RecipientFilterProxy(QObject *parent = nullptr);

    // Expects a RecipientTableModel (its columns and roles).
    void setSourceModel(QAbstractItemModel *sourceModel) override;

    // Case-insensitive substring of the name, UPN or detail; empty = no filter.
    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }

    // Rows in one of these states; empty = any state.
    void setInstallStates(const QList<InstallState> &states);
    void setDeliveryStates(const QList<DeliveryState> &states);
    QList<InstallState> installStates() const;
    QList<DeliveryState> deliveryStates() const;

    // Collation rules (the system locale by default).
    void setCollationLocale(const QLocale &locale);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_text;
    quint32 m_installMask = 0; // bit per InstallState; 0 = any
    quint32 m_deliveryMask = 0; // bit per DeliveryState; 0 = any
    mutable SortKeyCache m_sortCache;
    QList<QMetaObject::Connection> m_sourceConnections;
};

} // namespace herald
