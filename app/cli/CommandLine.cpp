#include "cli/CommandLine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSet>

namespace herald::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("herald::cli::CommandLine", text);
}

const QString kGeneralHint = QStringLiteral("herald-cli --help");

QString commandHint(const CommandSpec &spec)
{
    return QStringLiteral("herald-cli %1 --help").arg(spec.name);
}

// QCommandLineParser's texts end with a period and use its own quoting; keep
// them but drop the trailing period so our hint can follow on its own line.
QString parserError(const QCommandLineParser &parser)
{
    QString text = parser.errorText();
    if (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    if (!text.isEmpty())
        text[0] = text[0].toLower();
    return text;
}

} // namespace

CommandLine::CommandLine(const CommandRegistry &registry, QProcessEnvironment env, ProfileLookup profiles)
    : m_registry(registry)
    , m_env(std::move(env))
    , m_profiles(std::move(profiles))
{
}

QList<int> CommandLine::commandWordIndexes(const QStringList &arguments) const
{
    // Any option that takes a value in some context swallows the next word,
    // so "--app X status" does not read X as the command.
    QSet<QString> valueOptions;
    for (const QString &name : GlobalOptions::valueOptionNames())
        valueOptions.insert(name);
    for (const CommandSpec *spec : m_registry.specs()) {
        for (const QCommandLineOption &option : CommandRegistry::allOptions(*spec)) {
            if (!option.valueName().isEmpty()) {
                for (const QString &name : option.names())
                    valueOptions.insert(name);
            }
        }
    }

    QList<int> words;
    for (int i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments[i];
        if (arg == QLatin1String("--")) {
            for (int j = i + 1; j < arguments.size(); ++j)
                words.append(j);
            break;
        }
        if (arg.startsWith(QLatin1Char('-')) && arg.size() > 1) {
            if (arg.contains(QLatin1Char('=')))
                continue;
            QString name = arg.mid(arg.startsWith(QLatin1String("--")) ? 2 : 1);
            if (valueOptions.contains(name))
                ++i;
            continue;
        }
        words.append(i);
    }
    return words;
}

QString CommandLine::unknownCommandMessage(const QString &word) const
{
    const QStringList subs = m_registry.subcommands(word);
    if (!subs.isEmpty())
        return tr("'%1' needs a subcommand: %2").arg(word, subs.join(QLatin1String(", ")));
    const QStringList close = m_registry.suggestions(word);
    if (!close.isEmpty())
        return tr("unknown command '%1' (did you mean '%2'?)").arg(word, close.join(QLatin1String("', '")));
    return tr("unknown command '%1'").arg(word);
}

ParseResult CommandLine::parse(const QStringList &arguments) const
{
    ParseResult result;
    result.helpHint = kGeneralHint;

    const QList<int> wordIndexes = commandWordIndexes(arguments);
    QStringList words;
    for (int index : wordIndexes)
        words.append(arguments.at(index));
    // "herald-cli help [COMMAND]" reads as "--help".
    QStringList parseArgs = arguments;
    bool helpWord = false;
    if (!words.isEmpty() && words.constFirst() == QLatin1String("help")) {
        helpWord = true;
        words.removeFirst();
        parseArgs.removeAt(wordIndexes.constFirst());
    }

    int consumed = 0;
    const CommandSpec *spec = m_registry.match(words, &consumed);

    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOptions(GlobalOptions::options());
    if (spec) {
        parser.addOptions(CommandRegistry::allOptions(*spec));
        result.helpHint = commandHint(*spec);
    }
    if (!parser.parse(parseArgs)) {
        result.error = parserError(parser);
        return result;
    }

    QStringList problems;
    Invocation &inv = result.invocation;
    inv.global = GlobalOptions::fromParser(parser, m_env, m_profiles, &problems);
    inv.command = spec;

    // Help and version answer whatever else is on the line (but a typo in
    // the command name is still worth saying).
    if (inv.global.version) {
        inv.action = Invocation::Action::Version;
        result.ok = true;
        return result;
    }
    if (inv.global.help || helpWord) {
        if (!words.isEmpty() && !spec) {
            result.error = unknownCommandMessage(words.constFirst());
            return result;
        }
        inv.action = spec ? Invocation::Action::CommandHelp : Invocation::Action::GeneralHelp;
        result.ok = true;
        return result;
    }

    if (!spec) {
        if (!words.isEmpty()) {
            result.error = unknownCommandMessage(words.constFirst());
            return result;
        }
        if (!inv.global.demo) {
            result.error = tr("no command given: name one of the commands listed by --help");
            return result;
        }
    }
    if (spec && words.size() > consumed) {
        result.error = tr("unexpected argument '%1' for '%2'").arg(words.at(consumed), spec->name);
        return result;
    }
    if (!problems.isEmpty()) {
        result.error = problems.join(QLatin1String("; "));
        return result;
    }
    if (!spec) {
        inv.action = Invocation::Action::DemoScenario;
        result.ok = true;
        return result;
    }

    inv.action = Invocation::Action::Run;
    inv.input = CommandInput(parser, spec->options);
    if (spec->groups.testFlag(OptionGroup::Recipients)) {
        inv.input.recipients = RecipientSelection::fromParser(parser);
        problems += inv.input.recipients.problems();
    }
    if (spec->groups.testFlag(OptionGroup::App))
        inv.input.app = AppSelection::fromParser(parser);

    if (spec->needs.testFlag(Need::App)) {
        if (inv.input.app.isEmpty())
            problems
                << tr("%1 needs the app: give --app TEAMS_APP_ID or --app-external-id ID").arg(spec->name);
        else if (!inv.input.app.teamsAppId.isEmpty() && !inv.input.app.externalId.isEmpty())
            problems << tr("give either --app or --app-external-id, not both");
    }
    if (spec->needs.testFlag(Need::Recipients) && inv.input.recipients.isEmpty())
        problems << tr("%1 needs recipients: give --user, --users FILE, --group ID, --all-users, --team or "
                       "--teams FILE")
                        .arg(spec->name);
    if (problems.isEmpty() && spec->validate) {
        if (const QString problem = spec->validate(inv.input); !problem.isEmpty())
            problems << problem;
    }
    if (!problems.isEmpty()) {
        result.error = problems.join(QLatin1String("; "));
        return result;
    }
    result.ok = true;
    return result;
}

} // namespace herald::cli
