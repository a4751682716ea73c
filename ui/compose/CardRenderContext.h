#pragma once

#include "CardTheme.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

class QWidget;

namespace herald::ui {

class CardImageCache;
class ElementRenderer;

// What every element factory needs while building widgets: the theme, the
// style of the container it sits in (text colours depend on it), where images
// come from and the dispatcher for nested elements. Passed by value down the
// tree so a Container can change the style for its children only.
struct CardRenderContext
{
    const CardTheme *theme = nullptr;
    const ElementRenderer *renderer = nullptr;
    CardImageCache *images = nullptr; // null: remote images are not fetched
    QString containerStyle = QStringLiteral("default");
    QStringList *notes = nullptr; // collects what the preview could not show
    bool tableHeader = false; // inside a Table's header row: text is bolder

    CardRenderContext withStyle(const QString &style) const
    {
        CardRenderContext copy = *this;
        if (!style.isEmpty())
            copy.containerStyle = style.toLower();
        return copy;
    }
};

// The marks every rendered element carries, so tests and accessibility tools
// can find an element by its Adaptive Card type and id.
void tagElement(QWidget *widget, const QString &type, const QJsonObject &element);

// Adaptive Card enum values are case-insensitive ("Bolder", "bolder").
QString enumValue(const QJsonObject &object, const QString &key, const QString &fallback = QString());

} // namespace herald::ui
