#pragma once

#include <QObject>

class QWidget;

namespace herald {
class RecipientTableModel;
}

namespace herald::ui {

class ActivityIndicator;
class CampaignController;
class ChipBar;
class InstallActions;
class ProgressPanel;
class RecipientLoader;
class RecipientTableView;
class Session;

// What the pages share, built once per window: the session (connection and
// sign-in), the recipient table model and its one view with the progress
// panel under it, the chips of chosen sources, the loader that fills the
// table and the install actions that act on it. Pages get pointers; none of
// them owns another page's state.
class Workspace : public QObject
{
    Q_OBJECT

public:
    Workspace(ActivityIndicator *activity, QWidget *window, QObject *parent = nullptr);
    ~Workspace() override;

    Session *session() const { return m_session; }
    RecipientTableModel *model() const { return m_model; }
    // The table with its progress panel, moved between pages.
    QWidget *tableArea() const { return m_tableArea; }
    RecipientTableView *table() const { return m_table; }
    ProgressPanel *progress() const { return m_progress; }
    ChipBar *chips() const { return m_chips; }
    RecipientLoader *loader() const { return m_loader; }
    InstallActions *actions() const { return m_actions; }
    CampaignController *campaigns() const { return m_campaigns; }

private:
    Session *m_session = nullptr;
    RecipientTableModel *m_model = nullptr;
    QWidget *m_tableArea = nullptr;
    RecipientTableView *m_table = nullptr;
    ProgressPanel *m_progress = nullptr;
    ChipBar *m_chips = nullptr;
    RecipientLoader *m_loader = nullptr;
    InstallActions *m_actions = nullptr;
    CampaignController *m_campaigns = nullptr;
};

} // namespace herald::ui
