#pragma once

// herald-cli preview --message FILE [--user UPN_OR_ID] [--data CSV]: prints
// the exact Bot Connector Activity one recipient would receive (CLI.md).
// The recipient's data comes from the directory (--user: displayName,
// givenName, mail, userPrincipalName, id) merged with their row of --data
// (extra columns); with --data alone, from its first row; with neither,
// nothing is bound and the fields are listed as warnings. Validation
// problems go to stderr; any error makes the exit code 2.

#include "cli/Command.h"
#include "message/MessageDocument.h"
#include "message/RecipientData.h"

#include <QPointer>
#include <optional>

namespace herald::graph {
class GraphRequestJob;
}

namespace herald::cli {

class GraphSession;

class PreviewCommand : public Command
{
    Q_OBJECT

public:
    using Command::Command;
    ~PreviewCommand() override;
    static CommandSpec spec();

    void start(CommandContext &context) override;
    void cancel() override;

private:
    bool loadData();
    void lookUpUser(bool byMail);
    void onUserFound(const QJsonObject &user);
    // The row of --data that belongs to `user` (same id, UPN or mail).
    std::optional<message::RecipientData> rowFor(const message::RecipientData &user) const;
    void emitPreview(const message::RecipientData &data, bool hasData);
    void reportIssues(const message::ValidationIssues &issues);
    void done(ExitCode code);

    CommandContext *m_context = nullptr;
    std::optional<message::MessageDocument> m_document;
    message::RecipientDataList m_rows; // --data
    QString m_user;
    QPointer<GraphSession> m_session;
    QPointer<graph::GraphRequestJob> m_job;
};

} // namespace herald::cli
