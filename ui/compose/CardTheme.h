#pragma once

#include <QColor>
#include <QFont>
#include <QHash>
#include <QString>

namespace herald::ui {

// The host config the preview renders with: the numbers and colours Teams
// gives Adaptive Card renderers. Values mirror Microsoft's published Teams
// host configs (AdaptiveCards repo, samples/HostConfig/microsoft-teams-light.json
// and microsoft-teams-dark.json); the chat colours around the card follow the
// Teams desktop client. Keys are lower-case Adaptive Card enum values.
struct CardTheme
{
    enum class Mode { Light, Dark };

    struct Foreground
    {
        QColor normal;
        QColor subtle;
    };

    struct ContainerStyle
    {
        QColor background;
        QHash<QString, Foreground> foreground; // default, dark, light, accent, good, warning, attention
    };

    Mode mode = Mode::Light;

    // Around the card: the chat canvas, the message bubble and its header.
    QColor canvas;
    QColor bubble;
    QColor bubbleBorder;
    QColor senderText;
    QColor link;

    QHash<QString, ContainerStyle> containerStyles; // default, emphasis, accent, good, attention, warning
    QColor separator;

    // Action buttons (Teams draws them as outlined, rounded buttons).
    QColor buttonBackground;
    QColor buttonHover;
    QColor buttonBorder;
    QColor buttonText;
    QColor buttonDisabledText;

    // The preview's own notes (unsupported elements, image placeholders).
    QColor noteBackground;
    QColor noteBorder;
    QColor noteText;
    QColor errorText;

    QString fontFamily;
    QString monospaceFamily;
    int fontSizeSmall = 12;
    int fontSizeDefault = 14;
    int fontSizeMedium = 14;
    int fontSizeLarge = 18;
    int fontSizeExtraLarge = 24;

    int spacingSmall = 8;
    int spacingDefault = 12;
    int spacingMedium = 16;
    int spacingLarge = 20;
    int spacingExtraLarge = 24;
    int padding = 16;

    int imageSmall = 32;
    int imageMedium = 52;
    int imageLarge = 100;
    int imageSetMaxHeight = 100;

    int buttonSpacing = 8;
    int maxActions = 6;
    int factSpacing = 16;
    int factTitleMaxWidth = 150;
    int cardMaxWidth = 500; // Teams' width for a card in a 1:1 chat

    static CardTheme light();
    static CardTheme dark();
    static CardTheme forMode(Mode mode) { return mode == Mode::Dark ? dark() : light(); }

    const ContainerStyle &style(const QString &name) const;
    // `color` and `containerStyle` are Adaptive Card values in any case;
    // unknown values fall back to "default" as Teams does.
    QColor foreground(const QString &containerStyle, const QString &color, bool subtle) const;
    // "none", "small", ... "padding"; unknown or empty means "default".
    int spacing(const QString &value) const;
    int fontPixelSize(const QString &size) const;
    static QFont::Weight fontWeight(const QString &weight);
};

} // namespace herald::ui
