#include "ContainerElements.h"

#include "ElementRenderer.h"

#include <QBoxLayout>
#include <QGridLayout>
#include <QJsonArray>
#include <QPainter>
#include <QRegularExpression>
#include <QWidget>
#include <cmath>

namespace herald::ui {

namespace {

ColumnWidth parseWidth(const QJsonValue &value)
{
    ColumnWidth width;
    if (value.isDouble()) {
        width.kind = ColumnWidth::Kind::Weighted;
        width.value = value.toDouble();
        return width;
    }
    const QString text = value.toString().trimmed().toLower();
    if (text == QLatin1String("auto")) {
        width.kind = ColumnWidth::Kind::Auto;
        return width;
    }
    static const QRegularExpression px(QStringLiteral("^(\\d+(?:\\.\\d+)?)px$"));
    const QRegularExpressionMatch pixels = px.match(text);
    if (pixels.hasMatch()) {
        width.kind = ColumnWidth::Kind::Pixels;
        width.value = pixels.captured(1).toDouble();
        return width;
    }
    bool isNumber = false;
    const double weight = text.toDouble(&isNumber);
    if (isNumber && weight > 0) {
        width.kind = ColumnWidth::Kind::Weighted;
        width.value = weight;
    }
    return width; // "stretch", absent or unreadable: stretch, as Teams does
}

// The background and padding a "style" gives: only when the style differs
// from the surrounding one, as in the reference renderers.
void applyStyle(QWidget *widget, QBoxLayout *layout, const QJsonObject &element,
                const CardRenderContext &outer, CardRenderContext *inner)
{
    const QString style = enumValue(element, QStringLiteral("style"));
    *inner = outer.withStyle(style);
    const bool styled = !style.isEmpty() && inner->containerStyle != outer.containerStyle;
    const int padding = styled ? outer.theme->padding : 0;
    layout->setContentsMargins(padding, padding, padding, padding);
    if (styled) {
        widget->setAutoFillBackground(true);
        QPalette palette = widget->palette();
        palette.setColor(QPalette::Window, outer.theme->style(inner->containerStyle).background);
        widget->setPalette(palette);
        widget->setProperty("acStyle", inner->containerStyle);
    }
    const QJsonValue minHeight = element.value(QStringLiteral("minHeight"));
    static const QRegularExpression px(QStringLiteral("^(\\d+)px$"));
    const QRegularExpressionMatch match = px.match(minHeight.toString().trimmed().toLower());
    if (match.hasMatch())
        widget->setMinimumHeight(match.captured(1).toInt());
}

// Items stacked from the top, centred or at the bottom of the space the
// element gets (a Column as tall as its neighbour, a minHeight).
QWidget *renderStack(const QJsonObject &element, const QString &itemsKey, const CardRenderContext &context,
                     QWidget *parent)
{
    auto *stack = new QWidget(parent);
    auto *layout = new QVBoxLayout(stack);
    layout->setSpacing(0);
    CardRenderContext inner;
    applyStyle(stack, layout, element, context, &inner);
    const QString alignment
        = enumValue(element, QStringLiteral("verticalContentAlignment"), QStringLiteral("top"));
    if (alignment == QLatin1String("center") || alignment == QLatin1String("bottom"))
        layout->addStretch(1);
    context.renderer->renderItems(element.value(itemsKey).toArray(), inner, stack, layout);
    if (alignment != QLatin1String("bottom"))
        layout->addStretch(1);
    return stack;
}

QWidget *renderContainer(const QJsonObject &element, const CardRenderContext &context, QWidget *parent)
{
    return renderStack(element, QStringLiteral("items"), context, parent);
}

QWidget *renderColumnSet(const QJsonObject &element, const CardRenderContext &context, QWidget *parent)
{
    auto *set = new QWidget(parent);
    auto *layout = new QHBoxLayout(set);
    layout->setSpacing(0);
    CardRenderContext inner;
    applyStyle(set, layout, element, context, &inner);
    bool first = true;
    for (const QJsonValue &value : element.value(QStringLiteral("columns")).toArray()) {
        const QJsonObject column = value.toObject();
        if (!column.value(QStringLiteral("isVisible")).toBool(true))
            continue;
        if (!first)
            ElementRenderer::addSpacing(column, inner, set, layout);
        first = false;
        QWidget *widget = renderStack(column, QStringLiteral("items"), inner, set);
        tagElement(widget, QStringLiteral("Column"), column);
        const ColumnWidth width = parseWidth(column.value(QStringLiteral("width")));
        widget->setProperty("acWidthKind", int(width.kind));
        QSizePolicy policy = widget->sizePolicy();
        switch (width.kind) {
        case ColumnWidth::Kind::Auto:
            policy.setHorizontalPolicy(QSizePolicy::Preferred);
            break;
        case ColumnWidth::Kind::Pixels:
            widget->setFixedWidth(qRound(width.value));
            break;
        case ColumnWidth::Kind::Stretch:
        case ColumnWidth::Kind::Weighted:
            // Share the room left by auto and pixel columns by weight alone,
            // whatever the content would prefer.
            policy.setHorizontalPolicy(QSizePolicy::Ignored);
            break;
        }
        widget->setSizePolicy(policy);
        layout->addWidget(widget, width.stretchFactor());
    }
    return set;
}

// Schema 1.5 Table: a grid of cells, columns sized by weight or pixels,
// the first row bolder when it is a header, grid lines between cells.
class TableWidget : public QWidget
{
public:
    TableWidget(const QColor &lines, bool showLines, QWidget *parent)
        : QWidget(parent)
        , m_lines(lines)
        , m_showLines(showLines)
    {
    }
    void addCell(QWidget *cell) { m_cells << cell; }

protected:
    void paintEvent(QPaintEvent *) override
    {
        if (!m_showLines)
            return;
        QPainter painter(this);
        painter.setPen(QPen(m_lines, 1));
        // Each cell's top and left edge, then the outline: shared edges are
        // drawn once, one pixel wide.
        for (const QWidget *cell : std::as_const(m_cells)) {
            const QRect r = cell->geometry();
            painter.drawLine(r.topLeft(), r.topRight());
            painter.drawLine(r.topLeft(), r.bottomLeft());
        }
        painter.drawRect(rect().adjusted(0, 0, -1, -1));
    }

private:
    QColor m_lines;
    bool m_showLines = true;
    QList<QWidget *> m_cells;
};

QWidget *renderTable(const QJsonObject &element, const CardRenderContext &context, QWidget *parent)
{
    const CardTheme &theme = *context.theme;
    auto *table
        = new TableWidget(theme.separator.darker(context.theme->mode == CardTheme::Mode::Dark ? 70 : 115),
                          element.value(QStringLiteral("showGridLines")).toBool(true), parent);
    auto *grid = new QGridLayout(table);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(0);
    const QJsonArray columns = element.value(QStringLiteral("columns")).toArray();
    for (int c = 0; c < columns.size(); ++c) {
        const ColumnWidth width = parseWidth(columns.at(c).toObject().value(QStringLiteral("width")));
        if (width.kind == ColumnWidth::Kind::Pixels)
            grid->setColumnMinimumWidth(c, qRound(width.value));
        grid->setColumnStretch(c,
                               width.kind == ColumnWidth::Kind::Pixels ? 0 : qMax(1, width.stretchFactor()));
    }
    const bool header = element.value(QStringLiteral("firstRowAsHeader")).toBool(true);
    const QJsonArray rows = element.value(QStringLiteral("rows")).toArray();
    for (int r = 0; r < rows.size(); ++r) {
        const QJsonObject row = rows.at(r).toObject();
        CardRenderContext rowContext = context.withStyle(enumValue(row, QStringLiteral("style")));
        rowContext.tableHeader = header && r == 0;
        const QJsonArray cells = row.value(QStringLiteral("cells")).toArray();
        for (int c = 0; c < cells.size() && c < qMax<qsizetype>(columns.size(), cells.size()); ++c) {
            QWidget *cell = renderStack(cells.at(c).toObject(), QStringLiteral("items"), rowContext, table);
            tagElement(cell, QStringLiteral("TableCell"), cells.at(c).toObject());
            // Cells keep a little air inside the grid lines, like Teams.
            if (auto *box = qobject_cast<QBoxLayout *>(cell->layout());
                box && box->contentsMargins().isNull())
                box->setContentsMargins(8, 6, 8, 6);
            QSizePolicy policy = cell->sizePolicy();
            policy.setHorizontalPolicy(QSizePolicy::Ignored);
            cell->setSizePolicy(policy);
            grid->addWidget(cell, r, c);
            table->addCell(cell);
        }
    }
    return table;
}

} // namespace

int ColumnWidth::stretchFactor() const
{
    switch (kind) {
    case Kind::Stretch:
        return 100;
    case Kind::Weighted:
        return qMax(1, int(std::lround(value * 100)));
    case Kind::Auto:
    case Kind::Pixels:
        break;
    }
    return 0;
}

void registerContainerElements(ElementRenderer &renderer)
{
    renderer.registerFactory(QStringLiteral("Container"), renderContainer);
    renderer.registerFactory(QStringLiteral("ColumnSet"), renderColumnSet);
    renderer.registerFactory(QStringLiteral("Table"), renderTable);
}

} // namespace herald::ui
