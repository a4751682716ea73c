#pragma once

#include <QString>

namespace herald {

// The project version, from CMake's project(VERSION ...).
inline QString versionString() { return QStringLiteral(HERALD_VERSION); }

} // namespace herald
