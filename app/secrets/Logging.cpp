#include "secrets/Logging.h"

Q_LOGGING_CATEGORY(lcSecrets, "herald.secrets", QtInfoMsg)
