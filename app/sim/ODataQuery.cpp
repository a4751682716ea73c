#include "sim/ODataQuery.h"

namespace herald::sim {

namespace {

QStringList splitList(const QString &value)
{
    // Splits on commas outside parentheses: "appDefinitions($expand=bot),teamsApp".
    QStringList out;
    int depth = 0;
    QString current;
    for (const QChar c : value) {
        if (c == QLatin1Char('('))
            ++depth;
        else if (c == QLatin1Char(')'))
            --depth;
        if (c == QLatin1Char(',') && depth == 0) {
            out.append(current.trimmed());
            current.clear();
            continue;
        }
        current += c;
    }
    if (!current.trimmed().isEmpty())
        out.append(current.trimmed());
    return out;
}

bool parseSearch(const QString &text, ODataQuery *out)
{
    // "displayName:ann" OR "mail:ann"  -- each clause quoted, property:term.
    int pos = 0;
    const int n = int(text.size());
    bool expectClause = true;
    while (pos < n) {
        if (text.at(pos).isSpace()) {
            ++pos;
            continue;
        }
        if (expectClause) {
            if (text.at(pos) != QLatin1Char('"'))
                return false;
            const qsizetype end = text.indexOf(QLatin1Char('"'), pos + 1);
            if (end < 0)
                return false;
            const QString clause = text.mid(pos + 1, end - pos - 1);
            const qsizetype colon = clause.indexOf(QLatin1Char(':'));
            if (colon <= 0)
                return false;
            out->search.append({clause.left(colon).trimmed(), clause.mid(colon + 1).trimmed()});
            pos = int(end) + 1;
            expectClause = false;
        } else {
            const qsizetype space = text.indexOf(QLatin1Char(' '), pos);
            const QString word = text.mid(pos, (space < 0 ? n : space) - pos);
            if (word == QLatin1String("AND"))
                out->searchAll = true;
            else if (word != QLatin1String("OR"))
                return false;
            pos += int(word.size());
            expectClause = true;
        }
    }
    return !out->search.isEmpty() && !expectClause;
}

} // namespace

bool ODataQuery::parse(const SimRequest &request, ODataQuery *out, QString *code, QString *message,
                       const QStringList &orderable)
{
    for (const auto &item : request.query) {
        const QString &name = item.first;
        const QString &value = item.second;
        if (!name.startsWith(QLatin1Char('$')))
            continue; // Graph ignores custom query parameters
        if (name == QLatin1String("$top")) {
            bool ok = false;
            out->top = value.toInt(&ok);
            out->hasTop = true;
            if (!ok) {
                *code = QStringLiteral("BadRequest");
                *message = QStringLiteral("Invalid value '%1' for query option '$top'.").arg(value);
                return false;
            }
        } else if (name == QLatin1String("$select")) {
            out->select = splitList(value);
        } else if (name == QLatin1String("$filter")) {
            out->filterText = value;
            QString error;
            out->filter = ODataFilter::parse(value, &error);
            if (!out->filter) {
                *code = QStringLiteral("BadRequest");
                *message = QStringLiteral("Invalid filter clause: %1").arg(error);
                return false;
            }
        } else if (name == QLatin1String("$search")) {
            out->hasSearch = true;
            if (!parseSearch(value, out)) {
                *code = QStringLiteral("Request_UnsupportedQuery");
                *message = QStringLiteral("Syntax error: invalid $search clause '%1'. Use "
                                          "\"property:term\", for example $search=\"displayName:ann\".")
                               .arg(value);
                return false;
            }
        } else if (name == QLatin1String("$skiptoken")) {
            out->skiptoken = value;
        } else if (name == QLatin1String("$expand")) {
            for (const QString &e : splitList(value)) {
                const qsizetype paren = e.indexOf(QLatin1Char('('));
                out->expand.append(paren < 0 ? e : e.left(paren));
            }
        } else if (name == QLatin1String("$count")) {
            if (value != QLatin1String("true") && value != QLatin1String("false")) {
                *code = QStringLiteral("BadRequest");
                *message = QStringLiteral("Invalid value '%1' for query option '$count'.").arg(value);
                return false;
            }
            out->count = value == QLatin1String("true");
        } else if (name == QLatin1String("$orderby") && !orderable.isEmpty()) {
            const QStringList parts = value.simplified().split(QLatin1Char(' '));
            const bool direction = parts.size() == 2
                && (parts.at(1) == QLatin1String("asc") || parts.at(1) == QLatin1String("desc"));
            if (!orderable.contains(parts.value(0)) || (parts.size() == 2 && !direction)
                || parts.size() > 2) {
                *code = QStringLiteral("Request_UnsupportedQuery");
                *message = QStringLiteral("Order by '%1' is not supported.").arg(value);
                return false;
            }
            out->orderBy = parts.at(0);
            out->orderDescending = parts.size() == 2 && parts.at(1) == QLatin1String("desc");
        } else {
            *code = QStringLiteral("BadRequest");
            *message = QStringLiteral("Query option '%1' is not supported by this resource.").arg(name);
            return false;
        }
    }
    return true;
}

bool ODataQuery::expands(const QString &property) const
{
    return expand.contains(property, Qt::CaseInsensitive);
}

bool ODataQuery::searchMatches(const QString &value, const QString &term)
{
    if (term.isEmpty())
        return true;
    if (value.startsWith(term, Qt::CaseInsensitive))
        return true;
    // Token boundaries: spaces and punctuation ("Ann-Marie O'Brien" matches "brien" and "marie").
    for (qsizetype i = 1; i < value.size(); ++i) {
        const QChar prev = value.at(i - 1);
        if (!prev.isLetterOrNumber() && QStringView(value).mid(i).startsWith(term, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace herald::sim
