#pragma once

// The texts of `herald-cli --help` and `herald-cli COMMAND --help`: grouped
// options, the command list with one-line summaries, examples, exit codes.

#include "cli/CommandRegistry.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>

namespace herald::cli {

class HelpText
{
public:
    static constexpr int kWidth = 80;

    static QString general(const CommandRegistry &registry);
    static QString command(const CommandSpec &spec);
    static QString version();

    // "  --format FORMAT   description wrapped under itself"
    // `leftWidth` 0 = as wide as the widest label (up to kMaxLeftWidth); pass
    // a width to align several sections with each other.
    static QString optionRows(const QList<QCommandLineOption> &options, int leftWidth = 0);
    static QString rows(const QList<QPair<QString, QString>> &rows, int leftWidth = 0);
    static int labelWidth(const QList<QCommandLineOption> &options);
    static constexpr int kMaxLeftWidth = 26;
    static QString wrap(const QString &text, int width, int indent);
    // The context lupdate gives this struct's tr() calls.
    Q_DECLARE_TR_FUNCTIONS(herald::cli::HelpText)
};

} // namespace herald::cli
