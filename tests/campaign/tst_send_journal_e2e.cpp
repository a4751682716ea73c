// What a campaign journals up front, end to end: the BUILT herald-cli
// against a herald-sim process.
//  - the tenant: --tenant given as the verified domain still sends (the
//    simulator, like the service, takes only the tenant GUID) and the
//    campaign journals the GUID it used;
//  - the recipients: a campaign killed while its --users FILE was still
//    being worked through resumes with exactly the recipients of the file as
//    it was at the start -- whether the file has since changed or gone --
//    and nobody gets the message twice.

#include "SendHarness.h"
#include "campaign/CampaignStore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSet>
#include <QTest>
#include <csignal>

using namespace herald::test;
using herald::campaign::CampaignStore;

namespace {

QString upn(const QJsonValue &u)
{
    return u.toObject().value(QStringLiteral("userPrincipalName")).toString();
}

bool writeLines(const QString &path, const QStringList &lines)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    file.write((lines.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8());
    return true;
}

} // namespace

class TestSendJournalE2e : public QObject
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
        m_h.setTenant({});
        m_h.stopSim();
        QDir(m_h.dataDir()).removeRecursively();
    }

    void domainTenantSendsWithTheGuid();
    void resumeUsesTheRecipientsJournaledAtTheStart_data();
    void resumeUsesTheRecipientsJournaledAtTheStart();

private:
    // The journal as a reader sees it (read-only, like `report`).
    std::optional<herald::campaign::CampaignInfo> journaled(const QString &campaign)
    {
        CampaignStore store(m_h.journal());
        if (!store.open(CampaignStore::Mode::ReadOnly))
            return std::nullopt;
        return store.find(campaign);
    }

    SendHarness m_h;
};

void TestSendJournalE2e::domainTenantSendsWithTheGuid()
{
    QVERIFY(m_h.startSim(120, {QStringLiteral("--installed"), QStringLiteral("1")}));
    m_h.setTenant(m_h.tenantDomain());
    QVERIFY(m_h.tenantDomain().contains(QLatin1Char('.')));
    QStringList upns;
    QHash<QString, QString> want; // upn -> the state the simulator's data gives
    for (const QJsonValue &u : m_h.users()) {
        if (upns.size() == 60)
            break;
        const QJsonObject sim = SendHarness::simOf(u.toObject());
        upns << upn(u);
        want.insert(upns.last(),
                    !sim.value(QStringLiteral("teamsLicensed")).toBool() || !m_h.hasApp(u.toObject())
                        ? QStringLiteral("not_installed")
                        : sim.value(QStringLiteral("botBlocked")).toBool() ? QStringLiteral("blocked_by_user")
                                                                           : QStringLiteral("sent"));
    }
    QVERIFY(writeLines(m_h.path(QStringLiteral("domain.txt")), upns));

    const SendRun run = m_h.cli(m_h.sendArgs(
        QStringLiteral("by-domain"), {QStringLiteral("--users"), m_h.path(QStringLiteral("domain.txt"))}));
    QVERIFY2(run.exitCode == 0 || run.exitCode == 1, qPrintable(run.err));
    const QHash<QString, int> states = run.states();
    QCOMPARE(run.records().size(), 60);
    for (const QJsonObject &r : run.records()) {
        const QString who = r.value(QStringLiteral("recipient")).toString();
        QCOMPARE(r.value(QStringLiteral("state")).toString(), want.value(who));
    }
    QVERIFY2(states.value(QStringLiteral("sent")) >= 40, qPrintable(run.err));
    QCOMPARE(m_h.stat(QStringLiteral("deliveries")), qint64(states.value(QStringLiteral("sent"))));
    QVERIFY2(!run.err.contains(QLatin1String("BadArgument")), qPrintable(run.err));
    const auto info = journaled(QStringLiteral("by-domain"));
    QVERIFY(info);
    QCOMPARE(info->spec.tenant, m_h.tenantDomain()); // as the admin gave it
    QCOMPARE(info->spec.tenantId, m_h.tenantId().toLower()); // what the payloads carried

    // The test message (never journaled) resolves the tenant the same way.
    const SendRun test = m_h.cli({QStringLiteral("send"), QStringLiteral("--test-to"), upns.first(),
                                  QStringLiteral("--message"), m_h.messageFile()});
    QVERIFY2(test.exitCode == 0 || test.err.contains(QLatin1String("blocked")), qPrintable(test.err));
}

void TestSendJournalE2e::resumeUsesTheRecipientsJournaledAtTheStart_data()
{
    QTest::addColumn<bool>("deleteFile");
    QTest::newRow("file changed") << false;
    QTest::newRow("file deleted") << true;
}

void TestSendJournalE2e::resumeUsesTheRecipientsJournaledAtTheStart()
{
    QFETCH(bool, deleteFile);
    // Half the users lack the app: --install-missing keeps the intake busy
    // (installs at 30/s) well after the first messages leave (50/s).
    QVERIFY(m_h.startSim(3000, {QStringLiteral("--installed"), QStringLiteral("0.5")}));
    QStringList all;
    for (const QJsonValue &u : m_h.users())
        all << upn(u);
    QCOMPARE(all.size(), 3000);
    const QStringList original = all.mid(0, 2000);
    const QString file = m_h.path(QStringLiteral("people.txt"));
    QVERIFY(writeLines(file, original));

    auto process = m_h.launch(m_h.sendArgs(
        QStringLiteral("journaled"), {QStringLiteral("--users"), file, QStringLiteral("--install-missing")}));
    QElapsedTimer timer;
    timer.start();
    while (m_h.stat(QStringLiteral("deliveries")) < 150 && timer.elapsed() < 60000
           && process->state() == QProcess::Running)
        QTest::qWait(10);
    QCOMPARE(process->state(), QProcess::Running);
    ::kill(pid_t(process->processId()), SIGKILL);
    QVERIFY(process->waitForFinished(10000));
    const auto atKill = journaled(QStringLiteral("journaled"));
    QVERIFY(atKill);
    // Otherwise this would test nothing: the file was not worked through yet.
    QVERIFY2(!atKill->intakeDone && atKill->total() < original.size(),
             qPrintable(QStringLiteral("%1 rows journaled at the kill").arg(atKill->total())));

    // The file as it is now: gone, or a different set of people.
    if (deleteFile)
        QVERIFY(QFile::remove(file));
    else
        QVERIFY(writeLines(file, all.mid(1000))); // users 1000..2999: 1,000 who were never in it

    const SendRun resumed
        = m_h.cli({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("send"),
                   QStringLiteral("--resume"), QStringLiteral("journaled")});
    QVERIFY2(resumed.exitCode == 0 || resumed.exitCode == 1, qPrintable(resumed.err));
    QVERIFY2(!resumed.err.contains(QLatin1String("people.txt")), qPrintable(resumed.err));

    const SendRun rep = m_h.report(QStringLiteral("journaled"));
    QSet<QString> reported;
    for (const QJsonObject &r : rep.records())
        reported.insert(r.value(QStringLiteral("recipient")).toString().toLower());
    QSet<QString> expected;
    for (const QString &u : original)
        expected.insert(u.toLower());
    QCOMPARE(rep.records().size(), original.size()); // one row each, nobody added
    QCOMPARE(reported, expected); // exactly the file as it was at the start
    QCOMPARE(rep.states().value(QStringLiteral("pending")), 0);
    QCOMPARE(m_h.stat(QStringLiteral("duplicates")), 0);
    // Nobody got it twice, and nobody outside the original file got it at all.
    const QHash<QString, int> deliveries = m_h.deliveriesPerConversation();
    for (auto it = deliveries.begin(); it != deliveries.end(); ++it)
        QVERIFY2(it.value() == 1, qPrintable(it.key()));
    QVERIFY(deliveries.size() <= original.size());
    QVERIFY(rep.states().value(QStringLiteral("unconfirmed")) <= 16);
}

QTEST_GUILESS_MAIN(TestSendJournalE2e)
#include "tst_send_journal_e2e.moc"
