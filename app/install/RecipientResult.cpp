#include "install/RecipientResult.h"

namespace herald::install {

QString toName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Installed:
        return QStringLiteral("installed");
    case Outcome::NotInstalled:
        return QStringLiteral("not_installed");
    case Outcome::NotFound:
        return QStringLiteral("not_found");
    case Outcome::Error:
        return QStringLiteral("error");
    case Outcome::AlreadyInstalled:
        return QStringLiteral("already_installed");
    case Outcome::Blocked:
        return QStringLiteral("blocked");
    case Outcome::Failed:
        return QStringLiteral("failed");
    case Outcome::Upgraded:
        return QStringLiteral("upgraded");
    case Outcome::Removed:
        return QStringLiteral("removed");
    case Outcome::Resolved:
        return QStringLiteral("resolved");
    }
    return QStringLiteral("error");
}

RecipientUpdate RecipientResult::update() const
{
    RecipientUpdate u;
    if (!detail.isEmpty())
        u.detail = detail;
    if (!installationId.isEmpty())
        u.installationId = installationId;
    if (!chatId.isEmpty())
        u.chatId = chatId;
    if (dryRun)
        return u; // nothing changed in the tenant
    switch (outcome) {
    case Outcome::Installed:
    case Outcome::AlreadyInstalled:
    case Outcome::Upgraded:
    case Outcome::Resolved:
        u.installState = InstallState::Installed;
        break;
    case Outcome::NotInstalled:
    case Outcome::Removed:
        u.installState = InstallState::NotInstalled;
        if (outcome == Outcome::Removed) {
            u.installationId = QString();
            u.chatId = QString();
        }
        break;
    case Outcome::NotFound:
        u.installState = InstallState::NotFound;
        break;
    case Outcome::Blocked:
        u.installState = InstallState::Blocked;
        break;
    case Outcome::Error:
    case Outcome::Failed:
        break;
    }
    return u;
}

} // namespace herald::install
