#pragma once

#include "CardRenderContext.h"

#include <QJsonArray>

class QWidget;

namespace herald::ui {

class ElementRenderer;

// ActionSet, and the card's own "actions" row.
void registerActionElements(ElementRenderer &renderer);

// A row of buttons as Teams draws actions: Action.OpenUrl opens its link
// (QDesktopServices); actions that need the bot (Submit, Execute, ShowCard,
// ToggleVisibility) are shown disabled with a tooltip saying why.
QWidget *renderActionRow(const QJsonArray &actions, const CardRenderContext &context, QWidget *parent);

} // namespace herald::ui
