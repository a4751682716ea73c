#include "RecipientExport.h"

#include "RecipientTableModel.h"

#include <QStringList>

namespace herald::recipientexport {

namespace {

QStringList fields(const Recipient &r)
{
    return {r.input,
            r.id,
            toName(r.kind),
            r.displayName,
            r.userPrincipalName,
            toName(r.installState),
            r.installationId,
            r.chatId,
            toName(r.deliveryState),
            r.detail};
}

QString header(QChar separator)
{
    return QStringList{QStringLiteral("input"),
                       QStringLiteral("id"),
                       QStringLiteral("kind"),
                       QStringLiteral("displayName"),
                       QStringLiteral("userPrincipalName"),
                       QStringLiteral("installState"),
                       QStringLiteral("installationId"),
                       QStringLiteral("chatId"),
                       QStringLiteral("deliveryState"),
                       QStringLiteral("detail")}
        .join(separator);
}

} // namespace

QString csvField(const QString &value)
{
    static const QString special = QStringLiteral(",\"\r\n");
    bool quote = false;
    for (QChar c : value) {
        if (special.contains(c)) {
            quote = true;
            break;
        }
    }
    if (!quote)
        return value;
    QString escaped = value;
    escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString csvHeader()
{
    return header(QLatin1Char(','));
}

QString csv(const RecipientTableModel &model, const QList<int> &rows)
{
    QString out = csvHeader() + QLatin1String("\r\n");
    for (int row : rows) {
        QStringList values = fields(model.recipient(row));
        for (QString &value : values)
            value = csvField(value);
        out += values.join(QLatin1Char(',')) + QLatin1String("\r\n");
    }
    return out;
}

QString tabSeparated(const RecipientTableModel &model, const QList<int> &rows)
{
    QString out = header(QLatin1Char('\t')) + QLatin1Char('\n');
    for (int row : rows) {
        QStringList values = fields(model.recipient(row));
        for (QString &value : values) // a tab or line break would split the cell
            value.replace(QLatin1Char('\t'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' '));
        out += values.join(QLatin1Char('\t')) + QLatin1Char('\n');
    }
    return out;
}

} // namespace herald::recipientexport
