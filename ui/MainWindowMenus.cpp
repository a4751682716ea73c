// MainWindow's menu bar: every page and action with a keyboard shortcut.

#include "InstallActions.h"
#include "MainWindow.h"
#include "ProfileOpener.h"
#include "RecipientTableView.h"
#include "RecipientsPage.h"
#include "Session.h"
#include "UserSearchBox.h"
#include "Workspace.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QTableView>
#include <iterator>

namespace herald::ui {

namespace {
QAction *menuAction(QMenu *menu, const QString &text, const QString &name, const QKeySequence &shortcut = {})
{
    QAction *action = menu->addAction(text);
    action->setObjectName(name);
    if (!shortcut.isEmpty())
        action->setShortcut(shortcut);
    return action;
}
} // namespace

void MainWindow::createMenus()
{
    InstallActions *actions = m_workspace->actions();
    RecipientTableView *table = m_workspace->table();

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *profiles = menuAction(file, tr("&Profiles…"), QStringLiteral("actionProfiles"),
                                   QKeySequence(Qt::CTRL | Qt::Key_Comma));
    profiles->setStatusTip(
        tr("Create and edit connection profiles, store their secrets, sign in, run checks"));
    connect(profiles, &QAction::triggered, m_profiles, &ProfileOpener::showProfiles);
    QAction *app = menuAction(file, tr("Teams &App…"), QStringLiteral("actionTeamsApp"));
    app->setStatusTip(tr("Which Teams app (bot) this profile installs and sends with"));
    connect(app, &QAction::triggered, m_profiles, &ProfileOpener::askAppId);
    auto enableApp = [this, app] {
        app->setEnabled(!session()->profile().demo && !session()->profile().name.isEmpty());
    };
    connect(session(), &Session::stateChanged, app, enableApp);
    enableApp();
    QAction *signIn = menuAction(file, tr("&Sign In Again"), QStringLiteral("actionSignIn"),
                                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    connect(signIn, &QAction::triggered, session(), &Session::signIn);
    file->addSeparator();
    QAction *import = menuAction(file, tr("&Import CSV…"), QStringLiteral("actionImportCsv"),
                                 QKeySequence(Qt::CTRL | Qt::Key_O));
    connect(import, &QAction::triggered, m_recipients, &RecipientsPage::chooseCsv);
    file->addAction(actions->exportAction());
    file->addSeparator();
    QAction *quit
        = menuAction(file, tr("&Quit"), QStringLiteral("actionQuit"), QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);
    // close() rather than quit(): closing saves the window's settings and
    // asks first when a send is running.
    connect(quit, &QAction::triggered, this, &QWidget::close);
    auto enableWithSession = [this, signIn, import] {
        signIn->setEnabled(session()->state() != Session::State::NoProfile);
        import->setEnabled(session()->isReady());
    };
    connect(session(), &Session::stateChanged, this, enableWithSession);
    enableWithSession();

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(actions->copyAction());
    QAction *selectAll
        = menuAction(edit, tr("Select &All"), QStringLiteral("actionSelectAll"), QKeySequence::SelectAll);
    connect(selectAll, &QAction::triggered, table->view(), &QTableView::selectAll);
    QAction *find
        = menuAction(edit, tr("&Filter Recipients"), QStringLiteral("actionFind"), QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this, table] {
        if (currentPage() != pageIndex(QStringLiteral("recipients"))
            && currentPage() != pageIndex(QStringLiteral("install")))
            setCurrentPage(pageIndex(QStringLiteral("recipients")));
        table->filterEdit()->setFocus(Qt::ShortcutFocusReason);
        table->filterEdit()->selectAll();
    });
    edit->addAction(actions->removeAction());

    QMenu *recipients = menuBar()->addMenu(tr("&Recipients"));
    auto onRecipients = [this](auto step) {
        return [this, step] {
            setCurrentPage(pageIndex(QStringLiteral("recipients")));
            step();
        };
    };
    QAction *search = menuAction(recipients, tr("&Search People"), QStringLiteral("actionSearch"),
                                 QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(search, &QAction::triggered, this, onRecipients([this] {
                m_recipients->searchBox()->setFocus(Qt::ShortcutFocusReason);
                m_recipients->searchBox()->selectAll();
            }));
    QAction *team = menuAction(recipients, tr("Add &Team…"), QStringLiteral("actionAddTeam"),
                               QKeySequence(Qt::CTRL | Qt::Key_T));
    connect(team, &QAction::triggered, this, onRecipients([this] { m_recipients->chooseTeams(); }));
    QAction *group = menuAction(recipients, tr("Add &Group…"), QStringLiteral("actionAddGroup"),
                                QKeySequence(Qt::CTRL | Qt::Key_G));
    connect(group, &QAction::triggered, this, onRecipients([this] { m_recipients->chooseGroups(); }));
    QAction *all = menuAction(recipients, tr("Add &All Users…"), QStringLiteral("actionAllUsers"),
                              QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    connect(all, &QAction::triggered, this, onRecipients([this] { m_recipients->askAllUsers(); }));
    for (QAction *a : {team, group, all, search}) {
        a->setEnabled(session()->isReady());
        connect(session(), &Session::stateChanged, a, [this, a] { a->setEnabled(session()->isReady()); });
    }
    recipients->addSeparator();
    recipients->addAction(actions->checkStatusAction());
    recipients->addAction(actions->installAction());
    recipients->addAction(actions->upgradeAction());
    recipients->addAction(actions->uninstallAction());
    QAction *cancel = menuAction(recipients, tr("&Cancel Operation"), QStringLiteral("actionCancel"),
                                 QKeySequence(Qt::CTRL | Qt::Key_Period));
    cancel->setEnabled(false);
    connect(cancel, &QAction::triggered, actions, &InstallActions::cancel);
    connect(actions, &InstallActions::runningChanged, cancel, &QAction::setEnabled);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_pageActions = new QActionGroup(this);
    m_pageActions->setExclusive(true);
    static const Qt::Key digits[]
        = {Qt::Key_1, Qt::Key_2, Qt::Key_3, Qt::Key_4, Qt::Key_5, Qt::Key_6, Qt::Key_7, Qt::Key_8, Qt::Key_9};
    for (int i = 0; i < m_pageInfo.size(); ++i) {
        QAction *action = view->addAction(m_pageInfo.at(i).title);
        action->setObjectName(QStringLiteral("actionPage_%1").arg(m_pageInfo.at(i).id));
        action->setCheckable(true);
        if (i < int(std::size(digits))) {
            action->setShortcut(QKeySequence(Qt::CTRL | digits[i]));
            m_navigation->item(i)->setToolTip(tr("%1 (%2)").arg(
                m_pageInfo.at(i).title, action->shortcut().toString(QKeySequence::NativeText)));
        }
        m_pageActions->addAction(action);
        connect(action, &QAction::triggered, this, [this, i] { setCurrentPage(i); });
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = menuAction(help, tr("&About Herald"), QStringLiteral("actionAbout"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
    QAction *aboutQt = menuAction(help, tr("About &Qt"), QStringLiteral("actionAboutQt"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

} // namespace herald::ui
