#pragma once

// The recipient table as text for other programs: CSV (RFC 4180, the same
// columns and machine state names as `herald-cli status --format csv`) and
// tab-separated text for the clipboard (spreadsheets paste it as cells).

#include <QList>
#include <QString>

namespace herald {

class RecipientTableModel;

namespace recipientexport {

QString csvHeader();
QString csv(const RecipientTableModel &model, const QList<int> &rows);
QString tabSeparated(const RecipientTableModel &model, const QList<int> &rows);
// One CSV field, quoted when it holds a delimiter, quote or line break.
QString csvField(const QString &value);

} // namespace recipientexport
} // namespace herald
