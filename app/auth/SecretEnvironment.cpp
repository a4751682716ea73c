#include "auth/SecretEnvironment.h"

#include <QtGlobal>

namespace herald::auth {

std::optional<QString> secretFromEnvironment(const char *variable)
{
    const QString value = qEnvironmentVariable(variable);
    if (value.isEmpty())
        return std::nullopt;
    return value;
}

} // namespace herald::auth
