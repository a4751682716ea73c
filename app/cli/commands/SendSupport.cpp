#include "cli/commands/SendSupport.h"

#include "campaign/CampaignStore.h"
#include "cli/CommandContext.h"
#include "message/MessageDocument.h"
#include "message/Validator.h"

#include <QFileInfo>
#include <QJsonArray>

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

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList fromArray(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &v : value.toArray())
        list << v.toString();
    return list;
}

QString absolute(const QString &path)
{
    return path.isEmpty() ? path : QFileInfo(path).absoluteFilePath();
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

QJsonObject sourceToJson(const directory::RecipientSource &source)
{
    QJsonObject json;
    json.insert(QStringLiteral("users"), toArray(source.users));
    json.insert(QStringLiteral("usersFile"), absolute(source.usersFile));
    json.insert(QStringLiteral("groups"), toArray(source.groups));
    json.insert(QStringLiteral("allUsers"), source.allUsers);
    json.insert(QStringLiteral("teams"), toArray(source.teams));
    json.insert(QStringLiteral("teamsFile"), absolute(source.teamsFile));
    return json;
}

directory::RecipientSource sourceFromJson(const QJsonObject &json)
{
    directory::RecipientSource source;
    source.users = fromArray(json.value(QStringLiteral("users")));
    source.usersFile = json.value(QStringLiteral("usersFile")).toString();
    source.groups = fromArray(json.value(QStringLiteral("groups")));
    source.allUsers = json.value(QStringLiteral("allUsers")).toBool();
    source.teams = fromArray(json.value(QStringLiteral("teams")));
    source.teamsFile = json.value(QStringLiteral("teamsFile")).toString();
    return source;
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
