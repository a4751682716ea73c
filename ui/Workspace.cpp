#include "Workspace.h"

#include "CampaignController.h"
#include "ChipBar.h"
#include "InstallActions.h"
#include "ProgressPanel.h"
#include "RecipientLoader.h"
#include "RecipientTableModel.h"
#include "RecipientTableView.h"
#include "Session.h"

#include <QVBoxLayout>

namespace herald::ui {

Workspace::Workspace(ActivityIndicator *activity, QWidget *window, QObject *parent)
    : QObject(parent)
{
    m_session = new Session(this);
    m_model = new RecipientTableModel(this);

    m_tableArea = new QWidget(window);
    m_tableArea->setObjectName(QStringLiteral("tableArea"));
    m_table = new RecipientTableView(m_model, m_tableArea);
    m_progress = new ProgressPanel(m_tableArea);
    auto *layout = new QVBoxLayout(m_tableArea);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_progress);

    m_chips = new ChipBar(window);
    m_loader = new RecipientLoader(m_session, m_model, m_chips, this);
    m_loader->setActivityIndicator(activity);
    m_actions = new InstallActions(m_session, m_table, m_progress, window, this);
    m_actions->setActivityIndicator(activity);
    m_table->setActions(m_actions->tableActions());
    m_campaigns = new CampaignController(m_session, this);
}

Workspace::~Workspace() = default;

} // namespace herald::ui
