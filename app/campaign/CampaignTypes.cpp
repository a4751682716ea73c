#include "campaign/CampaignTypes.h"

#include <QJsonArray>

namespace herald::campaign {

namespace {

const char *const kStateNames[journalStateCount] = {
    "pending", "sending", "sent", "failed", "blocked_by_user", "not_installed", "not_found", "unconfirmed",
};

} // namespace

QString toName(JournalState state)
{
    return QString::fromLatin1(kStateNames[int(state)]);
}

std::optional<JournalState> journalStateFromName(const QString &name)
{
    for (int i = 0; i < journalStateCount; ++i) {
        if (name == QLatin1String(kStateNames[i]))
            return JournalState(i);
    }
    return std::nullopt;
}

QString reportName(JournalState state)
{
    return state == JournalState::Sending ? toName(JournalState::Unconfirmed) : toName(state);
}

bool isSuccess(JournalState state)
{
    return state == JournalState::Sent;
}

bool isFinal(JournalState state)
{
    return state != JournalState::Pending && state != JournalState::Sending;
}

QString toName(CampaignState state)
{
    switch (state) {
    case CampaignState::Running:
        return QStringLiteral("running");
    case CampaignState::Stopped:
        return QStringLiteral("stopped");
    case CampaignState::Finished:
        return QStringLiteral("finished");
    }
    return QStringLiteral("stopped");
}

std::optional<CampaignState> campaignStateFromName(const QString &name)
{
    for (CampaignState s : {CampaignState::Running, CampaignState::Stopped, CampaignState::Finished}) {
        if (toName(s) == name)
            return s;
    }
    return std::nullopt;
}

int CampaignInfo::total() const
{
    int sum = 0;
    for (int n : counts)
        sum += n;
    return sum;
}

JournalInput JournalInput::from(const Recipient &recipient)
{
    JournalInput in;
    in.kind = recipient.kind;
    in.input = recipient.input.trimmed();
    in.inputKind = recipient.inputKind;
    in.userId = recipient.id;
    in.displayName = recipient.displayName;
    in.userPrincipalName = recipient.userPrincipalName;
    in.mail = recipient.mail;
    in.extra = recipient.extra;
    if (in.input.isEmpty())
        in.input = recipient.id;
    return in;
}

Recipient JournalInput::toRecipient() const
{
    Recipient r;
    r.kind = kind;
    r.input = input;
    r.inputKind = inputKind;
    r.id = userId;
    r.displayName = displayName;
    r.userPrincipalName = userPrincipalName;
    r.mail = mail;
    r.extra = extra;
    return r;
}

namespace {

const QString kInputKind = QStringLiteral("k");
const QString kName = QStringLiteral("n");
const QString kUpn = QStringLiteral("u");
const QString kMail = QStringLiteral("m");
const QString kColumns = QStringLiteral("c");
const QString kValues = QStringLiteral("v");

void insertText(QJsonObject &o, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        o.insert(key, value);
}

} // namespace

QJsonObject JournalInput::dataJson() const
{
    // Short keys: a campaign of 100,000 keeps 100,000 of these.
    QJsonObject o;
    if (inputKind != InputKind::Unknown)
        o.insert(kInputKind, herald::toName(inputKind));
    insertText(o, kName, displayName);
    insertText(o, kUpn, userPrincipalName);
    insertText(o, kMail, mail);
    if (!extra.isEmpty()) {
        o.insert(kColumns, QJsonArray::fromStringList(extra.columns()));
        o.insert(kValues, QJsonArray::fromStringList(extra.values()));
    }
    return o;
}

void JournalInput::setData(const QJsonObject &o)
{
    const QString kindName = o.value(kInputKind).toString();
    inputKind = InputKind::Unknown;
    for (InputKind k : {InputKind::ObjectId, InputKind::UserPrincipalName, InputKind::Mail}) {
        if (herald::toName(k) == kindName)
            inputKind = k;
    }
    displayName = o.value(kName).toString();
    userPrincipalName = o.value(kUpn).toString();
    mail = o.value(kMail).toString();
    QStringList columns;
    QStringList values;
    for (const QJsonValue &v : o.value(kColumns).toArray())
        columns << v.toString();
    for (const QJsonValue &v : o.value(kValues).toArray())
        values << v.toString();
    extra = columns.isEmpty() ? RecipientExtra() : RecipientExtra(columns, values);
}

QString JournalRow::keyFor(const Recipient &recipient)
{
    if (!recipient.id.isEmpty())
        return (recipient.kind == RecipientKind::Team ? QStringLiteral("team:") : QString())
            + recipient.id.toLower();
    return QStringLiteral("input:") + recipient.input.toLower();
}

} // namespace herald::campaign
