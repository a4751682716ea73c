#pragma once

// What an install-area pipeline says about one recipient when it is done
// with it. Outcome names are the CLI contract (design/CLI.md "state values").

#include "directory/Recipient.h"
#include "directory/RecipientUpdate.h"

#include <QMetaType>
#include <QString>

namespace herald::install {

enum class Outcome : quint8 {
    Installed, // status: has the app; install: newly installed
    NotInstalled,
    NotFound, // no such user/team, or no Teams licence (Graph's 404)
    Error, // status could not be read
    AlreadyInstalled, // install answered 409
    Blocked, // install refused by the app permission policy (403)
    Failed,
    Upgraded,
    Removed,
    Resolved, // chat id known
};

// "installed", "not_installed", "already_installed", ...
QString toName(Outcome outcome);

struct RecipientResult
{
    Recipient recipient; // as it came from the feed (input, id, kind, names)
    Outcome outcome = Outcome::Error;
    QString installationId;
    QString chatId;
    QString detail; // the service's message for failures; "would install" in a dry run
    int httpStatus = 0; // of the deciding answer; 0 when none
    bool dryRun = false;

    // The change to apply to a recipient table row (install and chat columns).
    RecipientUpdate update() const;
};

} // namespace herald::install

Q_DECLARE_METATYPE(herald::install::RecipientResult)
