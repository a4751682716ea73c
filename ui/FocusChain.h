#pragma once

#include <QList>

class QWidget;

namespace herald::ui::focus {

// The widgets under `root` that Tab can stop at, in the reading order of the
// layouts that place them: each layout's items in turn (a grid and a form by
// row, then column), splitter panes and a scroll area's contents where they
// sit. Hidden widgets are included, so a page shown later keeps its place.
// Widgets that no layout places are not listed, nor the buttons of a
// QDialogButtonBox (it keeps them in order itself; keep it last in a dialog).
QList<QWidget *> tabStops(QWidget *root);

// Makes Tab visit `root`'s stops in that reading order. Qt's own chain is
// creation order: widgets made later (chips, the preview's card buttons, a
// table moved to another page) would otherwise come last wherever they sit.
// Call again after adding widgets.
void orderByLayout(QWidget *root);

} // namespace herald::ui::focus
