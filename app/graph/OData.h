#pragma once

// OData helpers: every piece of user input that ends up in a Graph URL goes
// through here, quoted for OData and percent-encoded for the URL, so nothing
// is ever spliced in raw.
//
//   const QString url = QStringLiteral("users/%1/teamwork/installedApps").arg(odata::pathSegment(userId))
//       + odata::Query().expand(QStringLiteral("teamsApp"))
//             .filter(odata::eq(QStringLiteral("teamsApp/id"), appId)).toString();

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace herald::graph::odata {

// 'value' with every ' doubled: O'Brien -> 'O''Brien'.
QString quote(const QString &value);

// Property paths are code, not input: letters, digits, '_', '/', '.', '@'.
bool isPropertyPath(const QString &property);

// Clauses. An invalid property path yields an empty clause (and a warning)
// rather than a broken or injectable filter.
QString eq(const QString &property, const QString &value);
QString ne(const QString &property, const QString &value);
QString startsWith(const QString &property, const QString &prefix);
QString any(const QString &collection, const QString &variable, const QString &innerClause);
QString allOf(const QStringList &clauses); // "(a) and (b)"
QString anyOf(const QStringList &clauses); // "(a) or (b)"

// A $search term: "property:value" in double quotes, with " and \ escaped.
QString searchTerm(const QString &property, const QString &value);

// One path segment (an id, a UPN such as o'brien#x@contoso.com), percent-encoded.
QString pathSegment(const QString &value);

// Builds "?$select=...&$filter=..." with each value percent-encoded (space,
// &, #, +, =, ", ?, % and non-ASCII are encoded; OData's ' ( ) , : / $ @ stay).
class Query
{
public:
    Query &select(const QStringList &properties);
    Query &expand(const QString &expansion);
    Query &filter(const QString &clause);
    Query &search(const QString &term);
    Query &orderBy(const QString &order);
    Query &top(int count);
    Query &count(bool enabled = true);
    Query &add(const QString &name, const QString &value);

    bool isEmpty() const { return m_items.isEmpty(); }
    QString toString() const; // "" or "?a=b&c=d"

    static QString encodeValue(const QString &value);

private:
    QList<QPair<QString, QString>> m_items;
};

} // namespace herald::graph::odata
