#pragma once

// A partial change to one recipient, as a sweep, an install or a send reports
// it: only the fields that are set change.

#include "directory/Recipient.h"

#include <optional>

namespace herald {

struct RecipientUpdate
{
    std::optional<InstallState> installState;
    std::optional<DeliveryState> deliveryState;
    std::optional<QString> installationId;
    std::optional<QString> chatId;
    std::optional<QString> detail;

    bool isEmpty() const { return !installState && !deliveryState && !installationId && !chatId && !detail; }

    void applyTo(Recipient &recipient) const
    {
        if (installState)
            recipient.installState = *installState;
        if (deliveryState)
            recipient.deliveryState = *deliveryState;
        if (installationId)
            recipient.installationId = *installationId;
        if (chatId)
            recipient.chatId = *chatId;
        if (detail)
            recipient.detail = *detail;
    }
};

} // namespace herald
