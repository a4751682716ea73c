#pragma once

// Internal to CampaignStore*.cpp: binding helpers and the row columns.

#include "campaign/CampaignTypes.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace herald::campaign::sql {

// A null QString binds as SQL NULL; every text column is NOT NULL.
inline QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

inline qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

inline JournalRow rowFrom(const QSqlQuery &q)
{
    // Column order of kRowColumns.
    JournalRow row;
    row.seq = q.value(0).toLongLong();
    row.key = q.value(1).toString();
    row.recipient = q.value(2).toString();
    row.userId = q.value(3).toString();
    row.kind = recipientKindFromName(q.value(4).toString()).value_or(RecipientKind::User);
    row.displayName = q.value(5).toString();
    row.data = QJsonDocument::fromJson(q.value(6).toByteArray()).object();
    row.chatId = q.value(7).toString();
    row.payloadHash = q.value(8).toByteArray();
    row.state = journalStateFromName(q.value(9).toString()).value_or(JournalState::Failed);
    row.attempts = q.value(10).toInt();
    row.retryable = q.value(11).toBool();
    row.lastError = q.value(12).toString();
    row.httpStatus = q.value(13).toInt();
    row.activityId = q.value(14).toString();
    row.updatedAt = q.value(15).toLongLong();
    return row;
}

inline const char *const kRowColumns
    = "seq, key, recipient, user_id, kind, display_name, data, chat_id, payload_hash, "
      "state, attempts, retryable, last_error, http_status, activity_id, updated_at";

} // namespace herald::campaign::sql
