#include "message/TemplateFunctions.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <array>
#include <cmath>

namespace herald::message::detail {

namespace {

// lupdate files a tr() outside a class under the enclosing namespace: same context here.
QString tr(const char *text)
{
    return QCoreApplication::translate("herald::message::detail", text);
}

// Names as Adaptive Expressions spells them (case matters there too).
constexpr std::array<FunctionInfo, 25> kFunctions{{
    {"if", 3, 3},       {"exists", 1, 1},    {"empty", 1, 1},   {"coalesce", 1, -1}, {"not", 1, 1},
    {"and", 1, -1},     {"or", 1, -1},       {"toUpper", 1, 1}, {"toLower", 1, 1},   {"trim", 1, 1},
    {"concat", 1, -1},  {"substring", 2, 3}, {"length", 1, 1},  {"replace", 3, 3},   {"startsWith", 2, 2},
    {"endsWith", 2, 2}, {"contains", 2, 2},  {"join", 2, 2},    {"first", 1, 1},     {"last", 1, 1},
    {"string", 1, 1},   {"int", 1, 1},       {"float", 1, 1},   {"equals", 2, 2},    {"count", 1, 1},
}};

QString typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return tr("null");
    case QJsonValue::Bool:
        return tr("a boolean");
    case QJsonValue::Double:
        return tr("a number");
    case QJsonValue::String:
        return tr("text");
    case QJsonValue::Array:
        return tr("a list");
    case QJsonValue::Object:
        return tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return tr("nothing");
}

QString numberText(double d)
{
    if (std::isfinite(d) && d == std::trunc(d) && std::fabs(d) < 1e15)
        return QString::number(static_cast<qint64>(d));
    return QString::number(d, 'g', 15);
}

bool equalValues(const Value &a, const Value &b)
{
    const bool aNone = !a || a->isNull();
    const bool bNone = !b || b->isNull();
    if (aNone || bNone)
        return aNone == bNone;
    if (a->isDouble() && b->isDouble())
        return a->toDouble() == b->toDouble();
    return *a == *b;
}

Value numberOf(const QString &function, const QJsonValue &v, bool integral, QString *error)
{
    double d = 0;
    if (v.isDouble()) {
        d = v.toDouble();
    } else if (v.isString()) {
        bool ok = false;
        d = v.toString().trimmed().toDouble(&ok);
        if (!ok) {
            *error = tr("%1(): '%2' is not a number").arg(function, v.toString());
            return std::nullopt;
        }
    } else if (v.isBool()) {
        d = v.toBool() ? 1 : 0;
    } else {
        *error = tr("%1(): cannot make a number of %2").arg(function, typeName(v));
        return std::nullopt;
    }
    return QJsonValue(integral ? std::trunc(d) : d);
}

Value substring(const QString &s, const QList<Value> &args, QString *error)
{
    if (!args.at(1)->isDouble() || (args.size() > 2 && !args.at(2)->isDouble())) {
        *error = tr("substring(): start and length must be numbers");
        return std::nullopt;
    }
    // Clamped to the text rather than an error (Adaptive Expressions throws):
    // substring(title, 0, 40) is how a template shortens a long value, and
    // short values must not fail the recipient.
    const qsizetype start = std::clamp<qsizetype>(qsizetype(args.at(1)->toDouble()), 0, s.size());
    const qsizetype length = args.size() > 2 ? std::max<qsizetype>(0, qsizetype(args.at(2)->toDouble())) : -1;
    return QJsonValue(s.mid(start, length));
}

Value containsValue(const QJsonValue &haystack, const Value &needle)
{
    if (haystack.isArray()) {
        const QJsonArray a = haystack.toArray();
        return QJsonValue(
            std::any_of(a.begin(), a.end(), [&](const QJsonValue &v) { return equalValues(v, needle); }));
    }
    if (haystack.isObject())
        return QJsonValue(haystack.toObject().contains(toText(needle)));
    return QJsonValue(toText(haystack).contains(toText(needle)));
}

} // namespace

const FunctionInfo *findFunction(const QString &name)
{
    for (const FunctionInfo &f : kFunctions) {
        if (name == QLatin1StringView(f.name))
            return &f;
    }
    return nullptr;
}

QString supportedFunctionNames()
{
    QStringList names;
    for (const FunctionInfo &f : kFunctions)
        names.append(QLatin1StringView(f.name));
    return names.join(QStringLiteral(", "));
}

QString arityText(const FunctionInfo &info)
{
    if (info.maxArgs < 0)
        return tr("at least %1").arg(info.minArgs);
    if (info.minArgs == info.maxArgs)
        return QString::number(info.minArgs);
    return tr("%1 to %2").arg(info.minArgs).arg(info.maxArgs);
}

QString toText(const Value &value)
{
    if (!value)
        return {};
    switch (value->type()) {
    case QJsonValue::String:
        return value->toString();
    case QJsonValue::Double:
        return numberText(value->toDouble());
    case QJsonValue::Bool:
        return value->toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value->toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value->toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

bool isTruthy(const Value &value)
{
    if (!value)
        return false;
    switch (value->type()) {
    case QJsonValue::Bool:
        return value->toBool();
    case QJsonValue::Double:
        return value->toDouble() != 0;
    case QJsonValue::String:
        return !value->toString().isEmpty();
    case QJsonValue::Array:
    case QJsonValue::Object:
        return true;
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return false;
}

bool isEmptyValue(const Value &value)
{
    if (!value || value->isNull() || value->isUndefined())
        return true;
    if (value->isString())
        return value->toString().isEmpty();
    if (value->isArray())
        return value->toArray().isEmpty();
    if (value->isObject())
        return value->toObject().isEmpty();
    return false;
}

Value callFunction(const QString &name, const QList<Value> &args, QString *error)
{
    // A missing field was reported where it was looked up; what depends on
    // it is simply undefined too.
    if (std::any_of(args.begin(), args.end(), [](const Value &v) { return !v.has_value(); }))
        return std::nullopt;
    const QJsonValue a0 = args.value(0).value_or(QJsonValue());
    if (name == u"toUpper")
        return QJsonValue(toText(a0).toUpper());
    if (name == u"toLower")
        return QJsonValue(toText(a0).toLower());
    if (name == u"trim")
        return QJsonValue(toText(a0).trimmed());
    if (name == u"string")
        return QJsonValue(toText(a0));
    if (name == u"int" || name == u"float")
        return numberOf(name, a0, name == u"int", error);
    if (name == u"equals")
        return QJsonValue(equalValues(args.at(0), args.at(1)));
    if (name == u"concat") {
        if (std::all_of(args.begin(), args.end(), [](const Value &v) { return v->isArray(); })) {
            QJsonArray joined;
            for (const Value &v : args) {
                for (const QJsonValue &item : v->toArray())
                    joined.append(item);
            }
            return QJsonValue(joined);
        }
        QString text;
        for (const Value &v : args)
            text += toText(v);
        return QJsonValue(text);
    }
    if (name == u"substring")
        return substring(toText(a0), args, error);
    if (name == u"length" || name == u"count") {
        if (a0.isArray())
            return QJsonValue(a0.toArray().size());
        if (a0.isObject())
            return QJsonValue(a0.toObject().size());
        if (a0.isString())
            return QJsonValue(a0.toString().size());
        *error = tr("%1(): needs text or a list, not %2").arg(name, typeName(a0));
        return std::nullopt;
    }
    if (name == u"replace") {
        const QString old = toText(args.at(1));
        if (old.isEmpty()) {
            *error = tr("replace(): the text to replace is empty");
            return std::nullopt;
        }
        return QJsonValue(toText(a0).replace(old, toText(args.at(2))));
    }
    if (name == u"startsWith")
        return QJsonValue(toText(a0).startsWith(toText(args.at(1))));
    if (name == u"endsWith")
        return QJsonValue(toText(a0).endsWith(toText(args.at(1))));
    if (name == u"contains")
        return containsValue(a0, args.at(1));
    if (name == u"join") {
        if (!a0.isArray()) {
            *error = tr("join(): needs a list, not %1").arg(typeName(a0));
            return std::nullopt;
        }
        QStringList parts;
        for (const QJsonValue &v : a0.toArray())
            parts.append(toText(v));
        return QJsonValue(parts.join(toText(args.at(1))));
    }
    if (name == u"first" || name == u"last") {
        const bool first = name == u"first";
        if (a0.isArray()) {
            const QJsonArray a = a0.toArray();
            if (a.isEmpty())
                return std::nullopt;
            return first ? a.first() : a.last();
        }
        const QString s = toText(a0);
        if (s.isEmpty())
            return std::nullopt;
        return QJsonValue(first ? s.left(1) : s.right(1));
    }
    *error = tr("%1() cannot be used here").arg(name); // a function the evaluator handles
    return std::nullopt;
}

Value applyUnary(const QString &op, const Value &operand, QString *error)
{
    if (op == u"!")
        return QJsonValue(!isTruthy(operand));
    if (!operand)
        return std::nullopt;
    if (!operand->isDouble()) {
        *error = tr("'-' needs a number, not %1").arg(typeName(*operand));
        return std::nullopt;
    }
    return QJsonValue(-operand->toDouble());
}

Value applyBinary(const QString &op, const Value &a, const Value &b, QString *error)
{
    if (op == u"==")
        return QJsonValue(equalValues(a, b));
    if (op == u"!=")
        return QJsonValue(!equalValues(a, b));
    if (!a || !b)
        return std::nullopt;
    if (op == u"+" && (a->isString() || b->isString()))
        return QJsonValue(toText(a) + toText(b));
    const bool numbers = a->isDouble() && b->isDouble();
    if (op == u"<" || op == u"<=" || op == u">" || op == u">=") {
        int cmp = 0;
        if (numbers)
            cmp = a->toDouble() < b->toDouble() ? -1 : a->toDouble() > b->toDouble() ? 1 : 0;
        else if (a->isString() && b->isString())
            cmp = QString::compare(a->toString(), b->toString());
        else {
            *error = tr("cannot compare %1 with %2").arg(typeName(*a), typeName(*b));
            return std::nullopt;
        }
        const bool r = op == u"<" ? cmp < 0 : op == u"<=" ? cmp <= 0 : op == u">" ? cmp > 0 : cmp >= 0;
        return QJsonValue(r);
    }
    if (!numbers) {
        *error = tr("'%1' needs numbers, not %2 and %3").arg(op, typeName(*a), typeName(*b));
        return std::nullopt;
    }
    const double x = a->toDouble();
    const double y = b->toDouble();
    if ((op == u"/" || op == u"%") && y == 0) {
        *error = tr("division by zero");
        return std::nullopt;
    }
    if (op == u"+")
        return QJsonValue(x + y);
    if (op == u"-")
        return QJsonValue(x - y);
    if (op == u"*")
        return QJsonValue(x * y);
    if (op == u"/")
        return QJsonValue(x / y);
    return QJsonValue(std::fmod(x, y));
}

} // namespace herald::message::detail
