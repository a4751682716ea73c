#include "message/TemplateEvaluator.h"

#include <QJsonArray>
#include <QJsonObject>

namespace herald::message::detail {

namespace {

using Mode = Evaluator::Mode;

Mode atLeast(Mode mode, Mode floor)
{
    return static_cast<quint8>(mode) > static_cast<quint8>(floor) ? mode : floor;
}

Value member(const QJsonValue &from, const QString &name)
{
    if (!from.isObject())
        return std::nullopt;
    const QJsonObject o = from.toObject();
    const auto it = o.constFind(name);
    if (it == o.constEnd())
        return std::nullopt;
    return it.value();
}

} // namespace

void Evaluator::reportMissing(const QString &path, Mode mode)
{
    if (mode == Mode::Probe || !m_missing)
        return;
    ++m_failedLookups;
    const bool inCondition = mode == Mode::Condition;
    for (MissingField &m : *m_missing) {
        if (m.path == path) {
            m.inCondition = m.inCondition && inCondition; // a real use outweighs a test
            return;
        }
    }
    MissingField field;
    field.path = path;
    field.inCondition = inCondition;
    m_missing->append(field);
}

Value Evaluator::lookup(const Node &node, const Scope &scope, Mode mode, QString *error)
{
    Value current;
    if (node.name == u"$root")
        current = scope.root ? QJsonValue(*scope.root) : QJsonValue();
    else if (node.name == u"$data")
        current = scope.data;
    else if (node.name == u"$index")
        current = scope.index >= 0 ? Value(QJsonValue(scope.index)) : std::nullopt;
    else
        current = member(scope.data, node.name);

    for (const Node::Step &step : node.steps) {
        if (!current)
            break;
        if (!step.index) {
            current = member(*current, step.name);
            continue;
        }
        const Value key = evaluate(*step.index, scope, mode, error);
        if (!key)
            return std::nullopt; // the index itself is missing; reported there
        if (key->isDouble() && current->isArray()) {
            const QJsonArray a = current->toArray();
            const qsizetype i = qsizetype(key->toDouble());
            current = i >= 0 && i < a.size() ? Value(a.at(i)) : std::nullopt;
        } else {
            current = member(*current, toText(key));
        }
    }
    if (!current || current->isUndefined()) {
        reportMissing(node.text, mode);
        return std::nullopt;
    }
    return current;
}

Value Evaluator::call(const Node &node, const Scope &scope, Mode mode, QString *error)
{
    const QString &f = node.name;
    if (f == u"if") {
        const Value condition = evaluate(*node.args.at(0), scope, atLeast(mode, Mode::Condition), error);
        return evaluate(*node.args.at(isTruthy(condition) ? 1 : 2), scope, mode, error);
    }
    if (f == u"exists") {
        const Value v = evaluate(*node.args.at(0), scope, Mode::Probe, error);
        return QJsonValue(v.has_value() && !v->isNull());
    }
    if (f == u"empty")
        return QJsonValue(isEmptyValue(evaluate(*node.args.at(0), scope, Mode::Probe, error)));
    if (f == u"coalesce") {
        for (const NodePtr &arg : node.args) {
            const Value v = evaluate(*arg, scope, Mode::Probe, error);
            if (v && !v->isNull())
                return v;
        }
        return std::nullopt;
    }
    if (f == u"not")
        return QJsonValue(
            !isTruthy(evaluate(*node.args.at(0), scope, atLeast(mode, Mode::Condition), error)));
    if (f == u"and" || f == u"or") {
        const bool isAnd = f == u"and";
        for (const NodePtr &arg : node.args) {
            if (isTruthy(evaluate(*arg, scope, atLeast(mode, Mode::Condition), error)) != isAnd)
                return QJsonValue(!isAnd);
        }
        return QJsonValue(isAnd);
    }
    QList<Value> args;
    args.reserve(node.args.size());
    for (const NodePtr &arg : node.args)
        args.append(evaluate(*arg, scope, mode, error));
    QString problem;
    Value result = callFunction(f, args, &problem);
    if (!problem.isEmpty() && error->isEmpty())
        *error = problem;
    return result;
}

Value Evaluator::evaluate(const Node &node, const Scope &scope, Mode mode, QString *error)
{
    switch (node.kind) {
    case Node::Kind::Literal:
        return node.literal;
    case Node::Kind::Path:
        return lookup(node, scope, mode, error);
    case Node::Kind::Call:
        return call(node, scope, mode, error);
    case Node::Kind::Unary: {
        const Mode operandMode = node.name == u"!" ? atLeast(mode, Mode::Condition) : mode;
        QString problem;
        Value v = applyUnary(node.name, evaluate(*node.args.at(0), scope, operandMode, error), &problem);
        if (!problem.isEmpty() && error->isEmpty())
            *error = problem;
        return v;
    }
    case Node::Kind::Binary:
        break;
    }
    if (node.name == u"&&" || node.name == u"||") {
        const bool isAnd = node.name == u"&&";
        const Mode m = atLeast(mode, Mode::Condition);
        if (isTruthy(evaluate(*node.args.at(0), scope, m, error)) != isAnd)
            return QJsonValue(!isAnd);
        return QJsonValue(isTruthy(evaluate(*node.args.at(1), scope, m, error)));
    }
    const Value a = evaluate(*node.args.at(0), scope, mode, error);
    const Value b = evaluate(*node.args.at(1), scope, mode, error);
    QString problem;
    Value v = applyBinary(node.name, a, b, &problem);
    if (!problem.isEmpty() && error->isEmpty())
        *error = problem;
    return v;
}

} // namespace herald::message::detail
