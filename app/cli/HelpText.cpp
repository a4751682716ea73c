#include "cli/HelpText.h"

#include "cli/GlobalOptions.h"
#include "core/Version.h"

#include <QCoreApplication>
#include <QStringList>
#include <algorithm>

namespace herald::cli {

namespace {

// lupdate files a tr() outside a class under the enclosing namespace: same context here.
QString tr(const char *text)
{
    return QCoreApplication::translate("herald::cli", text);
}

QString optionLabel(const QCommandLineOption &option)
{
    QStringList names;
    for (const QString &name : option.names())
        names << (name.size() == 1 ? QLatin1Char('-') + name : QLatin1String("--") + name);
    QString label = names.join(QLatin1String(", "));
    if (!option.valueName().isEmpty())
        label += QLatin1Char(' ') + option.valueName();
    return label;
}

const QCommandLineOption *findOption(const QList<QCommandLineOption> &options, const QString &name)
{
    for (const QCommandLineOption &option : options) {
        if (option.names().contains(name))
            return &option;
    }
    return nullptr;
}

QString exitCodes()
{
    return HelpText::rows({
        {QStringLiteral("0"), tr("every recipient reached a success state")},
        {QStringLiteral("1"), tr("the command ran, but some recipients failed or are unconfirmed")},
        {QStringLiteral("2"), tr("usage or configuration error (the message says what to fix)")},
        {QStringLiteral("3"), tr("authentication or permission error")},
        {QStringLiteral("4"), tr("interrupted (Ctrl-C, SIGTERM); a second Ctrl-C quits at once")},
    });
}

} // namespace

QString HelpText::wrap(const QString &text, int width, int indent)
{
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QString result;
    int column = indent;
    bool first = true;
    for (const QString &word : words) {
        if (!first && column + 1 + word.size() > width) {
            result += QLatin1Char('\n') + QString(indent, QLatin1Char(' '));
            column = indent;
            first = true;
        }
        if (!first) {
            result += QLatin1Char(' ');
            ++column;
        }
        result += word;
        column += int(word.size());
        first = false;
    }
    return result;
}

QString HelpText::rows(const QList<QPair<QString, QString>> &rows, int leftWidth)
{
    int left = leftWidth;
    if (left <= 0) {
        for (const auto &row : rows) {
            if (row.first.size() <= kMaxLeftWidth)
                left = std::max(left, int(row.first.size()));
        }
    }
    const int indent = 2 + left + 2;
    QString result;
    for (const auto &row : rows) {
        result += QLatin1String("  ") + row.first;
        if (row.first.size() > left) {
            // Too long to share a line: description on the next one.
            result += QLatin1Char('\n') + QString(indent, QLatin1Char(' '));
        } else {
            result += QString(left - row.first.size() + 2, QLatin1Char(' '));
        }
        result += wrap(row.second, kWidth, indent) + QLatin1Char('\n');
    }
    return result;
}

QString HelpText::optionRows(const QList<QCommandLineOption> &options, int leftWidth)
{
    QList<QPair<QString, QString>> list;
    for (const QCommandLineOption &option : options) {
        if (!option.flags().testFlag(QCommandLineOption::HiddenFromHelp))
            list.append({optionLabel(option), option.description()});
    }
    return rows(list, leftWidth);
}

int HelpText::labelWidth(const QList<QCommandLineOption> &options)
{
    int width = 0;
    for (const QCommandLineOption &option : options) {
        const int size = int(optionLabel(option).size());
        if (size <= kMaxLeftWidth && !option.flags().testFlag(QCommandLineOption::HiddenFromHelp))
            width = std::max(width, size);
    }
    return width;
}

QString HelpText::version()
{
    return QStringLiteral("herald-cli %1\n").arg(herald::versionString());
}

QString HelpText::general(const CommandRegistry &registry)
{
    QString text;
    text += tr("herald-cli %1 - find, install and message your organisation's Teams bot\n")
                .arg(herald::versionString());
    text += QLatin1Char('\n') + tr("Usage:") + QLatin1Char('\n');
    text += QLatin1String("  herald-cli [GLOBAL OPTIONS] COMMAND [OPTIONS]\n"
                          "  herald-cli COMMAND --help\n"
                          "  herald-cli --demo [COMMAND [OPTIONS]]\n");

    text += QLatin1Char('\n') + tr("Commands:") + QLatin1Char('\n');
    const QList<QCommandLineOption> globals = GlobalOptions::options();
    const int left = labelWidth(globals);
    QList<QPair<QString, QString>> commands;
    for (const CommandSpec *spec : registry.specs())
        commands.append({spec->name, spec->summary});
    if (commands.isEmpty())
        text += QLatin1String("  ") + tr("(none in this build)") + QLatin1Char('\n');
    else
        text += rows(commands, left);

    for (const GlobalOptions::HelpGroup &group : GlobalOptions::helpGroups()) {
        QList<QCommandLineOption> options;
        for (const QString &name : group.names) {
            if (const QCommandLineOption *option = findOption(globals, name))
                options.append(*option);
        }
        text += QLatin1Char('\n') + tr("%1 options:").arg(group.title) + QLatin1Char('\n');
        text += optionRows(options, left);
    }

    text += QLatin1Char('\n') + tr("Secrets:") + QLatin1Char('\n');
    text += QLatin1String("  ")
        + wrap(tr("never on the command line. Set HERALD_CLIENT_SECRET (and HERALD_BOT_SECRET when the "
                  "bot is a different app) in the environment, or use --cert FILE."),
               kWidth, 2)
        + QLatin1Char('\n');

    text += QLatin1Char('\n') + tr("Examples:") + QLatin1Char('\n');
    text += QLatin1String("  herald-cli --demo\n");
    int shown = 0;
    for (const CommandSpec *spec : registry.specs()) {
        if (!spec->examples.isEmpty() && shown < 3) {
            text += QLatin1String("  herald-cli ") + spec->examples.constFirst() + QLatin1Char('\n');
            ++shown;
        }
    }

    text += QLatin1Char('\n') + tr("Exit codes:") + QLatin1Char('\n') + exitCodes();
    text += QLatin1Char('\n') + tr("Run 'herald-cli COMMAND --help' for the options of a command.")
        + QLatin1Char('\n');
    return text;
}

QString HelpText::command(const CommandSpec &spec)
{
    QString text;
    text += tr("Usage: herald-cli [GLOBAL OPTIONS] %1").arg(spec.name);
    if (!spec.synopsis.isEmpty())
        text += QLatin1Char(' ') + spec.synopsis;
    text += QLatin1String("\n\n") + wrap(spec.summary, kWidth, 0) + QLatin1Char('\n');
    if (!spec.description.isEmpty()) {
        for (const QString &paragraph : spec.description.split(QLatin1String("\n\n")))
            text += QLatin1Char('\n') + wrap(paragraph.simplified(), kWidth, 0) + QLatin1Char('\n');
    }

    const int left = labelWidth(CommandRegistry::allOptions(spec));
    if (!spec.options.isEmpty())
        text += QLatin1Char('\n') + tr("Options:") + QLatin1Char('\n') + optionRows(spec.options, left);
    if (spec.groups.testFlag(OptionGroup::App)) {
        text += QLatin1Char('\n')
            + (spec.needs.testFlag(Need::App) ? tr("App (one of, required):") : tr("App (one of):"))
            + QLatin1Char('\n') + optionRows(AppSelection::options(), left);
    }
    if (spec.groups.testFlag(OptionGroup::Recipients)) {
        text += QLatin1Char('\n')
            + (spec.needs.testFlag(Need::Recipients) ? tr("Recipients (any mix, at least one; deduplicated):")
                                                     : tr("Recipients (any mix; deduplicated):"))
            + QLatin1Char('\n') + optionRows(RecipientSelection::options(), left);
    }
    if (!spec.states.isEmpty()) {
        text += QLatin1Char('\n') + tr("Record states:") + QLatin1Char('\n');
        text += QLatin1String("  ") + wrap(spec.states.join(QLatin1String(", ")), kWidth, 2)
            + QLatin1Char('\n');
        text += QLatin1String("  ")
            + wrap(tr("Records go to stdout (--format table|csv|json); progress and the summary to stderr."),
                   kWidth, 2)
            + QLatin1Char('\n');
    }
    if (!spec.examples.isEmpty()) {
        text += QLatin1Char('\n') + tr("Examples:") + QLatin1Char('\n');
        for (const QString &example : spec.examples)
            text += QLatin1String("  herald-cli ") + example + QLatin1Char('\n');
    }
    text += QLatin1Char('\n')
        + tr("Global options (--tenant, --format, --quiet, ...): see 'herald-cli --help'.")
        + QLatin1Char('\n');
    return text;
}

} // namespace herald::cli
