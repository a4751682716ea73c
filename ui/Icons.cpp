#include "Icons.h"

#include "UiLogging.h"

#include <QImage>
#include <QPainter>
#include <QPixmap>

namespace herald::ui::icons {

namespace {

// Sizes QIcon can choose from without rescaling for the common icon sizes at
// device pixel ratios 1 and 2.
constexpr int kGlyphSizes[] = {16, 20, 24, 32, 40, 48};

QPixmap tinted(const QIcon &source, int size, const QColor &colour)
{
    QImage image
        = source.pixmap(QSize(size, size)).toImage().convertToFormat(QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return {};
    // Keep the glyph's alpha, replace its colour.
    QPainter painter(&image);
    painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
    painter.fillRect(image.rect(), colour);
    painter.end();
    return QPixmap::fromImage(image);
}

} // namespace

QIcon appIcon()
{
    QIcon icon(QStringLiteral(":/icons/herald.svg"));
    if (icon.pixmap(QSize(32, 32)).isNull())
        qCWarning(lcUi) << "SVG icons cannot be rendered; is the Qt SVG plugin (libqt6svg6) installed?";
    return icon;
}

QIcon glyph(const QString &name, const QPalette &palette, QPalette::ColorRole role)
{
    const QIcon source(QStringLiteral(":/icons/nav/%1.svg").arg(name));
    QIcon icon;
    for (int size : kGlyphSizes) {
        const QPixmap normal = tinted(source, size, palette.color(QPalette::Active, role));
        if (normal.isNull())
            return {};
        icon.addPixmap(normal, QIcon::Normal);
        icon.addPixmap(tinted(source, size, palette.color(QPalette::Active, QPalette::HighlightedText)),
                       QIcon::Selected);
        icon.addPixmap(tinted(source, size, palette.color(QPalette::Disabled, role)), QIcon::Disabled);
    }
    return icon;
}

} // namespace herald::ui::icons
