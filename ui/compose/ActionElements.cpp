#include "ActionElements.h"

#include "ElementRenderer.h"
#include "TextElements.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QPushButton>
#include <QUrl>

namespace herald::ui {

namespace {

// lupdate files a tr() outside a class under the enclosing namespace: same context here.
QString tr(const char *text)
{
    return QCoreApplication::translate("herald::ui", text);
}

QString buttonStyle(const CardTheme &theme, const QString &style)
{
    QColor background = theme.buttonBackground;
    QColor hover = theme.buttonHover;
    QColor border = theme.buttonBorder;
    QColor text = theme.buttonText;
    if (style == QLatin1String("positive")) {
        // Teams fills a positive action with its brand colour.
        background = QColor(0x5b, 0x5f, 0xc7);
        hover = QColor(0x4f, 0x52, 0xb2);
        border = background;
        text = Qt::white;
    } else if (style == QLatin1String("destructive")) {
        text = theme.foreground(QStringLiteral("default"), QStringLiteral("attention"), false);
    }
    return QStringLiteral("QPushButton { background: %1; color: %2; border: 1px solid %3; border-radius: 4px;"
                          " padding: 5px 12px; }"
                          "QPushButton:hover { background: %4; }"
                          "QPushButton:disabled { color: %5; }")
        .arg(background.name(), text.name(), border.name(), hover.name(), theme.buttonDisabledText.name());
}

bool openableScheme(const QUrl &url)
{
    static const QStringList schemes
        = {QStringLiteral("https"), QStringLiteral("http"), QStringLiteral("mailto"), QStringLiteral("tel"),
           QStringLiteral("msteams")};
    return url.isValid() && schemes.contains(url.scheme().toLower());
}

QPushButton *createButton(const QJsonObject &action, const CardRenderContext &context, QWidget *parent)
{
    const QString type = action.value(QStringLiteral("type")).toString();
    const QString title = action.value(QStringLiteral("title")).toString();
    // "R&D" is a title, not a mnemonic: show the ampersand.
    auto *button = new QPushButton(QString(title).replace(QLatin1Char('&'), QStringLiteral("&&")), parent);
    tagElement(button, type.isEmpty() ? QStringLiteral("Action") : type, action);
    button->setProperty("acAction", type);
    button->setFont(cardFont(*context.theme, QString(), QStringLiteral("bolder")));
    button->setStyleSheet(buttonStyle(*context.theme, enumValue(action, QStringLiteral("style"))));
    button->setCursor(Qt::PointingHandCursor);
    button->setAccessibleName(title.isEmpty() ? type : title);

    if (type == QLatin1String("Action.OpenUrl")) {
        const QString raw = action.value(QStringLiteral("url")).toString();
        const QUrl url(raw);
        button->setProperty("acUrl", raw);
        if (!openableScheme(url)) {
            button->setEnabled(false);
            button->setToolTip(raw.isEmpty()
                                   ? tr("This Action.OpenUrl has no \"url\"; Teams cannot open it.")
                                   : tr("Teams cannot open \"%1\": use an https:// link.").arg(raw));
            return button;
        }
        button->setToolTip(url.toDisplayString());
        QObject::connect(button, &QPushButton::clicked, button, [url] { QDesktopServices::openUrl(url); });
        return button;
    }

    button->setEnabled(false);
    if (type == QLatin1String("Action.Submit") || type == QLatin1String("Action.Execute"))
        button->setToolTip(tr("%1 sends data to the bot; the preview does not run it.").arg(type));
    else if (type == QLatin1String("Action.ShowCard"))
        button->setToolTip(
            tr("Action.ShowCard opens a card inside the message; the preview does not expand it."));
    else if (type == QLatin1String("Action.ToggleVisibility"))
        button->setToolTip(
            tr("Action.ToggleVisibility shows or hides elements; the preview does not run it."));
    else
        button->setToolTip(tr("Unsupported action: %1 — Teams will not show it.").arg(type));
    return button;
}

QWidget *renderActionSet(const QJsonObject &element, const CardRenderContext &context, QWidget *parent)
{
    QWidget *row = renderActionRow(element.value(QStringLiteral("actions")).toArray(), context, parent);
    tagElement(row, QStringLiteral("ActionSet"), element);
    return row;
}

} // namespace

QWidget *renderActionRow(const QJsonArray &actions, const CardRenderContext &context, QWidget *parent)
{
    auto *row = new QWidget(parent);
    row->setObjectName(QStringLiteral("ac-actions"));
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(context.theme->buttonSpacing);
    int shown = 0;
    for (const QJsonValue &value : actions) {
        const QJsonObject action = value.toObject();
        if (!action.value(QStringLiteral("isVisible")).toBool(true))
            continue;
        if (shown == context.theme->maxActions) {
            // Teams shows the first six actions only.
            if (context.notes)
                context.notes->append(tr("Only the first %1 actions are shown; Teams drops the rest.")
                                          .arg(context.theme->maxActions));
            break;
        }
        layout->addWidget(createButton(action, context, row));
        ++shown;
    }
    layout->addStretch(1);
    return row;
}

void registerActionElements(ElementRenderer &renderer)
{
    renderer.registerFactory(QStringLiteral("ActionSet"), renderActionSet);
}

} // namespace herald::ui
