#pragma once

// Internal to TemplateBinder: evaluates a parsed expression against one
// recipient's data and records the fields it could not find.

#include "message/TemplateBinder.h"
#include "message/TemplateExpression.h"
#include "message/TemplateFunctions.h"

namespace herald::message::detail {

struct Scope
{
    const QJsonObject *root = nullptr; // $root: the recipient's data
    QJsonValue data; // $data: the current scope (root, or a $data item)
    int index = -1; // $index inside a repeated element, else -1
};

class Evaluator
{
public:
    // How a value is used; a lookup inherits the strongest mode above it.
    // Use: its value goes into the message. Condition: it only decides
    // something. Probe: it is tested for existence (no report at all).
    enum class Mode : quint8 { Use, Condition, Probe };

    explicit Evaluator(QList<MissingField> *missing)
        : m_missing(missing)
    {
    }

    // Undefined (std::nullopt) when a field is missing or on an error; the
    // first error of the evaluation goes to *error.
    Value evaluate(const Node &node, const Scope &scope, Mode mode, QString *error);

    // Lookups that found nothing outside a Probe, duplicates included.
    int failedLookups() const { return m_failedLookups; }
    // Reports an expression whose result is undefined for a reason no
    // lookup explains (coalesce() of nothing, first() of an empty list).
    void reportUndefined(const QString &expression, Mode mode) { reportMissing(expression, mode); }

private:
    Value lookup(const Node &node, const Scope &scope, Mode mode, QString *error);
    Value call(const Node &node, const Scope &scope, Mode mode, QString *error);
    void reportMissing(const QString &path, Mode mode);

    QList<MissingField> *m_missing;
    int m_failedLookups = 0;
};

} // namespace herald::message::detail
