#include "cli/CommandInput.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

namespace herald::cli {

namespace {
// lupdate files a tr() outside a class under the enclosing namespace: same context here.
QString tr(const char *text)
{
    return QCoreApplication::translate("herald::cli", text);
}

QString fileProblem(const QString &option, const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return tr("%1 %2: no such file").arg(option, path);
    if (!info.isFile())
        return tr("%1 %2: not a regular file").arg(option, path);
    if (!info.isReadable())
        return tr("%1 %2: not readable (check its permissions)").arg(option, path);
    return {};
}
} // namespace

QList<QCommandLineOption> RecipientSelection::options()
{
    return {
        {QStringLiteral("user"), tr("One user: UPN or object id (repeatable)."), QStringLiteral("UPN_OR_ID")},
        {QStringLiteral("users"),
         tr("CSV with a header naming id, userPrincipalName or mail (other columns become template data), "
            "or one UPN/id per line."),
         QStringLiteral("FILE")},
        {QStringLiteral("group"), tr("Every user in the group, nested groups included."),
         QStringLiteral("ID")},
        {QStringLiteral("all-users"), tr("Every user in the tenant.")},
        {QStringLiteral("team"), tr("A team (repeatable)."), QStringLiteral("ID")},
        {QStringLiteral("teams"), tr("One team id per line."), QStringLiteral("FILE")},
    };
}

RecipientSelection RecipientSelection::fromParser(const QCommandLineParser &parser)
{
    RecipientSelection r;
    r.users = parser.values(QStringLiteral("user"));
    r.usersFile = parser.value(QStringLiteral("users"));
    r.group = parser.value(QStringLiteral("group"));
    r.allUsers = parser.isSet(QStringLiteral("all-users"));
    r.teams = parser.values(QStringLiteral("team"));
    r.teamsFile = parser.value(QStringLiteral("teams"));
    for (const QString &name : {QStringLiteral("users"), QStringLiteral("group"), QStringLiteral("teams")}) {
        if (parser.values(name).size() > 1)
            r.repeated << name;
    }
    return r;
}

QStringList RecipientSelection::problems() const
{
    QStringList result;
    for (const QString &name : repeated) {
        result << tr("--%1 can be given only once; run once per %2, or put everyone in one --users file")
                      .arg(name, name == QLatin1String("group") ? tr("group") : tr("file"));
    }
    if (!usersFile.isEmpty()) {
        if (const QString p = fileProblem(QStringLiteral("--users"), usersFile); !p.isEmpty())
            result << p;
    }
    if (!teamsFile.isEmpty()) {
        if (const QString p = fileProblem(QStringLiteral("--teams"), teamsFile); !p.isEmpty())
            result << p;
    }
    for (const QString &user : users) {
        if (user.trimmed().isEmpty())
            result << tr("--user needs a UPN or object id, not an empty value");
    }
    for (const QString &team : teams) {
        if (team.trimmed().isEmpty())
            result << tr("--team needs a team id, not an empty value");
    }
    return result;
}

QList<QCommandLineOption> AppSelection::options()
{
    return {
        {QStringLiteral("app"), tr("The app's catalog id (teamsAppId), as printed by 'app find'."),
         QStringLiteral("TEAMS_APP_ID")},
        {QStringLiteral("app-external-id"),
         tr("The app's manifest id instead of --app; resolved through the tenant catalog."),
         QStringLiteral("ID")},
    };
}

AppSelection AppSelection::fromParser(const QCommandLineParser &parser)
{
    return {parser.value(QStringLiteral("app")), parser.value(QStringLiteral("app-external-id"))};
}

CommandInput::CommandInput(const QCommandLineParser &parser, const QList<QCommandLineOption> &options)
{
    for (const QCommandLineOption &option : options) {
        const QString name = option.names().constFirst();
        if (parser.isSet(name))
            m_values.insert(name, parser.values(name));
    }
}

QString CommandInput::value(const QString &option) const
{
    const QStringList list = m_values.value(option);
    return list.isEmpty() ? QString() : list.constLast();
}

} // namespace herald::cli
