#include "InstallPage.h"

#include "InstallActions.h"
#include "RecipientStateText.h"
#include "RecipientTableModel.h"
#include "Session.h"

#include <QAction>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace herald::ui {

InstallPage::InstallPage(Session *session, RecipientTableModel *model, InstallActions *actions,
                         QWidget *parent)
    : TablePage(parent)
    , m_session(session)
    , m_model(model)
    , m_actions(actions)
{
    setObjectName(QStringLiteral("page_install"));
    m_app = new QLabel(this);
    m_app->setObjectName(QStringLiteral("installApp"));
    m_app->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_app->setWordWrap(true);
    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("installCounts"));
    m_counts->setWordWrap(true);
    m_check = new QPushButton(tr("&Check status of all"), this);
    m_check->setObjectName(QStringLiteral("checkAll"));
    m_installMissing = new QPushButton(tr("&Install where missing"), this);
    m_installMissing->setObjectName(QStringLiteral("installMissing"));
    m_installMissing->setDefault(true);
    m_installMissing->setToolTip(
        tr("Install the app for every recipient who is not known to have it. "
           "Graph answers 409 for people who already have it; they are left alone."));

    auto *box = new QFrame(this);
    box->setFrameShape(QFrame::StyledPanel);
    auto *boxLayout = new QHBoxLayout(box);
    auto *text = new QVBoxLayout;
    text->addWidget(m_app);
    text->addWidget(m_counts);
    boxLayout->addLayout(text, 1);
    boxLayout->addWidget(m_check);
    boxLayout->addWidget(m_installMissing);
    controls()->addWidget(box);

    connect(m_check, &QPushButton::clicked, this, [this] {
        QList<int> rows;
        for (int r = 0; r < m_model->rowCount(); ++r)
            rows.append(r);
        m_actions->run(InstallActions::Operation::Status, rows);
    });
    connect(m_installMissing, &QPushButton::clicked, this,
            [this] { m_actions->run(InstallActions::Operation::Install, missingRows()); });
    connect(session, &Session::stateChanged, this, &InstallPage::refreshApp);
    connect(actions, &InstallActions::runningChanged, this, &InstallPage::refreshCounts);

    // Counting 100,000 rows takes a millisecond or two; doing it per update
    // burst is still wasteful, so at most 4 times a second.
    m_countTimer.setSingleShot(true);
    m_countTimer.setInterval(250);
    connect(&m_countTimer, &QTimer::timeout, this, &InstallPage::refreshCounts);
    auto later = [this] {
        if (!m_countTimer.isActive())
            m_countTimer.start();
    };
    connect(model, &QAbstractItemModel::dataChanged, this, later);
    connect(model, &QAbstractItemModel::rowsInserted, this, later);
    connect(model, &QAbstractItemModel::modelReset, this, later);
    refreshApp();
    refreshCounts();
}

void InstallPage::refreshApp()
{
    const install::TeamsApp &app = m_session->app();
    if (m_session->isReady() && app.isValid()) {
        m_app->setText(
            tr("<b>%1</b> %2 — catalog id %3 (%4)")
                .arg(app.displayName.toHtmlEscaped(),
                     app.version.isEmpty() ? QString() : tr("version %1").arg(app.version.toHtmlEscaped()),
                     app.id.toHtmlEscaped(), app.distributionMethod.toHtmlEscaped()));
    } else if (m_session->state() == Session::State::SigningIn) {
        m_app->setText(tr("Looking up the app in the tenant catalog…"));
    } else if (m_session->state() == Session::State::Failed) {
        m_app->setText(
            tr("The app could not be looked up: %1").arg(m_session->errorString().toHtmlEscaped()));
    } else {
        m_app->setText(tr("Sign in to see the app."));
    }
    refreshCounts();
}

QList<int> InstallPage::missingRows() const
{
    QList<int> rows;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const auto state
            = InstallState(m_model->index(r, 0).data(RecipientTableModel::InstallStateRole).toInt());
        if (state == InstallState::NotInstalled || state == InstallState::Unknown)
            rows.append(r);
    }
    return rows;
}

void InstallPage::refreshCounts()
{
    const QList<int> counts = m_model->installStateCounts();
    const QLocale locale;
    QStringList parts;
    for (InstallState state : {InstallState::Installed, InstallState::NotInstalled, InstallState::Unknown,
                               InstallState::Blocked, InstallState::NotFound, InstallState::Error}) {
        if (counts.at(int(state)) > 0)
            parts.append(tr("%1: %2").arg(displayText(state), locale.toString(counts.at(int(state)))));
    }
    m_counts->setText(parts.isEmpty() ? tr("No recipients yet: choose them on the Recipients page.")
                                      : parts.join(QStringLiteral(" · ")));
    const bool idle = !m_actions->isRunning() && m_session->isReady();
    const int missing = counts.at(int(InstallState::NotInstalled)) + counts.at(int(InstallState::Unknown));
    m_installMissing->setEnabled(idle && missing > 0);
    m_installMissing->setText(missing > 0 ? tr("&Install where missing (%1)").arg(locale.toString(missing))
                                          : tr("&Install where missing"));
    m_check->setEnabled(idle && m_model->rowCount() > 0);
}

QString InstallPage::appText() const
{
    return m_app->text();
}

QString InstallPage::countsText() const
{
    return m_counts->text();
}

} // namespace herald::ui
