#pragma once

#include <QIcon>
#include <QPalette>
#include <QString>

namespace herald::ui::icons {

// The coloured application icon (megaphone).
QIcon appIcon();

// A monochrome glyph from :/icons/nav/<name>.svg tinted with the palette, so it
// follows light and dark themes: `role` for the normal state, HighlightedText
// when selected, the disabled group's colour when disabled. Call again when
// the palette changes.
QIcon glyph(const QString &name, const QPalette &palette, QPalette::ColorRole role = QPalette::WindowText);

} // namespace herald::ui::icons
