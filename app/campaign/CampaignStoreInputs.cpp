#include "campaign/CampaignSql.h"
#include "campaign/CampaignStore.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

// The recipient list of a campaign as the admin gave it (the `inputs`
// table). It is written in the same transaction as the campaign, before
// anything is resolved or sent, so a resume works from exactly the list the
// campaign started with -- never from a file that may have changed or gone.

namespace herald::campaign {

using namespace sql;

bool CampaignStore::insertInputs(qint64 campaign, const JournalInputs &inputs)
{
    if (inputs.isEmpty())
        return true;
    QSqlQuery q(db());
    q.prepare(QStringLiteral(
        "INSERT INTO inputs (campaign, seq, kind, input, user_id, data) VALUES (?, ?, ?, ?, ?, ?)"));
    qint64 seq = 0;
    for (const JournalInput &in : inputs) {
        q.addBindValue(campaign);
        q.addBindValue(++seq);
        q.addBindValue(toName(in.kind));
        q.addBindValue(text(in.input));
        q.addBindValue(text(in.userId));
        const QJsonObject data = in.dataJson();
        q.addBindValue(data.isEmpty()
                           ? QStringLiteral("{}")
                           : QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact)));
        if (!q.exec())
            return fail(QStringLiteral("journaling the recipient list"), q.lastError());
    }
    return true;
}

bool CampaignStore::forEachInput(qint64 campaign, const std::function<void(const JournalInput &)> &visit)
{
    if (m_schema < 2 || m_path.isEmpty())
        return true; // a journal from before inputs were kept
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT seq, kind, input, user_id, data FROM inputs WHERE campaign = ? ORDER BY seq"));
    q.addBindValue(campaign);
    if (!q.exec())
        return fail(QStringLiteral("reading the recipient list"), q.lastError());
    QStringList columns; // shared by consecutive rows with the same columns (one copy in memory)
    while (q.next()) {
        JournalInput in;
        in.seq = q.value(0).toLongLong();
        in.kind = recipientKindFromName(q.value(1).toString()).value_or(RecipientKind::User);
        in.input = q.value(2).toString();
        in.userId = q.value(3).toString();
        const QByteArray data = q.value(4).toByteArray();
        if (data.size() > 2)
            in.setData(QJsonDocument::fromJson(data).object());
        if (!in.extra.isEmpty()) {
            if (in.extra.columns() == columns)
                in.extra = RecipientExtra(columns, in.extra.values());
            else
                columns = in.extra.columns();
        }
        visit(in);
    }
    return true;
}

int CampaignStore::inputCount(qint64 campaign)
{
    if (m_schema < 2 || m_path.isEmpty())
        return 0;
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT count(*) FROM inputs WHERE campaign = ?"));
    q.addBindValue(campaign);
    if (!q.exec() || !q.next()) {
        fail(QStringLiteral("counting the recipient list"), q.lastError());
        return -1;
    }
    return q.value(0).toInt();
}

QSet<QString> CampaignStore::journaledInputs(qint64 campaign, bool *ok)
{
    QSet<QString> found;
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT recipient FROM recipients WHERE campaign = ?"));
    q.addBindValue(campaign);
    const bool done = q.exec();
    if (!done)
        fail(QStringLiteral("reading recipients"), q.lastError());
    while (done && q.next())
        found.insert(q.value(0).toString().toLower());
    if (ok)
        *ok = done;
    return found;
}

} // namespace herald::campaign
