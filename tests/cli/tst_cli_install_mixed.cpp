// End to end, part two: the BUILT herald-cli against a herald-sim process for
// the other recipient kinds (--group, --teams, one-per-line lists), the
// lifecycle commands (upgrade, uninstall), the ways of finding the app, the
// refusals (sideloaded app, a group id that is not a group) and a tenant with
// injected faults (503s, dropped connections). States and exit codes are
// checked against the simulator's own dump and /_sim/stats.

#include "CliInstallHarness.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace herald::test;

namespace {

QString stateOf(const QJsonObject &record)
{
    return record.value(QStringLiteral("state")).toString();
}

QHash<QString, QString> statesById(const CliRun &run)
{
    QHash<QString, QString> states;
    for (const QJsonObject &r : run.records())
        states.insert(r.value(QStringLiteral("id")).toString(), stateOf(r));
    return states;
}

QJsonObject groupNamed(const Truth &truth, const QString &name)
{
    for (const QJsonValue &g : truth.dump.value(QStringLiteral("groups")).toArray()) {
        if (g.toObject().value(QStringLiteral("displayName")).toString() == name)
            return g.toObject();
    }
    return {};
}

QStringList simList(const QJsonObject &object, const QString &key)
{
    QStringList list;
    for (const QJsonValue &v : Truth::sim(object).value(key).toArray())
        list << v.toString();
    return list;
}

// Every user in the group, nested groups included (the dump's ground truth).
QSet<QString> transitiveUsers(const Truth &truth, const QJsonObject &group)
{
    QSet<QString> users;
    QStringList todo{group.value(QStringLiteral("id")).toString()};
    QSet<QString> seen;
    while (!todo.isEmpty()) {
        const QString id = todo.takeFirst();
        if (seen.contains(id))
            continue;
        seen.insert(id);
        for (const QJsonValue &g : truth.dump.value(QStringLiteral("groups")).toArray()) {
            const QJsonObject o = g.toObject();
            if (o.value(QStringLiteral("id")).toString() != id)
                continue;
            for (const QString &u : simList(o, QStringLiteral("memberUsers")))
                users.insert(u);
            todo += simList(o, QStringLiteral("memberGroups"));
        }
    }
    return users;
}

QList<QJsonObject> teams(const Truth &truth, bool withApp)
{
    QList<QJsonObject> list;
    for (const QJsonValue &g : truth.dump.value(QStringLiteral("groups")).toArray()) {
        const QJsonObject o = g.toObject();
        if (!o.value(QStringLiteral("resourceProvisioningOptions"))
                 .toArray()
                 .contains(QJsonValue(QStringLiteral("Team"))))
            continue;
        if (simList(o, QStringLiteral("installedApps")).contains(truth.orgAppId) == withApp)
            list.append(o);
    }
    return list;
}

QString sideloadedAppId(const Truth &truth)
{
    for (const QJsonValue &a : truth.dump.value(QStringLiteral("appCatalog")).toArray()) {
        if (a.toObject().value(QStringLiteral("distributionMethod")).toString()
            == QLatin1String("sideloaded"))
            return a.toObject().value(QStringLiteral("id")).toString();
    }
    return {};
}

QStringList json(const QStringList &args)
{
    return QStringList{QStringLiteral("--format"), QStringLiteral("json")} + args;
}

} // namespace

class TestCliInstallMixed : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_h.isValid()); }
    void cleanup() { m_h.stopSim(); }

    void mixedTenantInstallThenStatus()
    {
        QVERIFY(m_h.startSim());
        const Truth &t = m_h.truth();
        const auto fresh = t.users(
            [&](const QJsonObject &u) { return t.licensed(u) && !t.blocked(u) && !t.hasApp(u); }, 3);
        const auto had = t.users([&](const QJsonObject &u) { return t.licensed(u) && t.hasApp(u); }, 2);
        const auto blocked
            = t.users([&](const QJsonObject &u) { return t.licensed(u) && t.blocked(u) && !t.hasApp(u); }, 2);
        const auto unlicensed = t.users([&](const QJsonObject &u) { return !t.licensed(u); }, 2);
        QVERIFY(fresh.size() == 3 && had.size() == 2 && blocked.size() == 2 && unlicensed.size() == 2);
        // One per line, with a user nobody has heard of.
        const QString list = m_h.path(QStringLiteral("mixed.txt"));
        QFile file(list);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        for (const QJsonObject &u : fresh + had + blocked + unlicensed)
            file.write(Truth::upn(u).toUtf8() + '\n');
        file.write("nobody.here@contoso.onmicrosoft.com\n");
        file.close();

        const CliRun install = m_h.cli(json({QStringLiteral("install"), QStringLiteral("--app"), t.orgAppId,
                                             QStringLiteral("--users"), list}));
        QCOMPARE(install.exitCode, 1); // blocked and not_found are not success
        QCOMPARE(install.records().size(), 10);
        const auto states = statesById(install);
        for (const QJsonObject &u : fresh)
            QCOMPARE(states.value(Truth::id(u)), QStringLiteral("installed"));
        for (const QJsonObject &u : had)
            QCOMPARE(states.value(Truth::id(u)), QStringLiteral("already_installed"));
        for (const QJsonObject &u : blocked)
            QCOMPARE(states.value(Truth::id(u)), QStringLiteral("blocked"));
        for (const QJsonObject &u : unlicensed)
            QCOMPARE(states.value(Truth::id(u)), QStringLiteral("not_found"));
        QCOMPARE(states.value(QString()), QStringLiteral("not_found")); // the unknown one: no id
        QCOMPARE(m_h.stat(QStringLiteral("installs")), qint64(fresh.size()));

        const CliRun status = m_h.cli(json({QStringLiteral("status"), QStringLiteral("--app"), t.orgAppId,
                                            QStringLiteral("--users"), list}));
        QCOMPARE(status.exitCode, 1);
        const auto now = statesById(status);
        for (const QJsonObject &u : fresh + had)
            QCOMPARE(now.value(Truth::id(u)), QStringLiteral("installed"));
        for (const QJsonObject &u : blocked)
            QCOMPARE(now.value(Truth::id(u)), QStringLiteral("not_installed"));
        for (const QJsonObject &u : unlicensed)
            QCOMPARE(now.value(Truth::id(u)), QStringLiteral("not_found"));
    }

    void upgradeAndUninstall()
    {
        QVERIFY(m_h.startSim());
        const Truth &t = m_h.truth();
        const auto had = t.users([&](const QJsonObject &u) { return t.licensed(u) && t.hasApp(u); }, 3);
        const auto without = t.users([&](const QJsonObject &u) { return t.licensed(u) && !t.hasApp(u); }, 2);
        QVERIFY(had.size() == 3 && without.size() == 2);
        const QStringList users = CliInstallHarness::userArgs(had + without);

        const CliRun upgrade = m_h.cli(
            json(QStringList{QStringLiteral("upgrade"), QStringLiteral("--app-external-id"), t.orgExternalId}
                 + users));
        QCOMPARE(upgrade.exitCode, 1); // not_installed is not an upgrade
        auto states = statesById(upgrade);
        for (const QJsonObject &u : had)
            QCOMPARE(states.value(Truth::id(u)), QStringLiteral("upgraded"));
        for (const QJsonObject &u : without)
            QCOMPARE(states.value(Truth::id(u)), QStringLiteral("not_installed"));

        const CliRun dry = m_h.cli(json(QStringList{QStringLiteral("uninstall"), QStringLiteral("--dry-run"),
                                                    QStringLiteral("--app"), t.orgAppId}
                                        + users));
        QCOMPARE(dry.exitCode, 0);
        QCOMPARE(m_h.stat(QStringLiteral("requests/installedApps.delete")), qint64(0));

        const CliRun uninstall = m_h.cli(
            json(QStringList{QStringLiteral("uninstall"), QStringLiteral("--app"), t.orgAppId} + users));
        QCOMPARE(uninstall.exitCode, 0); // removed or not there: both what was asked
        states = statesById(uninstall);
        for (const QJsonObject &u : had)
            QCOMPARE(states.value(Truth::id(u)), QStringLiteral("removed"));
        for (const QJsonObject &u : without)
            QCOMPARE(states.value(Truth::id(u)), QStringLiteral("not_installed"));
        QCOMPARE(m_h.stat(QStringLiteral("uninstalls")), qint64(had.size()));

        const CliRun after = m_h.cli(
            json(QStringList{QStringLiteral("status"), QStringLiteral("--app"), t.orgAppId} + users));
        QCOMPARE(after.exitCode, 0);
        for (const QJsonObject &r : after.records())
            QCOMPARE(stateOf(r), QStringLiteral("not_installed"));
    }

    void nestedGroupAndNotAGroup()
    {
        QVERIFY(m_h.startSim());
        const Truth &t = m_h.truth();
        const QJsonObject all = groupNamed(t, QStringLiteral("All Staff"));
        QVERIFY(!all.isEmpty());
        QVERIFY(!simList(all, QStringLiteral("memberGroups")).isEmpty()); // really nested
        const QSet<QString> expected = transitiveUsers(t, all);
        const CliRun run
            = m_h.cli(json({QStringLiteral("status"), QStringLiteral("--app"), t.orgAppId,
                            QStringLiteral("--group"), all.value(QStringLiteral("id")).toString()}));
        QVERIFY2(run.exitCode == 0 || run.exitCode == 1, qPrintable(run.err));
        QSet<QString> got;
        for (const QJsonObject &r : run.records()) {
            QVERIFY2(!got.contains(r.value(QStringLiteral("id")).toString()), "a user twice");
            got.insert(r.value(QStringLiteral("id")).toString());
        }
        QCOMPARE(got, expected);

        // A user's id given as a group: said so; the --user next to it still runs.
        const QJsonObject u = t.users([&](const QJsonObject &x) { return t.licensed(x); }, 1).value(0);
        const CliRun wrong = m_h.cli(
            json({QStringLiteral("status"), QStringLiteral("--app"), t.orgAppId, QStringLiteral("--group"),
                  Truth::id(u), QStringLiteral("--user"), Truth::upn(u)}));
        QVERIFY2(wrong.err.contains(Truth::id(u)) && wrong.err.contains(QLatin1String("group")),
                 qPrintable(wrong.err));
        QCOMPARE(wrong.records().size(), 1);
        QCOMPARE(wrong.records().first().value(QStringLiteral("id")).toString(), Truth::id(u));
        QCOMPARE(stateOf(wrong.records().first()), t.expectedStatus(u));
        QCOMPARE(wrong.exitCode, 1); // the group could not be used
    }

    void teamsFromAFile()
    {
        QVERIFY(m_h.startSim());
        const Truth &t = m_h.truth();
        const auto with = teams(t, true);
        const auto without = teams(t, false);
        QVERIFY(!with.isEmpty() && without.size() >= 2);
        const QString list = m_h.path(QStringLiteral("teams.txt"));
        QFile file(list);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(with.first().value(QStringLiteral("id")).toString().toUtf8() + "\n\n");
        for (const QJsonObject &team : without)
            file.write(team.value(QStringLiteral("id")).toString().toUtf8() + '\n');
        file.close();
        const QString ghost = QStringLiteral("00000000-0000-4000-8000-0000000000aa");
        const CliRun run = m_h.cli(json({QStringLiteral("install"), QStringLiteral("--app"), t.orgAppId,
                                         QStringLiteral("--teams"), list, QStringLiteral("--team"), ghost}));
        QCOMPARE(run.exitCode, 1); // the ghost team
        const auto states = statesById(run);
        QCOMPARE(run.records().size(), 2 + without.size());
        QCOMPARE(states.value(with.first().value(QStringLiteral("id")).toString()),
                 QStringLiteral("already_installed"));
        for (const QJsonObject &team : without)
            QCOMPARE(states.value(team.value(QStringLiteral("id")).toString()), QStringLiteral("installed"));
        for (const QJsonObject &r : run.records()) {
            QCOMPARE(r.value(QStringLiteral("kind")).toString(), QStringLiteral("team"));
            if (r.value(QStringLiteral("recipient")).toString() == ghost)
                QCOMPARE(stateOf(r), QStringLiteral("not_found"));
        }
        // Each team's own 4 requests/s were never exceeded.
        QCOMPARE(m_h.stat(QStringLiteral("throttledTotal")), qint64(0));
    }

    void findTheAppEveryWay()
    {
        QVERIFY(m_h.startSim());
        const Truth &t = m_h.truth();
        const QJsonObject holder
            = t.users([&](const QJsonObject &u) { return t.licensed(u) && t.hasApp(u); }, 1).value(0);
        const QJsonObject team = teams(t, true).value(0);
        const QList<QStringList> ways{
            {QStringLiteral("--name"), QStringLiteral("Contoso Herald")},
            {QStringLiteral("--id"), t.orgAppId},
            {QStringLiteral("--external-id"), t.orgExternalId, QStringLiteral("--from-user"),
             Truth::upn(holder)},
            {QStringLiteral("--external-id"), t.orgExternalId, QStringLiteral("--from-team"),
             team.value(QStringLiteral("id")).toString()},
        };
        for (const QStringList &way : ways) {
            const CliRun run
                = m_h.cli(json(QStringList{QStringLiteral("app"), QStringLiteral("find")} + way));
            QVERIFY2(run.exitCode == 0, qPrintable(way.join(QLatin1Char(' ')) + QLatin1Char('\n') + run.err));
            QCOMPARE(run.records().size(), 1);
            QCOMPARE(run.records().first().value(QStringLiteral("id")).toString(), t.orgAppId);
            QCOMPARE(run.records().first().value(QStringLiteral("externalId")).toString(), t.orgExternalId);
        }
        // A sideloaded app is found, with the warning that Graph cannot install it...
        const QString sideloaded = sideloadedAppId(t);
        QVERIFY(!sideloaded.isEmpty());
        const CliRun find = m_h.cli(
            json({QStringLiteral("app"), QStringLiteral("find"), QStringLiteral("--id"), sideloaded}));
        QCOMPARE(find.exitCode, 0);
        QVERIFY2(find.err.contains(QLatin1String("sideloaded")), qPrintable(find.err));
        // ...and installing it is refused before any request, saying why.
        const CliRun install = m_h.cli({QStringLiteral("install"), QStringLiteral("--app"), sideloaded,
                                        QStringLiteral("--user"), Truth::upn(holder)});
        QCOMPARE(install.exitCode, 2);
        QVERIFY2(install.err.contains(QLatin1String("sideloaded"))
                     && install.err.contains(QLatin1String("catalog")),
                 qPrintable(install.err));
        QCOMPARE(m_h.stat(QStringLiteral("requests/installedApps.post")), qint64(0));
    }

    void chatsBothWaysAgree()
    {
        QVERIFY(m_h.startSim());
        const Truth &t = m_h.truth();
        const auto had = t.users([&](const QJsonObject &u) { return t.licensed(u) && t.hasApp(u); }, 3);
        const auto without = t.users([&](const QJsonObject &u) { return t.licensed(u) && !t.hasApp(u); }, 1);
        const QStringList users = CliInstallHarness::userArgs(had + without);
        const CliRun a = m_h.cli(
            json(QStringList{QStringLiteral("chats"), QStringLiteral("--app-external-id"), t.orgExternalId}
                 + users));
        const CliRun b
            = m_h.cli(json(QStringList{QStringLiteral("--verbose"), QStringLiteral("chats"),
                                       QStringLiteral("--via"), QStringLiteral("chats"),
                                       QStringLiteral("--refresh"), QStringLiteral("--app"), t.orgAppId}
                           + users));
        QCOMPARE(a.exitCode, 1); // the one without the app
        QCOMPARE(b.exitCode, 1);
        QHash<QString, QString> chatA, chatB;
        for (const QJsonObject &r : a.records())
            chatA.insert(r.value(QStringLiteral("id")).toString(),
                         r.value(QStringLiteral("chatId")).toString());
        for (const QJsonObject &r : b.records())
            chatB.insert(r.value(QStringLiteral("id")).toString(),
                         r.value(QStringLiteral("chatId")).toString());
        QCOMPARE(chatB, chatA);
        for (const QJsonObject &u : had)
            QVERIFY(chatA.value(Truth::id(u)).startsWith(QLatin1String("19:")));
        QCOMPARE(statesById(b).value(Truth::id(without.first())), QStringLiteral("not_installed"));
        // --via chats asked the chats filter, never the installation's chat.
        QVERIFY2(b.err.contains(QLatin1String("/chats?$filter=installedApps/any(")), qPrintable(b.err));
        QVERIFY(!b.err.contains(QLatin1String("/chat ")));
    }

    void progressQuietAndTable()
    {
        QVERIFY(m_h.startSim());
        const Truth &t = m_h.truth();
        const QStringList users
            = CliInstallHarness::userArgs(t.users([](const QJsonObject &) { return true; }, 6));
        const CliRun loud
            = m_h.cli(QStringList{QStringLiteral("status"), QStringLiteral("--app"), t.orgAppId} + users);
        QVERIFY(loud.exitCode == 0 || loud.exitCode == 1);
        QVERIFY2(loud.err.contains(QRegularExpression(QStringLiteral("\\b6 in [0-9.]+s")))
                     || loud.err.contains(QLatin1String("6/6")),
                 qPrintable(loud.err));
        const QStringList lines = loud.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2 + 6); // a header, its rule and a row each
        QVERIFY(lines.first().contains(QLatin1String("recipient"))
                && lines.first().contains(QLatin1String("state")));
        const CliRun quiet = m_h.cli(QStringList{QStringLiteral("--quiet"), QStringLiteral("status"),
                                                 QStringLiteral("--app"), t.orgAppId}
                                     + users);
        QCOMPARE(quiet.exitCode, loud.exitCode);
        QStringList quietLines = quiet.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QStringList loudLines = lines;
        quietLines.sort(); // rows come in the order the answers do
        loudLines.sort();
        QCOMPARE(quietLines, loudLines);
        // The summary stays (CLI.md: --quiet drops progress), progress lines do not.
        QVERIFY2(quiet.err.contains(QLatin1String("status: 6 in")), qPrintable(quiet.err));
        QVERIFY2(!quiet.err.contains(QRegularExpression(QStringLiteral("\\d+/\\d+ \\(\\d+%\\)"))),
                 qPrintable(quiet.err));
    }

    void messyCsvStillRunsTheGoodRows()
    {
        // BOM, semicolons (detected), a quoted field with the delimiter and a
        // newline, a duplicate, blank lines, a row with Latin-1 bytes, a row
        // without a key: each bad row is named, the good ones all run, exit 1.
        QVERIFY(m_h.startSim());
        const Truth &t = m_h.truth();
        const auto good = t.users([&](const QJsonObject &u) { return t.licensed(u); }, 3);
        QCOMPARE(good.size(), 3);
        const QString path = m_h.path(QStringLiteral("messy.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("\xEF\xBB\xBFName;userPrincipalName;Note\r\n"); // line 1
        file.write("\"Smith; Ann\";" + Truth::upn(good.at(0)).toUtf8() + ";\"two\nlines\"\r\n"); // lines 2-3
        file.write("\r\n"); // line 4
        file.write("B;" + Truth::upn(good.at(1)).toUtf8() + ";x\r\n"); // line 5
        file.write("Caf\xE9;nobody@contoso.onmicrosoft.com;latin-1\r\n"); // line 6: not UTF-8
        file.write("B again;" + Truth::upn(good.at(1)).toUpper().toUtf8() + ";dup\r\n"); // line 7
        file.write("No key;;y\r\n"); // line 8
        file.write("C;" + Truth::upn(good.at(2)).toUtf8() + ";z\r\n"); // line 9
        file.close();
        const CliRun run = m_h.cli(json({QStringLiteral("status"), QStringLiteral("--app"), t.orgAppId,
                                         QStringLiteral("--users"), path}));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("line 6")) && run.err.contains(QLatin1String("UTF-8")),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String("line 8")), qPrintable(run.err));
        const auto states = statesById(run);
        for (const QJsonObject &u : good)
            QCOMPARE(states.value(Truth::id(u)), t.expectedStatus(u));
        int rowsOfB = 0;
        for (const QJsonObject &r : run.records())
            rowsOfB += r.value(QStringLiteral("id")).toString() == Truth::id(good.at(1)) ? 1 : 0;
        QCOMPARE(rowsOfB, 1); // the duplicate merged
    }

    void unknownAppIdIsAUsageError()
    {
        QVERIFY(m_h.startSim());
        const QString ghost = QStringLiteral("0badc0de-0000-4000-8000-000000000001");
        const CliRun run = m_h.cli({QStringLiteral("status"), QStringLiteral("--app"), ghost,
                                    QStringLiteral("--user"), Truth::upn(m_h.truth().user(0))});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(ghost) && run.err.contains(QLatin1String("catalog")), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
        QCOMPARE(m_h.stat(QStringLiteral("requests/installedApps.get")), qint64(0));
    }

    void verboseLogRedactsSecrets()
    {
        QVERIFY(m_h.startSim());
        const Truth &t = m_h.truth();
        const CliRun run
            = m_h.cli({QStringLiteral("--verbose"), QStringLiteral("status"), QStringLiteral("--app"),
                       t.orgAppId, QStringLiteral("--user"), Truth::upn(t.user(0))});
        QVERIFY(run.exitCode == 0 || run.exitCode == 1);
        QVERIFY2(run.err.contains(QLatin1String("$batch")), qPrintable(run.err)); // the request log is there
        QVERIFY(!run.err.contains(m_h.sim().secret()));
        QVERIFY(!run.err.contains(QRegularExpression(QStringLiteral("Bearer\\s+ey"))));
        QVERIFY(!run.err.contains(QRegularExpression(QStringLiteral("eyJ[A-Za-z0-9_-]{10,}\\."))));
    }

    void faultsStillGiveExactStates()
    {
        // 503s (no effect) and connections dropped before and after the effect.
        QVERIFY(m_h.startSim({QStringLiteral("--fault-seed"), QStringLiteral("5"),
                              QStringLiteral("--fault-503"), QStringLiteral("0.15"),
                              QStringLiteral("--fault-drop-before"), QStringLiteral("0.1"),
                              QStringLiteral("--fault-drop-after"), QStringLiteral("0.1")}));
        const Truth &t = m_h.truth();
        const auto all = t.users([](const QJsonObject &) { return true; }, t.userCount());
        const QStringList users = CliInstallHarness::userArgs(all);

        // Reads are repeated until answered: every state exact, as without faults.
        const CliRun status = m_h.cli(
            json(QStringList{QStringLiteral("status"), QStringLiteral("--app"), t.orgAppId} + users));
        QVERIFY2(status.exitCode == 1, qPrintable(status.err)); // the unlicensed users
        QCOMPARE(status.records().size(), all.size());
        auto states = statesById(status);
        for (const QJsonObject &u : all)
            QCOMPARE(states.value(Truth::id(u)), t.expectedStatus(u));
        QVERIFY(m_h.stat(QStringLiteral("faults/serviceUnavailable")) > 0);
        QVERIFY(m_h.stat(QStringLiteral("faults/dropBeforeEffect"))
                    + m_h.stat(QStringLiteral("faults/dropAfterEffect"))
                > 0);

        // Installs: an install whose answer was lost is repeated (a second
        // install answers 409), so every user ends in a definite state.
        const CliRun install = m_h.cli(
            json(QStringList{QStringLiteral("install"), QStringLiteral("--app"), t.orgAppId} + users));
        QCOMPARE(install.records().size(), all.size());
        states = statesById(install);
        for (const QJsonObject &u : all) {
            const QString s = states.value(Truth::id(u));
            if (!t.licensed(u))
                QCOMPARE(s, QStringLiteral("not_found"));
            else if (t.hasApp(u))
                QCOMPARE(s, QStringLiteral("already_installed"));
            else if (t.blocked(u))
                QCOMPARE(s, QStringLiteral("blocked"));
            else
                QVERIFY2(s == QLatin1String("installed") || s == QLatin1String("already_installed"),
                         qPrintable(s));
        }
        QCOMPARE(install.exitCode, 1); // blocked and unlicensed users

        // The tenant now holds exactly what the records say.
        const CliRun after = m_h.cli(
            json(QStringList{QStringLiteral("status"), QStringLiteral("--app"), t.orgAppId} + users));
        states = statesById(after);
        for (const QJsonObject &u : all) {
            const bool want = t.licensed(u) && (t.hasApp(u) || !t.blocked(u));
            QCOMPARE(states.value(Truth::id(u)),
                     !t.licensed(u) ? QStringLiteral("not_found")
                                    : (want ? QStringLiteral("installed") : QStringLiteral("not_installed")));
        }
    }

private:
    CliInstallHarness m_h;
};

QTEST_GUILESS_MAIN(TestCliInstallMixed)
#include "tst_cli_install_mixed.moc"
