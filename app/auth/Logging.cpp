#include "auth/Logging.h"

Q_LOGGING_CATEGORY(lcAuth, "herald.auth", QtInfoMsg)
