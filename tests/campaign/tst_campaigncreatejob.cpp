// CampaignCreateJob: a GUI campaign's create (campaign row + inputs, one
// transaction) on a worker thread. The event loop keeps running while
// 100,000 inputs are written, the journal then holds exactly what the
// synchronous CampaignStore::create() writes, and every failure (read-only,
// full, damaged, newer journal, name taken, cancelled) leaves no campaign.

#include "campaign/CampaignCreateJob.h"
#include "campaign/CampaignStore.h"
#include "campaign/JournalRecipientFeed.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace herald;
using namespace herald::campaign;

namespace {

constexpr int kHundredThousand = 100000;

CampaignSpec specNamed(const QString &name, qint64 inputs)
{
    CampaignSpec spec;
    spec.name = name;
    spec.tenant = QStringLiteral("contoso.onmicrosoft.com");
    spec.teamsAppId = QStringLiteral("a1b2c3d4-0000-1111-2222-333344445555");
    spec.botId = QStringLiteral("b0b0b0b0-0000-1111-2222-333344445555");
    spec.messageName = QStringLiteral("message.md");
    spec.messageSource = "**Planned maintenance** on Saturday, {{displayName}}.";
    spec.options = {{source::kSource, QJsonObject()},
                    {source::kInputs, inputs},
                    {QStringLiteral("installMissing"), true},
                    {QStringLiteral("toChannel"), false}};
    return spec;
}

// What the GUI's table hands over: resolved users, a team now and then, CSV
// columns on some, and `unresolved` rows the directory did not find (no id:
// not journaled) spread among them.
RecipientList guiTable(int count, int unresolved = 0)
{
    RecipientList table;
    table.reserve(count + unresolved);
    const int every = unresolved > 0 ? count / unresolved : 0;
    for (int i = 0; i < count; ++i) {
        if (every > 0 && i % every == 0 && unresolved-- > 0) {
            Recipient missing;
            missing.input = QStringLiteral("gone%1@contoso.onmicrosoft.com").arg(i);
            table << missing;
        }
        Recipient r;
        r.id = QStringLiteral("%1-1111-2222-3333-444455556666").arg(i, 8, 16, QLatin1Char('0'));
        if (i % 1000 == 999) {
            r.kind = RecipientKind::Team;
            r.inputKind = InputKind::ObjectId;
            r.displayName = QStringLiteral("Team %1").arg(i);
        } else {
            r.input = QStringLiteral(" user%1@contoso.onmicrosoft.com").arg(i); // trimmed when journaled
            r.inputKind = InputKind::UserPrincipalName;
            r.displayName = QStringLiteral("User %1").arg(i);
            r.givenName = QStringLiteral("Given %1").arg(i);
            r.userPrincipalName = r.input.trimmed();
            r.mail = i % 3 ? r.userPrincipalName : QString();
        }
        if (i % 7 == 0)
            r.extra = RecipientExtra({QStringLiteral("office")}, {QStringLiteral("Oslo %1").arg(i % 5)});
        table << r;
    }
    return table;
}

JournalInputs inputsOf(const RecipientList &table)
{
    JournalInputs inputs;
    inputs.reserve(table.size());
    for (const Recipient &r : table) {
        if (!r.id.isEmpty())
            inputs << JournalInput::from(r);
    }
    return inputs;
}

JournalInputs guiInputs(int count)
{
    return inputsOf(guiTable(count));
}

JournalInputs readInputs(CampaignStore &store, qint64 id)
{
    JournalInputs back;
    back.reserve(kHundredThousand);
    if (!store.forEachInput(id, [&back](const JournalInput &in) { back << in; }))
        qWarning("%s", qPrintable(store.lastError()));
    return back;
}

bool sameInput(const JournalInput &a, const JournalInput &b)
{
    return a.seq == b.seq && a.kind == b.kind && a.input == b.input && a.inputKind == b.inputKind
        && a.userId == b.userId && a.displayName == b.displayName && a.givenName == b.givenName
        && a.userPrincipalName == b.userPrincipalName && a.mail == b.mail && a.extra == b.extra;
}

// Rows in a journal's tables, read with a connection of the test's own.
int rowsIn(const QString &path, const QString &table)
{
    int count = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("count"));
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QSqlQuery q(db);
        if (db.open() && q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(table)) && q.next())
            count = q.value(0).toInt();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("count"));
    return count;
}

// Counts the ticks of a 10 ms timer and the longest gap between two of them
// (or between start and the first / the last and stop): how long the event
// loop was held up.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setInterval(10);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            ++m_ticks;
            note();
        });
    }
    void start()
    {
        m_ticks = 0;
        m_longestMs = 0;
        m_clock.start();
        m_timer.start();
    }
    void stop()
    {
        note();
        m_timer.stop();
    }
    int ticks() const { return m_ticks; }
    double longestMs() const { return m_longestMs; }

private:
    void note()
    {
        m_longestMs = std::max(m_longestMs, double(m_clock.nsecsElapsed()) / 1e6);
        m_clock.restart();
    }
    QTimer m_timer;
    QElapsedTimer m_clock;
    int m_ticks = 0;
    double m_longestMs = 0;
};

} // namespace

class TestCampaignCreateJob : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void hundredThousandWithoutBlockingTheEventLoop();
    void failureLeavesNoCampaign_data();
    void failureLeavesNoCampaign();
    void cancelRollsBack();
    void destroyedWhileRunningCommitsOrNot();

private:
    QString path() const { return CampaignStore::databasePath(m_dir->path()); }
    // Runs `job` to its end, the event loop turning meanwhile.
    static bool runToEnd(CampaignCreateJob *job);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCampaignCreateJob::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestCampaignCreateJob::cleanup()
{
    if (QFile::exists(path()))
        QFile::setPermissions(path(), QFile::ReadOwner | QFile::WriteOwner);
    m_dir.reset();
}

bool TestCampaignCreateJob::runToEnd(CampaignCreateJob *job)
{
    QSignalSpy finished(job, &graph::Job::finished);
    job->start();
    return finished.count() == 1 || finished.wait(120000);
}

void TestCampaignCreateJob::hundredThousandWithoutBlockingTheEventLoop()
{
    // The table as CampaignController hands it over; the synchronous
    // reference gets the inputs startNew() used to make of it.
    const RecipientList table = guiTable(kHundredThousand, 250);
    QCOMPARE(table.size(), qsizetype(kHundredThousand + 250));
    const JournalInputs inputs = inputsOf(table);
    QCOMPARE(inputs.size(), qsizetype(kHundredThousand));
    const CampaignSpec spec = specNamed(QStringLiteral("All staff"), inputs.size());

    // Before: the synchronous create, as startNew() did it on the GUI thread.
    QTemporaryDir syncDir;
    CampaignStore sync(CampaignStore::databasePath(syncDir.path()));
    QVERIFY(sync.open(CampaignStore::Mode::ReadWrite));
    StallMeter meter;
    meter.start();
    const qint64 syncId = sync.create(spec, inputs);
    meter.stop();
    QVERIFY2(syncId > 0, qPrintable(sync.lastError()));
    const double syncStallMs = meter.longestMs();

    // After: the job, with the GUI's own store open on the same journal (as
    // CampaignController has it) reading while the worker writes.
    CampaignStore gui(path());
    QVERIFY(gui.open(CampaignStore::Mode::ReadWrite));
    auto *job = new CampaignCreateJob(path(), spec, table);
    job->setAutoDelete(false);
    QSignalSpy finished(job, &graph::Job::finished);
    int listsWhileWriting = 0;
    QTimer reader;
    reader.setInterval(20);
    connect(&reader, &QTimer::timeout, this, [&] {
        if (!job->isFinished() && gui.list().isEmpty()) // not committed: not there yet
            ++listsWhileWriting;
    });
    meter.start();
    reader.start();
    job->start();
    QVERIFY(!job->isFinished()); // the answer comes later, from the event loop
    QCOMPARE(finished.count(), 0);
    QVERIFY(finished.wait(120000));
    meter.stop();
    reader.stop();
    QVERIFY2(job->succeeded(), qPrintable(job->errorString()));
    QVERIFY(job->errorString().isEmpty());
    const qint64 id = job->campaignId();
    QVERIFY(id > 0);
    qInfo("100,000 inputs: the synchronous create held the event loop %.0f ms; with CampaignCreateJob the "
          "longest gap between 10 ms ticks was %.1f ms (%d ticks, %d campaign lists read meanwhile)",
          syncStallMs, meter.longestMs(), meter.ticks(), listsWhileWriting);
    QVERIFY2(meter.ticks() > 5, qPrintable(QString::number(meter.ticks())));
    QVERIFY(listsWhileWriting > 0);
    delete job;

    // Exactly what the synchronous create wrote, seen through the GUI's store.
    const auto made = gui.campaign(id);
    const auto reference = sync.campaign(syncId);
    QVERIFY(made && reference);
    QCOMPARE(made->spec.name, reference->spec.name);
    QCOMPARE(made->spec.tenant, reference->spec.tenant);
    QCOMPARE(made->spec.tenantId, reference->spec.tenantId);
    QCOMPARE(made->spec.teamsAppId, reference->spec.teamsAppId);
    QCOMPARE(made->spec.botId, reference->spec.botId);
    QCOMPARE(made->spec.messageName, reference->spec.messageName);
    QCOMPARE(made->spec.messageSource, reference->spec.messageSource);
    QCOMPARE(made->spec.options, reference->spec.options);
    QCOMPARE(made->state, reference->state);
    QCOMPARE(made->state, CampaignState::Stopped);
    QCOMPARE(made->intakeDone, false);
    QCOMPARE(made->run, 0);
    QCOMPARE(made->total(), 0); // no recipient rows yet: the runner's intake writes them
    QCOMPARE(gui.inputCount(id), kHundredThousand);
    const JournalInputs mine = readInputs(gui, id);
    const JournalInputs theirs = readInputs(sync, syncId);
    QCOMPARE(mine.size(), qsizetype(kHundredThousand));
    QCOMPARE(theirs.size(), qsizetype(kHundredThousand));
    for (int i = 0; i < kHundredThousand; ++i) {
        if (!sameInput(mine.at(i), theirs.at(i)))
            QFAIL(qPrintable(QStringLiteral("input %1 differs: %2 / %3")
                                 .arg(i)
                                 .arg(mine.at(i).input, theirs.at(i).input)));
        QCOMPARE(mine.at(i).seq, qint64(i + 1));
    }
    QCOMPARE(mine.at(998).kind, RecipientKind::User);
    QCOMPARE(mine.at(999).kind, RecipientKind::Team);
    QCOMPARE(mine.at(7).extra, inputs.at(7).extra);
    QCOMPARE(mine.at(1).input, QStringLiteral("user1@contoso.onmicrosoft.com"));
    QCOMPARE(mine.at(1).givenName, QStringLiteral("Given 1"));
    QCOMPARE(mine.at(999).input, mine.at(999).userId); // a team: its id is the input
}

void TestCampaignCreateJob::failureLeavesNoCampaign_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expected"); // part of the sentence
    QTest::newRow("read-only journal") << "read-only"
                                       << "is read-only";
    QTest::newRow("disk full") << "full"
                               << "is full";
    QTest::newRow("damaged journal") << "damaged"
                                     << "damaged or not a SQLite database";
    QTest::newRow("newer journal") << "newer"
                                   << "newer Herald";
    QTest::newRow("name taken") << "taken"
                                << "already exists";
}

void TestCampaignCreateJob::failureLeavesNoCampaign()
{
    QFETCH(QString, kind);
    QFETCH(QString, expected);
    const JournalInputs inputs = guiInputs(20000);
    const CampaignSpec spec = specNamed(QStringLiteral("big"), inputs.size());
    int pages = 0;
    QString syncError; // what CampaignStore says on the GUI thread for the same journal
    {
        CampaignStore store(path());
        QVERIFY(store.open(CampaignStore::Mode::ReadWrite));
        if (kind == QLatin1String("taken"))
            QVERIFY(store.create(spec, inputs.mid(0, 3)) > 0);
        if (kind == QLatin1String("full")) {
            pages = 40; // room for the campaign row, not for its list
            QVERIFY(store.setMaxPageCount(pages));
        }
        if (kind == QLatin1String("full") || kind == QLatin1String("taken")) {
            QCOMPARE(store.create(spec, inputs), 0);
            syncError = store.lastError();
        }
    }
    if (kind == QLatin1String("read-only")) {
        QVERIFY(QFile::setPermissions(path(), QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    } else if (kind == QLatin1String("damaged")) {
        QFile::remove(path() + QStringLiteral("-wal"));
        QFile::remove(path() + QStringLiteral("-shm"));
        QFile file(path());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QByteArray(8192, 'x'));
    } else if (kind == QLatin1String("newer")) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("newer"));
        db.setDatabaseName(path());
        QVERIFY(db.open());
        QVERIFY(QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version=99")));
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("newer"));
    }
    if (syncError.isEmpty()) {
        CampaignStore store(path());
        QVERIFY(!store.open(CampaignStore::Mode::ReadWrite, &syncError));
    }

    CampaignCreateJob job(path(), spec, inputs);
    job.setAutoDelete(false);
    if (pages)
        job.setMaxPageCount(pages);
    QVERIFY(runToEnd(&job));
    QVERIFY(!job.succeeded());
    QCOMPARE(job.campaignId(), 0);
    QVERIFY2(job.errorString().contains(expected), qPrintable(job.errorString()));
    QCOMPARE(job.errorString(), syncError); // the same sentence as the synchronous create
    QCOMPARE(job.error().message, syncError);
    QCOMPARE(job.diskFull(), kind == QLatin1String("full"));
    QVERIFY(!job.cancelled());

    // Nothing of it is in the journal.
    if (kind == QLatin1String("damaged")) {
        QFile file(path());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray(8192, 'x')); // left untouched
        return;
    }
    if (kind == QLatin1String("read-only"))
        QVERIFY(QFile::setPermissions(path(), QFile::ReadOwner | QFile::WriteOwner));
    const bool taken = kind == QLatin1String("taken");
    QCOMPARE(rowsIn(path(), QStringLiteral("campaigns")), taken ? 1 : 0);
    QCOMPARE(rowsIn(path(), QStringLiteral("inputs")), taken ? 3 : 0);
}

void TestCampaignCreateJob::cancelRollsBack()
{
    const JournalInputs inputs = guiInputs(kHundredThousand);
    CampaignCreateJob job(path(), specNamed(QStringLiteral("c"), inputs.size()), inputs);
    job.setAutoDelete(false);
    QSignalSpy finished(&job, &graph::Job::finished);
    job.start();
    job.cancel(); // 100,000 inputs are 1,000 inserts: the worker sees it before the commit
    QVERIFY(finished.wait(60000));
    QVERIFY(!job.succeeded());
    QVERIFY(job.cancelled());
    QCOMPARE(job.error().kind, graph::GraphError::Kind::Cancelled);
    QVERIFY2(job.errorString().contains(QLatin1String("cancelled")), qPrintable(job.errorString()));
    QCOMPARE(job.campaignId(), 0);
    QCOMPARE(rowsIn(path(), QStringLiteral("campaigns")), 0);
    QCOMPARE(rowsIn(path(), QStringLiteral("inputs")), 0);

    // The journal is fine afterwards: the same campaign can be created.
    CampaignCreateJob again(path(), specNamed(QStringLiteral("c"), inputs.size()), inputs.mid(0, 10));
    again.setAutoDelete(false);
    QVERIFY(runToEnd(&again));
    QVERIFY2(again.succeeded(), qPrintable(again.errorString()));
    QCOMPARE(rowsIn(path(), QStringLiteral("inputs")), 10);
}

void TestCampaignCreateJob::destroyedWhileRunningCommitsOrNot()
{
    // The window closes while the create runs: the job goes away with the
    // worker mid-transaction. Either nothing is there or all of it is.
    const JournalInputs inputs = guiInputs(kHundredThousand);
    QElapsedTimer clock;
    {
        CampaignCreateJob job(path(), specNamed(QStringLiteral("c"), inputs.size()), inputs);
        job.start();
        QTest::qWait(50);
        clock.start();
    }
    const qint64 waitedMs = clock.elapsed();
    qInfo("destroying the running job waited %lld ms for its worker", waitedMs);
    const int campaigns = rowsIn(path(), QStringLiteral("campaigns"));
    const int written = rowsIn(path(), QStringLiteral("inputs"));
    QVERIFY(campaigns == 0 || campaigns == 1);
    QCOMPARE(written, campaigns * kHundredThousand);
    // And the journal opens as always.
    CampaignStore store(path());
    QVERIFY(store.open(CampaignStore::Mode::ReadWrite));
    QCOMPARE(store.list().size(), campaigns);
}

QTEST_GUILESS_MAIN(TestCampaignCreateJob)
#include "tst_campaigncreatejob.moc"
