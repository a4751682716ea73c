#pragma once

// The recipient table: one row per recipient, columns as in the report.
//
// Sweeps, installs and sends update rows one at a time (by object id or row)
// at hundreds per second. Updates only mark rows dirty; the dirty rows are
// announced together on the next event-loop pass (or on flush()) as a few
// dataChanged ranges, so views and proxies re-examine rows per burst, not per
// cell.

#include "RecipientRow.h"
#include "StateIcons.h"
#include "directory/RecipientUpdate.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QTimer>
#include <QUuid>
#include <vector>

namespace herald {

class RecipientTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Name,
        UserPrincipalName,
        Kind,
        InstallState,
        InstallationId,
        ChatId,
        DeliveryState,
        Detail,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        // int for the state columns (sortOrder()), text elsewhere.
        SortRole = Qt::UserRole + 1,
        ObjectIdRole, // QString, any column
        InputRole, // QString: what the admin gave
        InstallStateRole, // int(herald::InstallState), any column
        DeliveryStateRole, // int(herald::DeliveryState), any column
        KindRole // int(herald::RecipientKind), any column
    };
    Q_ENUM(Role)

    explicit RecipientTableModel(QObject *parent = nullptr);

    // Overridden for speed: sorting 100,000 rows asks for millions of indexes.
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    // Appends in one beginInsertRows/endInsertRows. Extra CSV columns are
    // kept beside the rows (only for the rows that have them): they are
    // template data for previews and sends, not table columns.
    void appendRecipients(const RecipientList &recipients);
    void setRecipients(const RecipientList &recipients); // model reset
    void clear();
    // Removes these rows (any order, duplicates allowed) in one model reset:
    // cheaper than thousands of scattered removals through the proxies.
    void removeRecipients(const QList<int> &rows);
    // These rows' recipients, with their extra CSV columns.
    RecipientList recipients(const QList<int> &rows) const;

    Recipient recipient(int row) const;
    // Rows per state, indexed by int(state). O(rows), no allocation per row.
    QList<int> installStateCounts() const;
    QList<int> deliveryStateCounts() const;
    // O(1); -1 when no row has this object id. GUIDs match in any letter case.
    int rowForId(QStringView objectId) const;

    // Partial updates; false when the row does not exist. No-op updates
    // (same values) mark nothing dirty.
    bool updateRow(int row, const RecipientUpdate &update);
    bool updateById(QStringView objectId, const RecipientUpdate &update);
    // Whole-row replacement, e.g. after directory resolution (id, names).
    bool replaceRecipient(int row, const Recipient &recipient);
    // The row's extra CSV columns (template data; no column shows them).
    bool setExtra(int row, const RecipientExtra &extra);

    // Emits the pending dataChanged ranges now instead of on the next event-loop pass.
    void flush();
    int pendingRowCount() const { return int(m_dirtyRows.size()); }

private:
    QVariant displayData(const RecipientRow &row, int column) const;
    QVariant sortData(const RecipientRow &row, int column) const;
    void indexId(const RecipientRow &row, int rowNumber);
    void unindexId(const RecipientRow &row, int rowNumber);
    void markDirty(int row, quint32 columnMask, quint32 roleMask);
    QList<int> rolesFor(quint32 roleMask) const;

    std::vector<RecipientRow> m_rows;
    // Extra CSV columns by row number, only for rows that have them; the
    // column list is shared by all rows of one file (implicit sharing), so a
    // row costs its values only.
    QHash<int, RecipientExtra> m_extra;
    // Object ids are GUIDs: 16 bytes per key instead of a 36-character QString.
    QHash<QUuid, int> m_rowByGuid;
    QHash<QString, int> m_rowByOtherId; // ids that are not GUIDs (tests, future kinds)
    StateIcons m_icons;

    std::vector<int> m_dirtyRows;
    quint32 m_dirtyColumns = 0;
    quint32 m_dirtyRoles = 0;
    QTimer m_flushTimer;
};

} // namespace herald
