#pragma once

// Internal to TemplateBinder: the parsed form of one `${...}` expression and
// of a string with expressions in it. Parsing happens once per template;
// evaluation (TemplateEvaluator) once per recipient.

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringView>
#include <memory>

namespace herald::message::detail {

struct Node;
using NodePtr = std::shared_ptr<const Node>;

struct Node
{
    enum class Kind : quint8 { Literal, Path, Call, Unary, Binary };

    // One step of a path after its head: .name or [expression].
    struct Step
    {
        QString name; // empty when `index` is set
        NodePtr index;
    };

    Kind kind = Kind::Literal;
    QJsonValue literal; // Literal
    QString
        name; // Path: head ("$root", "$data", "$index" or a field); Call: function; Unary/Binary: operator
    QString text; // Path: as written, for reports ("manager.displayName")
    QList<Step> steps; // Path
    QList<NodePtr> args; // Call arguments; Unary: 1 operand; Binary: 2
};

struct ParseError
{
    qsizetype offset = 0; // in the expression text (inside the ${ })
    QString message;
};

// Parses the inside of `${...}`. On failure returns nullptr and fills *error.
NodePtr parseExpression(QStringView text, ParseError *error);

// A string split into literal text and expressions: "Hi ${givenName}!" ->
// [text "Hi ", expr givenName, text "!"].
struct StringPart
{
    QString text; // literal text, or the whole "${...}" as written (kept when unbound)
    NodePtr expression; // null for literal text
    qsizetype offset = 0; // of the part in the string
};

struct ParsedString
{
    QList<StringPart> parts;
    bool hasExpression = false;
    // The string is exactly one "${...}": the value keeps its JSON type.
    bool isWholeValue() const { return parts.size() == 1 && parts.first().expression; }
    QString error; // empty when fine
    qsizetype errorOffset = 0; // in the string
};

ParsedString parseString(const QString &text);

// Offset of the "}" that closes the "${" at `start`, or -1 (quotes and
// nested braces inside the expression are skipped).
qsizetype findExpressionEnd(QStringView text, qsizetype start);

} // namespace herald::message::detail
