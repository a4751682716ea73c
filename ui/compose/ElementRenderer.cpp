#include "ElementRenderer.h"

#include "ActionElements.h"
#include "ContainerElements.h"
#include "MediaElements.h"
#include "TextElements.h"

#include <QBoxLayout>
#include <QCoreApplication>
#include <QFrame>
#include <QLabel>
#include <QVariant>

namespace herald::ui {

namespace {

// Elements Teams renders that this preview does not draw: the placeholder
// must not claim Teams drops them.
bool teamsRendersButPreviewDoesNot(const QString &type)
{
    return type.startsWith(QLatin1String("Input.")) || type == QLatin1String("Media");
}

QString tr(const char *text)
{
    return QCoreApplication::translate("herald::ui::ElementRenderer", text);
}

} // namespace

void tagElement(QWidget *widget, const QString &type, const QJsonObject &element)
{
    widget->setProperty("acType", type);
    const QString id = element.value(QStringLiteral("id")).toString();
    if (!id.isEmpty())
        widget->setProperty("acId", id);
    widget->setObjectName(QStringLiteral("ac-") + type);
}

QString enumValue(const QJsonObject &object, const QString &key, const QString &fallback)
{
    const QJsonValue value = object.value(key);
    return value.isString() ? value.toString().toLower() : fallback;
}

ElementRenderer::ElementRenderer()
{
    registerTextElements(*this);
    registerMediaElements(*this);
    registerContainerElements(*this);
    registerActionElements(*this);
}

void ElementRenderer::registerFactory(const QString &type, Factory factory)
{
    m_factories.insert(type, std::move(factory));
}

QWidget *ElementRenderer::render(const QJsonObject &element, const CardRenderContext &context,
                                 QWidget *parent) const
{
    // Hidden elements are not drawn by Teams until an action shows them.
    if (element.value(QStringLiteral("isVisible")).toBool(true) == false)
        return nullptr;
    const QString type = element.value(QStringLiteral("type")).toString();
    const auto it = m_factories.constFind(type);
    if (it == m_factories.constEnd())
        return renderUnknown(element, context, parent);
    QWidget *widget = (*it)(element, context, parent);
    if (widget && widget->property("acType").isNull())
        tagElement(widget, type, element);
    return widget;
}

QWidget *ElementRenderer::renderUnknown(const QJsonObject &element, const CardRenderContext &context,
                                        QWidget *parent) const
{
    const QString type = element.value(QStringLiteral("type")).toString();
    // Teams replaces an element it cannot render by its `fallback`.
    const QJsonValue fallback = element.value(QStringLiteral("fallback"));
    if (fallback.isString() && fallback.toString().compare(QLatin1String("drop"), Qt::CaseInsensitive) == 0)
        return nullptr;
    if (fallback.isObject())
        return render(fallback.toObject(), context, parent);

    QString text;
    if (type.isEmpty())
        text = tr("Element without a \"type\" — Teams will not show it");
    else if (teamsRendersButPreviewDoesNot(type))
        text = tr("Not previewed: %1 — Teams shows it, this preview does not draw it").arg(type);
    else
        text = tr("Unsupported element: %1 — Teams will not show it").arg(type);
    if (context.notes)
        context.notes->append(text);
    QWidget *note = placeholder(text, context, parent);
    tagElement(note, QStringLiteral("Unsupported"), element);
    note->setProperty("acUnsupportedType", type);
    return note;
}

void ElementRenderer::renderItems(const QJsonArray &items, const CardRenderContext &context, QWidget *parent,
                                  QBoxLayout *layout) const
{
    bool first = true;
    for (const QJsonValue &item : items) {
        if (!item.isObject())
            continue;
        const QJsonObject element = item.toObject();
        QWidget *widget = render(element, context, parent);
        if (!widget)
            continue;
        if (!first)
            addSpacing(element, context, parent, layout);
        first = false;
        const QString height = enumValue(element, QStringLiteral("height"), QStringLiteral("auto"));
        layout->addWidget(widget, height == QLatin1String("stretch") ? 1 : 0);
    }
}

void ElementRenderer::addSpacing(const QJsonObject &element, const CardRenderContext &context,
                                 QWidget *parent, QBoxLayout *layout)
{
    const int space = context.theme->spacing(enumValue(element, QStringLiteral("spacing")));
    if (!element.value(QStringLiteral("separator")).toBool()) {
        layout->addSpacing(space);
        return;
    }
    // The line sits in the middle of the spacing, as in the reference renderers.
    const bool horizontal
        = layout->direction() == QBoxLayout::LeftToRight || layout->direction() == QBoxLayout::RightToLeft;
    auto *line = new QFrame(parent);
    line->setObjectName(QStringLiteral("ac-separator"));
    line->setAutoFillBackground(true);
    QPalette palette = line->palette();
    palette.setColor(QPalette::Window, context.theme->separator);
    line->setPalette(palette);
    if (horizontal)
        line->setFixedWidth(1);
    else
        line->setFixedHeight(1);
    layout->addSpacing(space / 2);
    layout->addWidget(line);
    layout->addSpacing(space - space / 2);
}

QWidget *ElementRenderer::placeholder(const QString &text, const CardRenderContext &context, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setMargin(8);
    const CardTheme &theme = *context.theme;
    label->setStyleSheet(
        QStringLiteral("QLabel { background: %1; color: %2; border: 1px dashed %3;"
                       " border-radius: 4px; }")
            .arg(theme.noteBackground.name(), theme.noteText.name(), theme.noteBorder.name()));
    QFont font = label->font();
    font.setPixelSize(theme.fontSizeSmall);
    label->setFont(font);
    return label;
}

} // namespace herald::ui
