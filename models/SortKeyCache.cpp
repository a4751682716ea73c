#include "SortKeyCache.h"

#include <QAbstractItemModel>
#include <algorithm>

namespace herald {

namespace {

bool isNumber(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return true;
    default:
        return false;
    }
}

} // namespace

void SortKeyCache::setRole(int role)
{
    if (role == m_role)
        return;
    m_role = role;
    clear();
}

void SortKeyCache::setCollator(const QCollator &collator)
{
    m_collator = collator;
    clear();
}

SortKeyCache::Column &SortKeyCache::columnFor(int column)
{
    if (m_current < m_columns.size() && m_columns[m_current].column == column)
        return m_columns[m_current];
    const auto found = std::find_if(m_columns.begin(), m_columns.end(),
                                    [column](const Column &c) { return c.column == column; });
    if (found != m_columns.end()) {
        m_current = std::size_t(found - m_columns.begin());
        found->lastUse = ++m_useCounter;
        return *found;
    }
    Column fresh;
    fresh.column = column;
    fresh.lastUse = ++m_useCounter;
    rank(fresh);
    m_columns.push_back(std::move(fresh));
    // Keep the newest text columns' keys; number columns are cheap to rebuild.
    auto isText = [](const Column &c) { return !c.numeric; };
    while (std::size_t(std::count_if(m_columns.begin(), m_columns.end(), isText)) > keptTextColumns) {
        auto oldest = m_columns.end();
        for (auto it = m_columns.begin(); it != m_columns.end(); ++it) {
            if (!it->numeric && (oldest == m_columns.end() || it->lastUse < oldest->lastUse))
                oldest = it;
        }
        m_columns.erase(oldest);
    }
    const auto current = std::find_if(m_columns.begin(), m_columns.end(),
                                      [column](const Column &c) { return c.column == column; });
    m_current = std::size_t(current - m_columns.begin());
    return *current;
}

int SortKeyCache::number(const Column &c, int row) const
{
    return m_model->index(row, c.column).data(m_role).toInt();
}

const QCollatorSortKey &SortKeyCache::key(Column &c, int row) const
{
    std::optional<QCollatorSortKey> &key = c.keys[std::size_t(row)];
    if (!key)
        key = m_collator.sortKey(m_model->index(row, c.column).data(m_role).toString());
    return *key;
}

void SortKeyCache::rank(Column &c) const
{
    const int rows = m_model ? m_model->rowCount() : 0;
    c.ranks.assign(std::size_t(rows), unranked);
    c.unranked = 0;
    if (rows == 0)
        return;
    c.numeric = isNumber(m_model->index(0, c.column).data(m_role));
    if (c.numeric) {
        c.keys = {};
        for (int row = 0; row < rows; ++row)
            c.ranks[std::size_t(row)] = number(c, row);
        return;
    }
    c.keys.resize(std::size_t(rows)); // keys still valid are kept
    std::vector<int> order(static_cast<std::size_t>(rows));
    for (int row = 0; row < rows; ++row) {
        key(c, row);
        order[std::size_t(row)] = row;
    }
    const auto less
        = [&c](int a, int b) { return c.keys[std::size_t(a)]->compare(*c.keys[std::size_t(b)]) < 0; };
    std::sort(order.begin(), order.end(), less);
    int rank = 0;
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (i > 0 && less(order[i - 1], order[i]))
            ++rank;
        c.ranks[std::size_t(order[i])] = rank;
    }
}

bool SortKeyCache::lessThan(int column, int leftRow, int rightRow)
{
    Column &c = columnFor(column);
    const auto l = std::size_t(leftRow);
    const auto r = std::size_t(rightRow);
    // Many rows changed or arrived since the last ranking: comparing their
    // keys would cost more than ranking again. The order is the same, so this
    // is safe even in the middle of a sort. Rows never announced: rank anew.
    if ((c.unranked > 0 && std::size_t(c.unranked) * 8 > c.ranks.size()) || l >= c.ranks.size()
        || r >= c.ranks.size())
        rank(c);
    if (l >= c.ranks.size() || r >= c.ranks.size())
        return leftRow < rightRow; // rows the model does not have
    int a = c.ranks[l];
    int b = c.ranks[r];
    if (a != unranked && b != unranked)
        return a < b;
    if (c.numeric) {
        if (a == unranked) {
            a = c.ranks[l] = number(c, leftRow);
            --c.unranked;
        }
        if (b == unranked) {
            b = c.ranks[r] = number(c, rightRow);
            --c.unranked;
        }
        return a < b;
    }
    return key(c, leftRow).compare(key(c, rightRow)) < 0;
}

void SortKeyCache::markUnranked(Column &c, int row) const
{
    const auto index = std::size_t(row);
    if (!c.numeric)
        c.keys[index].reset();
    if (c.ranks[index] != unranked) {
        c.ranks[index] = unranked;
        ++c.unranked;
    }
}

void SortKeyCache::rowsChanged(int firstRow, int lastRow, int firstColumn, int lastColumn)
{
    for (Column &c : m_columns) {
        if (c.column < firstColumn || c.column > lastColumn)
            continue;
        const int end = std::min(lastRow + 1, int(c.ranks.size()));
        for (int row = std::max(firstRow, 0); row < end; ++row)
            markUnranked(c, row);
    }
}

void SortKeyCache::rowsInserted(int first, int last)
{
    const auto count = std::size_t(last - first + 1);
    for (auto it = m_columns.begin(); it != m_columns.end();) {
        if (first < 0 || std::size_t(first) > it->ranks.size()) {
            it = m_columns.erase(it); // out of step with the model: forget it
            continue;
        }
        it->ranks.insert(it->ranks.begin() + first, count, unranked);
        if (!it->numeric)
            it->keys.insert(it->keys.begin() + first, count, std::nullopt);
        it->unranked += int(count);
        ++it;
    }
    m_current = m_columns.size(); // indexes may have moved
}

} // namespace herald
