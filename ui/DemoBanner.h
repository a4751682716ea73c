#pragma once

#include <QFrame>

class QLabel;

namespace herald::ui {

// The bar across the top of the window in demo mode, so nobody mistakes the
// simulated tenant for their real one.
class DemoBanner : public QFrame
{
    Q_OBJECT

public:
    explicit DemoBanner(QWidget *parent = nullptr);

    void showStarting();
    void showRunning(const QString &host, quint16 port, double timeScale);
    void showFailed(const QString &error);

    QString text() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyPalette();

    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
};

} // namespace herald::ui
