#include "directory/LineProblem.h"

#include <QCoreApplication>

namespace herald {

QString LineProblem::toString() const
{
    if (line <= 0)
        return message;
    return QCoreApplication::translate("herald::LineProblem", "line %1: %2").arg(line).arg(message);
}

} // namespace herald
