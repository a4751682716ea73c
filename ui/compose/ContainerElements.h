#pragma once

#include <QString>

namespace herald::ui {

class ElementRenderer;

// Container, ColumnSet (with its Columns) and Table.
void registerContainerElements(ElementRenderer &renderer);

// A Column's "width": "auto", "stretch" (the default), a weight ("2" or 2),
// or pixels ("80px").
struct ColumnWidth
{
    enum class Kind { Auto, Stretch, Weighted, Pixels };
    Kind kind = Kind::Stretch;
    double value = 1; // weight or pixels

    // The stretch factor a QBoxLayout uses; auto and pixel columns take none.
    int stretchFactor() const;
};

} // namespace herald::ui
