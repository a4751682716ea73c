// herald: the desktop front end. Everything it does lives in herald-ui.

#include "core/ProcessHardening.h"
#include "core/Translations.h"
#include "secrets/SecretStore.h"
#include "ui/CommandLine.h"
#include "ui/DemoSession.h"
#include "ui/Icons.h"
#include "ui/MainWindow.h"
#include "ui/Screenshot.h"
#include "ui/ScreenshotTour.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QTimer>
#include <memory>

namespace {
constexpr int kKeychainDrainMs = 5000;
}

int main(int argc, char *argv[])
{
    // Secrets and tokens live in this process: no core dumps of it.
    herald::hardenProcessAgainstCrashDumps();
    QElapsedTimer sinceStart;
    sinceStart.start();
    herald::ui::setApplicationIdentity();

    if (herald::ui::wantsInformationOnly(argc, argv)) {
        // --help and --version must work without a display.
        QCoreApplication app(argc, argv);
        herald::installTranslations();
        herald::ui::CommandLine().process(app); // prints and exits
        return 0;
    }

    // The in-process demo simulator logs every request at debug level; that
    // belongs in herald-sim's terminal, not here. QT_LOGGING_RULES still wins.
    QLoggingCategory::setFilterRules(QStringLiteral("herald.sim.debug=false"));

    QApplication app(argc, argv);
    // The user's language (LANGUAGE, LC_ALL, LANG) before any widget exists; English when there is no
    // translation.
    herald::installTranslations();
    QGuiApplication::setDesktopFileName(QStringLiteral("herald"));
    QApplication::setWindowIcon(herald::ui::icons::appIcon());
    const herald::ui::GuiOptions options = herald::ui::CommandLine().process(app);

    herald::ui::MainWindow window;
    std::unique_ptr<herald::ui::DemoSession> demo;
    if (options.demo) {
        demo = std::make_unique<herald::ui::DemoSession>();
        window.attachDemo(demo.get());
    } else {
        window.openLastProfile();
    }
    std::unique_ptr<herald::ui::Screenshot> screenshot;
    if (!options.screenshotPath.isEmpty())
        screenshot = std::make_unique<herald::ui::Screenshot>(&window, options.screenshotPath, demo.get(),
                                                              sinceStart);

    std::unique_ptr<herald::ui::ScreenshotTour> tour;
    if (!options.tourDirectory.isEmpty() && demo) {
        window.resize(1200, 760);
        tour = std::make_unique<herald::ui::ScreenshotTour>(&window, options.tourDirectory);
    }

    window.show();
    const int code = app.exec();
    // A refresh token rotated just before quitting may still be on its way
    // into the keychain. The window is closed by now; give the write a few
    // seconds (an unanswered unlock prompt must not keep Herald alive).
    if (herald::secrets::SecretStore::writesInFlight() > 0) {
        QEventLoop drain;
        QTimer::singleShot(kKeychainDrainMs, &drain, &QEventLoop::quit);
        herald::secrets::SecretStore::whenWritesDone(&drain, [&drain] { drain.quit(); });
        drain.exec();
    }
    return code;
}
