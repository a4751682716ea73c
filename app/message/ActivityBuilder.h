#pragma once

// The exact Bot Connector Activity one recipient receives, from a message
// document bound with that recipient's data (API-NOTES.md "Bot Connector"):
//   markdown -> {"type":"message","text":"...","textFormat":"markdown"}
//   card     -> {"type":"message","attachments":[{"contentType":
//               "application/vnd.microsoft.card.adaptive","content":{...}}]}
//   activity -> the activity itself, bound.
// json is what goes on the wire (compact, UTF-8); hash is its SHA-256, which
// the campaign journal stores so a resumed campaign can tell that the message
// it would send is the one recorded.

#include "message/MessageDocument.h"
#include "message/RecipientData.h"
#include "message/TemplateBinder.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QMutex>
#include <memory>

namespace herald::message {

struct BoundMessage
{
    QJsonObject activity;
    QByteArray json; // QJsonDocument(activity).toJson(Compact): the request body
    QByteArray hash; // lower-case hex SHA-256 of json (64 characters)
    QList<MissingField> missing; // fields this recipient lacks (see TemplateBinder)
    // Everything wrong for this recipient, each with ValidationIssue::recipient
    // set: binding errors, missing fields (Error; Warning when only used in a
    // condition), payload over kMaxPayloadBytes (Error).
    ValidationIssues issues;

    qsizetype size() const { return json.size(); }
    bool isSendable() const { return !hasErrors(issues); }
    // The Adaptive Card content of the first card attachment (what the
    // preview widget renders); empty for a text message.
    QJsonObject card() const;
};

class ActivityBuilder
{
    Q_DECLARE_TR_FUNCTIONS(herald::message::ActivityBuilder)

public:
    // The Bot Connector rejects larger activities with 413 (API-NOTES.md:
    // "payload over ~40 KB"); measured on the serialized Activity in UTF-8.
    static constexpr qsizetype kMaxPayloadBytes = 40 * 1024;
    static inline const QString kAdaptiveCardContentType
        = QStringLiteral("application/vnd.microsoft.card.adaptive");

    // Parses the document's expressions once; build() reuses them.
    explicit ActivityBuilder(const MessageDocument &document);
    ~ActivityBuilder();
    ActivityBuilder(const ActivityBuilder &) = delete;
    ActivityBuilder &operator=(const ActivityBuilder &) = delete;

    const MessageDocument &document() const { return m_document; }

    // The activity for one recipient. Thread-compatible (const).
    BoundMessage build(const RecipientData &recipient) const;

    static QByteArray payloadHash(const QByteArray &json);

private:
    MessageDocument::Position position(const QString &pointer, qsizetype textOffset) const;

    MessageDocument m_document;
    std::unique_ptr<TemplateBinder> m_binder;
    // Positions of issue pointers in the source, found once: every recipient
    // lacking a field reports the same place.
    mutable QMutex m_positionsMutex;
    mutable QHash<QString, MessageDocument::Position> m_positions;
};

} // namespace herald::message
