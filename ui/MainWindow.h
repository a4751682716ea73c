#pragma once

#include "Pages.h"

#include <QMainWindow>

class QAction;
class QActionGroup;
class QListWidget;
class QStackedWidget;

namespace herald::ui {

class ActivityIndicator;
class DemoBanner;
class ComposerPage;
class DemoSession;
class HeaderBar;
class HistoryPage;
class InstallPage;
class ProfileOpener;
class SendPage;
class RecipientsPage;
class Session;
class TestSendAction;
class Workspace;

class MainWindow : public QMainWindow
{
    Q_OBJECT

signals:
    // Emitted once, after the window's first frame has been painted.
    void firstPainted();

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Shows the demo banner now and starts `demo` right after the first
    // paint, so the simulator never delays the window; when it runs, the
    // session signs in to it. Not owned.
    void attachDemo(DemoSession *demo);

    int currentPage() const;
    void setCurrentPage(int index);
    int pageCount() const { return int(m_pageInfo.size()); }
    int pageIndex(const QString &id) const;
    // Puts `page` in place of the page `id` (the composer's slot). Takes ownership.
    void replacePage(const QString &id, QWidget *page);

    ActivityIndicator *activityIndicator() const { return m_activity; }
    Workspace *workspace() const { return m_workspace; }
    Session *session() const;
    RecipientsPage *recipientsPage() const { return m_recipients; }
    InstallPage *installPage() const { return m_install; }
    SendPage *sendPage() const { return m_send; }
    HistoryPage *historyPage() const { return m_history; }
    ComposerPage *composerPage() const { return m_composer; }
    TestSendAction *testSendAction() const { return m_testSend; }
    // Outside the demo: opens the profile used last time (if any).
    void openLastProfile();
    ProfileOpener *profiles() const { return m_profiles; }
    // A menu action by object name ("actionProfiles"), for tests and the menus.
    QAction *action(const QString &name) const;

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void createCentralArea();
    void createPages();
    QWidget *createComposer();
    void createMenus(); // MainWindowMenus.cpp
    void refreshIcons();
    void refreshSession();
    // Tab follows the layout (navigation, then the page, then the table); queued
    // so a burst of new widgets (chips, card buttons) reorders once.
    void scheduleTabOrder();
    void focusPage(int index);
    void restoreSettings();
    void saveSettings() const;
    void showAbout();

    QList<PageInfo> m_pageInfo;
    Workspace *m_workspace = nullptr;
    DemoBanner *m_demoBanner = nullptr;
    HeaderBar *m_header = nullptr;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;
    QActionGroup *m_pageActions = nullptr;
    ActivityIndicator *m_activity = nullptr;
    RecipientsPage *m_recipients = nullptr;
    InstallPage *m_install = nullptr;
    SendPage *m_send = nullptr;
    HistoryPage *m_history = nullptr;
    ComposerPage *m_composer = nullptr;
    TestSendAction *m_testSend = nullptr;
    bool m_closeAfterStop = false;
    ProfileOpener *m_profiles = nullptr;
    bool m_painted = false;
    bool m_tabOrderQueued = false;
};

} // namespace herald::ui
