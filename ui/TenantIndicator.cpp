#include "TenantIndicator.h"

#include "Icons.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>

namespace herald::ui {

TenantIndicator::TenantIndicator(QWidget *parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_title(new QLabel(this))
    , m_detail(new QLabel(this))
{
    setObjectName(QStringLiteral("tenantIndicator"));
    setAccessibleName(tr("Tenant"));
    m_icon->setAccessibleName(tr("Account"));
    m_title->setObjectName(QStringLiteral("tenantTitle"));
    m_detail->setObjectName(QStringLiteral("tenantDetail"));

    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setAlignment(Qt::AlignRight | Qt::AlignBottom);
    m_detail->setAlignment(Qt::AlignRight | Qt::AlignTop);
    m_detail->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setHorizontalSpacing(8);
    layout->setVerticalSpacing(0);
    layout->addWidget(m_title, 0, 0);
    layout->addWidget(m_detail, 1, 0);
    layout->addWidget(m_icon, 0, 1, 2, 1, Qt::AlignVCenter);

    refreshIcon();
}

void TenantIndicator::showSignedOut(const QString &profile)
{
    m_title->setText(tr("Not signed in"));
    m_detail->setText(tr("Profile “%1”").arg(profile));
    setToolTip(tr("Herald has no tenant to work with yet. Start it with --demo to try a simulated tenant."));
    setAccessibleDescription(tr("%1, %2").arg(m_title->text(), m_detail->text()));
}

void TenantIndicator::showTenant(const QString &tenant, const QString &detail)
{
    m_title->setText(tenant);
    m_detail->setText(detail);
    setToolTip(tenant);
    setAccessibleDescription(tr("%1, %2").arg(tenant, detail));
}

QString TenantIndicator::title() const
{
    return m_title->text();
}

QString TenantIndicator::detail() const
{
    return m_detail->text();
}

void TenantIndicator::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        refreshIcon();
}

void TenantIndicator::refreshIcon()
{
    const int size = fontMetrics().height() * 2;
    m_icon->setPixmap(icons::glyph(QStringLiteral("account"), palette()).pixmap(size, size));
}

} // namespace herald::ui
