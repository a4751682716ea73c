#include "graph/Logging.h"

Q_LOGGING_CATEGORY(lcGraph, "herald.graph", QtInfoMsg)
