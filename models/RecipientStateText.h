#pragma once

// What people read for each state (translated). The machine names are
// herald::toName() in directory/Recipient.h.

#include "directory/Recipient.h"

namespace herald {

QString displayText(InstallState state);
QString displayText(DeliveryState state);
QString displayText(RecipientKind kind);

// Sort order of the state columns: states that need the admin's attention
// first, success last, so an ascending sort puts the work on top.
int sortOrder(InstallState state);
int sortOrder(DeliveryState state);

} // namespace herald
