#include "FocusChain.h"

#include <QBoxLayout>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QScrollArea>
#include <QSplitter>
#include <QWidget>
#include <algorithm>

namespace herald::ui::focus {

namespace {

void collectWidget(QWidget *widget, QList<QWidget *> &out);

void collectItem(QLayoutItem *item, QList<QWidget *> &out);

void collectLayout(QLayout *layout, QList<QWidget *> &out)
{
    QList<QLayoutItem *> items;
    if (auto *grid = qobject_cast<QGridLayout *>(layout)) {
        // Reading order: by row, then by column, whatever the insertion order.
        struct Cell
        {
            int row, column;
            QLayoutItem *item;
        };
        QList<Cell> cells;
        for (int i = 0; i < grid->count(); ++i) {
            int row = 0, column = 0, rowSpan = 0, columnSpan = 0;
            grid->getItemPosition(i, &row, &column, &rowSpan, &columnSpan);
            cells.append({row, column, grid->itemAt(i)});
        }
        std::stable_sort(cells.begin(), cells.end(), [](const Cell &a, const Cell &b) {
            return a.row != b.row ? a.row < b.row : a.column < b.column;
        });
        for (const Cell &cell : std::as_const(cells))
            items.append(cell.item);
    } else if (auto *form = qobject_cast<QFormLayout *>(layout)) {
        for (int row = 0; row < form->rowCount(); ++row) {
            for (auto role : {QFormLayout::LabelRole, QFormLayout::FieldRole, QFormLayout::SpanningRole}) {
                if (QLayoutItem *item = form->itemAt(row, role))
                    items.append(item);
            }
        }
    } else {
        for (int i = 0; i < layout->count(); ++i)
            items.append(layout->itemAt(i));
        auto *box = qobject_cast<QBoxLayout *>(layout);
        if (box
            && (box->direction() == QBoxLayout::RightToLeft || box->direction() == QBoxLayout::BottomToTop))
            std::reverse(items.begin(), items.end());
    }
    for (QLayoutItem *item : std::as_const(items))
        collectItem(item, out);
}

void collectItem(QLayoutItem *item, QList<QWidget *> &out)
{
    if (QWidget *widget = item->widget())
        collectWidget(widget, out);
    else if (QLayout *layout = item->layout())
        collectLayout(layout, out);
}

void collectWidget(QWidget *widget, QList<QWidget *> &out)
{
    if (widget->isWindow())
        return; // a dialog has a chain of its own
    // A button box orders its buttons itself (platform order) and is the focus
    // proxy of its default button: moving its buttons away from it would make
    // Tab after the last one jump back to the default button.
    if (qobject_cast<QDialogButtonBox *>(widget))
        return;
    const bool stop = (widget->focusPolicy() & Qt::TabFocus) != 0;
    if (stop)
        out.append(widget);
    if (auto *scroll = qobject_cast<QScrollArea *>(widget)) {
        if (scroll->widget())
            collectWidget(scroll->widget(), out);
        return;
    }
    if (auto *splitter = qobject_cast<QSplitter *>(widget)) {
        for (int i = 0; i < splitter->count(); ++i)
            collectWidget(splitter->widget(i), out);
        return;
    }
    if (QLayout *layout = widget->layout()) {
        collectLayout(layout, out);
        return;
    }
    // A focusable widget without a layout is one control (a list, a combo box);
    // its parts (viewport, scroll bars, line edit) are its own business.
    if (stop)
        return;
    for (QWidget *child : widget->findChildren<QWidget *>(Qt::FindDirectChildrenOnly))
        collectWidget(child, out);
}

} // namespace

QList<QWidget *> tabStops(QWidget *root)
{
    QList<QWidget *> stops;
    if (!root)
        return stops;
    if (QLayout *layout = root->layout())
        collectLayout(layout, stops);
    else
        for (QWidget *child : root->findChildren<QWidget *>(Qt::FindDirectChildrenOnly))
            collectWidget(child, stops);
    // A widget placed twice (never intended) keeps its first place.
    QList<QWidget *> unique;
    for (QWidget *w : std::as_const(stops)) {
        if (!unique.contains(w))
            unique.append(w);
    }
    return unique;
}

void orderByLayout(QWidget *root)
{
    const QList<QWidget *> stops = tabStops(root);
    for (qsizetype i = 1; i < stops.size(); ++i) {
        // A stop that holds stops (a checkable group box) already has its
        // children right after it; Qt's setTabOrder() moves a widget with its
        // children, and asked to put a child after its parent breaks the chain.
        if (stops.at(i - 1)->isAncestorOf(stops.at(i)))
            continue;
        QWidget::setTabOrder(stops.at(i - 1), stops.at(i));
    }
}

} // namespace herald::ui::focus
