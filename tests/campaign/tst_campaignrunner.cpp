// CampaignRunner against the in-process herald-sim: write-ahead order,
// signals, pause/resume, stop and abort, a full journal, a changed message.

#include "SimFixture.h"
#include "auth/ClientSecretTokenProvider.h"
#include "bot/BotConnectorClient.h"
#include "bot/BotRate.h"
#include "campaign/ActivitySource.h"
#include "campaign/CampaignRunner.h"
#include "campaign/CampaignStore.h"
#include "campaign/RecipientIntake.h"
#include "graph/RatePlanner.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace herald;
using namespace herald::campaign;
using herald::sim::Tenant;
using herald::test::SimFixture;

namespace {

QJsonObject activity(const QString &text)
{
    return {{QStringLiteral("type"), QStringLiteral("message")}, {QStringLiteral("text"), text}};
}

// Rows from a list, a chunk per fetchMore(), as the directory would deliver them.
class ListIntake : public RecipientIntake
{
public:
    ListIntake(JournalRows rows, int chunk)
        : m_rows(std::move(rows))
        , m_chunk(chunk)
    {
    }
    void start() override { fetchMore(); }
    void fetchMore() override
    {
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (m_finished)
                    return;
                const JournalRows part = m_rows.mid(m_next, m_chunk);
                m_next += part.size();
                if (!part.isEmpty())
                    emit rowsReady(part);
                if (m_next >= m_rows.size() && !m_finished) {
                    m_finished = true;
                    emit finished({});
                }
            },
            Qt::QueuedConnection);
    }
    void abort() override { m_finished = true; }
    bool isFinished() const override { return m_finished; }

private:
    JournalRows m_rows;
    qsizetype m_next = 0;
    int m_chunk;
    bool m_finished = false;
};

} // namespace

class TestCampaignRunner : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void deliversEveryRowWithSignals();
    void rowsAreSendingInTheJournalBeforeTheyLeave();
    void pauseHoldsAndResumeContinues();
    void stopWaitsForInFlightAndKeepsTheRest();
    void abortNowLeavesNothingSending();
    void fullJournalStopsSending();
    void changedMessageIsNotSent();
    void intakeRowsAreBoundAndSent();

private:
    JournalRows rowsFor(int count, const FixedActivitySource &source);
    qint64 newCampaign(int rows, const FixedActivitySource &source);
    CampaignRunner *runner(qint64 id, std::shared_ptr<const ActivitySource> source, int maxInFlight = 16);
    qint64 deliveries()
    {
        return qint64(m_sim->server().stats().value(QStringLiteral("deliveries")).toDouble());
    }

    std::unique_ptr<SimFixture> m_sim;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<auth::ClientSecretTokenProvider> m_tokens;
    std::unique_ptr<graph::RatePlanner> m_planner;
    std::unique_ptr<bot::BotConnectorClient> m_bot;
    std::unique_ptr<CampaignStore> m_store;
    std::shared_ptr<FixedActivitySource> m_activity;
};

void TestCampaignRunner::init()
{
    sim::SimOptions o = SimFixture::defaultOptions();
    o.users = 400;
    o.installedFraction = 1.0;
    o.botBlockedFraction = 0;
    o.unlicensedFraction = 0;
    o.policyBlockedFraction = 0;
    o.timeScale = 10; // 500 sends/s
    m_sim = std::make_unique<SimFixture>(o);
    QVERIFY(m_sim->start());
    m_dir = std::make_unique<QTemporaryDir>();
    m_network = std::make_unique<QNetworkAccessManager>();
    auth::ClientCredentialsSettings identity{m_sim->baseUrl(), auth::BotFrameworkTenant, m_sim->clientId(),
                                             auth::BotFrameworkScope};
    m_tokens = std::make_unique<auth::ClientSecretTokenProvider>(m_network.get(), identity, m_sim->secret());
    m_tokens->setTimeScale(o.timeScale);
    m_planner = std::make_unique<graph::RatePlanner>();
    bot::rate::defineBotClasses(*m_planner);
    m_planner->setTimeScale(o.timeScale);
    bot::BotSettings settings;
    settings.serviceUrl = m_sim->server().botServiceUrl();
    settings.botId = m_sim->clientId();
    settings.tenantId = m_sim->tenantId();
    m_bot = std::make_unique<bot::BotConnectorClient>(settings, m_tokens.get(), m_planner.get());
    m_store = std::make_unique<CampaignStore>(CampaignStore::databasePath(m_dir->path()));
    QVERIFY(m_store->open(CampaignStore::Mode::ReadWrite));
    m_activity = std::make_shared<FixedActivitySource>(activity(QStringLiteral("Hello")));
}

void TestCampaignRunner::cleanup()
{
    m_store.reset();
    m_bot.reset();
    m_sim.reset();
}

qint64 TestCampaignRunner::newCampaign(int rows, const FixedActivitySource &source)
{
    CampaignSpec spec;
    spec.name = QStringLiteral("c");
    const qint64 id = m_store->create(spec);
    JournalRows list = rowsFor(rows, source);
    m_store->addRows(id, list);
    return id;
}

JournalRows TestCampaignRunner::rowsFor(int rows, const FixedActivitySource &source)
{
    JournalRows list;
    const QByteArray hash = source.bind({}).hash;
    for (int i = 0; i < rows; ++i) {
        const QString user = m_sim->tenant().user(i).id;
        JournalRow row;
        row.key = user.toLower();
        row.recipient = m_sim->tenant().user(i).userPrincipalName;
        row.userId = user;
        row.chatId = i % 2 ? Tenant::personalChatId(user, m_sim->clientId()) : QString(); // half via create
        row.payloadHash = hash;
        row.displayName = QString(300, QLatin1Char('n')); // rows with some weight, so the file grows
        list << row;
    }
    return list;
}

CampaignRunner *TestCampaignRunner::runner(qint64 id, std::shared_ptr<const ActivitySource> source,
                                           int maxInFlight)
{
    CampaignRunner::Options options;
    options.maxInFlight = maxInFlight;
    auto *r = new CampaignRunner(m_store.get(), id, m_bot.get(), std::move(source), options, this);
    return r;
}

void TestCampaignRunner::deliversEveryRowWithSignals()
{
    const qint64 id = newCampaign(300, *m_activity);
    CampaignRunner *r = runner(id, m_activity);
    QSignalSpy changed(r, &CampaignRunner::recipientChanged);
    QSignalSpy progress(r, &CampaignRunner::progressChanged);
    QSignalSpy finished(r, &CampaignRunner::finished);
    QStringList learned;
    r->setChatLearned([&learned](const QString &user, const QString &) { learned << user; });
    r->start();
    QVERIFY(finished.wait(20000));
    QCOMPARE(r->result(), CampaignRunner::Result::Finished);
    QCOMPARE(deliveries(), 300);
    QCOMPARE(changed.size(), 600); // sending, then sent, for each
    QCOMPARE(learned.size(), 150); // the rows without a chat id learned theirs
    QVERIFY(progress.size() >= 2);
    const auto last = progress.last().first().value<CampaignProgress>();
    QCOMPARE(last.done, 300);
    QCOMPARE(last.counts[int(JournalState::Sent)], 300);
    QCOMPARE(m_store->campaign(id)->state, CampaignState::Finished);
    int withChat = 0;
    m_store->forEachRow(id, [&withChat](const JournalRow &row) { withChat += row.chatId.isEmpty() ? 0 : 1; });
    QCOMPARE(withChat, 300);
    delete r;
}

void TestCampaignRunner::rowsAreSendingInTheJournalBeforeTheyLeave()
{
    const qint64 id = newCampaign(40, *m_activity);
    CampaignRunner *r = runner(id, m_activity, 4);
    CampaignStore reader(m_store->path()); // another connection: what a crash would leave behind
    QVERIFY(reader.open(CampaignStore::Mode::ReadOnly));
    int checked = 0;
    int violations = 0;
    connect(r, &CampaignRunner::recipientChanged, this, [&](const JournalRow &row) {
        if (row.state != JournalState::Sending)
            return;
        // Emitted just before the row's request is handed to the bot client.
        const qint64 before = deliveries();
        reader.forEachRow(id, [&](const JournalRow &stored) {
            if (stored.seq == row.seq && stored.state != JournalState::Sending)
                ++violations;
        });
        QCOMPARE(deliveries(), before);
        ++checked;
    });
    QSignalSpy finished(r, &CampaignRunner::finished);
    r->start();
    QVERIFY(finished.wait(20000));
    QCOMPARE(checked, 40);
    QCOMPARE(violations, 0);
    QCOMPARE(deliveries(), 40);
    delete r;
}

void TestCampaignRunner::pauseHoldsAndResumeContinues()
{
    const qint64 id = newCampaign(300, *m_activity);
    CampaignRunner *r = runner(id, m_activity);
    QSignalSpy finished(r, &CampaignRunner::finished);
    r->start();
    QTRY_VERIFY(deliveries() >= 50);
    r->pause();
    QVERIFY(r->isPaused());
    QTRY_COMPARE(r->progress().inFlight, 0);
    const qint64 held = deliveries();
    QTest::qWait(300); // paused: nothing new may leave
    QCOMPARE(deliveries(), held);
    QVERIFY(held < 300);
    QVERIFY(finished.isEmpty());
    r->resume();
    QVERIFY(finished.wait(20000));
    QCOMPARE(deliveries(), 300);
    QCOMPARE(r->result(), CampaignRunner::Result::Finished);
    delete r;
}

void TestCampaignRunner::stopWaitsForInFlightAndKeepsTheRest()
{
    const qint64 id = newCampaign(300, *m_activity);
    CampaignRunner *r = runner(id, m_activity);
    QSignalSpy finished(r, &CampaignRunner::finished);
    r->start();
    QTRY_VERIFY(deliveries() >= 30);
    r->stop();
    QVERIFY(finished.wait(20000));
    QCOMPARE(r->result(), CampaignRunner::Result::Stopped);
    const auto info = m_store->campaign(id);
    QCOMPARE(info->state, CampaignState::Stopped);
    QCOMPARE(info->count(JournalState::Sending), 0);
    QCOMPARE(qint64(info->count(JournalState::Sent)), deliveries());
    QCOMPARE(info->count(JournalState::Sent) + info->count(JournalState::Pending), 300);
    delete r;

    // A second run sends the rest, and nobody twice.
    CampaignRunner *again = runner(id, m_activity);
    QSignalSpy done(again, &CampaignRunner::finished);
    again->start();
    QVERIFY(done.wait(20000));
    QCOMPARE(deliveries(), 300);
    QCOMPARE(m_sim->server().stats().value(QStringLiteral("duplicates")).toInt(), 0);
    delete again;
}

void TestCampaignRunner::abortNowLeavesNothingSending()
{
    const qint64 id = newCampaign(300, *m_activity);
    CampaignRunner *r = runner(id, m_activity);
    QSignalSpy finished(r, &CampaignRunner::finished);
    r->start();
    QTRY_VERIFY(deliveries() >= 20);
    r->abortNow();
    QTRY_COMPARE(finished.size(), 1);
    const auto info = m_store->campaign(id);
    QCOMPARE(info->count(JournalState::Sending), 0);
    // Requests written when abandoned are unconfirmed; the rest are pending again.
    QVERIFY(info->count(JournalState::Unconfirmed) <= 16);
    QVERIFY(qint64(info->count(JournalState::Sent)) <= deliveries());
    QVERIFY(qint64(info->count(JournalState::Sent) + info->count(JournalState::Unconfirmed)) >= deliveries());
    delete r;
}

void TestCampaignRunner::fullJournalStopsSending()
{
    const qint64 id = newCampaign(0, *m_activity);
    // The journal may not grow any more: the intake's rows cannot be written,
    // as on a full disk, while the first ones are being sent.
    JournalRows rows = rowsFor(300, *m_activity);
    JournalRows first = rows.mid(0, 20);
    QVERIFY(m_store->addRows(id, first));
    QVERIFY(m_store->setMaxPageCount(1)); // SQLite keeps it at the current size
    CampaignRunner *r = runner(id, m_activity);
    r->setIntake(new ListIntake(rows.mid(20), 40));
    QSignalSpy finished(r, &CampaignRunner::finished);
    r->start();
    QVERIFY(finished.wait(20000));
    QCOMPARE(r->result(), CampaignRunner::Result::JournalError);
    QVERIFY2(r->errorString().contains(QLatin1String("full")), qPrintable(r->errorString()));
    // Nothing was sent that the journal did not announce first.
    CampaignStore reader(m_store->path());
    QVERIFY(reader.open(CampaignStore::Mode::ReadOnly));
    const auto info = reader.campaign(id);
    QVERIFY(info);
    QVERIFY(deliveries() <= info->count(JournalState::Sending) + info->count(JournalState::Sent));
    QVERIFY(deliveries() <= 20);
    delete r;
}

void TestCampaignRunner::changedMessageIsNotSent()
{
    const qint64 id = newCampaign(10, *m_activity);
    auto other = std::make_shared<FixedActivitySource>(activity(QStringLiteral("Something else")));
    CampaignRunner *r = runner(id, other);
    QSignalSpy finished(r, &CampaignRunner::finished);
    r->start();
    QVERIFY(finished.wait(20000));
    QCOMPARE(deliveries(), 0);
    int failed = 0;
    m_store->forEachRow(id, [&failed](const JournalRow &row) {
        failed += row.state == JournalState::Failed && row.lastError.contains(QLatin1String("differs"));
    });
    QCOMPARE(failed, 10);
    delete r;
}

void TestCampaignRunner::intakeRowsAreBoundAndSent()
{
    const qint64 id = newCampaign(0, *m_activity);
    JournalRows rows = rowsFor(120, *m_activity);
    for (JournalRow &row : rows)
        row.payloadHash.clear(); // the runner binds and records it
    rows[5].state = JournalState::NotFound;
    rows[5].lastError = QStringLiteral("Not found in the directory.");
    CampaignRunner *r = runner(id, m_activity);
    r->setIntake(new ListIntake(rows, 25));
    QSignalSpy finished(r, &CampaignRunner::finished);
    r->start();
    QVERIFY(finished.wait(20000));
    QCOMPARE(r->result(), CampaignRunner::Result::Finished);
    QCOMPARE(deliveries(), 119);
    const auto info = m_store->campaign(id);
    QVERIFY(info->intakeDone);
    QCOMPARE(info->count(JournalState::Sent), 119);
    QCOMPARE(info->count(JournalState::NotFound), 1);
    m_store->forEachRow(id, [this](const JournalRow &row) {
        if (row.state == JournalState::Sent)
            QCOMPARE(row.payloadHash, m_activity->bind({}).hash);
    });
    delete r;
}

QTEST_GUILESS_MAIN(TestCampaignRunner)
#include "tst_campaignrunner.moc"
