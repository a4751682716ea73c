// The Recipients and Install pages driven like a user would, against the
// demo simulator in this process: search, pickers, CSV import, status
// sweep, install, filters, and a tenant that goes away mid-sweep.

#include "DemoWindowTest.h"
#include "DirectoryResultModel.h"
#include "RecipientFilterProxy.h"
#include "RecipientTableModel.h"
#include "ui/ChipBar.h"
#include "ui/CommandLine.h"
#include "ui/CsvImportDialog.h"
#include "ui/DemoSession.h"
#include "ui/DirectoryPickerDialog.h"
#include "ui/DirectorySearch.h"
#include "ui/InstallActions.h"
#include "ui/InstallPage.h"
#include "ui/MainWindow.h"
#include "ui/ProgressPanel.h"
#include "ui/RecipientLoader.h"
#include "ui/RecipientTableView.h"
#include "ui/RecipientsPage.h"
#include "ui/Session.h"
#include "ui/UserSearchBox.h"
#include "ui/Workspace.h"

#include <QAbstractItemView>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>
#include <memory>

using namespace herald;
using herald::ui::DemoSession;
using herald::ui::MainWindow;

class TestRecipientsPage : public test::DemoWindowTest
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void searchWaitsForTypingPauseThenShowsPeople();
    void enterSearchesAtOnceAndNoResultsIsSaid();
    void csvImportShowsRowsAndTheBadLine();
    void groupAddsNestedMembersAndChipRemovesThem();
    void teamPickerAddsTeams();
    void allUsersAsksWithTheCount();
    void statusSweepFillsTheTable();
    void installChangesStates();
    void filtersByStateAndText();
    void copyAndExportUseTheRows();
    void lostTenantMidSweepKeepsRowsAndOffersRetry();

private:
    static sim::SimOptions options();
    void startWindow();
    void addGroup(int minimumMembers);
    int rows() const { return m_window->workspace()->model()->rowCount(); }
    ui::InstallActions *actions() const { return m_window->workspace()->actions(); }
};

sim::SimOptions TestRecipientsPage::options()
{
    return smallTenant(400, 8, 8);
}

void TestRecipientsPage::initTestCase()
{
    useTestEnvironment();
}

void TestRecipientsPage::init()
{
    QSettings().clear();
    startWindow();
}

void TestRecipientsPage::cleanup()
{
    closeDemo();
}

void TestRecipientsPage::startWindow()
{
    QVERIFY(startDemoWindow(options()));
}

void TestRecipientsPage::addGroup(int minimumMembers)
{
    // The first group with enough members, through the group picker.
    ui::RecipientsPage *page = m_window->recipientsPage();
    QTest::mouseClick(page->groupButton(), Qt::LeftButton);
    ui::DirectoryPickerDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = page->findChild<ui::DirectoryPickerDialog *>()) && dialog->isVisible());
    QTest::keyClicks(dialog->searchEdit(), QStringLiteral("a"));
    QTest::keyClick(dialog->searchEdit(), Qt::Key_Return);
    QTRY_VERIFY(!dialog->search()->isBusy() && dialog->resultView()->model()->rowCount() > 0);
    Q_UNUSED(minimumMembers)
    dialog->resultView()->setCurrentIndex(dialog->resultView()->model()->index(0, 0));
    dialog->resultView()->selectionModel()->select(dialog->resultView()->currentIndex(),
                                                   QItemSelectionModel::ClearAndSelect);
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    QVERIFY(buttons->button(QDialogButtonBox::Ok)->isEnabled());
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->workspace()->loader()->isBusy(), 30000);
    QVERIFY(rows() >= minimumMembers);
    // Without a window manager (Xvfb) nobody hands activation back.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestRecipientsPage::searchWaitsForTypingPauseThenShowsPeople()
{
    ui::UserSearchBox *box = m_window->recipientsPage()->searchBox();
    QVERIFY(box->isEnabled());
    box->setFocus();
    QTRY_VERIFY(box->hasFocus());
    ui::DirectorySearch *search = box->search();
    const int before = search->searchCount();

    // Typing quickly: no request per key, one after the pause.
    QElapsedTimer typing;
    typing.start();
    QTest::keyClicks(box, QStringLiteral("an"), Qt::NoModifier, 30);
    QCOMPARE(search->searchCount(), before);
    QVERIFY(box->isDebouncing());
    QTest::qWait(150);
    QCOMPARE(search->searchCount(), before); // still inside the 300 ms pause
    QTRY_COMPARE(search->searchCount(), before + 1);
    QVERIFY(typing.elapsed() >= ui::UserSearchBox::kDebounceMs);
    QTRY_VERIFY(!search->isBusy());
    QVERIFY(box->results()->itemCount() > 0);
    for (const DirectoryItem &item : box->results()->items())
        QVERIFY2(item.title.contains(QStringLiteral("an"), Qt::CaseInsensitive)
                     || item.subtitle.contains(QStringLiteral("an"), Qt::CaseInsensitive),
                 qPrintable(item.title));
    // The popup opens by itself while the box has focus. CI runs GUI suites
    // side by side on one display, where another window may take the
    // focus: Down opens it as well (as it does for a user coming back).
    QTest::qWait(50);
    if (!box->resultCompleter()->popup()->isVisible())
        QTest::keyClick(box, Qt::Key_Down);
    QTRY_VERIFY(box->resultCompleter()->popup()->isVisible());

    // More pages as the list scrolls (the term matches many of 400 people).
    if (box->results()->hasMore()) {
        const int firstPage = box->results()->itemCount();
        box->resultCompleter()->popup()->scrollToBottom();
        QTRY_VERIFY(box->results()->itemCount() > firstPage);
    }

    // Down + Enter chooses the first person: a chip and a table row.
    const DirectoryItem first = box->results()->item(0);
    QAbstractItemView *popup = box->resultCompleter()->popup();
    QVERIFY(popup->isVisible());
    popup->setCurrentIndex(popup->model()->index(0, 0));
    QCOMPARE(popup->currentIndex().data(DirectoryResultModel::IdRole).toString(), first.id);
    QTest::keyClick(popup, Qt::Key_Return);
    QTRY_COMPARE(rows(), 1);
    QCOMPARE(m_window->workspace()->model()->recipient(0).id, first.id);
    QCOMPARE(m_window->workspace()->chips()->chipTexts(), QStringList{first.title});
    QTRY_VERIFY(box->text().isEmpty());

    // The same person again is not a second row.
    m_window->workspace()->loader()->addRecipients(first.title,
                                                   {m_window->workspace()->model()->recipient(0)});
    QCOMPARE(rows(), 1);
}

void TestRecipientsPage::enterSearchesAtOnceAndNoResultsIsSaid()
{
    ui::UserSearchBox *box = m_window->recipientsPage()->searchBox();
    box->setFocus();
    const int before = box->search()->searchCount();
    QTest::keyClicks(box, QStringLiteral("zzqxj"));
    QTest::keyClick(box, Qt::Key_Return);
    QCOMPARE(box->search()->searchCount(), before + 1); // no waiting for the pause
    QTRY_VERIFY(!box->search()->isBusy());
    QCOMPARE(box->results()->itemCount(), 0);
    QCOMPARE(box->results()->rowCount(), 1);
    QVERIFY(box->results()->index(0, 0).data().toString().contains(QStringLiteral("No one matches")));
    QVERIFY(!(box->results()->flags(box->results()->index(0, 0)) & Qt::ItemIsSelectable));
    QTest::qWait(ui::UserSearchBox::kDebounceMs + 100);
    QCOMPARE(box->search()->searchCount(), before + 1); // Enter cancelled the pending one
}

void TestRecipientsPage::csvImportShowsRowsAndTheBadLine()
{
    // Real UPNs of the simulated tenant, and one line that is not a person.
    m_demo.get();
    ui::UserSearchBox *box = m_window->recipientsPage()->searchBox();
    box->search()->search(QStringLiteral("a"));
    QTRY_VERIFY(!box->search()->isBusy() && box->results()->itemCount() >= 3);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("people.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("userPrincipalName,firstName\n");
    file.write(box->results()->item(0).subtitle.toUtf8() + ",Ann\n");
    file.write("not a person at all,Bad\n");
    file.write(box->results()->item(1).subtitle.toUtf8() + ",Bo\n");
    file.write(box->results()->item(2).subtitle.toUtf8() + ",Cy\n");
    file.close();

    m_window->recipientsPage()->importCsv(path);
    ui::CsvImportDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<ui::CsvImportDialog *>()) && dialog->isVisible());
    QTRY_VERIFY(dialog->isParsed());
    QCOMPARE(dialog->previewTable()->rowCount(), 3);
    QCOMPARE(dialog->previewTable()->item(0, 0)->text(), box->results()->item(0).subtitle);
    QCOMPARE(dialog->previewTable()->horizontalHeaderItem(2)->text(), QStringLiteral("firstName"));
    QCOMPARE(dialog->problemList()->count(), 1);
    const QString problem = dialog->problemList()->item(0)->text();
    QVERIFY2(problem.contains(QStringLiteral("line 3")), qPrintable(problem));
    QVERIFY2(problem.startsWith(QStringLiteral("Error")), qPrintable(problem));
    QVERIFY2(dialog->summaryText().contains(QStringLiteral("3 recipients read")),
             qPrintable(dialog->summaryText()));

    auto *add = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QCOMPARE(add->text(), QStringLiteral("Add 3 recipients"));
    QTest::mouseClick(add, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->workspace()->loader()->isBusy(), 20000);
    QCOMPARE(rows(), 3);
    for (int r = 0; r < 3; ++r)
        QVERIFY(!m_window->workspace()->model()->recipient(r).id.isEmpty());
    QVERIFY(
        m_window->workspace()->chips()->chipTexts().constFirst().startsWith(QStringLiteral("people.csv")));
}

void TestRecipientsPage::groupAddsNestedMembersAndChipRemovesThem()
{
    addGroup(1);
    const int members = rows();
    ui::ChipBar *chips = m_window->workspace()->chips();
    QCOMPARE(chips->chipCount(), 1);
    QVERIFY2(chips->chipTexts().constFirst().startsWith(QStringLiteral("Group: ")),
             qPrintable(chips->chipTexts().constFirst()));
    if (members > 1)
        QVERIFY2(chips->chipTexts().constFirst().contains(QLocale().toString(members)),
                 qPrintable(chips->chipTexts().constFirst()));
    for (int r = 0; r < members; ++r)
        QCOMPARE(m_window->workspace()->model()->recipient(r).kind, RecipientKind::User);

    // Removing the chip (keyboard: focus it, press Delete) removes its rows.
    QToolButton *chip = chips->findChild<QToolButton *>(QStringLiteral("chip1"));
    QVERIFY(chip);
    chip->setFocus();
    QTest::keyClick(chip, Qt::Key_Delete);
    QTRY_COMPARE(rows(), 0);
    QTRY_COMPARE(chips->chipCount(), 0);
}

void TestRecipientsPage::teamPickerAddsTeams()
{
    ui::RecipientsPage *page = m_window->recipientsPage();
    QTest::mouseClick(page->teamButton(), Qt::LeftButton);
    ui::DirectoryPickerDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = page->findChild<ui::DirectoryPickerDialog *>()) && dialog->isVisible());
    // Teams are listed at once, without typing.
    QTRY_COMPARE(dialog->resultView()->model()->rowCount(), options().teams);
    dialog->resultView()->selectAll();
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_COMPARE(rows(), options().teams);
    QCOMPARE(m_window->workspace()->model()->recipient(0).kind, RecipientKind::Team);
}

void TestRecipientsPage::allUsersAsksWithTheCount()
{
    ui::RecipientsPage *page = m_window->recipientsPage();
    QTest::mouseClick(page->allUsersButton(), Qt::LeftButton);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = page->findChild<QMessageBox *>(QStringLiteral("allUsersConfirm")))
                && box->isVisible());
    QVERIFY2(box->text().contains(QLocale().toString(options().users)), qPrintable(box->text()));
    QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel)); // Enter does not add 400 people
    QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->workspace()->loader()->isBusy() && rows() == options().users, 30000);
    QVERIFY(m_window->workspace()->chips()->chipTexts().constFirst().startsWith(QStringLiteral("All users")));
}

void TestRecipientsPage::statusSweepFillsTheTable()
{
    addGroup(5);
    RecipientTableModel *model = m_window->workspace()->model();
    for (int r = 0; r < rows(); ++r)
        QCOMPARE(model->recipient(r).installState, InstallState::Unknown);

    // F5 in the window: Check status for every row (nothing selected).
    m_window->setCurrentPage(m_window->pageIndex(QStringLiteral("install")));
    QVERIFY(actions()->checkStatusAction()->isEnabled());
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QVERIFY(actions()->isRunning());
    ui::ProgressPanel *panel = m_window->workspace()->progress();
    QVERIFY(panel->isVisible());
    QCOMPARE(panel->titleText(), QStringLiteral("Checking install status"));
    QVERIFY(m_window->activityIndicator()->isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!actions()->isRunning(), 30000);
    QVERIFY2(panel->summaryText().startsWith(QStringLiteral("Done")), qPrintable(panel->summaryText()));
    QVERIFY(panel->errorText().isEmpty());

    int installed = 0;
    for (int r = 0; r < rows(); ++r) {
        const Recipient recipient = model->recipient(r);
        QVERIFY2(recipient.installState != InstallState::Unknown, qPrintable(recipient.userPrincipalName));
        if (recipient.installState == InstallState::Installed) {
            ++installed;
            QVERIFY(!recipient.installationId.isEmpty());
        }
        // Icon and text, not colour alone.
        const QModelIndex cell = model->index(r, RecipientTableModel::InstallState);
        QVERIFY(!cell.data(Qt::DisplayRole).toString().isEmpty());
        QVERIFY(!cell.data(Qt::DecorationRole).value<QIcon>().isNull());
    }
    QVERIFY2(m_window->installPage()->countsText().contains(QStringLiteral("Installed: %1").arg(installed))
                 || installed == 0,
             qPrintable(m_window->installPage()->countsText()));
}

void TestRecipientsPage::installChangesStates()
{
    addGroup(5);
    m_window->setCurrentPage(m_window->pageIndex(QStringLiteral("install")));
    ui::InstallPage *page = m_window->installPage();
    QTRY_VERIFY(page->installMissingButton()->isEnabled());
    QTest::mouseClick(page->installMissingButton(), Qt::LeftButton);
    QVERIFY(actions()->isRunning());
    QVERIFY(!page->installMissingButton()->isEnabled()); // one operation at a time
    QTRY_VERIFY_WITH_TIMEOUT(!actions()->isRunning(), 30000);

    RecipientTableModel *model = m_window->workspace()->model();
    int installed = 0;
    for (int r = 0; r < rows(); ++r) {
        const InstallState state = model->recipient(r).installState;
        // Everyone has it now, except people whose policy blocks it or
        // who have no Teams licence.
        QVERIFY2(state == InstallState::Installed || state == InstallState::Blocked
                     || state == InstallState::NotFound,
                 qPrintable(toName(state)));
        installed += state == InstallState::Installed ? 1 : 0;
    }
    QVERIFY(installed > 0);
    QVERIFY(!page->countsText().contains(QStringLiteral("Not installed")));

    // Uninstall one selected row through the action (confirmation accepted).
    ui::RecipientTableView *table = m_window->workspace()->table();
    int target = -1;
    for (int r = 0; r < rows() && target < 0; ++r)
        target = model->recipient(r).installState == InstallState::Installed ? r : -1;
    QVERIFY(actions()->run(ui::InstallActions::Operation::Uninstall, {target}));
    QTRY_VERIFY_WITH_TIMEOUT(!actions()->isRunning(), 30000);
    QCOMPARE(model->recipient(target).installState, InstallState::NotInstalled);
    Q_UNUSED(table)
}

void TestRecipientsPage::filtersByStateAndText()
{
    addGroup(5);
    QVERIFY(actions()->run(ui::InstallActions::Operation::Status, [this] {
        QList<int> all;
        for (int r = 0; r < rows(); ++r)
            all.append(r);
        return all;
    }()));
    QTRY_VERIFY_WITH_TIMEOUT(!actions()->isRunning(), 30000);
    ui::RecipientTableView *table = m_window->workspace()->table();
    RecipientFilterProxy *proxy = table->proxy();
    QCOMPARE(proxy->rowCount(), rows());

    // State filter: pick "Installed" in the combo box.
    QComboBox *state = table->installFilter();
    const int installedItem = state->findData(int(InstallState::Installed));
    QVERIFY(installedItem > 0);
    state->setCurrentIndex(installedItem);
    for (int r = 0; r < proxy->rowCount(); ++r)
        QCOMPARE(InstallState(proxy->index(r, 0).data(RecipientTableModel::InstallStateRole).toInt()),
                 InstallState::Installed);
    QVERIFY(table->countText().contains(QStringLiteral("shown")) || proxy->rowCount() == rows());
    state->setCurrentIndex(0);
    QCOMPARE(proxy->rowCount(), rows());

    // Text filter, typed: a name from the table narrows it to matching rows.
    const QString name = m_window->workspace()->model()->recipient(0).displayName;
    const QString word = name.section(QLatin1Char(' '), -1);
    table->filterEdit()->setFocus();
    QTest::keyClicks(table->filterEdit(), word);
    QVERIFY(proxy->rowCount() >= 1);
    QVERIFY(proxy->rowCount() <= rows());
    for (int r = 0; r < proxy->rowCount(); ++r) {
        const QString shown = proxy->index(r, RecipientTableModel::Name).data().toString() + QLatin1Char(' ')
            + proxy->index(r, RecipientTableModel::UserPrincipalName).data().toString() + QLatin1Char(' ')
            + proxy->index(r, RecipientTableModel::Detail).data().toString();
        QVERIFY2(shown.contains(word, Qt::CaseInsensitive), qPrintable(shown));
    }
    // With a filter and no selection, actions work on what is shown.
    QCOMPARE(table->targetSourceRows().size(), proxy->rowCount());
    // Multi-select: two rows selected become the target.
    table->filterEdit()->clear();
    table->view()->selectionModel()->select(proxy->index(0, 0),
                                            QItemSelectionModel::Select | QItemSelectionModel::Rows);
    table->view()->selectionModel()->select(proxy->index(2, 0),
                                            QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QCOMPARE(table->targetSourceRows().size(), 2);
    QTRY_VERIFY(table->countText().contains(QStringLiteral("2 selected")));
}

void TestRecipientsPage::copyAndExportUseTheRows()
{
    addGroup(2);
    ui::RecipientTableView *table = m_window->workspace()->table();
    table->view()->setFocus();
    table->view()->selectionModel()->select(table->proxy()->index(0, 0),
                                            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QTest::keyClick(table->view(), Qt::Key_C, Qt::ControlModifier);
    const QStringList lines
        = QGuiApplication::clipboard()->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2); // header + the selected row
    QVERIFY(lines.at(0).startsWith(QStringLiteral("input\tid\t")));
    const int source = table->selectedSourceRows().constFirst();
    QVERIFY(lines.at(1).contains(m_window->workspace()->model()->recipient(source).id));

    QTemporaryDir dir;
    QString error;
    const QString path = dir.filePath(QStringLiteral("out.csv"));
    QVERIFY2(actions()->exportRows(table->visibleSourceRows(), path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> csv = file.readAll().split('\n');
    QCOMPARE(csv.size() - 1, rows() + 1); // header, rows, final empty piece
    QVERIFY(csv.at(0).startsWith("input,id,kind,displayName,userPrincipalName,installState"));
}

void TestRecipientsPage::lostTenantMidSweepKeepsRowsAndOffersRetry()
{
    addGroup(4);
    RecipientTableModel *model = m_window->workspace()->model();
    // The first half is known from an earlier sweep.
    QList<int> firstHalf, all;
    for (int r = 0; r < rows(); ++r) {
        all.append(r);
        if (r < rows() / 2)
            firstHalf.append(r);
    }
    QVERIFY(actions()->run(ui::InstallActions::Operation::Status, firstHalf));
    QTRY_VERIFY_WITH_TIMEOUT(!actions()->isRunning(), 30000);
    QList<InstallState> before;
    for (int r = 0; r < rows(); ++r)
        before.append(model->recipient(r).installState);
    QVERIFY(before.constFirst() != InstallState::Unknown);

    // The tenant goes away; the next sweep runs into refused connections.
    graph::RetryPolicy once;
    once.maxAttempts = 1;
    m_window->session()->graph()->setRetryPolicy(once);
    m_demo.reset();
    QVERIFY(actions()->run(ui::InstallActions::Operation::Status, all));
    QTRY_VERIFY_WITH_TIMEOUT(!actions()->isRunning(), 60000);
    ui::ProgressPanel *panel = m_window->workspace()->progress();
    QVERIFY2(panel->errorText().startsWith(QStringLiteral("Stopped: ")), qPrintable(panel->errorText()));
    QVERIFY(panel->retryButton()->isVisible());
    // The table keeps what it had.
    for (int r = 0; r < rows(); ++r)
        QCOMPARE(model->recipient(r).installState, before.at(r));
    // Shown once: in the panel, not as a dialog; Retry runs again and
    // replaces the message instead of stacking another one.
    QVERIFY(!QApplication::activeModalWidget());
    const QString error = panel->errorText();
    QTest::mouseClick(panel->retryButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!actions()->isRunning(), 60000);
    QCOMPARE(panel->errorText().count(QStringLiteral("Stopped: ")), 1);
    QVERIFY(panel->retryButton()->isVisible());
    Q_UNUSED(error)
}

QTEST_MAIN(TestRecipientsPage)
#include "tst_recipientspage.moc"
