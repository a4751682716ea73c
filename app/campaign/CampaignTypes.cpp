#include "campaign/CampaignTypes.h"

#include <QJsonArray>
#include <QJsonDocument>

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
    in.givenName = recipient.givenName;
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
    r.givenName = givenName;
    r.userPrincipalName = userPrincipalName;
    r.mail = mail;
    r.extra = extra;
    return r;
}

QByteArray JournalInput::extraJson() const
{
    if (extra.isEmpty())
        return {};
    return QJsonDocument(QJsonArray{QJsonArray::fromStringList(extra.columns()),
                                    QJsonArray::fromStringList(extra.values())})
        .toJson(QJsonDocument::Compact);
}

void JournalInput::setExtra(const QByteArray &json)
{
    extra = RecipientExtra();
    if (json.isEmpty())
        return;
    const QJsonArray pair = QJsonDocument::fromJson(json).array();
    QStringList columns;
    QStringList values;
    for (const QJsonValue &v : pair.at(0).toArray())
        columns << v.toString();
    for (const QJsonValue &v : pair.at(1).toArray())
        values << v.toString();
    if (!columns.isEmpty())
        extra = RecipientExtra(columns, values);
}

QString JournalRow::keyFor(const Recipient &recipient)
{
    if (!recipient.id.isEmpty())
        return (recipient.kind == RecipientKind::Team ? QStringLiteral("team:") : QString())
            + recipient.id.toLower();
    return QStringLiteral("input:") + recipient.input.toLower();
}

} // namespace herald::campaign
