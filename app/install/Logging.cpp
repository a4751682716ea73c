#include "install/Logging.h"

Q_LOGGING_CATEGORY(lcInstall, "herald.install", QtInfoMsg)
