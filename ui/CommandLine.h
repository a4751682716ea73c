#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>

class QCoreApplication;

namespace herald::ui {

// Organisation and application names (QSettings scope), version.
void setApplicationIdentity();

// True when argv asks only for --help or --version. main() answers those
// with a QCoreApplication, so they work without a display.
bool wantsInformationOnly(int argc, char **argv);

struct GuiOptions
{
    bool demo = false;
    QString screenshotPath; // hidden: grab the window after first paint, save, quit
    QString tourDirectory; // hidden: demo walk-through, one PNG per screen
};

class CommandLine
{
public:
    CommandLine();

    // Parses the application's arguments. --help, --version and usage errors
    // print and exit, as QCommandLineParser::process() does.
    GuiOptions process(const QCoreApplication &app);

private:
    QCommandLineParser m_parser;
    QCommandLineOption m_demo;
    QCommandLineOption m_screenshot;
    QCommandLineOption m_tour;
};

} // namespace herald::ui
