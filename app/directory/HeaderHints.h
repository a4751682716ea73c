#pragma once

#include "directory/Recipient.h"

#include <QStringList>

namespace herald {

// The message for a recipient file whose first line names none of the key
// columns, with the likely cause when one is visible: another delimiter
// inside a column, or a familiar name for a key ("Email", "UPN", "ObjectId").
QString missingKeyColumnMessage(const QStringList &fields, char delimiter, RecipientKind kind);

} // namespace herald
