#pragma once

// Internal to TemplateBinder: the functions an expression may call, their
// argument counts, and how the eager ones compute. if(), exists(), empty()
// and coalesce() need their arguments unevaluated and live in the evaluator.

#include <QJsonValue>
#include <QList>
#include <QString>
#include <optional>

namespace herald::message::detail {

struct FunctionInfo
{
    const char *name;
    int minArgs;
    int maxArgs; // -1 = any number
};

const FunctionInfo *findFunction(const QString &name);
QString supportedFunctionNames(); // "if, exists, ..." for error messages
QString arityText(const FunctionInfo &info); // "2", "2 or 3", "at least 1"

// Undefined (a field nobody has) is std::nullopt throughout.
using Value = std::optional<QJsonValue>;

// The text a value becomes inside a string: strings as they are, integral
// numbers without ".0", booleans true/false, null and undefined empty,
// objects and arrays as compact JSON.
QString toText(const Value &value);
// Conditions: undefined, null, false, 0, "" are false; everything else true.
bool isTruthy(const Value &value);
// exists(): defined and not null. empty(): undefined, null, "", [] or {}.
bool isEmptyValue(const Value &value);

// An eager function on evaluated arguments. On a type problem returns
// std::nullopt and sets *error ("int(): 'abc' is not a number").
Value callFunction(const QString &name, const QList<Value> &args, QString *error);

// Operators other than && and || (those short-circuit in the evaluator).
Value applyUnary(const QString &op, const Value &operand, QString *error);
Value applyBinary(const QString &op, const Value &a, const Value &b, QString *error);

} // namespace herald::message::detail
