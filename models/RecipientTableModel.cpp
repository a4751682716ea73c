#include "RecipientTableModel.h"

#include "ModelsLog.h"
#include "RecipientStateText.h"

#include <algorithm>

namespace herald {

namespace {

// Role bits for the coalesced dataChanged role list.
enum RoleBit : quint32 {
    DisplayBit = 1u << 0,
    DecorationBit = 1u << 1,
    ToolTipBit = 1u << 2,
    SortBit = 1u << 3,
    ObjectIdBit = 1u << 4,
    InputBit = 1u << 5,
    InstallStateBit = 1u << 6,
    DeliveryStateBit = 1u << 7,
    KindBit = 1u << 8,
};
constexpr quint32 allRoleBits = (1u << 9) - 1;
constexpr quint32 allColumns = (1u << RecipientTableModel::ColumnCount) - 1;

constexpr quint32 columnBit(int column)
{
    return 1u << column;
}

// Dirty rows closer than this are announced as one range: repainting a few
// unchanged rows is cheaper than one more signal through every proxy and view.
constexpr int mergeGap = 32;
// Past this many ranges one covering range is emitted instead.
constexpr int maxRangesPerFlush = 8;

} // namespace

RecipientTableModel::RecipientTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(0);
    connect(&m_flushTimer, &QTimer::timeout, this, [this] { flush(); });
}

QModelIndex RecipientTableModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= int(m_rows.size()) || column >= ColumnCount)
        return {};
    return createIndex(row, column);
}

int RecipientTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RecipientTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Qt::ItemFlags RecipientTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QVariant RecipientTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case UserPrincipalName:
        return tr("User principal name");
    case Kind:
        return tr("Kind");
    case InstallState:
        return tr("Install state");
    case InstallationId:
        return tr("Installation id");
    case ChatId:
        return tr("Chat id");
    case DeliveryState:
        return tr("Delivery");
    case Detail:
        return tr("Detail");
    default:
        return {};
    }
}

QVariant RecipientTableModel::displayData(const RecipientRow &row, int column) const
{
    switch (column) {
    case Name:
        return row.bestName();
    case UserPrincipalName:
        return row.text(RecipientRow::UserPrincipalName);
    case Kind:
        return displayText(row.kind());
    case InstallState:
        return displayText(row.installState());
    case InstallationId:
        return row.text(RecipientRow::InstallationId);
    case ChatId:
        return row.text(RecipientRow::ChatId);
    case DeliveryState:
        return displayText(row.deliveryState());
    case Detail:
        return row.text(RecipientRow::Detail);
    default:
        return {};
    }
}

QVariant RecipientTableModel::sortData(const RecipientRow &row, int column) const
{
    switch (column) {
    case InstallState:
        return sortOrder(row.installState());
    case DeliveryState:
        return sortOrder(row.deliveryState());
    default:
        return displayData(row, column);
    }
}

QVariant RecipientTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const RecipientRow &row = m_rows[std::size_t(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, column);
    case Qt::DecorationRole:
        if (column == InstallState)
            return m_icons.icon(row.installState());
        if (column == DeliveryState)
            return m_icons.icon(row.deliveryState());
        return {};
    case Qt::ToolTipRole:
        if (!row.isEmpty(RecipientRow::Detail))
            return row.text(RecipientRow::Detail);
        if (column == Name) {
            // Until resolution the id is empty; the input is the best hint then.
            return row.isEmpty(RecipientRow::ObjectId) ? row.text(RecipientRow::Input)
                                                       : row.text(RecipientRow::ObjectId);
        }
        return {};
    case Qt::AccessibleDescriptionRole:
        // The state cells read as their text (DisplayRole); why comes after.
        if ((column == InstallState || column == DeliveryState) && !row.isEmpty(RecipientRow::Detail))
            return row.text(RecipientRow::Detail);
        return {};
    case SortRole:
        return sortData(row, column);
    case ObjectIdRole:
        return row.text(RecipientRow::ObjectId);
    case InputRole:
        return row.text(RecipientRow::Input);
    case InstallStateRole:
        return int(row.installState());
    case DeliveryStateRole:
        return int(row.deliveryState());
    case KindRole:
        return int(row.kind());
    default:
        return {};
    }
}

void RecipientTableModel::indexId(const RecipientRow &row, int rowNumber)
{
    if (row.isEmpty(RecipientRow::ObjectId))
        return;
    const QString id = row.text(RecipientRow::ObjectId);
    const QUuid uuid = QUuid::fromString(QStringView(id));
    bool added = false;
    if (uuid.isNull()) {
        added = !m_rowByOtherId.contains(id);
        if (added)
            m_rowByOtherId.insert(id, rowNumber);
    } else {
        added = !m_rowByGuid.contains(uuid);
        if (added)
            m_rowByGuid.insert(uuid, rowNumber);
    }
    if (!added)
        qCWarning(lcModels) << "object id" << id << "is on more than one row; lookups find the first";
}

void RecipientTableModel::unindexId(const RecipientRow &row, int rowNumber)
{
    if (row.isEmpty(RecipientRow::ObjectId))
        return;
    const QString id = row.text(RecipientRow::ObjectId);
    const QUuid uuid = QUuid::fromString(QStringView(id));
    if (uuid.isNull()) {
        if (m_rowByOtherId.value(id, -1) == rowNumber)
            m_rowByOtherId.remove(id);
    } else if (m_rowByGuid.value(uuid, -1) == rowNumber) {
        m_rowByGuid.remove(uuid);
    }
}

void RecipientTableModel::appendRecipients(const RecipientList &recipients)
{
    if (recipients.isEmpty())
        return;
    const int first = int(m_rows.size());
    const int last = first + int(recipients.size()) - 1;
    const std::size_t needed = m_rows.size() + std::size_t(recipients.size());
    if (needed > m_rows.capacity())
        m_rows.reserve(std::max(needed, m_rows.capacity() + m_rows.capacity() / 2));
    m_rowByGuid.reserve(qsizetype(needed));
    beginInsertRows({}, first, last);
    for (const Recipient &recipient : recipients) {
        m_rows.emplace_back(recipient);
        indexId(m_rows.back(), int(m_rows.size()) - 1);
        if (!recipient.extra.isEmpty())
            m_extra.insert(int(m_rows.size()) - 1, recipient.extra);
    }
    endInsertRows();
    qCDebug(lcModels) << "appended" << recipients.size() << "recipients, now" << m_rows.size();
}

void RecipientTableModel::setRecipients(const RecipientList &recipients)
{
    beginResetModel();
    m_rows.clear();
    m_rows.shrink_to_fit();
    m_rowByGuid.clear();
    m_rowByOtherId.clear();
    m_extra.clear();
    m_dirtyRows.clear();
    m_dirtyColumns = 0;
    m_dirtyRoles = 0;
    m_flushTimer.stop();
    m_rows.reserve(std::size_t(recipients.size()));
    m_rowByGuid.reserve(recipients.size());
    for (const Recipient &recipient : recipients) {
        m_rows.emplace_back(recipient);
        indexId(m_rows.back(), int(m_rows.size()) - 1);
        if (!recipient.extra.isEmpty())
            m_extra.insert(int(m_rows.size()) - 1, recipient.extra);
    }
    endResetModel();
}

void RecipientTableModel::clear()
{
    setRecipients({});
}

void RecipientTableModel::removeRecipients(const QList<int> &rows)
{
    std::vector<bool> drop(m_rows.size(), false);
    bool any = false;
    for (int row : rows) {
        if (row >= 0 && row < rowCount()) {
            drop[std::size_t(row)] = true;
            any = true;
        }
    }
    if (!any)
        return;
    flush(); // pending changes refer to the old row numbers
    beginResetModel();
    std::vector<RecipientRow> kept;
    kept.reserve(m_rows.size());
    QHash<int, RecipientExtra> keptExtra;
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (drop[i])
            continue;
        const auto extra = m_extra.constFind(int(i));
        if (extra != m_extra.cend())
            keptExtra.insert(int(kept.size()), *extra);
        kept.push_back(std::move(m_rows[i]));
    }
    m_rows.swap(kept);
    m_extra.swap(keptExtra);
    m_rowByGuid.clear();
    m_rowByOtherId.clear();
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        indexId(m_rows[i], int(i));
    endResetModel();
}

RecipientList RecipientTableModel::recipients(const QList<int> &rows) const
{
    RecipientList list;
    list.reserve(rows.size());
    for (int row : rows) {
        if (row >= 0 && row < rowCount())
            list.append(recipient(row));
    }
    return list;
}

QList<int> RecipientTableModel::installStateCounts() const
{
    QList<int> counts(installStateCount, 0);
    for (const RecipientRow &row : m_rows)
        ++counts[int(row.installState())];
    return counts;
}

QList<int> RecipientTableModel::deliveryStateCounts() const
{
    QList<int> counts(deliveryStateCount, 0);
    for (const RecipientRow &row : m_rows)
        ++counts[int(row.deliveryState())];
    return counts;
}

Recipient RecipientTableModel::recipient(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    Recipient recipient = m_rows[std::size_t(row)].toRecipient();
    recipient.extra = m_extra.value(row);
    return recipient;
}

bool RecipientTableModel::setExtra(int row, const RecipientExtra &extra)
{
    if (row < 0 || row >= rowCount())
        return false;
    if (extra.isEmpty())
        m_extra.remove(row);
    else
        m_extra.insert(row, extra);
    return true;
}

int RecipientTableModel::rowForId(QStringView objectId) const
{
    if (objectId.isEmpty())
        return -1;
    const QUuid uuid = QUuid::fromString(objectId);
    if (!uuid.isNull())
        return m_rowByGuid.value(uuid, -1);
    return m_rowByOtherId.value(objectId.toString(), -1);
}

bool RecipientTableModel::updateRow(int row, const RecipientUpdate &update)
{
    if (row < 0 || row >= rowCount())
        return false;
    RecipientRow &r = m_rows[std::size_t(row)];
    quint32 columns = 0;
    quint32 roles = 0;
    if (update.installState && r.setInstallState(*update.installState)) {
        columns |= columnBit(InstallState);
        roles |= DisplayBit | DecorationBit | SortBit | InstallStateBit;
    }
    if (update.deliveryState && r.setDeliveryState(*update.deliveryState)) {
        columns |= columnBit(DeliveryState);
        roles |= DisplayBit | DecorationBit | SortBit | DeliveryStateBit;
    }
    if (update.installationId && r.setText(RecipientRow::InstallationId, *update.installationId)) {
        columns |= columnBit(InstallationId);
        roles |= DisplayBit | SortBit;
    }
    if (update.chatId && r.setText(RecipientRow::ChatId, *update.chatId)) {
        columns |= columnBit(ChatId);
        roles |= DisplayBit | SortBit;
    }
    if (update.detail && r.setText(RecipientRow::Detail, *update.detail)) {
        columns |= allColumns; // the detail is every cell's tooltip
        roles |= DisplayBit | SortBit | ToolTipBit;
    }
    if (columns != 0)
        markDirty(row, columns, roles);
    return true;
}

bool RecipientTableModel::updateById(QStringView objectId, const RecipientUpdate &update)
{
    return updateRow(rowForId(objectId), update);
}

bool RecipientTableModel::replaceRecipient(int row, const Recipient &recipient)
{
    if (row < 0 || row >= rowCount())
        return false;
    RecipientRow &r = m_rows[std::size_t(row)];
    const bool wasDirty = r.isDirty();
    unindexId(r, row);
    r = RecipientRow(recipient);
    r.setDirty(wasDirty);
    if (!recipient.extra.isEmpty())
        m_extra.insert(row, recipient.extra); // else the row keeps its CSV columns
    indexId(r, row);
    markDirty(row, allColumns, allRoleBits);
    return true;
}

void RecipientTableModel::markDirty(int row, quint32 columnMask, quint32 roleMask)
{
    RecipientRow &r = m_rows[std::size_t(row)];
    if (!r.isDirty()) {
        r.setDirty(true);
        m_dirtyRows.push_back(row);
    }
    m_dirtyColumns |= columnMask;
    m_dirtyRoles |= roleMask;
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

QList<int> RecipientTableModel::rolesFor(quint32 roleMask) const
{
    static const int roles[]
        = {Qt::DisplayRole, Qt::DecorationRole, Qt::ToolTipRole,   SortRole, ObjectIdRole,
           InputRole,       InstallStateRole,   DeliveryStateRole, KindRole};
    QList<int> list;
    for (int bit = 0; bit < int(std::size(roles)); ++bit) {
        if (roleMask & (1u << bit))
            list.append(roles[bit]);
    }
    return list;
}

void RecipientTableModel::flush()
{
    m_flushTimer.stop();
    if (m_dirtyRows.empty())
        return;
    // Take the pending state first: a slot connected to dataChanged may update again.
    std::vector<int> rows;
    rows.swap(m_dirtyRows);
    const quint32 columns = m_dirtyColumns;
    const QList<int> roles = rolesFor(m_dirtyRoles);
    m_dirtyColumns = 0;
    m_dirtyRoles = 0;

    std::sort(rows.begin(), rows.end());
    for (int row : rows)
        m_rows[std::size_t(row)].setDirty(false);

    QList<std::pair<int, int>> ranges;
    for (int row : rows) {
        if (!ranges.isEmpty() && row - ranges.last().second <= mergeGap)
            ranges.last().second = row;
        else
            ranges.append({row, row});
    }
    if (ranges.size() > maxRangesPerFlush)
        ranges = {{ranges.constFirst().first, ranges.constLast().second}};

    int firstColumn = 0;
    while (!(columns & columnBit(firstColumn)))
        ++firstColumn;
    int lastColumn = ColumnCount - 1;
    while (!(columns & columnBit(lastColumn)))
        --lastColumn;

    for (const auto &[top, bottom] : std::as_const(ranges))
        emit dataChanged(index(top, firstColumn), index(bottom, lastColumn), roles);
}

} // namespace herald
