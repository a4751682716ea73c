#include "campaign/CampaignSql.h"
#include "campaign/CampaignStore.h"

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

namespace {

constexpr int kColumns = 11;
constexpr int kRowsPerInsert = 100; // 1,000 host parameters, far below SQLite's limit

QString insertStatement(int rows)
{
    QStringList values;
    values.fill(QStringLiteral("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"), rows);
    return QStringLiteral(
               "INSERT INTO inputs (campaign, seq, kind, input, input_kind, user_id, display_name, "
               "upn, mail, extra, given_name) VALUES ")
        + values.join(QStringLiteral(", "));
}

InputKind inputKindFrom(const QString &name)
{
    for (InputKind k : {InputKind::ObjectId, InputKind::UserPrincipalName, InputKind::Mail}) {
        if (toName(k) == name)
            return k;
    }
    return InputKind::Unknown;
}

} // namespace

bool CampaignStore::insertInputs(qint64 campaign, const JournalInputs &inputs)
{
    // Plain columns (JSON only for CSV columns) and many rows per statement:
    // a 100,000-recipient GUI campaign is written in one commit (on
    // CampaignCreateJob's worker thread), so the cost per row matters.
    static_assert(kColumns * kRowsPerInsert < 32766, "SQLite host parameter limit");
    const QVariant user = toName(RecipientKind::User);
    const QVariant team = toName(RecipientKind::Team);
    QVariant kinds[4];
    for (InputKind k :
         {InputKind::Unknown, InputKind::ObjectId, InputKind::UserPrincipalName, InputKind::Mail})
        kinds[int(k)] = toName(k);
    QSqlQuery full(db());
    full.prepare(insertStatement(kRowsPerInsert));
    for (qsizetype from = 0; from < inputs.size(); from += kRowsPerInsert) {
        if (cancelRequested())
            return false; // create() rolls back
        const int rows = int(std::min<qsizetype>(kRowsPerInsert, inputs.size() - from));
        QSqlQuery rest(db());
        if (rows < kRowsPerInsert)
            rest.prepare(insertStatement(rows));
        QSqlQuery &q = rows < kRowsPerInsert ? rest : full;
        int at = 0;
        for (qsizetype i = from; i < from + rows; ++i) {
            const JournalInput &in = inputs.at(i);
            q.bindValue(at++, campaign);
            q.bindValue(at++, i + 1);
            q.bindValue(at++, in.kind == RecipientKind::Team ? team : user);
            q.bindValue(at++, text(in.input));
            q.bindValue(at++, kinds[std::clamp(int(in.inputKind), 0, 3)]);
            q.bindValue(at++, text(in.userId));
            q.bindValue(at++, text(in.displayName));
            q.bindValue(at++, text(in.userPrincipalName));
            q.bindValue(at++, text(in.mail));
            q.bindValue(at++, text(QString::fromUtf8(in.extraJson())));
            q.bindValue(at++, text(in.givenName));
        }
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
    // A schema-2 journal opened read-only has no given_name column.
    q.prepare(
        QStringLiteral("SELECT seq, kind, input, input_kind, user_id, display_name, upn, mail, extra, %1 "
                       "FROM inputs WHERE campaign = ? ORDER BY seq")
            .arg(m_schema >= 3 ? QStringLiteral("given_name") : QStringLiteral("''")));
    q.addBindValue(campaign);
    if (!q.exec())
        return fail(QStringLiteral("reading the recipient list"), q.lastError());
    QStringList columns; // shared by consecutive rows with the same columns (one copy in memory)
    const QString team = toName(RecipientKind::Team);
    while (q.next()) {
        JournalInput in;
        in.seq = q.value(0).toLongLong();
        in.kind = q.value(1).toString() == team ? RecipientKind::Team : RecipientKind::User;
        in.input = q.value(2).toString();
        in.inputKind = inputKindFrom(q.value(3).toString());
        in.userId = q.value(4).toString();
        in.displayName = q.value(5).toString();
        in.userPrincipalName = q.value(6).toString();
        in.mail = q.value(7).toString();
        in.setExtra(q.value(8).toByteArray());
        in.givenName = q.value(9).toString();
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
