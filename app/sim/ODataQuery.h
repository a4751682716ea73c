#pragma once

// Parsed OData system query options of one Graph request.

#include "sim/ODataFilter.h"
#include "sim/SimTypes.h"

#include <QString>
#include <QStringList>
#include <QVector>
#include <memory>

namespace herald::sim {

struct SearchClause
{
    QString property;
    QString term;
};

class ODataQuery
{
public:
    // Fails (with a Graph error code and message) on malformed options.
    static bool parse(const SimRequest &request, ODataQuery *out, QString *code, QString *message,
                      const QStringList &orderable = {});

    bool hasTop = false;
    int top = 0;
    QStringList select;
    QString filterText;
    std::shared_ptr<ODataFilter> filter;
    bool hasSearch = false;
    QVector<SearchClause> search;
    bool searchAll = false; // clauses joined by AND (else OR)
    QString skiptoken;
    QStringList expand;
    bool count = false;
    QString orderBy; // property; only where a route supports it (GraphContext::parseQuery)
    bool orderDescending = false;

    bool expands(const QString &property) const;
    // $search semantics for directory objects: tokenised prefix match, case-insensitive.
    static bool searchMatches(const QString &value, const QString &term);
};

} // namespace herald::sim
