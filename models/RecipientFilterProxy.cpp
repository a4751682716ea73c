#include "RecipientFilterProxy.h"

#include "RecipientTableModel.h"

namespace herald {

namespace {

QLocale collationLocaleFor(const QLocale &locale)
{
    // Qt's C locale collates by code point and ignores numeric mode, and
    // containers and CI run with LANG=C.UTF-8. English uses the CLDR root
    // collation, the neutral choice.
    if (locale.language() == QLocale::C)
        return QLocale(QLocale::English, QLocale::UnitedStates);
    return locale;
}

template <typename Enum> quint32 maskOf(const QList<Enum> &states)
{
    quint32 mask = 0;
    for (Enum state : states)
        mask |= 1u << int(state);
    return mask;
}

template <typename Enum> QList<Enum> statesOf(quint32 mask, int count)
{
    QList<Enum> states;
    for (int i = 0; i < count; ++i) {
        if (mask & (1u << i))
            states.append(static_cast<Enum>(i));
    }
    return states;
}

} // namespace

RecipientFilterProxy::RecipientFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(RecipientTableModel::SortRole);
    setDynamicSortFilter(true);
    setCollationLocale(QLocale());
    m_sortCache.setRole(sortRole());
    connect(this, &QSortFilterProxyModel::sortRoleChanged, this,
            [this](int role) { m_sortCache.setRole(role); });
}

void RecipientFilterProxy::setCollationLocale(const QLocale &locale)
{
    QCollator collator(collationLocaleFor(locale));
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    m_sortCache.setCollator(collator);
    if (sourceModel())
        invalidate();
}

void RecipientFilterProxy::setSourceModel(QAbstractItemModel *source)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_sourceConnections))
        disconnect(connection);
    m_sourceConnections.clear();
    m_sortCache.setModel(source);
    // Connected before the base class connects its own handlers, so the cache
    // is up to date when QSortFilterProxyModel re-sorts changed rows.
    if (source) {
        auto forget = [this] { m_sortCache.clear(); };
        m_sourceConnections << connect(
            source, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles) {
                if (roles.isEmpty() || roles.contains(sortRole()))
                    m_sortCache.rowsChanged(topLeft.row(), bottomRight.row(), topLeft.column(),
                                            bottomRight.column());
            })
                            << connect(source, &QAbstractItemModel::rowsInserted, this,
                                       [this](const QModelIndex &, int first, int last) {
                                           m_sortCache.rowsInserted(first, last);
                                       })
                            << connect(source, &QAbstractItemModel::rowsRemoved, this, forget)
                            << connect(source, &QAbstractItemModel::rowsMoved, this, forget)
                            << connect(source, &QAbstractItemModel::layoutChanged, this, forget)
                            << connect(source, &QAbstractItemModel::modelReset, this, forget);
    }
    QSortFilterProxyModel::setSourceModel(source);
}

void RecipientFilterProxy::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidate();
}

void RecipientFilterProxy::setInstallStates(const QList<InstallState> &states)
{
    const quint32 mask = maskOf(states);
    if (mask == m_installMask)
        return;
    m_installMask = mask;
    invalidate();
}

void RecipientFilterProxy::setDeliveryStates(const QList<DeliveryState> &states)
{
    const quint32 mask = maskOf(states);
    if (mask == m_deliveryMask)
        return;
    m_deliveryMask = mask;
    invalidate();
}

QList<InstallState> RecipientFilterProxy::installStates() const
{
    return statesOf<InstallState>(m_installMask, installStateCount);
}

QList<DeliveryState> RecipientFilterProxy::deliveryStates() const
{
    return statesOf<DeliveryState>(m_deliveryMask, deliveryStateCount);
}

bool RecipientFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    if (m_installMask != 0) {
        const int state
            = model->index(sourceRow, 0, sourceParent).data(RecipientTableModel::InstallStateRole).toInt();
        if (!(m_installMask & (1u << state)))
            return false;
    }
    if (m_deliveryMask != 0) {
        const int state
            = model->index(sourceRow, 0, sourceParent).data(RecipientTableModel::DeliveryStateRole).toInt();
        if (!(m_deliveryMask & (1u << state)))
            return false;
    }
    if (m_text.isEmpty())
        return true;
    for (int column :
         {RecipientTableModel::Name, RecipientTableModel::UserPrincipalName, RecipientTableModel::Detail}) {
        const QString value = model->index(sourceRow, column, sourceParent).data(Qt::DisplayRole).toString();
        if (value.contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool RecipientFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    return m_sortCache.lessThan(left.column(), left.row(), right.row());
}

} // namespace herald
