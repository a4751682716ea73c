#pragma once

#include <QList>
#include <QString>

namespace herald {

// A problem found while reading a file, tied to the physical line it is on so
// the admin can open the file and fix it.
struct LineProblem
{
    // Warning: nothing was lost (a duplicate dropped, extra values ignored).
    // Error: a row, or the rest of the file, could not be used.
    enum class Severity : quint8 { Warning, Error };

    int line = 0; // 1-based; 0 = the file as a whole
    Severity severity = Severity::Error;
    QString message;

    bool isError() const { return severity == Severity::Error; }
    // "line 3: message" (or just the message for line 0), translated.
    QString toString() const;

    friend bool operator==(const LineProblem &a, const LineProblem &b)
    {
        return a.line == b.line && a.severity == b.severity && a.message == b.message;
    }
};

using LineProblems = QList<LineProblem>;

} // namespace herald
