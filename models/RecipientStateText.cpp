#include "RecipientStateText.h"

#include <QCoreApplication>

namespace herald {

namespace {

// Gives lupdate a translation context for these strings.
struct RecipientState
{
    Q_DECLARE_TR_FUNCTIONS(herald::RecipientState)
};

} // namespace

QString displayText(InstallState state)
{
    switch (state) {
    case InstallState::Unknown:
        return RecipientState::tr("Unknown");
    case InstallState::Installed:
        return RecipientState::tr("Installed");
    case InstallState::NotInstalled:
        return RecipientState::tr("Not installed");
    case InstallState::NotFound:
        return RecipientState::tr("Not found");
    case InstallState::Blocked:
        return RecipientState::tr("Blocked by policy");
    case InstallState::Error:
        return RecipientState::tr("Error");
    }
    return {};
}

QString displayText(DeliveryState state)
{
    switch (state) {
    case DeliveryState::Pending:
        return RecipientState::tr("Pending");
    case DeliveryState::Sent:
        return RecipientState::tr("Sent");
    case DeliveryState::Failed:
        return RecipientState::tr("Failed");
    case DeliveryState::BlockedByUser:
        return RecipientState::tr("Blocked by user");
    case DeliveryState::NotInstalled:
        return RecipientState::tr("Not installed");
    case DeliveryState::NotFound:
        return RecipientState::tr("Not found");
    case DeliveryState::Unconfirmed:
        return RecipientState::tr("Unconfirmed");
    }
    return {};
}

QString displayText(RecipientKind kind)
{
    return kind == RecipientKind::Team ? RecipientState::tr("Team") : RecipientState::tr("User");
}

int sortOrder(InstallState state)
{
    switch (state) {
    case InstallState::Error:
        return 0;
    case InstallState::Blocked:
        return 1;
    case InstallState::NotFound:
        return 2;
    case InstallState::NotInstalled:
        return 3;
    case InstallState::Unknown:
        return 4;
    case InstallState::Installed:
        return 5;
    }
    return 6;
}

int sortOrder(DeliveryState state)
{
    switch (state) {
    case DeliveryState::Failed:
        return 0;
    case DeliveryState::Unconfirmed:
        return 1;
    case DeliveryState::BlockedByUser:
        return 2;
    case DeliveryState::NotFound:
        return 3;
    case DeliveryState::NotInstalled:
        return 4;
    case DeliveryState::Pending:
        return 5;
    case DeliveryState::Sent:
        return 6;
    }
    return 7;
}

} // namespace herald
