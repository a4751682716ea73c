#include "message/ActivityBuilder.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>

namespace herald::message {

namespace {

const QString kType = QStringLiteral("type");
const QString kMessage = QStringLiteral("message");
const QString kAttachments = QStringLiteral("attachments");
const QString kContentType = QStringLiteral("contentType");
const QString kContent = QStringLiteral("content");

// A data field whose name differs only in case: the likely intent.
QString caseVariant(const QJsonObject &data, const QString &path)
{
    const QString head = path.section(u'.', 0, 0);
    for (auto it = data.begin(); it != data.end(); ++it) {
        if (it.key() != head && it.key().compare(head, Qt::CaseInsensitive) == 0)
            return it.key();
    }
    return {};
}

} // namespace

QJsonObject BoundMessage::card() const
{
    for (const QJsonValue &a : activity.value(kAttachments).toArray()) {
        const QJsonObject attachment = a.toObject();
        if (attachment.value(kContentType) == ActivityBuilder::kAdaptiveCardContentType)
            return attachment.value(kContent).toObject();
    }
    return {};
}

ActivityBuilder::ActivityBuilder(const MessageDocument &document)
    : m_document(document)
    , m_binder(document.isMarkdown() ? std::make_unique<TemplateBinder>(document.text())
                                     : std::make_unique<TemplateBinder>(QJsonValue(document.json())))
{
}

ActivityBuilder::~ActivityBuilder() = default;

QByteArray ActivityBuilder::payloadHash(const QByteArray &json)
{
    return QCryptographicHash::hash(json, QCryptographicHash::Sha256).toHex();
}

MessageDocument::Position ActivityBuilder::position(const QString &pointer, qsizetype textOffset) const
{
    if (m_document.isMarkdown())
        return m_document.locateText(textOffset);
    const QString key = pointer + u'@' + QString::number(textOffset);
    QMutexLocker lock(&m_positionsMutex);
    const auto it = m_positions.constFind(key);
    if (it != m_positions.constEnd())
        return it.value();
    const MessageDocument::Position pos = m_document.locate(pointer, textOffset);
    m_positions.insert(key, pos);
    return pos;
}

BoundMessage ActivityBuilder::build(const RecipientData &recipient) const
{
    TemplateBinder::Result bound = m_binder->bind(recipient.fields());
    BoundMessage out;
    switch (m_document.kind()) {
    case MessageKind::Markdown:
        out.activity = QJsonObject{{kType, kMessage},
                                   {QStringLiteral("text"), bound.value.toString()},
                                   {QStringLiteral("textFormat"), QStringLiteral("markdown")}};
        break;
    case MessageKind::AdaptiveCard:
    case MessageKind::CardTemplate:
        out.activity = QJsonObject{{kType, kMessage},
                                   {kAttachments,
                                    QJsonArray{QJsonObject{{kContentType, kAdaptiveCardContentType},
                                                           {kContent, bound.value.toObject()}}}}};
        break;
    case MessageKind::Activity:
        out.activity = bound.value.toObject();
        break;
    }
    out.json = QJsonDocument(out.activity).toJson(QJsonDocument::Compact);
    out.hash = payloadHash(out.json);
    out.missing = bound.missing;

    const QString label = recipient.label();
    for (ValidationIssue issue : std::as_const(bound.errors)) {
        if (m_document.isCard() || m_document.kind() == MessageKind::Activity) {
            const MessageDocument::Position pos = position(issue.pointer, issue.offset);
            issue.line = pos.line;
            issue.column = pos.column;
        }
        issue.recipient = label;
        out.issues.append(issue);
    }
    for (const MissingField &m : std::as_const(out.missing)) {
        ValidationIssue issue;
        issue.category = ValidationIssue::Category::MissingField;
        issue.recipient = label;
        issue.pointer = m.pointer;
        issue.offset = m.textOffset;
        const MessageDocument::Position pos = position(m.pointer, m.textOffset);
        issue.line = pos.line;
        issue.column = pos.column;
        const QString variant = caseVariant(recipient.fields(), m.path);
        if (m.inCondition) {
            issue.severity = ValidationIssue::Severity::Warning;
            issue.message
                = tr("no value for \"%1\"; the condition that uses it counts it as false").arg(m.path);
        } else {
            issue.message = variant.isEmpty()
                ? tr("no value for \"%1\"; give it in the recipients CSV or guard it, e.g. "
                     "${if(exists(%1), %1, '')}")
                      .arg(m.path)
                : tr("no value for \"%1\"; the data has \"%2\" (names are case-sensitive)")
                      .arg(m.path, variant);
        }
        out.issues.append(issue);
    }
    if (out.size() > kMaxPayloadBytes) {
        ValidationIssue issue;
        issue.category = ValidationIssue::Category::Size;
        issue.recipient = label;
        issue.message
            = tr("the message is %1 bytes, over the Bot Connector limit of %2 bytes; shorten the text "
                 "or remove elements")
                  .arg(out.size())
                  .arg(kMaxPayloadBytes);
        out.issues.append(issue);
    }
    return out;
}

} // namespace herald::message
