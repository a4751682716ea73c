#pragma once

// One campaign's journal rows for the History page (read-only), and the
// report exports: CSV and JSON with herald-cli's report fields and state
// names (`sending` reads `unconfirmed`, CampaignTypes.h).

#include "campaign/CampaignTypes.h"

#include <QAbstractTableModel>
#include <vector>

namespace herald {

class JournalRowModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Recipient, Name, State, Attempts, Detail, ColumnCount };
    enum Role { StateRole = Qt::UserRole + 1 };

    explicit JournalRowModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setRows(std::vector<campaign::JournalRow> rows);
    const campaign::JournalRow &row(int index) const { return m_rows.at(std::size_t(index)); }
    const std::vector<campaign::JournalRow> &rows() const { return m_rows; }

    // Translated state text, e.g. "Unconfirmed".
    static QString stateText(campaign::JournalState state);

    static QByteArray toCsv(const std::vector<campaign::JournalRow> &rows);
    static QByteArray toJson(const campaign::CampaignInfo &info,
                             const std::vector<campaign::JournalRow> &rows);

private:
    std::vector<campaign::JournalRow> m_rows;
};

} // namespace herald
