#pragma once

// Search results of a picker (users, groups or teams), one page at a time.
// The model knows nothing about Graph: whoever fills it says whether more
// pages exist (setHasMore), and the view's fetchMore() (scrolling to the
// end) is passed on as moreRequested().

#include <QAbstractListModel>
#include <QList>

namespace herald {

struct DirectoryItem
{
    QString id;
    QString title; // display name
    QString subtitle; // UPN, description
    QString mail; // users only
};

class DirectoryResultModel : public QAbstractListModel
{
    Q_OBJECT

signals:
    void moreRequested();

public:
    enum Role { IdRole = Qt::UserRole + 1, TitleRole, SubtitleRole };

    explicit DirectoryResultModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    void reset(const QList<DirectoryItem> &items, bool hasMore);
    void append(const QList<DirectoryItem> &items, bool hasMore);
    void clear() { reset({}, false); }
    // Shown as the only row when there are no results ("No one matches").
    void setPlaceholder(const QString &text);

    DirectoryItem item(int row) const { return m_items.value(row); }
    QList<DirectoryItem> items() const { return m_items; }
    int itemCount() const { return int(m_items.size()); }
    bool hasMore() const { return m_hasMore; }

private:
    QList<DirectoryItem> m_items;
    QString m_placeholder;
    bool m_hasMore = false;
    bool m_fetching = false;
};

} // namespace herald
