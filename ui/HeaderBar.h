#pragma once

#include <QWidget>

class QLabel;

namespace herald::ui {

class TenantIndicator;

// The strip above the pages: the current page's title on the left, the
// profile/tenant indicator on the right.
class HeaderBar : public QWidget
{
    Q_OBJECT

public:
    explicit HeaderBar(QWidget *parent = nullptr);

    void setTitle(const QString &title);
    QString title() const;

    TenantIndicator *tenantIndicator() const { return m_tenant; }

private:
    QLabel *m_title = nullptr;
    TenantIndicator *m_tenant = nullptr;
};

} // namespace herald::ui
