#include "DirectoryResultModel.h"

namespace herald {

DirectoryResultModel::DirectoryResultModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int DirectoryResultModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    if (m_items.isEmpty() && !m_placeholder.isEmpty())
        return 1;
    return int(m_items.size());
}

QVariant DirectoryResultModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    if (m_items.isEmpty()) {
        // The placeholder row: readable, not selectable.
        return role == Qt::DisplayRole ? QVariant(m_placeholder) : QVariant();
    }
    const DirectoryItem &item = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return item.subtitle.isEmpty() ? item.title
                                       : QStringLiteral("%1 — %2").arg(item.title, item.subtitle);
    case Qt::EditRole: // what a completer puts into the line edit
    case TitleRole:
        return item.title;
    case Qt::ToolTipRole:
    case SubtitleRole:
        return item.subtitle;
    case IdRole:
        return item.id;
    default:
        return {};
    }
}

Qt::ItemFlags DirectoryResultModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || m_items.isEmpty())
        return Qt::ItemIsEnabled; // the placeholder cannot be chosen
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

bool DirectoryResultModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_hasMore && !m_fetching;
}

void DirectoryResultModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_fetching = true; // until the page arrives: views ask repeatedly
    emit moreRequested();
}

void DirectoryResultModel::reset(const QList<DirectoryItem> &items, bool hasMore)
{
    beginResetModel();
    m_items = items;
    m_hasMore = hasMore;
    m_fetching = false;
    endResetModel();
}

void DirectoryResultModel::append(const QList<DirectoryItem> &items, bool hasMore)
{
    m_fetching = false;
    m_hasMore = hasMore;
    if (items.isEmpty())
        return;
    if (m_items.isEmpty()) {
        reset(items, hasMore);
        return;
    }
    beginInsertRows({}, int(m_items.size()), int(m_items.size() + items.size()) - 1);
    m_items.append(items);
    endInsertRows();
}

void DirectoryResultModel::setPlaceholder(const QString &text)
{
    beginResetModel();
    m_placeholder = text;
    endResetModel();
}

} // namespace herald
