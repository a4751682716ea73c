#pragma once

// Base of the GUI suites that drive whole flows: a MainWindow attached to an
// in-process demo simulator, shown, active and signed in. No slots here: Qt
// Test would run a base class's private slots as test functions too.

#include "sim/SimServer.h"
#include "ui/DemoSession.h"
#include "ui/MainWindow.h"

#include <QObject>
#include <memory>

namespace herald::test {

class DemoWindowTest : public QObject
{
protected:
    // A tenant small enough for a test with the documented limits 20 times
    // faster, so a flow takes seconds, not minutes.
    static sim::SimOptions smallTenant(int users, int teams, int groups);

    // Test-mode QStandardPaths (~/.qttest) and the application identity
    // the GUI's QSettings use. Call from initTestCase().
    static void useTestEnvironment();
    // Removes the test-mode data directory (campaign journals).
    static void removeData();

    // Starts the simulator with `options`, then the window, and waits until
    // the session is signed in. False (with the reason in the test log) when
    // it does not get there: QVERIFY(startDemoWindow(...)).
    [[nodiscard]] bool startDemoWindow(const sim::SimOptions &options);
    // A new window on the demo that already runs (a restart of Herald).
    [[nodiscard]] bool reopenWindow();
    // Window first: it holds the session that talks to the simulator.
    void closeDemo();

    std::unique_ptr<ui::DemoSession> m_demo;
    std::unique_ptr<ui::MainWindow> m_window;
};

} // namespace herald::test
