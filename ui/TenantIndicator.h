#pragma once

#include <QWidget>

class QLabel;

namespace herald::ui {

// Top-right corner of the window: which profile and tenant Herald works
// against, and whether it is signed in.
class TenantIndicator : public QWidget
{
    Q_OBJECT

public:
    explicit TenantIndicator(QWidget *parent = nullptr);

    void showSignedOut(const QString &profile);
    void showTenant(const QString &tenant, const QString &detail);

    QString title() const;
    QString detail() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void refreshIcon();

    QLabel *m_icon = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_detail = nullptr;
};

} // namespace herald::ui
