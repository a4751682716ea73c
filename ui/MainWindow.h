#pragma once

#include "Pages.h"

#include <QMainWindow>

class QActionGroup;
class QListWidget;
class QStackedWidget;

namespace herald::ui {

class ActivityIndicator;
class DemoBanner;
class DemoSession;
class HeaderBar;

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
    // paint, so the simulator never delays the window. Not owned.
    void attachDemo(DemoSession *demo);

    int currentPage() const;
    void setCurrentPage(int index);
    int pageCount() const { return m_pageInfo.size(); }

    ActivityIndicator *activityIndicator() const { return m_activity; }

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void createCentralArea();
    void createMenus();
    void refreshIcons();
    void restoreSettings();
    void saveSettings() const;
    void showAbout();

    QList<PageInfo> m_pageInfo;
    DemoBanner *m_demoBanner = nullptr;
    HeaderBar *m_header = nullptr;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;
    QActionGroup *m_pageActions = nullptr;
    ActivityIndicator *m_activity = nullptr;
    bool m_painted = false;
};

} // namespace herald::ui
