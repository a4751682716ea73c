#include "cli/commands/CampaignsCommand.h"

#include "campaign/CampaignStore.h"
#include "cli/CommandContext.h"
#include "cli/commands/SendSupport.h"

#include <QDateTime>
#include <QTimer>

namespace herald::cli {

using campaign::JournalState;

namespace {

// The per-state columns, in CLI.md order; `sending` rows count as unconfirmed.
const QList<JournalState> kColumns{JournalState::Sent,          JournalState::Failed,
                                   JournalState::BlockedByUser, JournalState::NotInstalled,
                                   JournalState::NotFound,      JournalState::Unconfirmed,
                                   JournalState::Pending};

} // namespace

QStringList CampaignsCommand::fields()
{
    QStringList f{QStringLiteral("name"), QStringLiteral("state"),   QStringLiteral("created"),
                  QStringLiteral("app"),  QStringLiteral("message"), QStringLiteral("total")};
    for (JournalState s : kColumns)
        f << campaign::toName(s);
    return f;
}

CommandSpec CampaignsCommand::spec()
{
    CommandSpec s;
    s.name = QStringLiteral("campaigns");
    s.summary = tr("List the journaled campaigns with counts per delivery state.");
    s.description = tr("Reads the campaign journal in the data folder (--data-dir); needs no credentials. "
                       "state: running (being sent, or its process crashed), stopped (resumable), finished.");
    s.examples = {QStringLiteral("campaigns"), QStringLiteral("campaigns --format json")};
    return s;
}

void CampaignsCommand::start(CommandContext &context)
{
    auto store = send::openStore(context, true);
    if (!store) {
        QTimer::singleShot(0, this, [this] { emit finished(ExitCode::Usage); });
        return;
    }
    bool ok = true;
    const QList<campaign::CampaignInfo> list = store->list(&ok);
    if (!ok) {
        context.error(store->lastError());
        QTimer::singleShot(0, this, [this] { emit finished(ExitCode::Usage); });
        return;
    }
    context.setFields(fields());
    for (const campaign::CampaignInfo &info : list) {
        Record record{info.spec.name,
                      campaign::toName(info.state),
                      QDateTime::fromSecsSinceEpoch(info.createdAt).toUTC().toString(Qt::ISODate),
                      info.spec.teamsAppId,
                      info.spec.messageName,
                      info.total()};
        for (JournalState s : kColumns) {
            int n = info.count(s);
            if (s == JournalState::Unconfirmed)
                n += info.count(JournalState::Sending);
            record << n;
        }
        context.writeRecord(record);
    }
    if (list.isEmpty())
        context.note(tr("No campaigns in %1 yet.")
                         .arg(campaign::CampaignStore::databasePath(context.settings().effectiveDataDir())));
    QTimer::singleShot(0, this, [this] { emit finished(ExitCode::Success); });
}

} // namespace herald::cli
