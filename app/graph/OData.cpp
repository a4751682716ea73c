#include "graph/OData.h"

#include "graph/Logging.h"

#include <QRegularExpression>
#include <QUrl>

namespace herald::graph::odata {

QString quote(const QString &value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\''), QLatin1String("''"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

bool isPropertyPath(const QString &property)
{
    static const QRegularExpression path(QStringLiteral("^[A-Za-z_@][A-Za-z0-9_./@]*$"));
    return path.match(property).hasMatch();
}

static bool checkProperty(const QString &property)
{
    if (isPropertyPath(property))
        return true;
    qCWarning(lcGraph) << "OData: refusing property path" << property;
    return false;
}

QString eq(const QString &property, const QString &value)
{
    return checkProperty(property) ? property + QStringLiteral(" eq ") + quote(value) : QString();
}

QString ne(const QString &property, const QString &value)
{
    return checkProperty(property) ? property + QStringLiteral(" ne ") + quote(value) : QString();
}

QString startsWith(const QString &property, const QString &prefix)
{
    return checkProperty(property) ? QStringLiteral("startswith(%1,%2)").arg(property, quote(prefix))
                                   : QString();
}

QString any(const QString &collection, const QString &variable, const QString &innerClause)
{
    if (!checkProperty(collection) || !checkProperty(variable) || innerClause.isEmpty())
        return {};
    return QStringLiteral("%1/any(%2:%3)").arg(collection, variable, innerClause);
}

static QString join(const QStringList &clauses, const QString &op)
{
    QStringList parts;
    for (const QString &clause : clauses) {
        if (clause.isEmpty())
            return {}; // one refused clause refuses the whole filter
        parts << QLatin1Char('(') + clause + QLatin1Char(')');
    }
    return parts.size() == 1 ? clauses.first() : parts.join(op);
}

QString allOf(const QStringList &clauses)
{
    return join(clauses, QStringLiteral(" and "));
}

QString anyOf(const QStringList &clauses)
{
    return join(clauses, QStringLiteral(" or "));
}

QString searchTerm(const QString &property, const QString &value)
{
    if (!checkProperty(property))
        return {};
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QLatin1Char('"') + property + QLatin1Char(':') + escaped + QLatin1Char('"');
}

QString pathSegment(const QString &value)
{
    // Keep what Graph ids and UPNs commonly contain readable; encode the rest
    // (notably / ? # % and space).
    return QString::fromLatin1(QUrl::toPercentEncoding(value, "@:'!$*,;="));
}

QString Query::encodeValue(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value, "'(),:/$@*!"));
}

Query &Query::select(const QStringList &properties)
{
    return add(QStringLiteral("$select"), properties.join(QLatin1Char(',')));
}

Query &Query::expand(const QString &expansion)
{
    return add(QStringLiteral("$expand"), expansion);
}

Query &Query::filter(const QString &clause)
{
    return add(QStringLiteral("$filter"), clause);
}

Query &Query::search(const QString &term)
{
    return add(QStringLiteral("$search"), term);
}

Query &Query::orderBy(const QString &order)
{
    return add(QStringLiteral("$orderby"), order);
}

Query &Query::top(int count)
{
    return add(QStringLiteral("$top"), QString::number(count));
}

Query &Query::count(bool enabled)
{
    return add(QStringLiteral("$count"), enabled ? QStringLiteral("true") : QStringLiteral("false"));
}

Query &Query::add(const QString &name, const QString &value)
{
    m_items.append({name, value});
    return *this;
}

QString Query::toString() const
{
    QString text;
    for (const auto &[name, value] : m_items) {
        text += text.isEmpty() ? QLatin1Char('?') : QLatin1Char('&');
        text += encodeValue(name) + QLatin1Char('=') + encodeValue(value);
    }
    return text;
}

} // namespace herald::graph::odata
