#include "TablePage.h"

#include <QVBoxLayout>

namespace herald::ui {

TablePage::TablePage(QWidget *parent)
    : QWidget(parent)
{
    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(16, 12, 16, 8);
    m_layout->setSpacing(8);
    m_controls = new QVBoxLayout;
    m_controls->setSpacing(8);
    m_layout->addLayout(m_controls);
}

void TablePage::adoptTable(QWidget *area)
{
    if (area->parentWidget() == this)
        return;
    m_layout->addWidget(area, 1);
    area->show();
}

} // namespace herald::ui
