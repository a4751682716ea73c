#include "directory/DirectoryLog.h"

Q_LOGGING_CATEGORY(lcDirectory, "herald.directory")
