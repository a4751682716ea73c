#include "JournalRowModel.h"

#include "RecipientExport.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace herald {

using campaign::JournalState;

JournalRowModel::JournalRowModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int JournalRowModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int JournalRowModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString JournalRowModel::stateText(JournalState state)
{
    switch (state) {
    case JournalState::Pending:
        return tr("Pending");
    case JournalState::Sending:
    case JournalState::Unconfirmed:
        return tr("Unconfirmed");
    case JournalState::Sent:
        return tr("Sent");
    case JournalState::Failed:
        return tr("Failed");
    case JournalState::BlockedByUser:
        return tr("Blocked the bot");
    case JournalState::NotInstalled:
        return tr("App not installed");
    case JournalState::NotFound:
        return tr("Not found");
    }
    return {};
}

QVariant JournalRowModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const campaign::JournalRow &r = m_rows[std::size_t(index.row())];
    if (role == StateRole)
        return int(r.state);
    if (role == Qt::ToolTipRole)
        return r.lastError;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Recipient:
        return r.recipient;
    case Name:
        return r.displayName;
    case State:
        return stateText(r.state);
    case Attempts:
        return r.attempts;
    case Detail:
        return r.lastError;
    default:
        return {};
    }
}

QVariant JournalRowModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Recipient:
        return tr("Recipient");
    case Name:
        return tr("Name");
    case State:
        return tr("State");
    case Attempts:
        return tr("Attempts");
    case Detail:
        return tr("Detail");
    default:
        return {};
    }
}

void JournalRowModel::setRows(std::vector<campaign::JournalRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

QByteArray JournalRowModel::toCsv(const std::vector<campaign::JournalRow> &rows)
{
    using recipientexport::csvField;
    QString out = QStringLiteral("recipient,id,displayName,state,chatId,attempts,httpStatus,detail\r\n");
    for (const campaign::JournalRow &r : rows) {
        out += QStringList{csvField(r.recipient),         csvField(r.userId),   csvField(r.displayName),
                           campaign::reportName(r.state), csvField(r.chatId),   QString::number(r.attempts),
                           QString::number(r.httpStatus), csvField(r.lastError)}
                   .join(QLatin1Char(','))
            + QLatin1String("\r\n");
    }
    return out.toUtf8();
}

QByteArray JournalRowModel::toJson(const campaign::CampaignInfo &info,
                                   const std::vector<campaign::JournalRow> &rows)
{
    QJsonObject counts;
    for (int s = 0; s < campaign::journalStateCount; ++s) {
        const QString name = campaign::reportName(JournalState(s));
        counts.insert(name, counts.value(name).toInt() + info.counts[s]);
    }
    QJsonArray recipients;
    for (const campaign::JournalRow &r : rows) {
        recipients.append(QJsonObject{{QStringLiteral("recipient"), r.recipient},
                                      {QStringLiteral("id"), r.userId},
                                      {QStringLiteral("displayName"), r.displayName},
                                      {QStringLiteral("state"), campaign::reportName(r.state)},
                                      {QStringLiteral("chatId"), r.chatId},
                                      {QStringLiteral("attempts"), r.attempts},
                                      {QStringLiteral("httpStatus"), r.httpStatus},
                                      {QStringLiteral("detail"), r.lastError}});
    }
    const QJsonObject doc{{QStringLiteral("campaign"), info.spec.name},
                          {QStringLiteral("state"), campaign::toName(info.state)},
                          {QStringLiteral("created"),
                           QDateTime::fromSecsSinceEpoch(info.createdAt, Qt::UTC).toString(Qt::ISODate)},
                          {QStringLiteral("runs"), info.run},
                          {QStringLiteral("counts"), counts},
                          {QStringLiteral("recipients"), recipients}};
    return QJsonDocument(doc).toJson(QJsonDocument::Indented);
}

} // namespace herald
