#include "DemoWindowTest.h"

#include "config/ConnectionSettings.h"
#include "ui/CommandLine.h"
#include "ui/Session.h"

#include <QDir>
#include <QStandardPaths>
#include <QtTest>

namespace herald::test {

namespace {

constexpr int kSignInTimeoutMs = 30000;

} // namespace

sim::SimOptions DemoWindowTest::smallTenant(int users, int teams, int groups)
{
    sim::SimOptions o = ui::DemoSession::defaultOptions();
    o.users = users;
    o.teams = teams;
    o.groups = groups;
    o.timeScale = 20;
    return o;
}

void DemoWindowTest::useTestEnvironment()
{
    QStandardPaths::setTestModeEnabled(true);
    ui::setApplicationIdentity();
}

void DemoWindowTest::removeData()
{
    QDir(config::ConnectionSettings::defaultDataDir()).removeRecursively();
}

bool DemoWindowTest::startDemoWindow(const sim::SimOptions &options)
{
    closeDemo();
    m_demo = std::make_unique<ui::DemoSession>(options);
    return reopenWindow();
}

bool DemoWindowTest::reopenWindow()
{
    m_window.reset();
    m_window = std::make_unique<ui::MainWindow>();
    m_window->attachDemo(m_demo.get());
    m_window->show();
    // Without a window manager (Xvfb) nobody activates a new window for us.
    m_window->activateWindow();
    if (!QTest::qWaitForWindowActive(m_window.get())) {
        qWarning("the main window never became active");
        return false;
    }
    if (!QTest::qWaitFor([this] { return m_window->session()->isReady(); }, kSignInTimeoutMs)) {
        qWarning("the demo session did not sign in within %d ms", kSignInTimeoutMs);
        return false;
    }
    return true;
}

void DemoWindowTest::closeDemo()
{
    m_window.reset();
    m_demo.reset();
}

} // namespace herald::test
