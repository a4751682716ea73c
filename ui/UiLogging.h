#pragma once

#include <QLoggingCategory>

namespace herald::ui {

// "herald.ui": debug output is off unless QT_LOGGING_RULES="herald.ui.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcUi)

} // namespace herald::ui
