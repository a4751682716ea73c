// The Send and History pages against the demo simulator: confirmation by
// state, progress and per-recipient delivery states, pause/stop/resume,
// closing the window while sending, unconfirmed recipients after an
// interrupted run, exports.

#include "DemoWindowTest.h"
#include "JournalRowModel.h"
#include "RecipientTableModel.h"
#include "config/ConnectionSettings.h"
#include "ui/CampaignController.h"
#include "ui/CommandLine.h"
#include "ui/DemoSession.h"
#include "ui/HistoryPage.h"
#include "ui/InstallActions.h"
#include "ui/MainWindow.h"
#include "ui/ProgressPanel.h"
#include "ui/RecipientLoader.h"
#include "ui/RecipientsPage.h"
#include "ui/SendPage.h"
#include "ui/Session.h"
#include "ui/Workspace.h"
#include "ui/compose/ComposerPage.h"

#include <QCheckBox>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>
#include <memory>

using namespace herald;
using campaign::JournalState;
using herald::ui::DemoSession;
using herald::ui::MainWindow;

class TestSendPage : public test::DemoWindowTest
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void sendFlowConfirmsByStateAndFillsDeliveryStates();
    void pauseStopAndResume();
    void closingDuringSendAsksAndStopsResumably();
    void interruptedRunShowsUnconfirmedInHistory();
    void stopWhilePreparingKeepsAllOrNothing();
    void closingWhilePreparingKeepsAllOrNothing();
    void closeWhilePreparingSaysNothingWasSent();
    void journalErrorWhilePreparingIsShown();

private:
    static sim::SimOptions options(int latencyMs = 0);
    void startWindow(int latencyMs = 0);
    void addEveryone();
    ui::CampaignController *campaigns() const { return m_window->workspace()->campaigns(); }
    RecipientTableModel *model() const { return m_window->workspace()->model(); }
};

sim::SimOptions TestSendPage::options(int latencyMs)
{
    sim::SimOptions o = smallTenant(120, 4, 4);
    o.faults.latencyMs = latencyMs; // simulated ms, divided by the time scale
    return o;
}

void TestSendPage::initTestCase()
{
    useTestEnvironment();
    // A journal of our own (the test-mode data location).
    removeData();
}

void TestSendPage::init()
{
    QSettings().clear();
}

void TestSendPage::cleanup()
{
    closeDemo();
    removeData();
}

void TestSendPage::startWindow(int latencyMs)
{
    QVERIFY(startDemoWindow(options(latencyMs)));
    QVERIFY2(m_window->session()->bot(), qPrintable(m_window->session()->botError()));
    // The message is what the Compose page holds.
    ui::ComposerPage *composer = m_window->composerPage();
    QVERIFY(composer);
    composer->setMode(ui::ComposerPage::Mode::Markdown);
    composer->setText(QStringLiteral("**Hello** from IT."));
    composer->refreshNow();
    QVERIFY(composer->document().has_value());
    QVERIFY2(!composer->hasErrors(), "the composer finds errors in a plain markdown message");
}

void TestSendPage::addEveryone()
{
    m_window->recipientsPage()->addAllUsers(-1);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->workspace()->loader()->isBusy(), 30000);
    QCOMPARE(model()->rowCount(), options().users);
}

void TestSendPage::sendFlowConfirmsByStateAndFillsDeliveryStates()
{
    startWindow();
    addEveryone();
    // Know who has the app first, so the confirmation can count.
    QList<int> all;
    for (int r = 0; r < model()->rowCount(); ++r)
        all.append(r);
    QVERIFY(m_window->workspace()->actions()->run(ui::InstallActions::Operation::Status, all));
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->workspace()->actions()->isRunning(), 30000);

    m_window->setCurrentPage(m_window->pageIndex(QStringLiteral("send")));
    ui::SendPage *page = m_window->sendPage();
    const ui::SendPage::Summary summary = page->summary();
    QVERIFY(summary.willSend > 0);
    QVERIFY(summary.notInstalled > 0);
    page->nameEdit()->setText(QStringLiteral("All hands"));
    QVERIFY(page->sendButton()->isEnabled());
    QTest::mouseClick(page->sendButton(), Qt::LeftButton);
    QMessageBox *box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (box = m_window->findChild<QMessageBox *>(QStringLiteral("sendConfirm"))) && box->isVisible(), 5000);
    QVERIFY2(box->informativeText().contains(
                 QStringLiteral("Will be sent</td><td align=right>&nbsp;%1").arg(summary.willSend)),
             qPrintable(box->informativeText()));
    QVERIFY(box->informativeText().contains(
        QStringLiteral("App not installed</td><td align=right>&nbsp;%1").arg(summary.notInstalled)));
    QVERIFY(box->checkBox());
    QVERIFY(!box->checkBox()->isChecked()); // not installing first this time
    QAbstractButton *send = nullptr;
    for (QAbstractButton *b : box->buttons())
        send = b->text() == QStringLiteral("Send") ? b : send;
    QVERIFY(send);
    QTest::mouseClick(send, Qt::LeftButton);
    QTRY_VERIFY(campaigns()->isRunning());
    QVERIFY(page->progressPanel()->isVisible());
    QVERIFY(page->pauseButton()->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!campaigns()->isRunning(), 60000);
    QVERIFY2(page->progressPanel()->summaryText().contains(QStringLiteral("finished")),
             qPrintable(page->progressPanel()->summaryText()));

    // Per-recipient delivery states in the table.
    model()->flush();
    const QList<int> delivery = model()->deliveryStateCounts();
    QVERIFY(delivery.at(int(DeliveryState::Sent)) >= summary.willSend - 5); // some blocked the bot
    QCOMPARE(delivery.at(int(DeliveryState::Pending)), 0);
    QVERIFY(delivery.at(int(DeliveryState::NotInstalled)) >= summary.notInstalled);

    // History: the campaign with its counts; open it; export.
    m_window->setCurrentPage(m_window->pageIndex(QStringLiteral("history")));
    ui::HistoryPage *history = m_window->historyPage();
    QTRY_COMPARE(history->campaignList()->topLevelItemCount(), 1);
    QTreeWidgetItem *item = history->campaignList()->topLevelItem(0);
    QCOMPARE(item->text(0), QStringLiteral("All hands"));
    QCOMPARE(item->text(3), QLocale().toString(delivery.at(int(DeliveryState::Sent))));
    history->campaignList()->setCurrentItem(item);
    QTRY_COMPARE(history->rowModel()->rowCount(), options().users);
    QTemporaryDir dir;
    QString error;
    QVERIFY2(history->exportTo(dir.filePath("r.json"), true, &error), qPrintable(error));
    QFile json(dir.filePath("r.json"));
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonObject report = QJsonDocument::fromJson(json.readAll()).object();
    QCOMPARE(report.value("campaign").toString(), QStringLiteral("All hands"));
    QCOMPARE(report.value("recipients").toArray().size(), options().users);
    QCOMPARE(report.value("counts").toObject().value("sent").toInt(), delivery.at(int(DeliveryState::Sent)));
    QVERIFY2(history->exportTo(dir.filePath("r.csv"), false, &error), qPrintable(error));
    QFile csv(dir.filePath("r.csv"));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QCOMPARE(csv.readAll().count('\n'), options().users + 1);
    // Nothing failed for good, nothing unconfirmed: those actions have nothing to do.
    QVERIFY(history->unconfirmedText().isEmpty());
    QVERIFY(!history->retryUnconfirmedButton()->isEnabled());
}

void TestSendPage::pauseStopAndResume()
{
    startWindow(400); // each answer takes a moment: time to press the buttons
    addEveryone();
    m_window->setCurrentPage(m_window->pageIndex(QStringLiteral("send")));
    ui::SendPage *page = m_window->sendPage();
    QString error;
    QVERIFY2(page->startSending(false, &error), qPrintable(error));
    // First the campaign is journaled, off the event loop: a busy panel
    // says so, Send is disabled, Stop is there, Pause not yet.
    QVERIFY(campaigns()->isPreparing());
    QVERIFY(campaigns()->isRunning());
    QCOMPARE(page->progressPanel()->titleText(), QStringLiteral("Preparing the campaign…"));
    QVERIFY(page->progressPanel()->isVisible());
    QVERIFY(!page->sendButton()->isEnabled());
    QVERIFY(page->progressPanel()->cancelButton()->isEnabled());
    QVERIFY(!page->pauseButton()->isEnabled());
    QTRY_VERIFY(!campaigns()->isPreparing());
    QVERIFY(campaigns()->isRunning());
    QCOMPARE(page->progressPanel()->titleText(),
             QStringLiteral("Sending “%1”").arg(page->nameEdit()->text()));
    QVERIFY(page->pauseButton()->isEnabled());
    QTRY_VERIFY(campaigns()->progress().done > 0);
    QTest::mouseClick(page->pauseButton(), Qt::LeftButton);
    QVERIFY(campaigns()->isPaused());
    QCOMPARE(page->pauseButton()->text().remove('&'), QStringLiteral("Continue"));
    QTest::qWait(300);
    const qint64 pausedAt = campaigns()->progress().done;
    QTest::qWait(400);
    QVERIFY(campaigns()->progress().done <= pausedAt + 16); // only the ones already in flight
    QTest::mouseClick(page->pauseButton(), Qt::LeftButton);
    QVERIFY(!campaigns()->isPaused());
    QTest::mouseClick(page->progressPanel()->cancelButton(), Qt::LeftButton); // Stop
    QTRY_VERIFY_WITH_TIMEOUT(!campaigns()->isRunning(), 30000);
    QVERIFY(page->progressPanel()->summaryText().contains(QStringLiteral("stopped")));

    // Offered for resuming, and resuming finishes it.
    QTRY_VERIFY(page->resumeText().contains(QStringLiteral("was stopped")));
    QVERIFY(page->resumeButton()->isVisible());
    QTest::mouseClick(page->resumeButton(), Qt::LeftButton);
    QTRY_VERIFY(campaigns()->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(!campaigns()->isRunning(), 60000);
    const auto list = campaigns()->campaigns();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.constFirst().state, campaign::CampaignState::Finished);
    QCOMPARE(list.constFirst().count(JournalState::Pending), 0);
    QCOMPARE(list.constFirst().run, 2);
}

void TestSendPage::closingDuringSendAsksAndStopsResumably()
{
    startWindow(6000); // ~300 ms per message: still sending when the window closes
    addEveryone();
    QString error;
    QVERIFY2(m_window->sendPage()->startSending(false, &error), qPrintable(error));
    QTRY_VERIFY(campaigns()->progress().done > 0);

    // First answer "Cancel": the window stays and keeps sending.
    QTimer::singleShot(100, this, [] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
            box->button(QMessageBox::Cancel)->click();
    });
    m_window->close();
    QVERIFY(m_window->isVisible());
    QVERIFY(campaigns()->isRunning());

    // Then "Yes": it stops cleanly, then closes.
    QString asked;
    QTimer::singleShot(100, this, [&asked] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            asked = box->text();
            box->button(QMessageBox::Yes)->click();
        }
    });
    m_window->close();
    QVERIFY2(asked.contains(QStringLiteral("still sending")), qPrintable(asked));
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->isVisible(), 30000);
    QVERIFY(!campaigns()->isRunning());
    const auto list = campaigns()->campaigns();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.constFirst().state, campaign::CampaignState::Stopped);
    QCOMPARE(list.constFirst().count(JournalState::Sending), 0); // nothing left in doubt
    QVERIFY(list.constFirst().count(JournalState::Pending) > 0 || !list.constFirst().intakeDone);
    QCOMPARE(campaigns()->resumable().size(), 1);
}

void TestSendPage::interruptedRunShowsUnconfirmedInHistory()
{
    startWindow(2000);
    addEveryone();
    QString error;
    QVERIFY2(m_window->sendPage()->startSending(false, &error), qPrintable(error));
    QTRY_VERIFY(campaigns()->progress().inFlight > 0);
    // Herald goes away mid-send (no stop): what was on the wire is unknown.
    m_window.reset();

    // Next start: the campaign is offered for resuming; History explains
    // the unconfirmed recipients and offers the explicit retry.
    // The same tenant, still running: the new window signs in to it the way
    // attachDemo does.
    QVERIFY(reopenWindow());
    m_window->setCurrentPage(m_window->pageIndex(QStringLiteral("send")));
    QTRY_VERIFY(!m_window->sendPage()->resumeText().isEmpty());
    m_window->setCurrentPage(m_window->pageIndex(QStringLiteral("history")));
    ui::HistoryPage *history = m_window->historyPage();
    QTRY_COMPARE(history->campaignList()->topLevelItemCount(), 1);
    history->campaignList()->setCurrentItem(history->campaignList()->topLevelItem(0));
    QTRY_VERIFY(!history->unconfirmedText().isEmpty());
    QVERIFY(history->unconfirmedText().contains(QStringLiteral("may have it")));
    QVERIFY(history->retryUnconfirmedButton()->isEnabled());
    QVERIFY(history->campaignList()->topLevelItem(0)->text(5).toInt() > 0);
}

void TestSendPage::stopWhilePreparingKeepsAllOrNothing()
{
    startWindow();
    addEveryone();
    ui::SendPage *page = m_window->sendPage();
    page->nameEdit()->setText(QStringLiteral("Stopped early"));
    QString error;
    QVERIFY2(page->startSending(false, &error), qPrintable(error));
    QVERIFY(campaigns()->isPreparing());
    QTest::mouseClick(page->progressPanel()->cancelButton(), Qt::LeftButton); // Stop
    QTRY_VERIFY(!campaigns()->isRunning());
    QVERIFY(!campaigns()->isPreparing());
    // Rolled back (nothing there), or it had committed: then all of it is
    // there, stopped before anything was sent, and offered for resuming.
    const QString summary = page->progressPanel()->summaryText();
    const auto list = campaigns()->campaigns();
    qInfo("Stop while preparing: %s", list.isEmpty() ? "rolled back" : "had committed");
    if (list.isEmpty()) {
        QVERIFY2(summary.contains(QStringLiteral("was not created")), qPrintable(summary));
    } else {
        QCOMPARE(list.size(), 1);
        QVERIFY2(summary.contains(QStringLiteral("stopped")), qPrintable(summary));
        QCOMPARE(campaigns()->store()->inputCount(list.constFirst().id), options().users);
        QCOMPARE(list.constFirst().total(), 0); // not one recipient row: nothing sent
        QCOMPARE(campaigns()->resumable().size(), 1);
    }
    QVERIFY(page->sendButton()->isEnabled()); // ready again
    QVERIFY(page->nameEdit()->isEnabled());
}

void TestSendPage::closingWhilePreparingKeepsAllOrNothing()
{
    startWindow();
    addEveryone();
    QString error;
    QVERIFY2(m_window->sendPage()->startSending(false, &error), qPrintable(error));
    QVERIFY(campaigns()->isPreparing());
    // Herald goes away while the campaign is being journaled.
    m_window.reset();

    QVERIFY(reopenWindow());
    const auto list = campaigns()->campaigns();
    QVERIFY(list.size() <= 1);
    if (!list.isEmpty()) {
        QCOMPARE(campaigns()->store()->inputCount(list.constFirst().id), options().users);
        QCOMPARE(list.constFirst().state, campaign::CampaignState::Stopped);
        QCOMPARE(campaigns()->resumable().size(), 1);
        m_window->setCurrentPage(m_window->pageIndex(QStringLiteral("send")));
        QTRY_VERIFY(m_window->sendPage()->resumeText().contains(QStringLiteral("was stopped")));
    }
}

void TestSendPage::closeWhilePreparingSaysNothingWasSent()
{
    startWindow();
    addEveryone();
    QString error;
    QVERIFY2(m_window->sendPage()->startSending(false, &error), qPrintable(error));
    QVERIFY(campaigns()->isPreparing());
    QString asked;
    QTimer::singleShot(0, this, [&asked] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            asked = box->text();
            box->button(QMessageBox::Cancel)->click();
        }
    });
    m_window->close(); // the question is chosen before its dialog runs
    QVERIFY2(asked.contains(QStringLiteral("still being prepared; nothing has been sent yet")),
             qPrintable(asked));
    QVERIFY(m_window->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!campaigns()->isRunning(), 30000);
}

void TestSendPage::journalErrorWhilePreparingIsShown()
{
    startWindow();
    addEveryone();
    m_window->setCurrentPage(m_window->pageIndex(QStringLiteral("send")));
    ui::SendPage *page = m_window->sendPage();
    campaign::CampaignStore *store = campaigns()->store();
    QVERIFY(store);
    // The journal becomes read-only after the window opened it: the checks
    // made at once pass, the create (on its own connection) is refused.
    const QString journal = store->path();
    QVERIFY(QFile::setPermissions(journal, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    QString error;
    const bool started = page->startSending(false, &error);
    QVERIFY(QFile::setPermissions(journal, QFile::ReadOwner | QFile::WriteOwner));
    QVERIFY2(started, qPrintable(error));
    QVERIFY(campaigns()->isPreparing());
    QTRY_VERIFY(!campaigns()->isRunning());
    QVERIFY2(page->progressPanel()->errorText().contains(QStringLiteral("is read-only")),
             qPrintable(page->progressPanel()->errorText()));
    QVERIFY(page->progressPanel()->isVisible());
    QVERIFY(!page->progressPanel()->titleText().startsWith(QStringLiteral("Preparing"))); // not still busy
    model()->flush();
    QCOMPARE(model()->deliveryStateCounts().at(int(DeliveryState::Sent)), 0);
    QVERIFY(campaigns()->campaigns().isEmpty()); // nothing half-written
    // Ready again: the next try sends.
    QVERIFY(page->sendButton()->isEnabled());
    QVERIFY2(page->startSending(false, &error), qPrintable(error));
    QTRY_VERIFY(!campaigns()->isPreparing());
    QTRY_VERIFY_WITH_TIMEOUT(!campaigns()->isRunning(), 60000);
    const auto list = campaigns()->campaigns();
    QCOMPARE(list.size(), 1);
    QVERIFY(list.constFirst().count(JournalState::Sent) > 0);
}

QTEST_MAIN(TestSendPage)
#include "tst_sendpage.moc"
