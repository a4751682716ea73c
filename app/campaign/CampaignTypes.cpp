#include "campaign/CampaignTypes.h"

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

QString JournalRow::keyFor(const Recipient &recipient)
{
    if (!recipient.id.isEmpty())
        return (recipient.kind == RecipientKind::Team ? QStringLiteral("team:") : QString())
            + recipient.id.toLower();
    return QStringLiteral("input:") + recipient.input.toLower();
}

} // namespace herald::campaign
