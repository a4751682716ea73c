// End to end: the BUILT herald-cli against a herald-sim process, as an admin
// or a script would run them. Every expectation is checked against the
// simulator's own data (--dump) or its /_sim/stats, never a hard-coded answer.

#include "CliInstallHarness.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <functional>
#include <memory>

using namespace herald::test;

class TestCliInstallE2e : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_h.isValid());
        QVERIFY2(QFile::exists(CliInstallHarness::binary()), qPrintable(CliInstallHarness::binary()));
    }

    void init() { QVERIFY(m_h.startSim()); }
    void cleanup() { m_h.stopSim(); }

    void statusJsonHasTheContractFields()
    {
        const auto users = m_h.truth().users([](const QJsonObject &) { return true; }, 12);
        const CliRun run
            = m_h.cli(QStringList{QStringLiteral("--format"), QStringLiteral("json"),
                                  QStringLiteral("status"), QStringLiteral("--app"), m_h.truth().orgAppId}
                      + CliInstallHarness::userArgs(users));
        QVERIFY2(run.exitCode == 0 || run.exitCode == 1, qPrintable(run.err));
        const QList<QJsonObject> records = run.records();
        QCOMPARE(records.size(), users.size());
        const QStringList fields{QStringLiteral("recipient"),      QStringLiteral("id"),
                                 QStringLiteral("kind"),           QStringLiteral("state"),
                                 QStringLiteral("installationId"), QStringLiteral("chatId"),
                                 QStringLiteral("detail")};
        bool anyNotFound = false;
        for (const QJsonObject &record : records) {
            QStringList keys = record.keys();
            QStringList expected = fields;
            keys.sort();
            expected.sort();
            QCOMPARE(keys, expected);
            const auto match = m_h.truth().users(
                [&](const QJsonObject &u) {
                    return Truth::upn(u) == record.value(QStringLiteral("recipient")).toString();
                },
                1);
            QCOMPARE(match.size(), 1);
            QCOMPARE(record.value(QStringLiteral("id")).toString(), Truth::id(match.first()));
            QCOMPARE(record.value(QStringLiteral("kind")).toString(), QStringLiteral("user"));
            QCOMPARE(record.value(QStringLiteral("state")).toString(),
                     m_h.truth().expectedStatus(match.first()));
            QCOMPARE(record.value(QStringLiteral("installationId")).toString().isEmpty(),
                     !m_h.truth().hasApp(match.first()) || !m_h.truth().licensed(match.first()));
            anyNotFound = anyNotFound || !m_h.truth().licensed(match.first());
        }
        // 0 only when every record is installed/not_installed.
        QCOMPARE(run.exitCode, anyNotFound ? 1 : 0);
    }

    void installExitCodesAndCsv()
    {
        const auto fine = m_h.truth().users(
            [&](const QJsonObject &u) {
                return m_h.truth().licensed(u) && !m_h.truth().blocked(u) && !m_h.truth().hasApp(u);
            },
            5);
        const auto had = m_h.truth().users(
            [&](const QJsonObject &u) { return m_h.truth().licensed(u) && m_h.truth().hasApp(u); }, 2);
        QCOMPARE(fine.size(), 5);
        const CliRun ok = m_h.cli(QStringList{QStringLiteral("--format"), QStringLiteral("csv"),
                                              QStringLiteral("install"), QStringLiteral("--app-external-id"),
                                              m_h.truth().orgExternalId}
                                  + CliInstallHarness::userArgs(fine + had));
        QCOMPARE(ok.exitCode, 0);
        const QStringList lines
            = ok.out.split(QRegularExpression(QStringLiteral("\r?\n")), Qt::SkipEmptyParts);
        QCOMPARE(lines.value(0), QStringLiteral("recipient,id,kind,state,installationId,chatId,detail"));
        QCOMPARE(lines.size(), 1 + fine.size() + had.size());
        QCOMPARE(lines.filter(QStringLiteral(",user,installed,")).size(), fine.size());
        QCOMPARE(lines.filter(QStringLiteral(",user,already_installed,")).size(), had.size());
        QCOMPARE(m_h.stat(QStringLiteral("installs")), qint64(fine.size()));

        // A user whose policy blocks the app: the run finishes, exit 1.
        const auto blocked = m_h.truth().users(
            [&](const QJsonObject &u) {
                return m_h.truth().licensed(u) && m_h.truth().blocked(u) && !m_h.truth().hasApp(u);
            },
            1);
        QCOMPARE(blocked.size(), 1);
        const CliRun some
            = m_h.cli(QStringList{QStringLiteral("--format"), QStringLiteral("json"),
                                  QStringLiteral("install"), QStringLiteral("--app"), m_h.truth().orgAppId}
                      + CliInstallHarness::userArgs(blocked + fine.mid(0, 1)));
        QCOMPARE(some.exitCode, 1);
        bool sawBlocked = false;
        for (const QJsonObject &r : some.records()) {
            if (r.value(QStringLiteral("state")).toString() == QLatin1String("blocked")) {
                sawBlocked = true;
                QVERIFY(r.value(QStringLiteral("detail")).toString().contains(QLatin1String("policy")));
            }
        }
        QVERIFY(sawBlocked);
        QCOMPARE(m_h.stat(QStringLiteral("installs")), qint64(fine.size()));
    }

    void dryRunChangesNothing()
    {
        const auto users = m_h.truth().users(
            [&](const QJsonObject &u) { return m_h.truth().licensed(u) && !m_h.truth().hasApp(u); }, 6);
        const CliRun run = m_h.cli(QStringList{QStringLiteral("--format"), QStringLiteral("json"),
                                               QStringLiteral("install"), QStringLiteral("--dry-run"),
                                               QStringLiteral("--app"), m_h.truth().orgAppId}
                                   + CliInstallHarness::userArgs(users));
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.records().size(), users.size());
        for (const QJsonObject &r : run.records())
            QVERIFY(r.value(QStringLiteral("detail")).toString().contains(QLatin1String("would install")));
        QCOMPARE(m_h.stat(QStringLiteral("installs")), qint64(0));
        QCOMPARE(m_h.stat(QStringLiteral("requests/installedApps.post")), qint64(0));
    }

    void wrongSecretIsAnAuthError()
    {
        const CliRun run = m_h.cli({QStringLiteral("status"), QStringLiteral("--app"), m_h.truth().orgAppId,
                                    QStringLiteral("--user"), Truth::upn(m_h.truth().user(0))},
                                   QStringLiteral("not-the-secret"));
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(QLatin1String("AADSTS")), qPrintable(run.err));
        QVERIFY(!run.err.contains(QLatin1String("not-the-secret")));
        QVERIFY(!run.err.contains(m_h.sim().secret()));
        QVERIFY(run.out.isEmpty());
    }

    void unknownAppIsAUsageError()
    {
        const CliRun run = m_h.cli({QStringLiteral("install"), QStringLiteral("--app-external-id"),
                                    QStringLiteral("00000000-0000-0000-0000-00000000dead"),
                                    QStringLiteral("--user"), Truth::upn(m_h.truth().user(0))});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("00000000-0000-0000-0000-00000000dead")),
                 qPrintable(run.err));
        QCOMPARE(m_h.stat(QStringLiteral("requests/installedApps.post")), qint64(0));

        const CliRun find = m_h.cli({QStringLiteral("app"), QStringLiteral("find"), QStringLiteral("--name"),
                                     QStringLiteral("Contoso Heral")});
        QCOMPARE(find.exitCode, 2);
        QVERIFY2(find.err.contains(QLatin1String("Contoso Herald")), qPrintable(find.err)); // the close match
    }

    void appFindPrintsTheCatalogFields()
    {
        const CliRun run
            = m_h.cli({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("app"),
                       QStringLiteral("find"), QStringLiteral("--external-id"), m_h.truth().orgExternalId});
        QCOMPARE(run.exitCode, 0);
        const auto records = run.records();
        QCOMPARE(records.size(), 1);
        QJsonObject app;
        for (const QJsonValue &a : m_h.truth().dump.value(QStringLiteral("appCatalog")).toArray()) {
            if (a.toObject().value(QStringLiteral("id")).toString() == m_h.truth().orgAppId)
                app = a.toObject();
        }
        const QJsonObject r = records.first();
        QCOMPARE(r.keys().size(), 5);
        QCOMPARE(r.value(QStringLiteral("id")).toString(), m_h.truth().orgAppId);
        QCOMPARE(r.value(QStringLiteral("externalId")).toString(), m_h.truth().orgExternalId);
        QCOMPARE(r.value(QStringLiteral("displayName")).toString(),
                 app.value(QStringLiteral("displayName")).toString());
        QCOMPARE(r.value(QStringLiteral("version")).toString(),
                 app.value(QStringLiteral("appDefinitions"))
                     .toArray()
                     .last()
                     .toObject()
                     .value(QStringLiteral("version"))
                     .toString());
        QCOMPARE(r.value(QStringLiteral("distributionMethod")).toString(),
                 app.value(QStringLiteral("distributionMethod")).toString());
    }

    void upnWithAQuote()
    {
        // O'Brien, D'Souza...: the quote must be escaped in every filter and path.
        const auto quoted = m_h.truth().users(
            [](const QJsonObject &u) { return Truth::upn(u).contains(QLatin1Char('\'')); }, 1);
        // The seeded tenant has one (NameLists holds O'Brien-style names): no skipping.
        QVERIFY2(!quoted.isEmpty(), "the seeded tenant lost its UPNs with a quote");
        const QString upn = Truth::upn(quoted.first());
        const QString missing = QStringLiteral("nobody.o'hara@contoso.onmicrosoft.com");
        const CliRun run = m_h.cli({QStringLiteral("--format"), QStringLiteral("json"),
                                    QStringLiteral("status"), QStringLiteral("--app"), m_h.truth().orgAppId,
                                    QStringLiteral("--user"), upn, QStringLiteral("--user"), missing});
        QVERIFY2(run.exitCode == 1, qPrintable(run.err)); // the missing one is not_found
        const auto records = run.records();
        QCOMPARE(records.size(), 2);
        for (const QJsonObject &r : records) {
            if (r.value(QStringLiteral("recipient")).toString() == upn) {
                QCOMPARE(r.value(QStringLiteral("id")).toString(), Truth::id(quoted.first()));
                QCOMPARE(r.value(QStringLiteral("state")).toString(),
                         m_h.truth().expectedStatus(quoted.first()));
            } else {
                QCOMPARE(r.value(QStringLiteral("recipient")).toString(), missing);
                QCOMPARE(r.value(QStringLiteral("state")).toString(), QStringLiteral("not_found"));
            }
        }
    }

    void usersCsvWithBadLinesStillRunsTheGoodRows()
    {
        const auto good = m_h.truth().users([&](const QJsonObject &u) { return m_h.truth().licensed(u); }, 4);
        const QString path = m_h.path(QStringLiteral("people.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("userPrincipalName,team\n");
        file.write(Truth::upn(good.at(0)).toUtf8() + ",Sales\n");
        file.write(",Sales\n"); // no UPN
        file.write(Truth::upn(good.at(1)).toUtf8() + ",Ops\n");
        file.write("not an address at all,Ops\n");
        file.write(Truth::upn(good.at(2)).toUtf8() + ",Ops\n");
        file.write(Truth::upn(good.at(3)).toUtf8() + ",HR\n");
        file.close();
        const CliRun run
            = m_h.cli({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("status"),
                       QStringLiteral("--app"), m_h.truth().orgAppId, QStringLiteral("--users"), path});
        // The bad lines are named by number; the rows around them still run.
        QVERIFY2(run.err.contains(QLatin1String("line 3")) && run.err.contains(QLatin1String("line 5")),
                 qPrintable(run.err));
        QStringList seen;
        for (const QJsonObject &r : run.records()) {
            if (r.value(QStringLiteral("state")).toString() != QLatin1String("not_found"))
                seen << r.value(QStringLiteral("id")).toString();
        }
        for (const QJsonObject &u : good)
            QVERIFY2(seen.contains(Truth::id(u)), qPrintable(Truth::upn(u) + QLatin1Char('\n') + run.err));
        QCOMPARE(run.exitCode, 1); // two rows could not be used
    }

    void chatsAreCachedBetweenRuns()
    {
        const auto users = m_h.truth().users(
            [&](const QJsonObject &u) { return m_h.truth().licensed(u) && m_h.truth().hasApp(u); }, 5);
        const QStringList args
            = QStringList{QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("chats"),
                          QStringLiteral("--app"), m_h.truth().orgAppId}
            + CliInstallHarness::userArgs(users);
        const CliRun first = m_h.cli(args);
        QCOMPARE(first.exitCode, 0);
        QCOMPARE(first.records().size(), users.size());
        for (const QJsonObject &r : first.records()) {
            QCOMPARE(r.value(QStringLiteral("state")).toString(), QStringLiteral("resolved"));
            QVERIFY(r.value(QStringLiteral("chatId")).toString().startsWith(QLatin1String("19:")));
        }
        const qint64 lookups = m_h.stat(QStringLiteral("requests/installedApps.get"));
        const CliRun second = m_h.cli(args);
        QCOMPARE(second.exitCode, 0);
        QCOMPARE(second.records().size(), users.size());
        QCOMPARE(m_h.stat(QStringLiteral("requests/installedApps.get")),
                 lookups); // no status, no chat lookups
        QSet<QString> firstIds, secondIds;
        for (const QJsonObject &r : first.records())
            firstIds.insert(r.value(QStringLiteral("chatId")).toString());
        for (const QJsonObject &r : second.records())
            secondIds.insert(r.value(QStringLiteral("chatId")).toString());
        QCOMPARE(secondIds, firstIds);
    }

    void interruptPrintsWhatFinishedAndExits4()
    {
        // A slower, bigger tenant so the sweep is still running when Ctrl-C comes.
        QVERIFY(m_h.startBareSim({QStringLiteral("--users"), QStringLiteral("3000"),
                                  QStringLiteral("--time-scale"), QStringLiteral("2")}));
        QProcess process;
        process.setProcessEnvironment(m_h.environment(m_h.sim().secret()));
        process.start(CliInstallHarness::binary(),
                      m_h.connection(2)
                          + QStringList{QStringLiteral("--format"), QStringLiteral("json"),
                                        QStringLiteral("status"), QStringLiteral("--app"),
                                        m_h.sim().ready().value(QStringLiteral("appId")).toString(),
                                        QStringLiteral("--all-users")});
        QVERIFY(process.waitForStarted());
        QByteArray out;
        while (out.count('\n') < 20 && process.state() == QProcess::Running) {
            process.waitForReadyRead(5000);
            out += process.readAllStandardOutput();
        }
        QVERIFY(out.count('\n') >= 20);
        ::kill(pid_t(process.processId()), SIGINT);
        QVERIFY(process.waitForFinished(20000));
        out += process.readAllStandardOutput();
        QCOMPARE(process.exitCode(), 4);
        const QList<QByteArray> lines = out.split('\n');
        int records = 0;
        for (const QByteArray &line : lines) {
            if (line.isEmpty())
                continue;
            QJsonParseError error{};
            const QJsonObject r = QJsonDocument::fromJson(line, &error).object();
            QVERIFY2(error.error == QJsonParseError::NoError, line.constData()); // no torn record
            QVERIFY(!r.value(QStringLiteral("state")).toString().isEmpty());
            ++records;
        }
        QVERIFY(records >= 20 && records < 3000);
    }

private:
    CliInstallHarness m_h;
};

QTEST_GUILESS_MAIN(TestCliInstallE2e)
#include "tst_cli_install_e2e.moc"
