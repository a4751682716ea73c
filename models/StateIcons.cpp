#include "StateIcons.h"

#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace herald {

namespace {

enum class Glyph { Check, Hollow, Dashed, Magnifier, NoEntry, Warning, Cross, Clock, Ellipsis };

const QColor green(0x2e, 0x7d, 0x32);
const QColor grey(0x75, 0x75, 0x75);
const QColor red(0xc6, 0x28, 0x28);
const QColor amber(0xef, 0x8f, 0x00);
const QColor blue(0x1e, 0x5a, 0x9c);

// Drawn on a 16x16 grid, scaled for larger sizes.
void drawGlyph(QPainter &p, Glyph glyph, const QColor &color)
{
    const QRectF disc(1.5, 1.5, 13, 13);
    QPen pen(color, 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    QPen white(Qt::white, 1.8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    switch (glyph) {
    case Glyph::Check:
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawEllipse(disc);
        p.setPen(white);
        p.drawPolyline(QPolygonF({QPointF(4.5, 8.2), QPointF(7, 10.8), QPointF(11.5, 5.5)}));
        break;
    case Glyph::Hollow:
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(disc.adjusted(0.5, 0.5, -0.5, -0.5));
        break;
    case Glyph::Dashed:
        pen.setStyle(Qt::DotLine);
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(disc.adjusted(0.5, 0.5, -0.5, -0.5));
        break;
    case Glyph::Magnifier:
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(QRectF(2, 2, 8.5, 8.5));
        pen.setWidthF(2.4);
        p.setPen(pen);
        p.drawLine(QPointF(9.5, 9.5), QPointF(14, 14));
        break;
    case Glyph::NoEntry:
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawEllipse(disc);
        p.setPen(QPen(Qt::white, 2.2, Qt::SolidLine, Qt::FlatCap));
        p.drawLine(QPointF(4.5, 8), QPointF(11.5, 8));
        break;
    case Glyph::Warning: {
        QPainterPath triangle;
        triangle.moveTo(8, 1.5);
        triangle.lineTo(15, 14.5);
        triangle.lineTo(1, 14.5);
        triangle.closeSubpath();
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawPath(triangle);
        p.setPen(white);
        p.drawLine(QPointF(8, 6), QPointF(8, 9.5));
        p.drawPoint(QPointF(8, 12.2));
        break;
    }
    case Glyph::Cross:
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawEllipse(disc);
        p.setPen(white);
        p.drawLine(QPointF(5.5, 5.5), QPointF(10.5, 10.5));
        p.drawLine(QPointF(10.5, 5.5), QPointF(5.5, 10.5));
        break;
    case Glyph::Clock:
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(disc.adjusted(0.5, 0.5, -0.5, -0.5));
        p.drawPolyline(QPolygonF({QPointF(8, 4.5), QPointF(8, 8), QPointF(10.8, 9.6)}));
        break;
    case Glyph::Ellipsis:
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawEllipse(disc);
        p.setBrush(Qt::white);
        for (qreal x : {4.8, 8.0, 11.2})
            p.drawEllipse(QPointF(x, 8), 1.2, 1.2);
        break;
    }
}

QIcon paintIcon(Glyph glyph, const QColor &color)
{
    QIcon icon;
    // 16 px at 100 % up to 48 and 64 px: a 16 px cell at 300 % and 400 %
    // scaling picks a drawn size instead of blowing up a small one.
    for (int size : {16, 24, 32, 48, 64}) {
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.scale(size / 16.0, size / 16.0);
        drawGlyph(painter, glyph, color);
        painter.end();
        icon.addPixmap(QPixmap::fromImage(image));
    }
    return icon;
}

QIcon paintInstall(InstallState state)
{
    switch (state) {
    case InstallState::Unknown:
        return paintIcon(Glyph::Dashed, grey);
    case InstallState::Installed:
        return paintIcon(Glyph::Check, green);
    case InstallState::NotInstalled:
        return paintIcon(Glyph::Hollow, grey);
    case InstallState::NotFound:
        return paintIcon(Glyph::Magnifier, blue);
    case InstallState::Blocked:
        return paintIcon(Glyph::NoEntry, red);
    case InstallState::Error:
        return paintIcon(Glyph::Warning, amber);
    }
    return {};
}

QIcon paintDelivery(DeliveryState state)
{
    switch (state) {
    case DeliveryState::Pending:
        return paintIcon(Glyph::Clock, grey);
    case DeliveryState::Sent:
        return paintIcon(Glyph::Check, green);
    case DeliveryState::Failed:
        return paintIcon(Glyph::Cross, red);
    case DeliveryState::BlockedByUser:
        return paintIcon(Glyph::NoEntry, red);
    case DeliveryState::NotInstalled:
        return paintIcon(Glyph::Hollow, grey);
    case DeliveryState::NotFound:
        return paintIcon(Glyph::Magnifier, blue);
    case DeliveryState::Unconfirmed:
        return paintIcon(Glyph::Ellipsis, amber);
    }
    return {};
}

} // namespace

QIcon StateIcons::icon(InstallState state) const
{
    QIcon &cached = m_install.at(std::size_t(state));
    if (cached.isNull())
        cached = paintInstall(state);
    return cached;
}

QIcon StateIcons::icon(DeliveryState state) const
{
    QIcon &cached = m_delivery.at(std::size_t(state));
    if (cached.isNull())
        cached = paintDelivery(state);
    return cached;
}

} // namespace herald
