#include "bot/BotLogging.h"

Q_LOGGING_CATEGORY(lcBot, "herald.bot", QtInfoMsg)
