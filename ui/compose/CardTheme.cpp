#include "CardTheme.h"

namespace herald::ui {

namespace {

using Foreground = CardTheme::Foreground;
using ContainerStyle = CardTheme::ContainerStyle;

QHash<QString, Foreground> lightForeground()
{
    return {
        {QStringLiteral("default"), {QColor(0x25, 0x24, 0x24), QColor::fromRgba(0xbf252424)}},
        {QStringLiteral("dark"), {QColor(0x25, 0x24, 0x24), QColor::fromRgba(0xbf252424)}},
        {QStringLiteral("light"), {QColor(0xff, 0xff, 0xff), QColor::fromRgba(0xfff3f2f1)}},
        {QStringLiteral("accent"), {QColor(0x62, 0x64, 0xa7), QColor(0x8b, 0x8c, 0xc7)}},
        {QStringLiteral("good"), {QColor(0x92, 0xc3, 0x53), QColor::fromRgba(0xe592c353)}},
        {QStringLiteral("warning"), {QColor(0xf8, 0xd2, 0x2a), QColor::fromRgba(0xe5f8d22a)}},
        {QStringLiteral("attention"), {QColor(0xc4, 0x31, 0x4b), QColor::fromRgba(0xe5c4314b)}},
    };
}

QHash<QString, Foreground> darkForeground()
{
    return {
        {QStringLiteral("default"), {QColor(0xff, 0xff, 0xff), QColor::fromRgba(0xbfffffff)}},
        {QStringLiteral("dark"), {QColor(0x20, 0x1f, 0x1f), QColor(0x2d, 0x2c, 0x2c)}},
        {QStringLiteral("light"), {QColor(0xff, 0xff, 0xff), QColor::fromRgba(0xbfffffff)}},
        {QStringLiteral("accent"), {QColor(0xa6, 0xa7, 0xdc), QColor(0x8b, 0x8c, 0xc7)}},
        {QStringLiteral("good"), {QColor(0x92, 0xc3, 0x53), QColor::fromRgba(0xe592c353)}},
        {QStringLiteral("warning"), {QColor(0xf8, 0xd2, 0x2a), QColor::fromRgba(0xe5f8d22a)}},
        {QStringLiteral("attention"), {QColor(0xd7, 0x46, 0x54), QColor::fromRgba(0xe5d74654)}},
    };
}

// The coloured container styles keep light backgrounds in both Teams themes,
// so their text is dark in both.
QHash<QString, Foreground> onLightBackground(const QHash<QString, Foreground> &base)
{
    QHash<QString, Foreground> colors = base;
    colors[QStringLiteral("default")] = {QColor(0x20, 0x1f, 0x1f), QColor(0x2d, 0x2c, 0x2c)};
    colors[QStringLiteral("dark")] = {QColor(0x20, 0x1f, 0x1f), QColor(0x2d, 0x2c, 0x2c)};
    return colors;
}

void addColouredStyles(CardTheme &theme, const QHash<QString, Foreground> &foreground)
{
    theme.containerStyles.insert(QStringLiteral("accent"), {QColor(0xc7, 0xde, 0xf9), foreground});
    theme.containerStyles.insert(QStringLiteral("good"), {QColor(0xcc, 0xff, 0xcc), foreground});
    theme.containerStyles.insert(QStringLiteral("attention"), {QColor(0xff, 0xc5, 0xb2), foreground});
    theme.containerStyles.insert(QStringLiteral("warning"), {QColor(0xff, 0xe2, 0xb2), foreground});
}

void setFonts(CardTheme &theme)
{
    // Teams asks for Segoe UI; on systems without it Qt's font matching picks
    // the closest installed sans serif.
    theme.fontFamily = QStringLiteral("Segoe UI");
    theme.monospaceFamily = QStringLiteral("Courier New");
}

} // namespace

CardTheme CardTheme::light()
{
    CardTheme theme;
    theme.mode = Mode::Light;
    theme.canvas = QColor(0xf5, 0xf5, 0xf5);
    theme.bubble = QColor(0xff, 0xff, 0xff);
    theme.bubbleBorder = QColor(0xe0, 0xe0, 0xe0);
    theme.senderText = QColor(0x61, 0x61, 0x61);
    theme.link = QColor(0x5b, 0x5f, 0xc7);
    theme.containerStyles.insert(QStringLiteral("default"), {QColor(0xff, 0xff, 0xff), lightForeground()});
    theme.containerStyles.insert(QStringLiteral("emphasis"), {QColor(0xf9, 0xf8, 0xf7), lightForeground()});
    addColouredStyles(theme, lightForeground());
    theme.separator = QColor(0xee, 0xee, 0xee);
    theme.buttonBackground = QColor(0xff, 0xff, 0xff);
    theme.buttonHover = QColor(0xf5, 0xf5, 0xf5);
    theme.buttonBorder = QColor(0xd1, 0xd1, 0xd1);
    theme.buttonText = QColor(0x24, 0x24, 0x24);
    theme.buttonDisabledText = QColor(0xbd, 0xbd, 0xbd);
    theme.noteBackground = QColor(0xff, 0xf4, 0xce);
    theme.noteBorder = QColor(0xe5, 0xc3, 0x65);
    theme.noteText = QColor(0x3b, 0x2e, 0x00);
    theme.errorText = QColor(0xc4, 0x31, 0x4b);
    setFonts(theme);
    return theme;
}

CardTheme CardTheme::dark()
{
    CardTheme theme;
    theme.mode = Mode::Dark;
    theme.canvas = QColor(0x1f, 0x1f, 0x1f);
    theme.bubble = QColor(0x2d, 0x2c, 0x2c);
    theme.bubbleBorder = QColor(0x3d, 0x3d, 0x3d);
    theme.senderText = QColor(0xad, 0xad, 0xad);
    theme.link = QColor(0x7f, 0x85, 0xf5);
    theme.containerStyles.insert(QStringLiteral("default"), {QColor(0x2d, 0x2c, 0x2c), darkForeground()});
    theme.containerStyles.insert(QStringLiteral("emphasis"), {QColor(0x29, 0x28, 0x28), darkForeground()});
    addColouredStyles(theme, onLightBackground(darkForeground()));
    // The published dark config keeps #EEEEEE, which glares on a dark card;
    // the Teams dark client draws a dim line.
    theme.separator = QColor(0x47, 0x47, 0x47);
    theme.buttonBackground = QColor(0x29, 0x29, 0x29);
    theme.buttonHover = QColor(0x3d, 0x3d, 0x3d);
    theme.buttonBorder = QColor(0x66, 0x66, 0x66);
    theme.buttonText = QColor(0xff, 0xff, 0xff);
    theme.buttonDisabledText = QColor(0x75, 0x75, 0x75);
    theme.noteBackground = QColor(0x3d, 0x33, 0x19);
    theme.noteBorder = QColor(0x8a, 0x6d, 0x1e);
    theme.noteText = QColor(0xf5, 0xe2, 0xa8);
    theme.errorText = QColor(0xf1, 0x70, 0x7b);
    setFonts(theme);
    return theme;
}

const CardTheme::ContainerStyle &CardTheme::style(const QString &name) const
{
    auto it = containerStyles.constFind(name.toLower());
    if (it == containerStyles.constEnd())
        it = containerStyles.constFind(QStringLiteral("default"));
    return *it;
}

QColor CardTheme::foreground(const QString &containerStyle, const QString &color, bool subtle) const
{
    const ContainerStyle &container = style(containerStyle);
    auto it = container.foreground.constFind(color.toLower());
    if (it == container.foreground.constEnd())
        it = container.foreground.constFind(QStringLiteral("default"));
    return subtle ? it->subtle : it->normal;
}

int CardTheme::spacing(const QString &value) const
{
    const QString v = value.toLower();
    if (v == QLatin1String("none"))
        return 0;
    if (v == QLatin1String("small"))
        return spacingSmall;
    if (v == QLatin1String("medium"))
        return spacingMedium;
    if (v == QLatin1String("large"))
        return spacingLarge;
    if (v == QLatin1String("extralarge"))
        return spacingExtraLarge;
    if (v == QLatin1String("padding"))
        return padding;
    return spacingDefault;
}

int CardTheme::fontPixelSize(const QString &size) const
{
    const QString v = size.toLower();
    if (v == QLatin1String("small"))
        return fontSizeSmall;
    if (v == QLatin1String("medium"))
        return fontSizeMedium;
    if (v == QLatin1String("large"))
        return fontSizeLarge;
    if (v == QLatin1String("extralarge"))
        return fontSizeExtraLarge;
    return fontSizeDefault;
}

QFont::Weight CardTheme::fontWeight(const QString &weight)
{
    // Host config weights 200 / 400 / 600.
    const QString v = weight.toLower();
    if (v == QLatin1String("lighter"))
        return QFont::ExtraLight;
    if (v == QLatin1String("bolder"))
        return QFont::DemiBold;
    return QFont::Normal;
}

} // namespace herald::ui
