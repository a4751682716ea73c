// CampaignStore: the journal's rules (write-ahead claims, resume semantics,
// dedup) and its refusals (read-only, corrupt, foreign, newer, full).

#include "campaign/CampaignReport.h"
#include "campaign/CampaignStore.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace herald;
using namespace herald::campaign;

namespace {

JournalRow row(int i, JournalState state = JournalState::Pending)
{
    JournalRow r;
    r.key = QStringLiteral("user-%1").arg(i);
    r.recipient = QStringLiteral("user%1@contoso.com").arg(i);
    r.userId = r.key;
    r.displayName = QStringLiteral("User %1").arg(i);
    r.data = {{QStringLiteral("displayName"), r.displayName}};
    r.payloadHash = QByteArray(64, 'b');
    r.state = state;
    return r;
}

CampaignSpec spec(const QString &name)
{
    CampaignSpec s;
    s.name = name;
    s.tenant = QStringLiteral("t");
    s.teamsAppId = QStringLiteral("app");
    s.botId = QStringLiteral("bot");
    s.messageName = QStringLiteral("notice.md");
    s.messageSource = "Hello ${displayName}";
    return s;
}

QByteArray hashOf(const QString &path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

// What another process sees: a separate connection to the file.
QString stateSeenElsewhere(const QString &path, qint64 seq)
{
    CampaignStore other(path);
    if (!other.open(CampaignStore::Mode::ReadOnly))
        return QStringLiteral("(cannot open)");
    QString state;
    const auto info = other.find(QStringLiteral("c"));
    if (info)
        other.forEachRow(info->id, [&](const JournalRow &r) {
            if (r.seq == seq)
                state = toName(r.state);
        });
    return state;
}

} // namespace

class TestCampaignStore : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_path = CampaignStore::databasePath(m_dir->path());
    }

    void createFindAndRefuseTheSameName()
    {
        CampaignStore store(m_path);
        QVERIFY(store.open(CampaignStore::Mode::ReadWrite));
        const qint64 id = store.create(spec(QStringLiteral("c")));
        QVERIFY(id > 0);
        const auto info = store.find(QStringLiteral("c"));
        QVERIFY(info);
        QCOMPARE(info->spec.messageSource, QByteArray("Hello ${displayName}"));
        QCOMPARE(info->state, CampaignState::Stopped);
        QCOMPARE(store.create(spec(QStringLiteral("c"))), 0);
        QVERIFY2(store.lastError().contains(QLatin1String("send --resume c")), qPrintable(store.lastError()));
        QCOMPARE(store.list().size(), 1);
    }

    void rowsAreDeduplicatedByKey()
    {
        CampaignStore store(m_path);
        QVERIFY(store.open(CampaignStore::Mode::ReadWrite));
        const qint64 id = store.create(spec(QStringLiteral("c")));
        JournalRows first{row(1), row(2)};
        QVERIFY(store.addRows(id, first));
        QCOMPARE(first.size(), 2);
        QCOMPARE(first.at(1).seq, 2);
        JournalRows again{row(2), row(3)};
        QVERIFY(store.addRows(id, again));
        QCOMPARE(again.size(), 1); // user-2 is already journaled
        QCOMPARE(again.first().key, QStringLiteral("user-3"));
        QCOMPARE(again.first().seq, 3);
        QCOMPARE(store.existingKeys(id, {QStringLiteral("user-1"), QStringLiteral("user-9")}),
                 QSet<QString>{QStringLiteral("user-1")});
    }

    void claimIsCommittedBeforeItReturns()
    {
        CampaignStore store(m_path);
        QVERIFY(store.open(CampaignStore::Mode::ReadWrite));
        const qint64 id = store.create(spec(QStringLiteral("c")));
        JournalRows rows{row(1), row(2), row(3)};
        QVERIFY(store.addRows(id, rows));
        CampaignStore::ClaimRules rules;
        rules.run = store.beginRun(id);
        bool ok = false;
        const JournalRows claimed = store.claim(id, rules, 2, &ok);
        QVERIFY(ok);
        QCOMPARE(claimed.size(), 2);
        QCOMPARE(claimed.first().state, JournalState::Sending);
        QCOMPARE(claimed.first().claimedFrom, JournalState::Pending);
        QCOMPARE(claimed.first().attempts, 1);
        // Another connection (another process) already sees them `sending`.
        QCOMPARE(stateSeenElsewhere(m_path, 1), QStringLiteral("sending"));
        QCOMPARE(stateSeenElsewhere(m_path, 3), QStringLiteral("pending"));

        // An outcome is buffered, then committed with the next claim.
        JournalOutcome sent;
        sent.seq = 1;
        sent.state = JournalState::Sent;
        sent.chatId = QStringLiteral("19:chat");
        store.record(id, sent);
        QCOMPARE(stateSeenElsewhere(m_path, 1), QStringLiteral("sending"));
        const JournalRows next = store.claim(id, rules, 5, &ok);
        QVERIFY(ok);
        QCOMPARE(next.size(), 1);
        QCOMPARE(next.first().seq, 3);
        QCOMPARE(stateSeenElsewhere(m_path, 1), QStringLiteral("sent"));
        QCOMPARE(store.bufferedOutcomes(), 0);
    }

    void resumeTurnsSendingIntoUnconfirmed()
    {
        qint64 id = 0;
        {
            CampaignStore store(m_path);
            QVERIFY(store.open(CampaignStore::Mode::ReadWrite));
            id = store.create(spec(QStringLiteral("c")));
            JournalRows rows{row(1), row(2), row(3), row(4)};
            QVERIFY(store.addRows(id, rows));
            CampaignStore::ClaimRules rules;
            rules.run = store.beginRun(id);
            bool ok = false;
            QCOMPARE(store.claim(id, rules, 2, &ok).size(), 2); // then "the process dies"
        }
        CampaignStore store(m_path);
        QVERIFY(store.open(CampaignStore::Mode::ReadWrite));
        int unconfirmed = 0;
        CampaignStore::ClaimRules rules;
        rules.run = store.beginRun(id, &unconfirmed);
        QCOMPARE(rules.run, 2);
        QCOMPARE(unconfirmed, 2);
        bool ok = false;
        JournalRows claimed = store.claim(id, rules, 10, &ok);
        QCOMPARE(claimed.size(), 2); // only the pending ones
        QCOMPARE(claimed.first().seq, 3);
        // --retry-unconfirmed in a later run takes them too.
        rules = {};
        rules.run = store.beginRun(id);
        rules.retryUnconfirmed = true;
        claimed = store.claim(id, rules, 10, &ok);
        QCOMPARE(claimed.size(), 4); // 1, 2 unconfirmed; 3, 4 `sending` from the run before -> unconfirmed
        QCOMPARE(claimed.first().claimedFrom, JournalState::Unconfirmed);
    }

    void retryableFailuresAreSentOncePerRun()
    {
        CampaignStore store(m_path);
        QVERIFY(store.open(CampaignStore::Mode::ReadWrite));
        const qint64 id = store.create(spec(QStringLiteral("c")));
        JournalRows rows{row(1), row(2)};
        QVERIFY(store.addRows(id, rows));
        CampaignStore::ClaimRules rules;
        rules.run = store.beginRun(id);
        bool ok = false;
        QCOMPARE(store.claim(id, rules, 10, &ok).size(), 2);
        JournalOutcome throttled{1, JournalState::Failed, true, QStringLiteral("429"), 429, {}, {}};
        JournalOutcome gone{2, JournalState::Failed, false, QStringLiteral("404"), 404, {}, {}};
        store.record(id, throttled);
        store.record(id, gone);
        QVERIFY(store.flush());
        CampaignStore::ClaimRules again = rules;
        again.afterSeq = 0;
        QCOMPARE(store.claim(id, again, 10, &ok).size(), 0); // not twice in one run
        CampaignStore::ClaimRules next;
        next.run = store.beginRun(id);
        const JournalRows claimed = store.claim(id, next, 10, &ok);
        QCOMPARE(claimed.size(), 1); // only the retryable one
        QCOMPARE(claimed.first().seq, 1);
        QCOMPARE(claimed.first().attempts, 2);
    }

    void readOnlyJournalIsRefusedAndUntouched()
    {
        {
            CampaignStore store(m_path);
            QVERIFY(store.open(CampaignStore::Mode::ReadWrite));
            store.create(spec(QStringLiteral("c")));
        }
        QFile::setPermissions(m_path, QFileDevice::ReadOwner);
        const QByteArray before = hashOf(m_path);
        CampaignStore store(m_path);
        QString error;
        QVERIFY(!store.open(CampaignStore::Mode::ReadWrite, &error));
        QVERIFY2(error.contains(QLatin1String("read-only")), qPrintable(error));
        QCOMPARE(hashOf(m_path), before);
        CampaignStore reader(m_path);
        QVERIFY(reader.open(CampaignStore::Mode::ReadOnly, &error));
        QCOMPARE(reader.list().size(), 1);
        QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }

    void unusableFilesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("kind");
        QTest::addColumn<QString>("expected");
        QTest::newRow("garbage") << QByteArray("garbage") << QStringLiteral("not a SQLite database");
        QTest::newRow("foreign database")
            << QByteArray("foreign") << QStringLiteral("not a Herald campaign journal");
        QTest::newRow("newer schema") << QByteArray("newer") << QStringLiteral("newer Herald");
    }
    void unusableFilesAreRefused()
    {
        QFETCH(QByteArray, kind);
        QFETCH(QString, expected);
        if (kind == "garbage") {
            QFile f(m_path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray("not sqlite at all, just text\n").repeated(200));
        } else {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("maker"));
            db.setDatabaseName(m_path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(kind == "foreign" ? QStringLiteral("CREATE TABLE photos (id INTEGER)")
                                             : QStringLiteral("PRAGMA user_version=99")));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("maker"));
        const QByteArray before = hashOf(m_path);
        for (CampaignStore::Mode mode : {CampaignStore::Mode::ReadWrite, CampaignStore::Mode::ReadOnly}) {
            CampaignStore store(m_path);
            QString error;
            QVERIFY(!store.open(mode, &error));
            QVERIFY2(error.contains(expected), qPrintable(error));
        }
        QCOMPARE(hashOf(m_path), before); // never rewritten
    }

    void fullDiskIsReportedAsSuch()
    {
        CampaignStore store(m_path);
        QVERIFY(store.open(CampaignStore::Mode::ReadWrite));
        const qint64 id = store.create(spec(QStringLiteral("c")));
        QVERIFY(store.setMaxPageCount(8)); // a few pages: the next big write fails as on a full disk
        JournalRows rows;
        for (int i = 0; i < 2000; ++i)
            rows << row(i);
        QVERIFY(!store.addRows(id, rows));
        QVERIFY(store.lastErrorWasDiskFull());
        QVERIFY2(store.lastError().contains(QLatin1String("full")), qPrintable(store.lastError()));
        // Nothing half-written: the transaction rolled back.
        const auto info = store.find(QStringLiteral("c"));
        QVERIFY(info);
        QCOMPARE(info->total(), 0);
    }

    void missingFileReadsAsEmpty()
    {
        CampaignStore store(m_path);
        QVERIFY(store.open(CampaignStore::Mode::ReadOnly));
        QCOMPARE(store.list().size(), 0);
        QVERIFY(!store.find(QStringLiteral("x")));
        QVERIFY(!QFile::exists(m_path)); // reading creates nothing
    }

    void reportExportsCsvAndJson()
    {
        CampaignStore store(m_path);
        QVERIFY(store.open(CampaignStore::Mode::ReadWrite));
        const qint64 id = store.create(spec(QStringLiteral("c")));
        JournalRow tricky = row(1, JournalState::Failed);
        tricky.lastError = QStringLiteral("HTTP 404 ConversationNotFound: \"gone\", really");
        JournalRows rows{tricky, row(2)};
        QVERIFY(store.addRows(id, rows));
        CampaignStore::ClaimRules rules;
        rules.run = store.beginRun(id);
        bool ok = false;
        QCOMPARE(store.claim(id, rules, 5, &ok).size(), 1); // row 2 is in flight: reads `unconfirmed`

        QBuffer csv;
        csv.open(QIODevice::WriteOnly);
        QString error;
        QVERIFY(CampaignReport::write(store, id, CampaignReport::Format::Csv, csv, &error));
        const QList<QByteArray> lines = csv.data().split('\n');
        QCOMPARE(lines.value(0), QByteArray("recipient,id,kind,state,installationId,chatId,detail\r"));
        QCOMPARE(lines.value(1),
                 QByteArray(
                     "user1@contoso.com,user-1,user,failed,,,\"HTTP 404 ConversationNotFound: \"\"gone\"\", "
                     "really\"\r"));
        QVERIFY(lines.value(2).startsWith("user2@contoso.com,user-2,user,unconfirmed,"));

        QBuffer json;
        json.open(QIODevice::WriteOnly);
        QVERIFY(CampaignReport::write(store, id, CampaignReport::Format::Json, json, &error));
        const QList<QByteArray> objects = json.data().split('\n');
        const QJsonObject first = QJsonDocument::fromJson(objects.value(0)).object();
        QCOMPARE(first.keys().size(), 7);
        QCOMPARE(first.value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
        QCOMPARE(first.value(QStringLiteral("detail")).toString(), tricky.lastError);
    }

    void stateNames()
    {
        for (int i = 0; i < journalStateCount; ++i)
            QCOMPARE(journalStateFromName(toName(JournalState(i))),
                     std::optional<JournalState>(JournalState(i)));
        QCOMPARE(reportName(JournalState::Sending), QStringLiteral("unconfirmed"));
        QCOMPARE(toName(JournalState::BlockedByUser), QStringLiteral("blocked_by_user"));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

QTEST_GUILESS_MAIN(TestCampaignStore)
#include "tst_campaignstore.moc"
