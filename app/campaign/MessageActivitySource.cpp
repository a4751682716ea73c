#include "campaign/MessageActivitySource.h"

#include "message/ActivityBuilder.h"

namespace herald::campaign {

MessageActivitySource::MessageActivitySource(const message::MessageDocument &document)
    : m_builder(std::make_unique<message::ActivityBuilder>(document))
{
}

MessageActivitySource::~MessageActivitySource() = default;

BoundActivity MessageActivitySource::bind(const QJsonObject &recipientData) const
{
    const message::BoundMessage bound = m_builder->build(message::RecipientData(recipientData));
    BoundActivity result;
    if (!bound.isSendable()) {
        QStringList problems;
        for (const message::ValidationIssue &issue : bound.issues) {
            if (issue.isError())
                problems << issue.toString();
        }
        result.error = problems.join(QLatin1String("; "));
        return result;
    }
    result.json = bound.json;
    result.hash = bound.hash;
    return result;
}

} // namespace herald::campaign
