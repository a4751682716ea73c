#pragma once

// A problem found in a message before anything is sent: where it is (line and
// column in the message file, the JSON pointer in the card) and whom it
// concerns (one recipient, or everybody). The sentence says what is wrong and
// how to fix it; the CLI prints toString(), the composer underlines line/column.

#include <QList>
#include <QString>

namespace herald::message {

struct ValidationIssue
{
    // Warning: the message can be sent, but probably not as the admin means
    // it (an element a mobile client may not show, a condition on a field
    // some recipients lack). Error: do not send.
    enum class Severity : quint8 { Warning, Error };

    // What kind of check found it, so callers can group or highlight: the
    // file itself (JSON, card schema), an expression's syntax, binding one
    // recipient (an expression failed), a field the recipient lacks, size.
    enum class Category : quint8 { Document, Syntax, Binding, MissingField, Size };

    Severity severity = Severity::Error;
    Category category = Category::Document;
    int line = 0; // 1-based line in the message file; 0 = not tied to a place (or built in code)
    int column = 0; // 1-based column (characters) on that line; 0 = unknown
    QString pointer; // RFC 6901 JSON pointer into the card/activity ("/body/2/type"); empty for text
    // Character offset of the problem inside the JSON string at `pointer`
    // (an expression's "${"), or in the markdown text; -1 = the value as a whole.
    qsizetype offset = -1;
    QString recipient; // the recipient it concerns (RecipientData::label()); empty = every recipient
    QString message; // translated sentence

    bool isError() const { return severity == Severity::Error; }
    // "line 3, column 7: message", "ann@contoso.com: message", or just the message.
    QString toString() const;

    friend bool operator==(const ValidationIssue &a, const ValidationIssue &b)
    {
        return a.severity == b.severity && a.category == b.category && a.line == b.line
            && a.column == b.column && a.pointer == b.pointer && a.offset == b.offset
            && a.recipient == b.recipient && a.message == b.message;
    }
};

using ValidationIssues = QList<ValidationIssue>;

bool hasErrors(const ValidationIssues &issues);
int errorCount(const ValidationIssues &issues);

} // namespace herald::message
