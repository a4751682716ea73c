#include "graph/GraphResponse.h"

namespace herald::graph {

QByteArray GraphResponse::header(const QByteArray &name) const
{
    for (const auto &pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return pair.second;
    }
    return {};
}

} // namespace herald::graph
