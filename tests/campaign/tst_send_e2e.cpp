// The delivery commands end to end: the BUILT herald-cli against a herald-sim
// process. Expectations come from the simulator's own data (--dump) and its
// delivery log (/_sim/stats, /_sim/deliveries), never from hard-coded answers.

#include "SendHarness.h"
#include "campaign/CampaignLock.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QLockFile>
#include <QSet>
#include <QTest>
#include <csignal>

using namespace herald::test;

namespace {

QString upn(const QJsonObject &u)
{
    return u.value(QStringLiteral("userPrincipalName")).toString();
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

// conversation id of a record (chatId) -> the record
QHash<QString, QJsonObject> byChat(const QList<QJsonObject> &records)
{
    QHash<QString, QJsonObject> map;
    for (const QJsonObject &r : records)
        map.insert(r.value(QStringLiteral("chatId")).toString(), r);
    return map;
}

} // namespace

class TestSendE2e : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_h.isValid());
        QVERIFY2(QFile::exists(SendHarness::binary()), qPrintable(SendHarness::binary()));
    }
    void cleanup()
    {
        m_h.stopSim();
        QDir(m_h.dataDir()).removeRecursively();
    }

    void sendMapsEveryOutcome();
    void reportAndCampaignsComeFromTheJournal();
    void installMissingThenCreateWithMessage();
    void duplicateCampaignNameRefuses();
    void emptyRecipientListIsAnError();
    void badMessageIsRefusedBeforeAnything();
    void testSendIsNotJournaled();
    void dryRunSendsAndJournalsNothing();
    void teamsGetAChannelPost();
    void killedMidSendResumesWithoutDuplicates();
    void interruptStopsCleanly();
    void unconfirmedNeedsRetryUnconfirmed();
    void faultsNeverDuplicate();
    void lockHeldByAnotherProcess();
    void readOnlyJournalIsLeftAlone();
    void corruptJournalIsLeftAlone();
    void shortTokenLifetime();

private:
    QStringList sendArgs(const QString &campaign, const QStringList &extra = {})
    {
        return m_h.sendArgs(campaign, extra);
    }
    SendRun report(const QString &campaign) { return m_h.report(campaign); }
    // The state the simulator must produce for a user sent to without --install-missing.
    QString expected(const QJsonObject &u) const
    {
        const QJsonObject sim = SendHarness::simOf(u);
        if (!sim.value(QStringLiteral("teamsLicensed")).toBool() || !m_h.hasApp(u))
            return QStringLiteral("not_installed");
        return sim.value(QStringLiteral("botBlocked")).toBool() ? QStringLiteral("blocked_by_user")
                                                                : QStringLiteral("sent");
    }
    // Every `sent` record has exactly one delivery; no other conversation has more than one.
    void checkExactlyOnce(const QList<QJsonObject> &reportRecords)
    {
        const QHash<QString, int> deliveries = m_h.deliveriesPerConversation();
        const QHash<QString, QJsonObject> records = byChat(reportRecords);
        for (auto it = deliveries.begin(); it != deliveries.end(); ++it) {
            const QString state = records.value(it.key()).value(QStringLiteral("state")).toString();
            if (state != QLatin1String("unconfirmed"))
                QVERIFY2(it.value() == 1,
                         qPrintable(QStringLiteral("%1 delivered %2 times (%3)")
                                        .arg(it.key())
                                        .arg(it.value())
                                        .arg(state)));
        }
        for (const QJsonObject &r : reportRecords) {
            const QString state = r.value(QStringLiteral("state")).toString();
            const QString chat = r.value(QStringLiteral("chatId")).toString();
            if (state == QLatin1String("sent"))
                QCOMPARE(deliveries.value(chat), 1);
            else if (state == QLatin1String("failed") || state == QLatin1String("not_installed")
                     || state == QLatin1String("blocked_by_user"))
                QCOMPARE(deliveries.value(chat), 0);
        }
    }

    SendHarness m_h;
};

void TestSendE2e::sendMapsEveryOutcome()
{
    QVERIFY(
        m_h.startSim(60,
                     {QStringLiteral("--installed"), QStringLiteral("0.5"), QStringLiteral("--bot-blocked"),
                      QStringLiteral("0.1"), QStringLiteral("--unlicensed"), QStringLiteral("0.05")}));
    QStringList args;
    QHash<QString, QString> want;
    for (const QJsonValue &v : m_h.users()) {
        args << QStringLiteral("--user") << upn(v.toObject());
        want.insert(upn(v.toObject()), expected(v.toObject()));
    }
    args << QStringLiteral("--user") << QStringLiteral("nobody@contoso.onmicrosoft.com");
    want.insert(QStringLiteral("nobody@contoso.onmicrosoft.com"), QStringLiteral("not_found"));
    const SendRun run = m_h.cli(sendArgs(QStringLiteral("all-outcomes"), args));
    QCOMPARE(run.exitCode, 1); // some are not sent
    const QList<QJsonObject> records = run.records();
    QCOMPARE(records.size(), want.size());
    int sent = 0;
    int blocked = 0;
    for (const QJsonObject &r : records) {
        const QString who = r.value(QStringLiteral("recipient")).toString();
        QCOMPARE(r.value(QStringLiteral("state")).toString(), want.value(who));
        QCOMPARE(r.keys().size(), 7);
        sent += r.value(QStringLiteral("state")).toString() == QLatin1String("sent");
        blocked += r.value(QStringLiteral("state")).toString() == QLatin1String("blocked_by_user");
    }
    QVERIFY(sent > 0 && blocked > 0);
    QCOMPARE(m_h.stat(QStringLiteral("deliveries")), sent);
    QCOMPARE(m_h.stat(QStringLiteral("duplicates")), 0);
    // One create-conversation per resolvable user: blocked and not installed ones are never retried.
    QCOMPARE(m_h.stat(QStringLiteral("requests/bot.create")), qint64(m_h.users().size()));
    QVERIFY(run.err.contains(QLatin1String("sent ")));
}

void TestSendE2e::reportAndCampaignsComeFromTheJournal()
{
    QVERIFY(m_h.startSim(40, {QStringLiteral("--installed"), QStringLiteral("0.6")}));
    const SendRun run = m_h.cli(sendArgs(QStringLiteral("q3"), {QStringLiteral("--all-users")}));
    QVERIFY2(run.exitCode == 0 || run.exitCode == 1, qPrintable(run.err));
    const SendRun rep = report(QStringLiteral("q3"));
    QCOMPARE(rep.exitCode, run.exitCode);
    QCOMPARE(rep.states(), run.states());
    QCOMPARE(rep.records().size(), m_h.users().size());
    checkExactlyOnce(rep.records());

    const SendRun csv = m_h.cli({QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("report"),
                                 QStringLiteral("--campaign"), QStringLiteral("q3")});
    QVERIFY(csv.out.startsWith(QLatin1String("recipient,id,kind,state,installationId,chatId,detail")));

    const SendRun list
        = m_h.cli({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("campaigns")});
    QCOMPARE(list.exitCode, 0);
    const QList<QJsonObject> campaigns = list.records();
    QCOMPARE(campaigns.size(), 1);
    const QJsonObject c = campaigns.first();
    QCOMPARE(c.value(QStringLiteral("name")).toString(), QStringLiteral("q3"));
    QCOMPARE(c.value(QStringLiteral("state")).toString(), QStringLiteral("finished"));
    QCOMPARE(c.value(QStringLiteral("total")).toInt(), m_h.users().size());
    QCOMPARE(c.value(QStringLiteral("sent")).toInt(), run.states().value(QStringLiteral("sent")));
    QCOMPARE(c.value(QStringLiteral("not_installed")).toInt(),
             run.states().value(QStringLiteral("not_installed")));

    const SendRun missing
        = m_h.cli({QStringLiteral("report"), QStringLiteral("--campaign"), QStringLiteral("nope")});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY(missing.err.contains(QLatin1String("campaigns")));
}

void TestSendE2e::installMissingThenCreateWithMessage()
{
    QVERIFY(m_h.startSim(50,
                         {QStringLiteral("--installed"), QStringLiteral("0.3"),
                          QStringLiteral("--policy-blocked"), QStringLiteral("0.1"),
                          QStringLiteral("--unlicensed"), QStringLiteral("0.05"),
                          QStringLiteral("--bot-blocked"), QStringLiteral("0")}));
    const SendRun run = m_h.cli(sendArgs(
        QStringLiteral("fresh"), {QStringLiteral("--all-users"), QStringLiteral("--install-missing")}));
    QVERIFY2(run.exitCode == 0 || run.exitCode == 1, qPrintable(run.err));
    int needInstall = 0;
    for (const QJsonValue &v : m_h.users()) {
        const QJsonObject u = v.toObject();
        const QJsonObject sim = SendHarness::simOf(u);
        QString want = QStringLiteral("sent");
        if (!sim.value(QStringLiteral("teamsLicensed")).toBool())
            want = QStringLiteral("not_found"); // install answers 404
        else if (!m_h.hasApp(u) && sim.value(QStringLiteral("policyBlocked")).toBool())
            want = QStringLiteral("not_installed");
        else if (!m_h.hasApp(u))
            ++needInstall;
        bool seen = false;
        for (const QJsonObject &r : run.records()) {
            if (r.value(QStringLiteral("recipient")).toString() == upn(u)) {
                QCOMPARE(r.value(QStringLiteral("state")).toString(), want);
                seen = true;
            }
        }
        QVERIFY(seen);
    }
    QCOMPARE(m_h.stat(QStringLiteral("installs")), qint64(needInstall));
    QCOMPARE(m_h.stat(QStringLiteral("deliveries")), run.states().value(QStringLiteral("sent")));
    // No chat lookups: create-conversation carries the message.
    QCOMPARE(m_h.stat(QStringLiteral("requests/bot.send")), 0);

    // Chat ids learned by the first campaign are reused: the second sends into the chats.
    const SendRun again = m_h.cli(sendArgs(QStringLiteral("second"), {QStringLiteral("--all-users")}));
    QCOMPARE(again.states().value(QStringLiteral("sent")), run.states().value(QStringLiteral("sent")));
    QCOMPARE(m_h.stat(QStringLiteral("requests/bot.send")),
             qint64(run.states().value(QStringLiteral("sent"))));
}

void TestSendE2e::duplicateCampaignNameRefuses()
{
    QVERIFY(m_h.startSim(20, {QStringLiteral("--installed"), QStringLiteral("1")}));
    const SendRun first = m_h.cli(sendArgs(QStringLiteral("dup"), {QStringLiteral("--all-users")}));
    QVERIFY(first.exitCode == 0 || first.exitCode == 1);
    const qint64 deliveries = m_h.stat(QStringLiteral("deliveries"));
    const SendRun second = m_h.cli(sendArgs(QStringLiteral("dup"), {QStringLiteral("--all-users")}));
    QCOMPARE(second.exitCode, 2);
    QVERIFY2(second.err.contains(QLatin1String("--resume dup")), qPrintable(second.err));
    QCOMPARE(m_h.stat(QStringLiteral("deliveries")), deliveries);
    QCOMPARE(second.out, QString());
}

void TestSendE2e::emptyRecipientListIsAnError()
{
    QVERIFY(m_h.startSim(10));
    QFile csv(m_h.path(QStringLiteral("empty.csv")));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("userPrincipalName,department\n");
    csv.close();
    const SendRun run
        = m_h.cli(sendArgs(QStringLiteral("nobody"), {QStringLiteral("--users"), csv.fileName()}));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("No recipients")), qPrintable(run.err));
    QCOMPARE(m_h.stat(QStringLiteral("deliveries")), 0);
    // The name was not used up.
    const SendRun list
        = m_h.cli({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("campaigns")});
    QCOMPARE(list.records().size(), 0);
}

void TestSendE2e::badMessageIsRefusedBeforeAnything()
{
    QVERIFY(m_h.startSim(10));
    QFile bad(m_h.path(QStringLiteral("bad.json")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("{\n  \"type\": \"AdaptiveCard\",\n  \"version\": \"1.5\",\n  \"body\": [ }\n");
    bad.close();
    QStringList args = sendArgs(QStringLiteral("bad"), {QStringLiteral("--all-users")});
    args[args.indexOf(QStringLiteral("--message")) + 1] = bad.fileName();
    const SendRun run = m_h.cli(args);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("line 4")), qPrintable(run.err));
    QCOMPARE(m_h.stat(QStringLiteral("requestsTotal")), 0);
    QVERIFY(!QFile::exists(m_h.journal()));
}

void TestSendE2e::testSendIsNotJournaled()
{
    QVERIFY(m_h.startSim(20,
                         {QStringLiteral("--installed"), QStringLiteral("1"), QStringLiteral("--bot-blocked"),
                          QStringLiteral("0"), QStringLiteral("--unlicensed"), QStringLiteral("0")}));
    const QString me = upn(m_h.users().at(3).toObject());
    const SendRun run
        = m_h.cli({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("send"),
                   QStringLiteral("--test-to"), me, QStringLiteral("--message"), m_h.messageFile()});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.records().size(), 1);
    QCOMPARE(run.records().first().value(QStringLiteral("state")).toString(), QStringLiteral("sent"));
    QCOMPARE(m_h.stat(QStringLiteral("deliveries")), 1);
    const SendRun list
        = m_h.cli({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("campaigns")});
    QCOMPARE(list.records().size(), 0);
    QVERIFY(run.err.contains(QLatin1String("not journaled")));
}

void TestSendE2e::dryRunSendsAndJournalsNothing()
{
    QVERIFY(m_h.startSim(30, {QStringLiteral("--installed"), QStringLiteral("0.5")}));
    QStringList args
        = sendArgs(QStringLiteral("dry"), {QStringLiteral("--all-users"), QStringLiteral("--dry-run")});
    const SendRun run = m_h.cli(args);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.records().size(), 30);
    for (const QJsonObject &r : run.records()) {
        QCOMPARE(r.value(QStringLiteral("state")).toString(), QStringLiteral("pending"));
        QVERIFY(
            r.value(QStringLiteral("detail")).toString().startsWith(QLatin1String("dry run: would send")));
    }
    QCOMPARE(m_h.stat(QStringLiteral("deliveries")), 0);
    QCOMPARE(m_h.stat(QStringLiteral("requests/bot.create")), 0);
    QCOMPARE(m_h.stat(QStringLiteral("installs")), 0);
    const SendRun list
        = m_h.cli({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("campaigns")});
    QCOMPARE(list.records().size(), 0);
}

void TestSendE2e::teamsGetAChannelPost()
{
    QVERIFY(m_h.startSim(20, {QStringLiteral("--teams"), QStringLiteral("3")}));
    const QJsonArray teams = m_h.teams();
    QVERIFY(teams.size() >= 2);
    QStringList args;
    QSet<QString> channels;
    for (const QJsonValue &t : teams) {
        args << QStringLiteral("--team") << t.toObject().value(QStringLiteral("id")).toString();
        channels << SendHarness::simOf(t.toObject()).value(QStringLiteral("generalChannelId")).toString();
    }
    // Without --to-channel a team is refused before anything happens.
    const SendRun refused = m_h.cli(sendArgs(QStringLiteral("teams"), args));
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains(QLatin1String("--to-channel")), qPrintable(refused.err));

    const SendRun run = m_h.cli(
        sendArgs(QStringLiteral("teams"),
                 args + QStringList{QStringLiteral("--to-channel"), QStringLiteral("--install-missing")}));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.records().size(), teams.size());
    for (const QJsonObject &r : run.records()) {
        QCOMPARE(r.value(QStringLiteral("kind")).toString(), QStringLiteral("team"));
        QCOMPARE(r.value(QStringLiteral("state")).toString(), QStringLiteral("sent"));
        QVERIFY(channels.contains(r.value(QStringLiteral("chatId")).toString()));
    }
    const QHash<QString, int> deliveries = m_h.deliveriesPerConversation();
    for (const QString &channel : channels)
        QCOMPARE(deliveries.value(channel), 1);
}

void TestSendE2e::killedMidSendResumesWithoutDuplicates()
{
    QVERIFY(m_h.startSim(2000,
                         {QStringLiteral("--installed"), QStringLiteral("1"), QStringLiteral("--teams"),
                          QStringLiteral("1"), QStringLiteral("--groups"), QStringLiteral("1")}));
    auto process = m_h.launch(sendArgs(QStringLiteral("big"), {QStringLiteral("--all-users")}));
    // Kill -9 while it is sending (about 1,000 sends/s at this time scale).
    QElapsedTimer timer;
    timer.start();
    while (m_h.stat(QStringLiteral("deliveries")) < 400 && timer.elapsed() < 60000
           && process->state() == QProcess::Running)
        QTest::qWait(20);
    QCOMPARE(process->state(), QProcess::Running);
    ::kill(pid_t(process->processId()), SIGKILL);
    QVERIFY(process->waitForFinished(10000));
    const qint64 deliveredAtKill = m_h.stat(QStringLiteral("deliveries"));
    QVERIFY(deliveredAtKill < 2000);

    const SendRun resumed
        = m_h.cli({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("send"),
                   QStringLiteral("--resume"), QStringLiteral("big")});
    QVERIFY2(resumed.exitCode == 0 || resumed.exitCode == 1, qPrintable(resumed.err));
    QCOMPARE(m_h.stat(QStringLiteral("duplicates")), 0);
    const SendRun rep = report(QStringLiteral("big"));
    const QHash<QString, int> states = rep.states();
    QCOMPARE(rep.records().size(), 2000);
    QCOMPARE(states.value(QStringLiteral("pending")), 0);
    // At most what was claimed and unanswered at the kill (the runner's window of 16).
    QVERIFY2(states.value(QStringLiteral("unconfirmed")) <= 16,
             qPrintable(QString::number(states.value(QStringLiteral("unconfirmed")))));
    checkExactlyOnce(rep.records());
    QVERIFY2(resumed.err.contains(QLatin1String("Resuming")), qPrintable(resumed.err));
}

void TestSendE2e::interruptStopsCleanly()
{
    QVERIFY(m_h.startSim(1500,
                         {QStringLiteral("--installed"), QStringLiteral("1"), QStringLiteral("--teams"),
                          QStringLiteral("1")}));
    auto process = m_h.launch(sendArgs(QStringLiteral("ctrl-c"), {QStringLiteral("--all-users")}));
    QElapsedTimer timer;
    timer.start();
    while (m_h.stat(QStringLiteral("deliveries")) < 200 && timer.elapsed() < 60000)
        QTest::qWait(20);
    ::kill(pid_t(process->processId()), SIGINT);
    QVERIFY(process->waitForFinished(30000));
    const SendRun stopped = SendHarness::collect(*process);
    QCOMPARE(stopped.exitCode, 4);
    QVERIFY(stopped.err.contains(QLatin1String("--resume ctrl-c")));
    // Consistent: nothing is left `sending`, and what was answered is recorded.
    const SendRun mid = report(QStringLiteral("ctrl-c"));
    QCOMPARE(mid.states().value(QStringLiteral("unconfirmed")), 0);
    QCOMPARE(mid.states().value(QStringLiteral("sent")), int(m_h.stat(QStringLiteral("deliveries"))));
    QVERIFY(mid.states().value(QStringLiteral("pending")) > 0);

    const SendRun resumed
        = m_h.cli({QStringLiteral("send"), QStringLiteral("--resume"), QStringLiteral("ctrl-c")});
    QVERIFY2(resumed.exitCode == 0 || resumed.exitCode == 1, qPrintable(resumed.err));
    const SendRun done = report(QStringLiteral("ctrl-c"));
    QCOMPARE(done.states().value(QStringLiteral("pending")), 0);
    QCOMPARE(m_h.stat(QStringLiteral("duplicates")), 0);
    checkExactlyOnce(done.records());
}

void TestSendE2e::unconfirmedNeedsRetryUnconfirmed()
{
    QVERIFY(m_h.startSim(80,
                         {QStringLiteral("--installed"), QStringLiteral("1"), QStringLiteral("--bot-blocked"),
                          QStringLiteral("0"), QStringLiteral("--unlicensed"), QStringLiteral("0"),
                          QStringLiteral("--fault-drop-after"), QStringLiteral("0.15"),
                          QStringLiteral("--fault-seed"), QStringLiteral("9")}));
    const SendRun run = m_h.cli(sendArgs(QStringLiteral("flaky"), {QStringLiteral("--all-users")}));
    QCOMPARE(run.exitCode, 1);
    const int unconfirmed = run.states().value(QStringLiteral("unconfirmed"));
    QVERIFY(unconfirmed > 0);
    // Dropped after the effect: each of them did get it, once.
    QCOMPARE(m_h.stat(QStringLiteral("duplicates")), 0);
    const qint64 deliveries = m_h.stat(QStringLiteral("deliveries"));
    // An unconfirmed send may or may not have arrived (a 429 can be dropped too).
    QVERIFY(deliveries >= run.states().value(QStringLiteral("sent")));
    QVERIFY(deliveries <= run.states().value(QStringLiteral("sent")) + unconfirmed);

    // A plain resume sends nobody again.
    const SendRun plain = m_h.cli({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("send"),
                                   QStringLiteral("--resume"), QStringLiteral("flaky")});
    QCOMPARE(plain.records().size(), 0);
    QCOMPARE(m_h.stat(QStringLiteral("deliveries")), deliveries);

    // --retry-unconfirmed: exactly the unconfirmed ones are sent again (and so get it twice here).
    const SendRun retry = m_h.cli({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("send"),
                                   QStringLiteral("--resume"), QStringLiteral("flaky"),
                                   QStringLiteral("--retry-unconfirmed")});
    QCOMPARE(retry.records().size(), unconfirmed);
    QVERIFY(m_h.stat(QStringLiteral("duplicates")) >= 1);
    QVERIFY(m_h.stat(QStringLiteral("duplicates")) <= unconfirmed);
}

void TestSendE2e::faultsNeverDuplicate()
{
    QVERIFY(m_h.startSim(300,
                         {QStringLiteral("--installed"), QStringLiteral("0.7"), QStringLiteral("--fault-503"),
                          QStringLiteral("0.05"), QStringLiteral("--fault-drop-before"),
                          QStringLiteral("0.05"), QStringLiteral("--fault-drop-after"),
                          QStringLiteral("0.05"), QStringLiteral("--fault-seed"), QStringLiteral("4")}));
    const SendRun run = m_h.cli(sendArgs(QStringLiteral("faulty"), {QStringLiteral("--all-users")}));
    QVERIFY2(run.exitCode == 1 || run.exitCode == 0, qPrintable(run.err));
    const SendRun resumed
        = m_h.cli({QStringLiteral("send"), QStringLiteral("--resume"), QStringLiteral("faulty")});
    QVERIFY2(resumed.exitCode == 1 || resumed.exitCode == 0, qPrintable(resumed.err));
    const SendRun rep = report(QStringLiteral("faulty"));
    QCOMPARE(rep.records().size(), m_h.users().size());
    QCOMPARE(rep.states().value(QStringLiteral("pending")), 0);
    QVERIFY(m_h.stat(QStringLiteral("faults/serviceUnavailable")) > 0);
    QVERIFY(m_h.stat(QStringLiteral("faults/dropAfterEffect")) > 0);
    checkExactlyOnce(rep.records());
    const QHash<QString, int> s = rep.states();
    const QString summary
        = QStringLiteral("sent=%1 unconfirmed=%2 failed=%3 faults=%4")
              .arg(s.value(QStringLiteral("sent")))
              .arg(s.value(QStringLiteral("unconfirmed")))
              .arg(s.value(QStringLiteral("failed")))
              .arg(QString::fromUtf8(QJsonDocument(m_h.stats().value(QStringLiteral("faults")).toObject())
                                         .toJson(QJsonDocument::Compact)));
    qInfo("%s", qPrintable(summary));
}

void TestSendE2e::lockHeldByAnotherProcess()
{
    QVERIFY(m_h.startSim(20, {QStringLiteral("--installed"), QStringLiteral("1")}));
    QDir().mkpath(m_h.dataDir());
    QLockFile held(herald::campaign::CampaignLock::lockPath(m_h.dataDir(), QStringLiteral("locked")));
    QVERIFY(held.tryLock());
    const SendRun run = m_h.cli(sendArgs(QStringLiteral("locked"), {QStringLiteral("--all-users")}));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("another process")), qPrintable(run.err));
    QCOMPARE(m_h.stat(QStringLiteral("deliveries")), 0);
    held.unlock();
    const SendRun after = m_h.cli(sendArgs(QStringLiteral("locked"), {QStringLiteral("--all-users")}));
    QVERIFY(after.exitCode == 0 || after.exitCode == 1);
}

void TestSendE2e::readOnlyJournalIsLeftAlone()
{
    QVERIFY(m_h.startSim(20, {QStringLiteral("--installed"), QStringLiteral("1")}));
    QVERIFY(m_h.cli(sendArgs(QStringLiteral("one"), {QStringLiteral("--all-users")})).exitCode <= 1);
    QFile::setPermissions(m_h.journal(), QFileDevice::ReadOwner | QFileDevice::ReadGroup);
    const QByteArray before = fileHash(m_h.journal());
    const qint64 deliveries = m_h.stat(QStringLiteral("deliveries"));
    const SendRun run = m_h.cli(sendArgs(QStringLiteral("two"), {QStringLiteral("--all-users")}));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("read-only")), qPrintable(run.err));
    QCOMPARE(m_h.stat(QStringLiteral("deliveries")), deliveries);
    QCOMPARE(fileHash(m_h.journal()), before);
    // Reading still works.
    QCOMPARE(m_h.cli({QStringLiteral("campaigns")}).exitCode, 0);
    QFile::setPermissions(m_h.journal(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

void TestSendE2e::corruptJournalIsLeftAlone()
{
    QVERIFY(m_h.startSim(10, {QStringLiteral("--installed"), QStringLiteral("1")}));
    QDir().mkpath(m_h.dataDir());
    QFile file(m_h.journal());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray("this is not a database\n").repeated(300));
    file.close();
    const QByteArray before = fileHash(m_h.journal());
    const SendRun run = m_h.cli(sendArgs(QStringLiteral("x"), {QStringLiteral("--all-users")}));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("not a SQLite database")), qPrintable(run.err));
    const SendRun list = m_h.cli({QStringLiteral("campaigns")});
    QCOMPARE(list.exitCode, 2);
    QCOMPARE(fileHash(m_h.journal()), before);
    QCOMPARE(m_h.stat(QStringLiteral("deliveries")), 0);
}

void TestSendE2e::shortTokenLifetime()
{
    QVERIFY(m_h.startSim(600,
                         {QStringLiteral("--installed"), QStringLiteral("1"), QStringLiteral("--token-ttl"),
                          QStringLiteral("10"), QStringLiteral("--bot-blocked"), QStringLiteral("0"),
                          QStringLiteral("--unlicensed"), QStringLiteral("0"),
                          QStringLiteral("--policy-blocked"), QStringLiteral("0")}));
    const SendRun run = m_h.cli(sendArgs(QStringLiteral("ttl"), {QStringLiteral("--all-users")}));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err.right(2000)));
    QCOMPARE(run.states().value(QStringLiteral("sent")), 600);
    QVERIFY2(m_h.stat(QStringLiteral("requests/token")) >= 3,
             qPrintable(QString::number(m_h.stat(QStringLiteral("requests/token")))));
}

QTEST_GUILESS_MAIN(TestSendE2e)
#include "tst_send_e2e.moc"
