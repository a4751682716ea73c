#pragma once

// The global options of CLI.md ("Global options") and how they turn into
// ConnectionSettings. Precedence: command line > environment > profile.

#include "cli/RecordWriter.h"
#include "config/ConnectionSettings.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

class QCommandLineParser;

namespace herald::cli {

// The seam for stored profiles (a later ProfileStore): the settings saved
// under `name`, or nullopt with *error saying why there are none.
using ProfileLookup
    = std::function<std::optional<config::ConnectionSettings>(const QString &name, QString *error)>;
// Knows only the built-in "default" profile (empty settings).
ProfileLookup builtinProfiles();
// Profiles saved in a config::ProfileStore (fileName empty = its default
// file); "default" is empty settings while nothing is saved under that name.
ProfileLookup storedProfiles(const QString &fileName = QString());

struct GlobalOptions
{
    config::ConnectionSettings settings;
    OutputFormat format = OutputFormat::Table;
    bool quiet = false;
    bool verbose = false;
    bool demo = false;
    bool help = false;
    bool version = false;

    // Every global option, hidden ones included.
    static QList<QCommandLineOption> options();
    // Names of the options that take a value (for finding the command word).
    static QStringList valueOptionNames();

    struct HelpGroup
    {
        QString title;
        QStringList names; // first names of the options, in display order
    };
    static QList<HelpGroup> helpGroups();

    // Reads the global options. Problems (bad --format, http:// to a remote
    // host, unknown profile...) are appended to *problems, one sentence each.
    static GlobalOptions fromParser(const QCommandLineParser &parser, const QProcessEnvironment &env,
                                    const ProfileLookup &profiles, QStringList *problems);
    // The context lupdate gives this struct's tr() calls.
    Q_DECLARE_TR_FUNCTIONS(herald::cli::GlobalOptions)
};

} // namespace herald::cli
