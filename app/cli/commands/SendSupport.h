#pragma once

// Pieces the delivery commands (send, campaigns, report) share: loading and
// checking the message file, a journal row as a CLI.md record, opening the
// journal. (The recipient source as journaled JSON is campaign's:
// campaign/JournalRecipientFeed.h.)

#include "campaign/CampaignTypes.h"
#include "cli/RecordWriter.h"
#include "directory/RecipientResolver.h"

#include <QJsonObject>
#include <memory>
#include <optional>

namespace herald::message {
class MessageDocument;
}
namespace herald::campaign {
class CampaignStore;
}

namespace herald::cli {

class CommandContext;

namespace send {

// Loads and checks a message file (or the journaled bytes of one): prints
// every issue (errors via context.error, warnings via warn) and returns the
// document only when it has no errors.
std::optional<message::MessageDocument> loadMessage(CommandContext &context, const QString &path);
std::optional<message::MessageDocument> loadJournaledMessage(CommandContext &context, const QString &name,
                                                             const QByteArray &source);

RecipientRecord recordOf(const campaign::JournalRow &row);

// Opens {dataDir}/campaigns.sqlite; nullptr after printing the journal's
// own sentence (read-only, corrupt, newer schema).
std::unique_ptr<campaign::CampaignStore> openStore(CommandContext &context, bool readOnly);

} // namespace send
} // namespace herald::cli
