#pragma once

#include "TablePage.h"

#include <QTimer>

class QLabel;
class QPushButton;

namespace herald {
class RecipientTableModel;
}

namespace herald::ui {

class InstallActions;
class Session;

// Install: the organisation's app (name, version, catalog id), how many
// recipients have it in each install state, and the way to put it where it
// is missing. The shared table below shows every recipient's state.
class InstallPage : public TablePage
{
    Q_OBJECT

public:
    InstallPage(Session *session, RecipientTableModel *model, InstallActions *actions,
                QWidget *parent = nullptr);

    QString appText() const;
    QString countsText() const;
    QPushButton *installMissingButton() const { return m_installMissing; }
    QPushButton *checkButton() const { return m_check; }

    // Rows not known to have the app: not installed, or not checked yet.
    QList<int> missingRows() const;

private:
    void refreshApp();
    void refreshCounts();

    Session *m_session;
    RecipientTableModel *m_model;
    InstallActions *m_actions;
    QLabel *m_app = nullptr;
    QLabel *m_counts = nullptr;
    QPushButton *m_check = nullptr;
    QPushButton *m_installMissing = nullptr;
    QTimer m_countTimer;
};

} // namespace herald::ui
