#include "HeaderBar.h"

#include "TenantIndicator.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>

namespace herald::ui {

HeaderBar::HeaderBar(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_tenant(new TenantIndicator(this))
{
    setObjectName(QStringLiteral("headerBar"));
    m_title->setObjectName(QStringLiteral("pageTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    const int margin = style()->pixelMetric(QStyle::PM_LayoutLeftMargin) * 2;
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(margin, margin * 3 / 4, margin, margin * 3 / 4);
    layout->addWidget(m_title, 1, Qt::AlignVCenter);
    layout->addWidget(m_tenant, 0, Qt::AlignVCenter);
}

void HeaderBar::setTitle(const QString &title)
{
    m_title->setText(title);
}

QString HeaderBar::title() const
{
    return m_title->text();
}

} // namespace herald::ui
