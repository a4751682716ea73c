#include "cli/commands/SendSupport.h"

#include "campaign/CampaignStore.h"
#include "cli/CommandContext.h"
#include "message/MessageDocument.h"
#include "message/Validator.h"

#include <QFileInfo>

namespace herald::cli::send {

namespace {

std::optional<message::MessageDocument> check(CommandContext &context, const message::LoadResult &loaded)
{
    message::ValidationIssues issues = loaded.issues;
    if (loaded.ok())
        issues += message::Validator::checkDocument(*loaded.document);
    bool errors = false;
    for (const message::ValidationIssue &issue : std::as_const(issues)) {
        if (issue.isError()) {
            errors = true;
            context.error(issue.toString());
        } else {
            context.warn(issue.toString());
        }
    }
    if (errors || !loaded.ok())
        return std::nullopt;
    return loaded.document;
}

} // namespace

std::optional<message::MessageDocument> loadMessage(CommandContext &context, const QString &path)
{
    return check(context, message::MessageDocument::load(path));
}

std::optional<message::MessageDocument> loadJournaledMessage(CommandContext &context, const QString &name,
                                                             const QByteArray &source)
{
    const QString suffix = QFileInfo(name).suffix().toLower();
    const message::SourceFormat format
        = suffix == QLatin1String("json") ? message::SourceFormat::Json : message::SourceFormat::Markdown;
    return check(context, message::MessageDocument::fromText(format, source, name));
}

RecipientRecord recordOf(const campaign::JournalRow &row)
{
    RecipientRecord record;
    record.recipient = row.recipient;
    record.id = row.userId;
    record.kind = toName(row.kind);
    record.state = campaign::reportName(row.state);
    record.chatId = row.chatId;
    record.detail = row.lastError;
    return record;
}

std::unique_ptr<campaign::CampaignStore> openStore(CommandContext &context, bool readOnly)
{
    auto store = std::make_unique<campaign::CampaignStore>(
        campaign::CampaignStore::databasePath(context.settings().effectiveDataDir()));
    QString error;
    if (!store->open(readOnly ? campaign::CampaignStore::Mode::ReadOnly
                              : campaign::CampaignStore::Mode::ReadWrite,
                     &error)) {
        context.error(error);
        return nullptr;
    }
    return store;
}

} // namespace herald::cli::send
