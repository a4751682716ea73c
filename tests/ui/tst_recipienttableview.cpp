// The recipient table at 100,000 rows: filling it and streaming state
// updates into it (as a sweep does) while the view is shown, sorted and
// filtered, must never stall the event loop for long.

#include "RecipientFilterProxy.h"
#include "RecipientTableModel.h"
#include "ui/CommandLine.h"
#include "ui/RecipientTableView.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTableView>
#include <QtTest>

using namespace herald;

class TestRecipientTableView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void liveUpdatesAt100kRowsKeepTheWindowResponsive();

private:
    static RecipientList users(int count);
};

void TestRecipientTableView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    ui::setApplicationIdentity();
}

RecipientList TestRecipientTableView::users(int count)
{
    RecipientList list;
    list.reserve(count);
    for (int i = 0; i < count; ++i) {
        Recipient r;
        r.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        r.displayName = QStringLiteral("User %1").arg(i);
        r.userPrincipalName = QStringLiteral("user%1@contoso.onmicrosoft.com").arg(i);
        r.input = r.userPrincipalName;
        r.inputKind = InputKind::UserPrincipalName;
        list.append(r);
    }
    return list;
}

void TestRecipientTableView::liveUpdatesAt100kRowsKeepTheWindowResponsive()
{
    constexpr int kRows = 100000;
    RecipientTableModel model;
    ui::RecipientTableView table(&model);
    table.resize(1000, 700);
    table.show();
    QVERIFY(QTest::qWaitForWindowExposed(&table));

    // A heartbeat every 10 ms; the longest gap is the longest freeze.
    QElapsedTimer clock;
    clock.start();
    qint64 last = 0;
    qint64 worst = 0;
    QTimer heartbeat;
    heartbeat.setInterval(10);
    connect(&heartbeat, &QTimer::timeout, this, [&] {
        const qint64 now = clock.elapsed();
        worst = qMax(worst, now - last);
        last = now;
    });

    // Rows arrive in chunks as the resolver pages (999 per Graph page).
    const RecipientList all = users(kRows);
    QElapsedTimer fill;
    fill.start();
    heartbeat.start();
    last = clock.elapsed();
    for (int i = 0; i < kRows; i += 999) {
        model.appendRecipients(all.mid(i, 999));
        QCoreApplication::processEvents();
    }
    QTRY_COMPARE(table.proxy()->rowCount(), kRows);
    const qint64 fillMs = fill.elapsed();
    const qint64 fillWorst = worst;

    // Sorted by install state (the worst case: every update moves rows) and
    // a state filter on, then a sweep's results: 20 per $batch answer, many
    // answers per event-loop pass at the high end of a fast tenant.
    table.view()->sortByColumn(RecipientTableModel::InstallState, Qt::AscendingOrder);
    QTRY_VERIFY(table.proxy()->rowCount() == kRows);
    worst = 0;
    last = clock.elapsed();
    QElapsedTimer sweep;
    sweep.start();
    int next = 0;
    QTimer results;
    results.setInterval(0);
    connect(&results, &QTimer::timeout, this, [&] {
        for (int n = 0; n < 400 && next < kRows; ++n, ++next) {
            RecipientUpdate update;
            update.installState = next % 3 == 0 ? InstallState::Installed : InstallState::NotInstalled;
            if (update.installState == InstallState::Installed)
                update.installationId = QStringLiteral("inst-%1").arg(next);
            model.updateById(all.at(next).id, update);
        }
        if (next >= kRows)
            results.stop();
    });
    results.start();
    QTRY_VERIFY_WITH_TIMEOUT(!results.isActive(), 120000);
    model.flush();
    QCoreApplication::processEvents();
    const qint64 sweepMs = sweep.elapsed();
    const qint64 sweepWorst = worst;

    // Filtering 100,000 rows by state, then by text.
    worst = 0;
    last = clock.elapsed();
    QElapsedTimer filter;
    filter.start();
    table.installFilter()->setCurrentIndex(table.installFilter()->findData(int(InstallState::Installed)));
    const qint64 stateFilterMs = filter.elapsed();
    QCOMPARE(table.proxy()->rowCount(), (kRows + 2) / 3);
    filter.restart();
    table.filterEdit()->setText(QStringLiteral("user99"));
    const qint64 textFilterMs = filter.elapsed();
    QVERIFY(table.proxy()->rowCount() > 0);
    heartbeat.stop();

    qInfo("100,000 rows: fill %lld ms (longest stall %lld ms); 100,000 sorted updates %lld ms (longest stall "
          "%lld ms); state filter %lld ms, text filter %lld ms",
          fillMs, fillWorst, sweepMs, sweepWorst, stateFilterMs, textFilterMs);
    // PERFORMANCE.md: sort and filter <= 200 ms at 100,000 rows; the window
    // never freezes for longer than a few frames while results stream in.
    QVERIFY2(fillWorst < 250, qPrintable(QString::number(fillWorst)));
    QVERIFY2(sweepWorst < 250, qPrintable(QString::number(sweepWorst)));
    QVERIFY2(stateFilterMs < 400, qPrintable(QString::number(stateFilterMs)));
    QVERIFY2(textFilterMs < 400, qPrintable(QString::number(textFilterMs)));
    // Every update landed.
    QCOMPARE(model.installStateCounts().at(int(InstallState::Installed)), (kRows + 2) / 3);
}

QTEST_MAIN(TestRecipientTableView)
#include "tst_recipienttableview.moc"
