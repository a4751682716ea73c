#include "message/MessageLog.h"

Q_LOGGING_CATEGORY(lcMessage, "herald.message")
