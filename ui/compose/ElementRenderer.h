#pragma once

#include "CardRenderContext.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <functional>

class QBoxLayout;
class QWidget;

namespace herald::ui {

// Turns Adaptive Card elements into widgets. Each element family (text,
// media, containers, actions) registers its factories here; elements nobody
// registered become a labelled placeholder, after trying the element's
// `fallback` the way Teams does.
class ElementRenderer
{
public:
    using Factory = std::function<QWidget *(const QJsonObject &, const CardRenderContext &, QWidget *)>;

    ElementRenderer();

    void registerFactory(const QString &type, Factory factory);
    bool knows(const QString &type) const { return m_factories.contains(type); }

    // One element; null when it renders to nothing (hidden, fallback "drop").
    QWidget *render(const QJsonObject &element, const CardRenderContext &context, QWidget *parent) const;

    // A list of elements (card body, container items, column items) into
    // `layout`, with the spacing and separators between them.
    void renderItems(const QJsonArray &items, const CardRenderContext &context, QWidget *parent,
                     QBoxLayout *layout) const;

    // Space and optional separator line above an element that is not first.
    static void addSpacing(const QJsonObject &element, const CardRenderContext &context, QWidget *parent,
                           QBoxLayout *layout);

    static QWidget *placeholder(const QString &text, const CardRenderContext &context, QWidget *parent);

private:
    QWidget *renderUnknown(const QJsonObject &element, const CardRenderContext &context,
                           QWidget *parent) const;

    QHash<QString, Factory> m_factories;
};

} // namespace herald::ui
