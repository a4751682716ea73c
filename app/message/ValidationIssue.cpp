#include "message/ValidationIssue.h"

#include <QCoreApplication>

namespace herald::message {

QString ValidationIssue::toString() const
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("herald::message::ValidationIssue", text);
    };
    QString place;
    if (line > 0 && column > 0)
        place = tr("line %1, column %2").arg(line).arg(column);
    else if (line > 0)
        place = tr("line %1").arg(line);
    else if (!pointer.isEmpty())
        place = pointer;
    QString text = place.isEmpty() ? message : tr("%1: %2").arg(place, message);
    if (!recipient.isEmpty())
        text = tr("%1: %2").arg(recipient, text);
    return text;
}

bool hasErrors(const ValidationIssues &issues)
{
    return errorCount(issues) > 0;
}

int errorCount(const ValidationIssues &issues)
{
    return int(
        std::count_if(issues.begin(), issues.end(), [](const ValidationIssue &i) { return i.isError(); }));
}

} // namespace herald::message
