#include "cli/commands/ReportCommand.h"

#include "campaign/CampaignStore.h"
#include "cli/CommandContext.h"
#include "cli/commands/SendSupport.h"

#include <QTimer>

namespace herald::cli {

CommandSpec ReportCommand::spec()
{
    CommandSpec s;
    s.name = QStringLiteral("report");
    s.summary = tr("Per recipient delivery state of a campaign, from the journal.");
    s.synopsis = QStringLiteral("--campaign NAME");
    s.description
        = tr("Reads the campaign journal; needs no credentials. 'unconfirmed': the request may have "
             "reached the service but no answer came; such recipients are not sent again unless "
             "'send --resume NAME --retry-unconfirmed' is used.");
    s.options = {{QStringLiteral("campaign"), tr("The campaign's name."), QStringLiteral("NAME")}};
    s.states
        = {QStringLiteral("sent"),          QStringLiteral("failed"),    QStringLiteral("blocked_by_user"),
           QStringLiteral("not_installed"), QStringLiteral("not_found"), QStringLiteral("unconfirmed"),
           QStringLiteral("pending")};
    s.successStates = {QStringLiteral("sent")};
    s.examples = {QStringLiteral("report --campaign q3-notice --format csv > q3.csv")};
    s.validate = [](const CommandInput &input) -> QString {
        if (input.value(QStringLiteral("campaign")).trimmed().isEmpty())
            return tr("report needs --campaign NAME ('herald-cli campaigns' lists them)");
        return {};
    };
    return s;
}

void ReportCommand::start(CommandContext &context)
{
    const auto finish
        = [this](ExitCode code) { QTimer::singleShot(0, this, [this, code] { emit finished(code); }); };
    auto store = send::openStore(context, true);
    if (!store) {
        finish(ExitCode::Usage);
        return;
    }
    const QString name = context.input().value(QStringLiteral("campaign")).trimmed();
    const auto info = store->find(name);
    if (!info) {
        context.error(store->lastError().isEmpty()
                          ? tr("No campaign named '%1'; 'herald-cli campaigns' lists them.").arg(name)
                          : store->lastError());
        finish(ExitCode::Usage);
        return;
    }
    context.progress().setStateOrder(spec().states);
    context.setFields(RecipientRecord::fields());
    if (!store->forEachRow(info->id, [&context](const campaign::JournalRow &row) {
            context.writeRecipient(send::recordOf(row));
        })) {
        context.error(store->lastError());
        finish(ExitCode::SomeFailed);
        return;
    }
    finish(context.outcome());
}

} // namespace herald::cli
