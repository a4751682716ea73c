#include "cli/CommandRegistry.h"

#include "cli/GlobalOptions.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>

namespace herald::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("herald::cli::CommandRegistry", text);
}

int editDistance(const QString &a, const QString &b)
{
    QList<int> previous(b.size() + 1), current(b.size() + 1);
    for (int j = 0; j <= b.size(); ++j)
        previous[j] = j;
    for (int i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (int j = 1; j <= b.size(); ++j) {
            const int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

} // namespace

QList<QCommandLineOption> CommandRegistry::allOptions(const CommandSpec &spec)
{
    QList<QCommandLineOption> options = spec.options;
    if (spec.groups.testFlag(OptionGroup::App))
        options += AppSelection::options();
    if (spec.groups.testFlag(OptionGroup::Recipients))
        options += RecipientSelection::options();
    return options;
}

bool CommandRegistry::add(CommandSpec spec, Factory factory, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    static const QRegularExpression namePattern(QStringLiteral("^[a-z][a-z-]*( [a-z][a-z-]*)?$"));
    if (!namePattern.match(spec.name).hasMatch())
        return fail(tr("command name '%1' must be one or two lower-case words").arg(spec.name));
    if (find(spec.name))
        return fail(tr("command '%1' is registered twice").arg(spec.name));
    if (!factory)
        return fail(tr("command '%1' has no factory").arg(spec.name));
    if (spec.needs.testFlag(Need::Recipients) && !spec.groups.testFlag(OptionGroup::Recipients))
        return fail(
            tr("command '%1' needs recipients but does not take the recipient options").arg(spec.name));
    if (spec.needs.testFlag(Need::App) && !spec.groups.testFlag(OptionGroup::App))
        return fail(tr("command '%1' needs an app but does not take --app").arg(spec.name));

    QSet<QString> taken;
    for (const QCommandLineOption &option : GlobalOptions::options()) {
        for (const QString &name : option.names())
            taken.insert(name);
    }
    for (const QCommandLineOption &option : allOptions(spec)) {
        for (const QString &name : option.names()) {
            if (taken.contains(name))
                return fail(tr("command '%1': option --%2 is defined twice or clashes with a global option")
                                .arg(spec.name, name));
            taken.insert(name);
        }
    }
    m_entries.push_back({std::move(spec), std::move(factory)});
    return true;
}

const CommandSpec *CommandRegistry::find(const QString &name) const
{
    for (const Entry &entry : m_entries) {
        if (entry.spec.name == name)
            return &entry.spec;
    }
    return nullptr;
}

const CommandSpec *CommandRegistry::match(const QStringList &words, int *consumed) const
{
    // Longest first: "app find" before a hypothetical "app".
    if (words.size() >= 2) {
        if (const CommandSpec *spec = find(words[0] + QLatin1Char(' ') + words[1])) {
            *consumed = 2;
            return spec;
        }
    }
    if (!words.isEmpty()) {
        if (const CommandSpec *spec = find(words[0])) {
            *consumed = 1;
            return spec;
        }
    }
    *consumed = 0;
    return nullptr;
}

QList<const CommandSpec *> CommandRegistry::specs() const
{
    QList<const CommandSpec *> result;
    for (const Entry &entry : m_entries)
        result.append(&entry.spec);
    return result;
}

std::unique_ptr<Command> CommandRegistry::create(const QString &name) const
{
    for (const Entry &entry : m_entries) {
        if (entry.spec.name == name)
            return entry.factory();
    }
    return nullptr;
}

QStringList CommandRegistry::suggestions(const QString &word) const
{
    QStringList result;
    for (const Entry &entry : m_entries) {
        const QString &name = entry.spec.name;
        const QString first = name.section(QLatin1Char(' '), 0, 0);
        const QString last = name.section(QLatin1Char(' '), -1);
        const int limit = word.size() <= 4 ? 1 : 2;
        if (editDistance(word, name) <= limit || editDistance(word, first) <= limit
            || (first != last && editDistance(word, last) <= limit))
            result.append(name);
    }
    return result;
}

QStringList CommandRegistry::subcommands(const QString &word) const
{
    QStringList result;
    for (const Entry &entry : m_entries) {
        if (entry.spec.name.startsWith(word + QLatin1Char(' ')))
            result.append(entry.spec.name);
    }
    return result;
}

} // namespace herald::cli
