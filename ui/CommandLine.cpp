#include "CommandLine.h"

#include "core/Version.h"

#include <QCoreApplication>
#include <cstring>

namespace herald::ui {

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Herald"));
    QCoreApplication::setApplicationName(QStringLiteral("Herald"));
    QCoreApplication::setApplicationVersion(herald::versionString());
}

bool wantsInformationOnly(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const char *arg = argv[i];
        if (std::strcmp(arg, "--") == 0)
            break;
        for (const char *info : {"-h", "--help", "--help-all", "-v", "--version", "-?"}) {
            if (std::strcmp(arg, info) == 0)
                return true;
        }
    }
    return false;
}

CommandLine::CommandLine()
    : m_demo(QStringLiteral("demo"),
             QCoreApplication::translate("CommandLine",
                                         "Start a simulated tenant on this computer and use it instead of "
                                         "Microsoft 365. Nothing leaves the computer."))
    , m_screenshot(
          QStringLiteral("screenshot"),
          QCoreApplication::translate("CommandLine", "Save a picture of the window to <file> and quit."),
          QStringLiteral("file"))
    , m_tour(QStringLiteral("screenshot-tour"),
             QCoreApplication::translate("CommandLine",
                                         "With --demo: save pictures of the main screens to <dir> and quit."),
             QStringLiteral("dir"))
{
    m_parser.setApplicationDescription(
        QCoreApplication::translate("CommandLine",
                                    "Herald: install your organisation's Microsoft Teams bot and send "
                                    "announcements through it.\nFor scripting, use herald-cli."));
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    m_parser.addOption(m_demo);
    // Used to make the README screenshot and to time start-up; not a user feature.
    m_screenshot.setFlags(QCommandLineOption::HiddenFromHelp);
    m_parser.addOption(m_screenshot);
    m_tour.setFlags(QCommandLineOption::HiddenFromHelp);
    m_parser.addOption(m_tour);
}

GuiOptions CommandLine::process(const QCoreApplication &app)
{
    m_parser.process(app);
    GuiOptions options;
    options.demo = m_parser.isSet(m_demo);
    options.screenshotPath = m_parser.value(m_screenshot);
    options.tourDirectory = m_parser.value(m_tour);
    return options;
}

} // namespace herald::ui
