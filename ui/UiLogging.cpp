#include "UiLogging.h"

namespace herald::ui {

Q_LOGGING_CATEGORY(lcUi, "herald.ui", QtInfoMsg)

} // namespace herald::ui
