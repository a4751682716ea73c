#pragma once

// The campaign's message document (app/message) as an ActivitySource: each
// recipient's data bound by message::ActivityBuilder; a recipient whose
// binding has errors (a missing template field, a payload over the Bot
// Connector limit) gets the issues as the error instead of a payload.

#include "campaign/ActivitySource.h"

#include <memory>

namespace herald::message {
class ActivityBuilder;
class MessageDocument;
} // namespace herald::message

namespace herald::campaign {

class MessageActivitySource : public ActivitySource
{
public:
    explicit MessageActivitySource(const message::MessageDocument &document);
    ~MessageActivitySource() override;

    BoundActivity bind(const QJsonObject &recipientData) const override;

private:
    std::unique_ptr<message::ActivityBuilder> m_builder;
};

} // namespace herald::campaign
