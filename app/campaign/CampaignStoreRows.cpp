#include "campaign/CampaignSql.h"
#include "campaign/CampaignStore.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

// The recipient rows of the journal: journaling, claims, outcomes, reading.

namespace herald::campaign {

using namespace sql;

namespace {

constexpr int kKeyChunk = 400; // host parameters per statement stay far below SQLite's limit

} // namespace

// --- rows ----------------------------------------------------------------------

QSet<QString> CampaignStore::existingKeys(qint64 campaign, const QStringList &keys)
{
    QSet<QString> found;
    for (qsizetype from = 0; from < keys.size(); from += kKeyChunk) {
        const QStringList part = keys.mid(from, kKeyChunk);
        QStringList marks;
        marks.fill(QStringLiteral("?"), part.size());
        QSqlQuery q(db());
        q.prepare(QStringLiteral("SELECT key FROM recipients WHERE campaign = ? AND key IN (%1)")
                      .arg(marks.join(QLatin1Char(','))));
        q.addBindValue(campaign);
        for (const QString &key : part)
            q.addBindValue(key);
        if (!q.exec()) {
            fail(tr("looking up recipients"), q.lastError());
            continue;
        }
        while (q.next())
            found.insert(q.value(0).toString());
    }
    return found;
}

bool CampaignStore::addRows(qint64 campaign, JournalRows &rows)
{
    if (rows.isEmpty())
        return true;
    QSqlDatabase database = db();
    if (!database.transaction())
        return fail(QStringLiteral("begin"), database.lastError());
    QSqlQuery next(database);
    next.prepare(QStringLiteral("SELECT coalesce(max(seq), 0) FROM recipients WHERE campaign = ?"));
    next.addBindValue(campaign);
    if (!next.exec() || !next.next()) {
        database.rollback();
        return fail(tr("numbering recipients"), next.lastError());
    }
    qint64 seq = next.value(0).toLongLong();
    next.finish();
    QSqlQuery q(database);
    q.prepare(
        QStringLiteral("INSERT OR IGNORE INTO recipients (campaign, seq, key, recipient, user_id, kind, "
                       "display_name, data, chat_id, payload_hash, state, retryable, last_error, "
                       "http_status, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const qint64 now = nowMs();
    JournalRows added;
    for (JournalRow &row : rows) {
        q.addBindValue(campaign);
        q.addBindValue(seq + 1);
        q.addBindValue(text(row.key));
        q.addBindValue(text(row.recipient));
        q.addBindValue(text(row.userId));
        q.addBindValue(toName(row.kind));
        q.addBindValue(text(row.displayName));
        q.addBindValue(QString::fromUtf8(QJsonDocument(row.data).toJson(QJsonDocument::Compact)));
        q.addBindValue(text(row.chatId));
        q.addBindValue(text(QString::fromLatin1(row.payloadHash)));
        q.addBindValue(toName(row.state));
        q.addBindValue(row.retryable ? 1 : 0);
        q.addBindValue(text(row.lastError));
        q.addBindValue(row.httpStatus);
        q.addBindValue(now);
        if (!q.exec()) {
            database.rollback();
            return fail(tr("adding recipients"), q.lastError());
        }
        if (q.numRowsAffected() > 0) {
            row.seq = ++seq;
            row.updatedAt = now;
            added.append(row);
        }
    }
    if (!database.commit())
        return fail(QStringLiteral("commit"), database.lastError());
    rows = added;
    return true;
}

void CampaignStore::record(qint64 campaign, const JournalOutcome &outcome)
{
    m_outcomes.append({campaign, outcome});
}

bool CampaignStore::writeOutcomes()
{
    if (m_outcomes.isEmpty())
        return true;
    QSqlQuery q(db());
    q.prepare(
        QStringLiteral("UPDATE recipients SET state = ?, retryable = ?, last_error = ?, http_status = ?, "
                       "chat_id = CASE WHEN ? = '' THEN chat_id ELSE ? END, activity_id = ?, updated_at = ? "
                       "WHERE campaign = ? AND seq = ?"));
    const qint64 now = nowMs();
    for (const auto &[campaign, o] : std::as_const(m_outcomes)) {
        q.addBindValue(toName(o.state));
        q.addBindValue(o.retryable ? 1 : 0);
        q.addBindValue(text(o.detail));
        q.addBindValue(o.httpStatus);
        q.addBindValue(text(o.chatId));
        q.addBindValue(text(o.chatId));
        q.addBindValue(text(o.activityId));
        q.addBindValue(now);
        q.addBindValue(campaign);
        q.addBindValue(o.seq);
        if (!q.exec())
            return fail(tr("recording outcomes"), q.lastError());
    }
    return true;
}

bool CampaignStore::flush()
{
    if (m_outcomes.isEmpty() || !m_open || m_readOnly)
        return true;
    QSqlDatabase database = db();
    if (!database.transaction())
        return fail(QStringLiteral("begin"), database.lastError());
    if (!writeOutcomes()) {
        database.rollback();
        return false;
    }
    if (!database.commit()) {
        fail(QStringLiteral("commit"), database.lastError());
        database.rollback();
        return false;
    }
    m_stateChanges += m_outcomes.size();
    m_outcomes.clear();
    return true;
}

static QString claimCondition(const CampaignStore::ClaimRules &rules)
{
    QString states = QStringLiteral("state = 'pending'");
    if (rules.retryFailed)
        states += QStringLiteral(" OR (state = 'failed' AND retryable = 1)");
    if (rules.retryUnconfirmed)
        states += QStringLiteral(" OR state = 'unconfirmed'");
    return QStringLiteral("campaign = ? AND seq > ? AND last_run < ? AND (%1)").arg(states);
}

int CampaignStore::countClaimable(qint64 campaign, const ClaimRules &rules)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT count(*) FROM recipients WHERE %1").arg(claimCondition(rules)));
    q.addBindValue(campaign);
    q.addBindValue(rules.afterSeq);
    q.addBindValue(rules.run);
    if (!q.exec() || !q.next()) {
        fail(tr("counting recipients"), q.lastError());
        return -1;
    }
    return q.value(0).toInt();
}

JournalRows CampaignStore::claim(qint64 campaign, ClaimRules &rules, int limit, bool *ok)
{
    *ok = false;
    JournalRows rows;
    QSqlDatabase database = db();
    if (!database.transaction()) {
        fail(QStringLiteral("begin"), database.lastError());
        return {};
    }
    if (!writeOutcomes()) {
        database.rollback();
        return {};
    }
    QSqlQuery &select = statement(QStringLiteral("SELECT %1 FROM recipients WHERE %2 ORDER BY seq LIMIT ?")
                                      .arg(QLatin1String(kRowColumns), claimCondition(rules)));
    select.addBindValue(campaign);
    select.addBindValue(rules.afterSeq);
    select.addBindValue(rules.run);
    select.addBindValue(limit);
    if (!select.exec()) {
        fail(tr("claiming recipients"), select.lastError());
        database.rollback();
        return {};
    }
    while (select.next())
        rows.append(rowFrom(select));
    select.finish();
    QSqlQuery mark(database);
    mark.prepare(
        QStringLiteral("UPDATE recipients SET state = 'sending', attempts = attempts + 1, last_run = ?, "
                       "updated_at = ? WHERE campaign = ? AND seq = ?"));
    const qint64 now = nowMs();
    for (JournalRow &row : rows) {
        mark.addBindValue(rules.run);
        mark.addBindValue(now);
        mark.addBindValue(campaign);
        mark.addBindValue(row.seq);
        if (!mark.exec()) {
            fail(tr("claiming recipients"), mark.lastError());
            database.rollback();
            return {};
        }
        row.claimedFrom = row.state;
        row.state = JournalState::Sending;
        ++row.attempts;
        row.updatedAt = now;
    }
    if (!database.commit()) {
        fail(QStringLiteral("commit"), database.lastError());
        database.rollback();
        return {};
    }
    m_stateChanges += m_outcomes.size() + rows.size();
    m_outcomes.clear();
    if (!rows.isEmpty())
        rules.afterSeq = rows.last().seq;
    *ok = true;
    return rows;
}

bool CampaignStore::forEachRow(qint64 campaign, const std::function<void(const JournalRow &)> &visit)
{
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM recipients WHERE campaign = ? ORDER BY seq")
                  .arg(QLatin1String(kRowColumns)));
    q.addBindValue(campaign);
    if (!q.exec())
        return fail(tr("reading recipients"), q.lastError());
    while (q.next())
        visit(rowFrom(q));
    return true;
}

} // namespace herald::campaign
