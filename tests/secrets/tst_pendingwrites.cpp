// A keychain write in flight outlives the SecretStore that started it, and
// SecretStore::whenWritesDone waits for it: herald-cli relies on both to
// keep a refresh token rotated at the end of a command (its session, and the
// store with it, is deleted as the command finishes). Against the real
// keychain, like tst_secretstore: skips without one unless
// HERALD_REQUIRE_KEYCHAIN=1.

#include "secrets/SecretStore.h"

#include <QTest>
#include <QUuid>
#include <memory>

using namespace herald;
using config::SecretKind;
using secrets::SecretJob;
using secrets::SecretStore;

class TestPendingWrites : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void noWritesCallsAtOnce();
    void writeOutlivesItsStoreAndIsWaitedFor();
    void severalWritesAreAllWaitedFor();

private:
    std::unique_ptr<SecretStore> newStore() const;
    QString readBack(const QString &profile, SecretKind kind) const;

    QString m_service;
};

std::unique_ptr<SecretStore> TestPendingWrites::newStore() const
{
    auto store = std::make_unique<SecretStore>();
    store->setServiceName(m_service); // never a real entry
    return store;
}

QString TestPendingWrites::readBack(const QString &profile, SecretKind kind) const
{
    const auto store = newStore();
    SecretJob *job = store->read(profile, kind);
    job->setAutoDelete(false);
    job->start();
    if (!QTest::qWaitFor([job] { return job->isFinished(); }, 20000))
        return QStringLiteral("<timed out>");
    const QString value = job->found() ? job->secret() : QStringLiteral("<not found>");
    delete job;
    return value;
}

void TestPendingWrites::initTestCase()
{
    m_service = QStringLiteral("Herald-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const auto store = newStore();
    SecretJob *probe = store->write(QStringLiteral("probe"), SecretKind::Client, QStringLiteral("x"));
    probe->setAutoDelete(false);
    probe->start();
    QVERIFY(QTest::qWaitFor([probe] { return probe->isFinished(); }, 20000));
    const bool ok = probe->succeeded();
    const QString why = probe->error().message;
    delete probe;
    if (!ok) {
        if (qEnvironmentVariable("HERALD_REQUIRE_KEYCHAIN") == QLatin1String("1"))
            QFAIL(qPrintable(QStringLiteral("no usable keychain: %1 (HERALD_REQUIRE_KEYCHAIN=1)").arg(why)));
        QSKIP(qPrintable(QStringLiteral("no usable keychain: %1").arg(why)));
    }
    QCOMPARE(SecretStore::writesInFlight(), 0);
}

void TestPendingWrites::noWritesCallsAtOnce()
{
    bool called = false;
    QObject context;
    SecretStore::whenWritesDone(&context, [&called] { called = true; });
    QVERIFY(called);
}

void TestPendingWrites::writeOutlivesItsStoreAndIsWaitedFor()
{
    const QString profile = QStringLiteral("rotated");
    const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto store = newStore();
    store->write(profile, SecretKind::RefreshToken, token)->start();
    QCOMPARE(SecretStore::writesInFlight(), 1);
    // What herald-cli does: the command's session (and its store) goes at once.
    store.reset();
    QCOMPARE(SecretStore::writesInFlight(), 1);

    bool done = false;
    QObject context;
    SecretStore::whenWritesDone(&context, [&done] { done = true; });
    QVERIFY(!done); // the write has not answered yet: the D-Bus round trip needs the event loop
    QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
    QCOMPARE(SecretStore::writesInFlight(), 0);
    QCOMPARE(readBack(profile, SecretKind::RefreshToken), token);
}

void TestPendingWrites::severalWritesAreAllWaitedFor()
{
    auto first = newStore();
    auto second = newStore();
    const QString a = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString b = QUuid::createUuid().toString(QUuid::WithoutBraces);
    first->write(QStringLiteral("one"), SecretKind::Client, a)->start();
    second->write(QStringLiteral("two"), SecretKind::Bot, b)->start();
    QCOMPARE(SecretStore::writesInFlight(), 2);
    first.reset();

    int calls = 0;
    QObject context;
    SecretStore::whenWritesDone(&context, [&calls] { ++calls; });
    QTRY_COMPARE_WITH_TIMEOUT(calls, 1, 20000);
    QCOMPARE(SecretStore::writesInFlight(), 0);
    QTest::qWait(50);
    QCOMPARE(calls, 1); // once, not once per write
    QCOMPARE(readBack(QStringLiteral("one"), SecretKind::Client), a);
    QCOMPARE(readBack(QStringLiteral("two"), SecretKind::Bot), b);
}

QTEST_GUILESS_MAIN(TestPendingWrites)
#include "tst_pendingwrites.moc"
