#pragma once

// What the user asked a command to do: its own option values plus the
// reusable option groups (recipients, app), already checked for syntax.

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

class QCommandLineParser;

namespace herald::cli {

// CLI.md "Recipients": any mix. Files are checked to be readable; their
// content is read by the command (directory/ parses them).
struct RecipientSelection
{
    QStringList users; // --user, repeatable, in the order given
    QString usersFile; // --users FILE
    QString group; // --group ID
    bool allUsers = false;
    QStringList teams; // --team, repeatable
    QString teamsFile; // --teams FILE
    // Single-valued options given more than once ("--group"): refused, never
    // silently reduced to the last one.
    QStringList repeated;

    bool isEmpty() const
    {
        return users.isEmpty() && usersFile.isEmpty() && group.isEmpty() && !allUsers && teams.isEmpty()
            && teamsFile.isEmpty();
    }

    static QList<QCommandLineOption> options();
    static RecipientSelection fromParser(const QCommandLineParser &parser);
    // A sentence for each unreadable file; empty when all is well.
    QStringList problems() const;
    // The context lupdate gives this struct's tr() calls.
    Q_DECLARE_TR_FUNCTIONS(herald::cli::RecipientSelection)
};

// --app TEAMS_APP_ID or --app-external-id ID (resolved through the catalog).
struct AppSelection
{
    QString teamsAppId;
    QString externalId;

    bool isEmpty() const { return teamsAppId.isEmpty() && externalId.isEmpty(); }

    static QList<QCommandLineOption> options();
    static AppSelection fromParser(const QCommandLineParser &parser);
    // The context lupdate gives this struct's tr() calls.
    Q_DECLARE_TR_FUNCTIONS(herald::cli::AppSelection)
};

class CommandInput
{
public:
    CommandInput() = default;
    // Values of the options named (first name of each QCommandLineOption).
    CommandInput(const QCommandLineParser &parser, const QList<QCommandLineOption> &options);

    bool isSet(const QString &option) const { return m_values.contains(option); }
    // The last value given (options given twice: the later one wins).
    QString value(const QString &option) const;
    QStringList values(const QString &option) const { return m_values.value(option); }
    void set(const QString &option, const QStringList &values) { m_values.insert(option, values); }

    RecipientSelection recipients;
    AppSelection app;

private:
    QHash<QString, QStringList> m_values; // flags map to an empty list
};

} // namespace herald::cli
