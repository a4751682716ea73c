#pragma once

// One announcement as the admin wrote it, before any recipient is bound:
//  - Markdown: a .md/.txt file (or the composer's text box); sent as the
//    Activity's `text` with textFormat "markdown". `${...}` bindings allowed.
//  - AdaptiveCard: a .json object with "type": "AdaptiveCard" and no bindings.
//  - CardTemplate: the same with Adaptive Card Templating (`${...}`, `$data`,
//    `$when`), bound per recipient (TemplateBinder).
//  - Activity: a .json object with "type": "message" (a full Bot Framework
//    Activity: text, attachments, ...). Sent as is, after binding.
// The document keeps the original bytes so validation can point at the line
// and column of a problem. It is a cheap-to-copy value (implicitly shared
// Qt containers).

#include "message/ValidationIssue.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace herald::message {

enum class MessageKind : quint8 { Markdown, AdaptiveCard, CardTemplate, Activity };

// "markdown", "adaptive-card", "card-template", "activity" (stable: logs, JSON output).
QString toName(MessageKind kind);

// What a text is, when it does not come from a file with an extension.
enum class SourceFormat : quint8 { Markdown, Json };

struct LoadResult;

class MessageDocument
{
    Q_DECLARE_TR_FUNCTIONS(herald::message::MessageDocument)

public:
    // An empty markdown message (invalid to send: Validator says so).
    MessageDocument() = default;

    // Loads by extension: .md, .markdown, .txt -> markdown; .json -> card,
    // template or activity (detected). Anything else, an unreadable file, a
    // file that is not UTF-8, or bad JSON: no document, an Error issue.
    static LoadResult load(const QString &path);
    // The same from memory (the composer's editor, stdin). `sourceName` is
    // only used in messages.
    static LoadResult fromText(SourceFormat format, const QByteArray &utf8, const QString &sourceName = {});
    static LoadResult fromText(SourceFormat format, const QString &text, const QString &sourceName = {});

    // Built in code (the GUI composer). A JSON object is classified as for a
    // file: "type":"AdaptiveCard" -> card or template, "type":"message" ->
    // activity; anything else gives an Error issue. No source, so issues
    // carry pointers but no line/column.
    static MessageDocument fromMarkdown(const QString &text);
    static LoadResult fromJson(const QJsonObject &object);

    MessageKind kind() const { return m_kind; }
    bool isMarkdown() const { return m_kind == MessageKind::Markdown; }
    // True for AdaptiveCard and CardTemplate.
    bool isCard() const { return m_kind == MessageKind::AdaptiveCard || m_kind == MessageKind::CardTemplate; }
    // Contains a `${` expression, `$data` or `$when` anywhere (text or JSON).
    bool hasBindings() const { return m_hasBindings; }

    // Markdown text (Markdown kind only).
    const QString &text() const { return m_text; }
    // The card (AdaptiveCard, CardTemplate) or the activity (Activity).
    const QJsonObject &json() const { return m_json; }

    // Where it came from ("notice.json", or empty) and the original bytes
    // (empty when built in code).
    const QString &sourceName() const { return m_sourceName; }
    const QByteArray &source() const { return m_source; }

    // 1-based line and column in source() where the JSON value at `pointer`
    // begins (for an object member: its key), or, with `offsetInString` >= 0
    // and a string there, of that character of the string. {0, 0} when
    // unknown (no source, no such pointer, markdown).
    struct Position
    {
        int line = 0;
        int column = 0;
    };
    Position locate(const QString &pointer, qsizetype offsetInString = -1) const;
    // For markdown: the line/column of a character offset in text().
    Position locateText(qsizetype offset) const;

private:
    MessageKind m_kind = MessageKind::Markdown;
    bool m_hasBindings = false;
    QString m_text;
    QJsonObject m_json;
    QString m_sourceName;
    QByteArray m_source;
};

struct LoadResult
{
    std::optional<MessageDocument> document; // empty when loading failed
    ValidationIssues issues; // why it failed (Error), or warnings found while loading

    bool ok() const { return document.has_value(); }
};

} // namespace herald::message
