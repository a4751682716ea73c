#include "message/TemplateBinder.h"

#include "message/TemplateEvaluator.h"
#include "message/TemplateExpression.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <optional>

namespace herald::message {

using detail::Evaluator;
using detail::ParsedString;
using detail::Scope;
using detail::Value;
using Mode = Evaluator::Mode;

namespace {

const QString kData = QStringLiteral("$data");
const QString kWhen = QStringLiteral("$when");

QString pointerOf(const QStringList &path)
{
    QString pointer;
    for (QString key : path) // RFC 6901 escaping
        pointer += u'/' + key.replace(u'~', QLatin1String("~0")).replace(u'/', QLatin1String("~1"));
    return pointer;
}

// Line and column (1-based, in characters: a surrogate pair is one) of a
// UTF-16 offset in a text; the same count as MessageDocument::locateText().
std::pair<int, int> textPosition(const QString &text, qsizetype offset)
{
    int line = 1;
    int column = 1;
    for (qsizetype i = 0; i < offset && i < text.size(); ++i) {
        if (text.at(i) == u'\n') {
            ++line;
            column = 1;
        } else if (!text.at(i).isLowSurrogate()) {
            ++column;
        }
    }
    return {line, column};
}

} // namespace

bool TemplateBinder::Result::isComplete() const
{
    return errors.isEmpty()
        && std::all_of(missing.begin(), missing.end(), [](const MissingField &m) { return m.inCondition; });
}

class TemplateBinder::Impl
{
public:
    // One binding pass for one recipient.
    struct Run
    {
        explicit Run(const QJsonObject *root)
            : root(root)
            , evaluator(&missing)
        {
        }
        const QJsonObject *root;
        QList<MissingField> missing;
        ValidationIssues errors;
        QStringList path; // JSON pointer of the value being bound
        Evaluator evaluator;
    };

    bool isText = false;
    QString text;
    QJsonValue templ;
    // Every string of the template that holds "${", parsed once.
    QHash<QString, ParsedString> parsed;
    ValidationIssues syntax;

    void prepareString(const QString &s, QStringList &path)
    {
        if (!containsExpression(s) || parsed.contains(s)) {
            if (parsed.contains(s) && !parsed.value(s).error.isEmpty())
                addSyntaxIssue(parsed.value(s), path);
            return;
        }
        const ParsedString p = detail::parseString(s);
        parsed.insert(s, p);
        if (!p.error.isEmpty())
            addSyntaxIssue(p, path);
    }

    void addSyntaxIssue(const ParsedString &p, const QStringList &path)
    {
        ValidationIssue issue;
        issue.category = ValidationIssue::Category::Syntax;
        issue.message = p.error;
        issue.offset = p.errorOffset;
        if (isText)
            std::tie(issue.line, issue.column) = textPosition(text, p.errorOffset);
        else
            issue.pointer = pointerOf(path);
        syntax.append(issue);
    }

    void prepare(const QJsonValue &v, QStringList &path)
    {
        if (v.isString()) {
            prepareString(v.toString(), path);
        } else if (v.isArray()) {
            const QJsonArray a = v.toArray();
            for (qsizetype i = 0; i < a.size(); ++i) {
                path.append(QString::number(i));
                prepare(a.at(i), path);
                path.removeLast();
            }
        } else if (v.isObject()) {
            const QJsonObject o = v.toObject();
            for (auto it = o.begin(); it != o.end(); ++it) {
                path.append(it.key());
                prepare(it.value(), path);
                path.removeLast();
            }
        }
    }

    void runtimeError(Run &run, const QString &message, qsizetype offset,
                      ValidationIssue::Category category = ValidationIssue::Category::Binding) const
    {
        ValidationIssue issue;
        issue.category = category;
        issue.message = message;
        issue.offset = offset;
        if (isText)
            std::tie(issue.line, issue.column) = textPosition(text, offset);
        else
            issue.pointer = pointerOf(run.path);
        if (!run.errors.contains(issue))
            run.errors.append(issue);
    }

    // One expression part; reports an undefined result that no failed lookup
    // explains (coalesce() of nothing, first() of an empty list).
    Value evaluatePart(const detail::StringPart &part, const Scope &scope, Mode mode, Run &run) const
    {
        QString error;
        const int before = run.evaluator.failedLookups();
        const qsizetype known = run.missing.size();
        Value v = run.evaluator.evaluate(*part.expression, scope, mode, &error);
        if (!error.isEmpty())
            runtimeError(run, tr("in %1: %2").arg(part.text, error), part.offset);
        else if (!v && run.evaluator.failedLookups() == before)
            run.evaluator.reportUndefined(part.text.mid(2, part.text.size() - 3).trimmed(), mode);
        for (qsizetype i = known; i < run.missing.size(); ++i) {
            run.missing[i].textOffset = part.offset;
            if (!isText)
                run.missing[i].pointer = pointerOf(run.path);
        }
        return v;
    }

    QJsonValue bindString(const QString &s, const Scope &scope, Mode mode, Run &run) const
    {
        const auto it = parsed.constFind(s);
        if (it == parsed.constEnd())
            return s;
        const ParsedString &p = it.value();
        if (!p.error.isEmpty()) {
            runtimeError(run, p.error, p.errorOffset, ValidationIssue::Category::Syntax);
            return s;
        }
        if (p.isWholeValue() && !isText) { // markdown is text through and through
            const Value v = evaluatePart(p.parts.first(), scope, mode, run);
            return v ? *v : QJsonValue(s); // unbound: keep "${x}" visible
        }
        QString out;
        for (const detail::StringPart &part : p.parts) {
            if (!part.expression) {
                out += part.text;
                continue;
            }
            const Value v = evaluatePart(part, scope, mode, run);
            out += v ? detail::toText(v) : part.text;
        }
        return out;
    }

    bool whenHolds(const QJsonValue &when, const Scope &scope, Run &run) const
    {
        const QJsonValue v
            = when.isString() ? bindString(when.toString(), scope, Mode::Condition, run) : when;
        if (v.isString() && !containsExpression(when.toString())) {
            runtimeError(run,
                         tr("$when must be an expression such as \"${exists(department)}\", not \"%1\"")
                             .arg(when.toString()),
                         0);
            return true;
        }
        if (v.isString() && (v.toString() == u"true" || v.toString() == u"false"))
            return v.toString() == u"true";
        if (v.isString() && v.toString() == when.toString())
            return false; // unbound condition: undefined counts as false
        return detail::isTruthy(v);
    }

    // The results an object becomes: none ($when false, $data empty), one,
    // or one per item of a $data array when it sits in an array.
    QJsonArray bindObject(const QJsonObject &o, const Scope &scope, bool inArray, Run &run) const
    {
        QList<Scope> scopes;
        const auto dataIt = o.constFind(kData);
        if (dataIt == o.constEnd()) {
            scopes.append(scope);
        } else {
            run.path.append(kData);
            const QJsonValue data = dataIt.value().isString()
                ? bindString(dataIt.value().toString(), scope, Mode::Use, run)
                : bindValue(dataIt.value(), scope, run).value_or(QJsonValue());
            run.path.removeLast();
            const bool unbound
                = dataIt.value().isString() && data == dataIt.value() && containsExpression(data.toString());
            if (unbound)
                return {}; // nothing to bind the element with; reported as missing
            if (data.isArray() && inArray) {
                const QJsonArray items = data.toArray();
                for (qsizetype i = 0; i < items.size(); ++i)
                    scopes.append({scope.root, items.at(i), int(i)});
            } else {
                scopes.append({scope.root, data, scope.index});
            }
        }
        QJsonArray results;
        for (const Scope &s : scopes) {
            if (const auto when = o.constFind(kWhen); when != o.constEnd()) {
                run.path.append(kWhen);
                const bool holds = whenHolds(when.value(), s, run);
                run.path.removeLast();
                if (!holds)
                    continue;
            }
            QJsonObject bound;
            for (auto it = o.begin(); it != o.end(); ++it) {
                if (it.key() == kData || it.key() == kWhen)
                    continue;
                run.path.append(it.key());
                if (const std::optional<QJsonValue> v = bindValue(it.value(), s, run))
                    bound.insert(it.key(), *v);
                run.path.removeLast();
            }
            results.append(bound);
        }
        return results;
    }

    // std::nullopt: the value is dropped ($when false).
    std::optional<QJsonValue> bindValue(const QJsonValue &v, const Scope &scope, Run &run) const
    {
        if (v.isString())
            return bindString(v.toString(), scope, Mode::Use, run);
        if (v.isObject()) {
            const QJsonArray results = bindObject(v.toObject(), scope, false, run);
            if (results.isEmpty())
                return std::nullopt;
            return results.first();
        }
        if (v.isArray()) {
            const QJsonArray a = v.toArray();
            QJsonArray out;
            for (qsizetype i = 0; i < a.size(); ++i) {
                run.path.append(QString::number(i));
                if (a.at(i).isObject()) {
                    for (const QJsonValue &item : bindObject(a.at(i).toObject(), scope, true, run))
                        out.append(item);
                } else if (const std::optional<QJsonValue> item = bindValue(a.at(i), scope, run)) {
                    out.append(*item);
                }
                run.path.removeLast();
            }
            return out;
        }
        return v;
    }
};

TemplateBinder::TemplateBinder(const QJsonValue &templ)
    : d(std::make_unique<Impl>())
{
    d->templ = templ;
    QStringList path;
    d->prepare(templ, path);
}

TemplateBinder::TemplateBinder(const QString &text)
    : d(std::make_unique<Impl>())
{
    d->isText = true;
    d->text = text;
    QStringList path;
    d->prepareString(text, path);
}

TemplateBinder::~TemplateBinder() = default;

TemplateBinder::Result TemplateBinder::bind(const QJsonObject &data) const
{
    Impl::Run run(&data);
    const Scope scope{&data, QJsonValue(data), -1};
    Result result;
    if (d->isText) {
        result.value = d->bindString(d->text, scope, Mode::Use, run);
    } else {
        const std::optional<QJsonValue> v = d->bindValue(d->templ, scope, run);
        result.value = v.value_or(QJsonValue(QJsonObject())); // a root $when that is false leaves nothing
    }
    result.missing = std::move(run.missing);
    result.errors = std::move(run.errors);
    return result;
}

ValidationIssues TemplateBinder::syntaxErrors() const
{
    return d->syntax;
}

bool TemplateBinder::containsExpression(const QString &text)
{
    return text.contains(QLatin1String("${"));
}

} // namespace herald::message
