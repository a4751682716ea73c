#pragma once

// Sort values of a source model, cached per row for the proxy's lessThan().
//
// QCollator::compare() converts and normalises both strings on every call
// (about 1 µs), too slow for the 1.7 million comparisons of sorting 100,000
// rows. So each row of a text column gets one QCollatorSortKey, and the keys
// are turned into one int rank per row: the proxy's sort then compares two
// ints. A row whose value changes loses its rank and is compared by key until
// the next ranking; key order and rank order agree, so mixing them is safe.
// Number columns (state order) use the number itself as the rank.
//
// Building the keys of a text column is the expensive part (one ICU call per
// row), so the caches of the two most recently sorted text columns are kept.

#include <QCollator>
#include <limits>
#include <optional>
#include <vector>

class QAbstractItemModel;

namespace herald {

class SortKeyCache
{
public:
    void setModel(const QAbstractItemModel *model)
    {
        m_model = model;
        clear();
    }
    void setRole(int role);
    void setCollator(const QCollator &collator);

    // Strict weak order of two source rows in one column.
    bool lessThan(int column, int leftRow, int rightRow);

    // Source model events, to be delivered before the proxy re-sorts.
    void rowsChanged(int firstRow, int lastRow, int firstColumn, int lastColumn);
    void rowsInserted(int first, int last);
    void clear() { m_columns.clear(); }

    int cachedColumnCount() const { return int(m_columns.size()); }

private:
    // Marks a row whose value changed since the last ranking.
    static constexpr int unranked = std::numeric_limits<int>::min();
    static constexpr std::size_t keptTextColumns = 2;

    struct Column
    {
        int column = -1;
        bool numeric = false;
        std::vector<int> ranks; // by source row; unranked = changed since the last ranking
        std::vector<std::optional<QCollatorSortKey>> keys; // text columns only
        int unranked = 0;
        quint64 lastUse = 0;
    };

    Column &columnFor(int column);
    void rank(Column &c) const;
    int number(const Column &c, int row) const;
    const QCollatorSortKey &key(Column &c, int row) const;
    void markUnranked(Column &c, int row) const;

    const QAbstractItemModel *m_model = nullptr;
    int m_role = 0;
    QCollator m_collator;
    std::vector<Column> m_columns;
    std::size_t m_current = 0; // index in m_columns of the last column used
    quint64 m_useCounter = 0;
};

} // namespace herald
