#include "DemoBanner.h"

#include "Icons.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QStyle>

namespace herald::ui {

namespace {

// A tint of the highlight colour over the window colour: visible in light and
// dark themes alike without a hard-coded colour.
QColor blend(const QColor &base, const QColor &tint, qreal amount)
{
    return QColor::fromRgbF(base.redF() + (tint.redF() - base.redF()) * amount,
                            base.greenF() + (tint.greenF() - base.greenF()) * amount,
                            base.blueF() + (tint.blueF() - base.blueF()) * amount);
}

} // namespace

DemoBanner::DemoBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("demoBanner"));
    // Read as "Demo mode" with the label's text under it, not as a bare frame.
    setAccessibleName(tr("Demo mode"));
    m_icon->setAccessibleName(tr("Information"));
    setAutoFillBackground(true);
    setFrameShape(QFrame::NoFrame);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);

    const int margin = style()->pixelMetric(QStyle::PM_LayoutLeftMargin);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(margin, margin / 2, margin, margin / 2);
    layout->setSpacing(margin / 2 + 2);
    layout->addWidget(m_icon, 0, Qt::AlignVCenter);
    layout->addWidget(m_text, 1);

    applyPalette();
    hide();
}

void DemoBanner::showStarting()
{
    m_text->setText(tr("<b>Demo mode</b> — starting a simulated tenant on this computer…"));
    show();
}

void DemoBanner::showRunning(const QString &host, quint16 port, double timeScale)
{
    QString text = tr("<b>Demo mode</b> — a simulated tenant on %1:%2. Nothing leaves this computer.")
                       .arg(host.toHtmlEscaped(), QString::number(port));
    // Say it: otherwise the rates and ETAs seen here set wrong expectations for
    // a real tenant.
    if (timeScale > 1.0)
        text += QLatin1Char(' ')
            + tr("Service limits run %1 times faster than in a real tenant.")
                  .arg(QLocale().toString(timeScale));
    m_text->setText(text);
    show();
}

void DemoBanner::showFailed(const QString &error)
{
    m_text->setText(
        tr("<b>Demo mode</b> — the simulated tenant could not start: %1").arg(error.toHtmlEscaped()));
    show();
}

QString DemoBanner::text() const
{
    return m_text->text();
}

void DemoBanner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void DemoBanner::applyPalette()
{
    // Work from the application palette: our own palette is what we set here.
    const QPalette base = parentWidget() ? parentWidget()->palette() : palette();
    QPalette own = palette();
    own.setColor(QPalette::Window,
                 blend(base.color(QPalette::Window), base.color(QPalette::Highlight), 0.16));
    own.setColor(QPalette::WindowText, base.color(QPalette::WindowText));
    // Setting the palette sends PaletteChange again; guard against recursion.
    if (own != palette()) {
        setPalette(own);
        const int size = fontMetrics().height();
        m_icon->setPixmap(icons::glyph(QStringLiteral("info"), base, QPalette::Highlight).pixmap(size, size));
    }
}

} // namespace herald::ui
