#pragma once

// The subset of OData $filter that Graph supports on the resources herald-sim
// serves: eq, ne, in, startswith(), and/or/not, parentheses and lambda any()
// with a single comparison, e.g.
//   startswith(displayName,'o''brien')  userPrincipalName eq 'a@b'  id in ('1','2')
//   resourceProvisioningOptions/Any(x:x eq 'Team')
//   installedApps/any(a:a/teamsApp/id eq '...')   teamsApp/externalId eq '...'
// String comparisons are case-insensitive, as they are for directory objects.

#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
#include <vector>

namespace herald::sim {

class ODataFilter
{
public:
    struct Node
    {
        enum class Kind { And, Or, Not, Eq, Ne, In, StartsWith, Any };
        Kind kind = Kind::Eq;
        QString property; // property path; for Any the collection ("installedApps")
        QStringList values; // literals (strings unescaped; true/false/numbers as written)
        std::vector<Node> children;
    };

    // Returns the values of a property path for one item: one element for a
    // scalar, several for a collection, none for null.
    using Accessor = std::function<QStringList(const QString &path)>;

    static std::unique_ptr<ODataFilter> parse(const QString &text, QString *error);

    QStringList properties() const; // every property path used ("installedApps/teamsApp/id")
    bool matches(const Accessor &get) const;
    // When the whole filter is `property eq 'v'` or `property in (...)`, the values
    // (lets routes answer from an index instead of scanning).
    QStringList equalityValues(const QString &property) const;
    const Node &root() const { return m_root; }

private:
    Node m_root;
};

} // namespace herald::sim
