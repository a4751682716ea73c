#pragma once

// The subset of Adaptive Card Templating Herald binds per recipient
// (https://learn.microsoft.com/adaptive-cards/templating/language):
//
//  - "${expr}" as a whole JSON string: the value keeps its type (number,
//    bool, object, array); "Hello ${givenName}!" inside a string: the value
//    is converted to text and spliced in. Markdown text is bound the same way.
//  - Paths: name, a.b.c, a[0], a['key'], $root (the recipient's data),
//    $data (the current scope), $index (position in a $data array).
//  - "$data": a binding or literal that changes the scope of an element; an
//    array repeats the element once per item (inside an array of elements).
//  - "$when": the element (or member) is dropped when the condition is false.
//  - Literals 'text' "text" 12 3.5 true false null; operators ! && || == !=
//    < <= > >= + - * / % and parentheses; + of a string concatenates.
//  - Functions: if(cond, a, b), exists(x), empty(x), toUpper, toLower, trim,
//    concat(...), substring(s, start[, length]), length(s|array),
//    replace(s, old, new), startsWith, endsWith, contains(s|array, x),
//    join(array, sep), first, last, coalesce(a, b, ...), string(x), int(x),
//    float(x), not, and, or, equals.
//
// Unlike the Microsoft SDK (which leaves "${x}" in place silently), a field
// a recipient lacks is reported: every path that resolved to nothing is
// listed in Result::missing. In the output the unbound expression text stays
// as written ("${department}"), so a preview shows the gap. A lookup inside
// exists()/empty()/coalesce() is a test, not a use, and is not reported; one
// inside a condition ($when, the first argument of if(), !, &&, ||) is
// reported with inCondition = true (undefined counts as false there).
//
// Expressions are parsed once per binder and reused for every recipient.

#include "message/ValidationIssue.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <memory>

namespace herald::message {

struct MissingField
{
    QString path; // as written: "manager.displayName"
    bool inCondition = false; // only used to decide something ($when, if(), !, &&, ||)
    // Where it is first used: the JSON pointer of the string (cards,
    // activities; empty for markdown) and the character offset of its "${"
    // in that string (or in the markdown text). Not compared by ==.
    QString pointer;
    qsizetype textOffset = -1;

    friend bool operator==(const MissingField &a, const MissingField &b)
    {
        return a.path == b.path && a.inCondition == b.inCondition;
    }
};

class TemplateBinder
{
    Q_DECLARE_TR_FUNCTIONS(herald::message::TemplateBinder)

public:
    struct Result
    {
        QJsonValue value; // the bound JSON (bindText(): a string)
        QList<MissingField> missing; // unique by path, first use first
        // Expression errors (syntax, wrong argument count, unknown function):
        // Error issues with the JSON pointer of the string they are in (and,
        // for text, the line/column of the expression).
        ValidationIssues errors;

        // No errors and no field missing outside a condition.
        bool isComplete() const;
    };

    // For a card, template or activity.
    explicit TemplateBinder(const QJsonValue &templ);
    // For markdown text.
    explicit TemplateBinder(const QString &text);
    ~TemplateBinder();
    TemplateBinder(const TemplateBinder &) = delete;
    TemplateBinder &operator=(const TemplateBinder &) = delete;

    // Binds with `data` as $root (RecipientData::fields()). Thread-compatible:
    // const calls on one binder may run concurrently.
    Result bind(const QJsonObject &data) const;

    // Expression syntax problems, found without any data (the same Error
    // issues bind() would report).
    ValidationIssues syntaxErrors() const;

    // True when the string contains a "${" expression.
    static bool containsExpression(const QString &text);

private:
    class Impl;
    std::unique_ptr<Impl> d;
};

} // namespace herald::message
