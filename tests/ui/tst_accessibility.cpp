// Keyboard and screen-reader access, checked the way a keyboard user meets
// the GUI: the main window in demo mode, every page, the profile dialog, the
// CSV import dialog and the send confirmation are walked with real Tab key
// presses. Every visible, enabled control must be reached, in reading order
// (no jump back up the page except the wrap-around), each with an accessible
// name; mnemonics must not clash; dialogs close with Escape.

#include "RecipientTableModel.h"
#include "tst_accessibility_support.h"
#include "ui/CampaignController.h"
#include "ui/ChipBar.h"
#include "ui/CommandLine.h"
#include "ui/CsvImportDialog.h"
#include "ui/DemoSession.h"
#include "ui/DirectoryPickerDialog.h"
#include "ui/DirectorySearch.h"
#include "ui/InstallActions.h"
#include "ui/MainWindow.h"
#include "ui/ProfileDialog.h"
#include "ui/RecipientLoader.h"
#include "ui/RecipientTableView.h"
#include "ui/RecipientsPage.h"
#include "ui/SendPage.h"
#include "ui/Session.h"
#include "ui/Workspace.h"
#include "ui/compose/AdaptiveCardView.h"
#include "ui/compose/ComposerPage.h"
#include "ui/compose/MessageEditor.h"

#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>
#include <memory>

using namespace herald;
using herald::ui::DemoSession;
using herald::ui::MainWindow;

namespace {

// (No raw string here: moc does not find the test class after one.)
const char kCard[]
    = "{\"type\": \"AdaptiveCard\", \"version\": \"1.5\","
      " \"body\": [{\"type\": \"TextBlock\", \"text\": \"Hello ${givenName}\", \"wrap\": true},"
      "  {\"type\": \"TextBlock\", \"text\": \"See [the policy](https://contoso.example/p)\", \"wrap\": "
      "true}],"
      " \"actions\": ["
      "  {\"type\": \"Action.OpenUrl\", \"title\": \"Read more\", \"url\": \"https://contoso.example/more\"},"
      "  {\"type\": \"Action.OpenUrl\", \"title\": \"R&D news\", \"url\": \"https://contoso.example/rd\"}]}";

} // namespace

using namespace a11y;

class TestAccessibility : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void stateCellsReadAsText();
    // First: its campaign gives the History page something to show.
    void sendConfirmationByTab();
    void everyPageByTab_data();
    void everyPageByTab();
    void pageShortcutMovesFocusToThePage();
    void editorLetsGoWithCtrlTab();
    void profileDialogByTab();
    void csvImportDialogByTab();
    void groupPickerByTab();

private:
    void activate();

    std::unique_ptr<DemoSession> m_demo;
    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_dir;
};

void TestAccessibility::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    ui::setApplicationIdentity();
    QSettings().clear();
    QVERIFY(m_dir.isValid());

    sim::SimOptions options = DemoSession::defaultOptions();
    options.users = 30;
    options.teams = 3;
    options.groups = 3;
    options.timeScale = 20;
    m_demo = std::make_unique<DemoSession>(options);
    m_window = std::make_unique<MainWindow>();
    m_window->attachDemo(m_demo.get());
    m_window->resize(1200, 800);
    m_window->show();
    activate();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->session()->isReady(), 30000);

    // Content for every kind of control: a chip, states in the table, the
    // progress panel's buttons, a card with action buttons in the preview.
    ui::Workspace *ws = m_window->workspace();
    m_window->recipientsPage()->addAllUsers(-1);
    QTRY_VERIFY_WITH_TIMEOUT(!ws->loader()->isBusy() && ws->model()->rowCount() >= 30, 30000);
    QCOMPARE(ws->chips()->chipCount(), 1);
    QList<int> rows;
    for (int r = 0; r < ws->model()->rowCount(); ++r)
        rows.append(r);
    ws->actions()->run(ui::InstallActions::Operation::Status, rows);
    QTRY_VERIFY_WITH_TIMEOUT(!ws->actions()->isRunning(), 60000);
    m_window->composerPage()->setMode(ui::ComposerPage::Mode::Card);
    m_window->composerPage()->setText(QString::fromUtf8(kCard));
    m_window->composerPage()->refreshNow();
    QVERIFY(!m_window->composerPage()->hasErrors());
    // "Preview as" is enabled once the table's recipients reach the composer.
    QTRY_VERIFY(!m_window->composerPage()->recipients().isEmpty());
}

void TestAccessibility::cleanupTestCase()
{
    m_window.reset();
    m_demo.reset();
    QSettings().clear();
}

void TestAccessibility::activate()
{
    // GUI suites take turns on the display (CTest resource lock); still,
    // make sure this window has the keyboard before pressing keys.
    m_window->raise();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestAccessibility::stateCellsReadAsText()
{
    // The install state column has an icon, and a screen reader reads its words.
    QTableView *view = m_window->workspace()->table()->view();
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(view);
    QVERIFY(iface);
    QAccessibleTableInterface *table = iface->tableInterface();
    QVERIFY(table);
    QVERIFY(table->rowCount() >= 30);
    const int column = view->horizontalHeader()->visualIndex(RecipientTableModel::InstallState);
    QStringList seen;
    for (int row = 0; row < table->rowCount(); ++row) {
        QAccessibleInterface *cell = table->cellAt(row, column);
        QVERIFY(cell);
        const QString text = cell->text(QAccessible::Name);
        QVERIFY2(!text.isEmpty(), qPrintable(QStringLiteral("row %1 has no text").arg(row)));
        const QModelIndex index = view->model()->index(row, RecipientTableModel::InstallState);
        QCOMPARE(text, index.data(Qt::DisplayRole).toString());
        QVERIFY(!index.data(Qt::DecorationRole).value<QIcon>().isNull());
        if (!seen.contains(text))
            seen << text;
    }
    // The demo tenant has people with and without the app.
    QVERIFY2(seen.size() >= 2, qPrintable(seen.join(", ")));
    QCOMPARE(accessibleName(view), QStringLiteral("Recipients"));
}

void TestAccessibility::everyPageByTab_data()
{
    QTest::addColumn<QString>("page");
    QTest::addColumn<bool>("card");
    QTest::newRow("recipients") << "recipients" << false;
    QTest::newRow("install") << "install" << false;
    QTest::newRow("compose card") << "compose" << true;
    QTest::newRow("compose markdown") << "compose" << false;
    QTest::newRow("send") << "send" << false;
    QTest::newRow("history") << "history" << false;
}

void TestAccessibility::everyPageByTab()
{
    QFETCH(QString, page);
    QFETCH(bool, card);
    ui::ComposerPage *composer = m_window->composerPage();
    if (page == QLatin1String("compose")) {
        composer->setMode(card ? ui::ComposerPage::Mode::Card : ui::ComposerPage::Mode::Markdown);
        if (!card)
            composer->setText(
                QStringLiteral("Hi ${givenName}, see the [IT page](https://contoso.example/it)."));
        composer->refreshNow();
    }
    activate();
    m_window->setCurrentPage(m_window->pageIndex(page));
    auto *navigation = m_window->findChild<QListWidget *>(QStringLiteral("navigation"));
    navigation->setFocus(Qt::TabFocusReason);
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(navigation));
    QCoreApplication::processEvents(); // the queued tab order of new widgets

    QList<QWidget *> order;
    checkWindow(m_window.get(), &order);
    if (QTest::currentTestFailed())
        return;
    // Navigation list first, then the page: its controls, then the table.
    QCOMPARE(order.constFirst(), static_cast<QWidget *>(navigation));
    QVERIFY(order.size() > 2);
    QWidget *pageWidget = m_window->findChild<QStackedWidget *>(QStringLiteral("pages"))->currentWidget();
    for (int i = 1; i < order.size(); ++i)
        QVERIFY2(pageWidget->isAncestorOf(order.at(i)), qPrintable(describe(order.at(i))));

    if (page == QLatin1String("recipients")) {
        // The chip's remove button comes right after the buttons above it.
        QToolButton *chip = m_window->workspace()->chips()->findChild<QToolButton *>();
        QVERIFY(chip);
        const int at = int(order.indexOf(chip));
        QVERIFY(at > 0);
        QCOMPARE(order.at(at - 1), static_cast<QWidget *>(m_window->recipientsPage()->allUsersButton()));
    }
    if (page == QLatin1String("compose") && card) {
        // The preview's card buttons are reached, after the editor.
        const auto buttons = composer->cardView()->findChildren<QPushButton *>();
        QCOMPARE(buttons.size(), 2);
        for (QPushButton *button : buttons)
            QVERIFY(order.indexOf(button) > order.indexOf(composer->editor()));
        // Text blocks are stops for their links only.
        const auto texts = composer->cardView()->findChildren<QLabel *>(QStringLiteral("ac-TextBlock"));
        QCOMPARE(texts.size(), 2);
        QVERIFY(!order.contains(texts.at(0)));
        QVERIFY(order.contains(texts.at(1)));
        QVERIFY(order.indexOf(texts.at(1)) < order.indexOf(buttons.at(0)));
        // "R&D news" shows its ampersand and has no Alt+D.
        QCOMPARE(buttons.at(1)->text(), QStringLiteral("R&&D news"));
        QCOMPARE(accessibleName(buttons.at(1)), QStringLiteral("R&D news"));
    }
    if (page == QLatin1String("compose") && !card) {
        // The two modes are one stop; the arrow keys switch between them.
        auto *markdown = composer->findChild<QToolButton *>(QStringLiteral("modeMarkdown"));
        auto *cardMode = composer->findChild<QToolButton *>(QStringLiteral("modeCard"));
        QVERIFY(order.contains(markdown));
        markdown->setFocus(Qt::TabFocusReason);
        QTest::keyClick(markdown, Qt::Key_Right);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(cardMode));
        QTest::keyClick(cardMode, Qt::Key_Left);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(markdown));
    }
}

void TestAccessibility::pageShortcutMovesFocusToThePage()
{
    activate();
    m_window->setCurrentPage(m_window->pageIndex(QStringLiteral("recipients")));
    m_window->workspace()->table()->filterEdit()->setFocus(Qt::OtherFocusReason);
    QTRY_VERIFY(m_window->workspace()->table()->filterEdit()->hasFocus());
    // Ctrl+3: the Compose page, with the keyboard in its editor.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_3, Qt::ControlModifier);
    QCOMPARE(m_window->currentPage(), m_window->pageIndex(QStringLiteral("compose")));
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(m_window->composerPage()->editor()));
    // Ctrl+5: the History page's campaign list (its first control).
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_5, Qt::ControlModifier);
    QWidget *focused = QApplication::focusWidget();
    QVERIFY(focused);
    QCOMPARE(focused->objectName(), QStringLiteral("campaignList"));
}

void TestAccessibility::editorLetsGoWithCtrlTab()
{
    activate();
    m_window->setCurrentPage(m_window->pageIndex(QStringLiteral("compose")));
    ui::MessageEditor *editor = m_window->composerPage()->editor();
    editor->setFocus(Qt::OtherFocusReason);
    QTRY_VERIFY(editor->hasFocus());
    const QString before = editor->toPlainText();
    // Tab types (JSON is indented); Ctrl+Tab leaves, Ctrl+Shift+Tab comes back.
    QTest::keyClick(editor, Qt::Key_Tab);
    QVERIFY(editor->hasFocus());
    QVERIFY(editor->toPlainText() != before);
    QTest::keyClick(editor, Qt::Key_Tab, Qt::ControlModifier);
    QWidget *next = QApplication::focusWidget();
    QVERIFY(next && next != editor);
    QTest::keyClick(next, Qt::Key_Backtab, Qt::ShiftModifier);
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(editor));
    QTest::keyClick(editor, Qt::Key_Backtab, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(QApplication::focusWidget() != editor);
    editor->undo();
}

void TestAccessibility::sendConfirmationByTab()
{
    m_window->composerPage()->setMode(ui::ComposerPage::Mode::Markdown);
    m_window->composerPage()->setText(QStringLiteral("The VPN is down on Saturday."));
    QVERIFY2(!m_window->composerPage()->hasErrors(), qPrintable(m_window->composerPage()->text()));
    activate();
    m_window->setCurrentPage(m_window->pageIndex(QStringLiteral("send")));
    QPushButton *send = m_window->sendPage()->findChild<QPushButton *>(QStringLiteral("send"));
    QVERIFY(send);
    QTRY_VERIFY(send->isEnabled());
    send->setFocus(Qt::TabFocusReason);
    QTest::keyClick(send, Qt::Key_Space);
    QMessageBox *box = nullptr;
    QTRY_VERIFY2((box = m_window->findChild<QMessageBox *>(QStringLiteral("sendConfirm")))
                     && box->isVisible(),
                 qPrintable(m_window->sendPage()->statusText()));
    QTRY_VERIFY(QApplication::focusWidget() && QApplication::focusWidget()->window() == box);
    // Opens at its Send button (the default), so Enter sends and Escape does not.
    auto *defaultButton = qobject_cast<QPushButton *>(box->defaultButton());
    QVERIFY(defaultButton);
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(defaultButton));
    checkWindow(box);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(box->checkBox() && box->checkBox()->focusPolicy() != Qt::NoFocus);
    QPointer<QMessageBox> guard(box);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QTRY_VERIFY(!guard || !guard->isVisible());
    ui::CampaignController *campaigns = m_window->workspace()->campaigns();
    QVERIFY(!campaigns->isRunning()); // Escape sent nothing

    // Again, and Enter: the default button sends.
    activate();
    send->setFocus(Qt::TabFocusReason);
    QTest::keyClick(send, Qt::Key_Space);
    QTRY_VERIFY((box = m_window->findChild<QMessageBox *>(QStringLiteral("sendConfirm")))
                && box->isVisible());
    QTRY_VERIFY(QApplication::focusWidget() && QApplication::focusWidget()->window() == box);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_VERIFY(campaigns->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(!campaigns->isRunning(), 60000);
}

void TestAccessibility::profileDialogByTab()
{
    activate();
    m_window->action(QStringLiteral("actionProfiles"))->trigger();
    ui::ProfileDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<ui::ProfileDialog *>()) && dialog->isVisible());
    dialog->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(dialog));
    // Opens at its first field; Enter in a field saves, never deletes.
    QTRY_VERIFY(QApplication::focusWidget() && QApplication::focusWidget()->window() == dialog);
    QWidget *focused = QApplication::focusWidget();
    QCOMPARE(focused, static_cast<QWidget *>(dialog->findChild<QComboBox *>()));
    QPushButton *defaultButton = nullptr;
    for (QPushButton *button : dialog->findChildren<QPushButton *>())
        if (button->isDefault())
            defaultButton = button;
    QVERIFY(defaultButton);
    auto *box = dialog->findChild<QDialogButtonBox *>();
    QCOMPARE(defaultButton, box->button(QDialogButtonBox::Save));

    // Every method shows other fields: walk each.
    QComboBox *method = nullptr;
    for (QComboBox *combo : dialog->findChildren<QComboBox *>())
        if (combo->findData(QStringLiteral("delegated")) >= 0)
            method = combo;
    QVERIFY(method);
    for (int i = 0; i < method->count(); ++i) {
        method->setCurrentIndex(i);
        // The optional endpoint fields too.
        for (QGroupBox *group : dialog->findChildren<QGroupBox *>())
            if (group->isCheckable())
                group->setChecked(i == 1);
        checkWindow(dialog);
        if (QTest::currentTestFailed())
            return;
    }
    QPointer<ui::ProfileDialog> guard(dialog);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QTRY_VERIFY(!guard || !guard->isVisible());
}

void TestAccessibility::csvImportDialogByTab()
{
    const QString path = m_dir.filePath(QStringLiteral("people.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("userPrincipalName,Cost center\n"
               "adele.vance@contoso.onmicrosoft.com,4711\n"
               "not an address,12\n");
    file.close();
    activate();
    m_window->setCurrentPage(m_window->pageIndex(QStringLiteral("recipients")));
    m_window->recipientsPage()->importCsv(path);
    ui::CsvImportDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<ui::CsvImportDialog *>()) && dialog->isVisible());
    QTRY_VERIFY(dialog->canAdd());
    dialog->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(dialog));
    QTRY_VERIFY(QApplication::focusWidget() && QApplication::focusWidget()->window() == dialog);
    checkWindow(dialog);
    if (QTest::currentTestFailed())
        return;
    QPointer<ui::CsvImportDialog> guard(dialog);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QTRY_VERIFY(!guard || !guard->isVisible());
    QCOMPARE(m_window->workspace()->chips()->chipCount(), 1); // Escape added nothing
}

void TestAccessibility::groupPickerByTab()
{
    activate();
    m_window->setCurrentPage(m_window->pageIndex(QStringLiteral("recipients")));
    m_window->recipientsPage()->chooseGroups();
    ui::DirectoryPickerDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<ui::DirectoryPickerDialog *>()) && dialog->isVisible());
    dialog->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(dialog));
    // Opens in its search field; Enter there searches and does not add.
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(dialog->searchEdit()));
    QTest::keyClicks(dialog->searchEdit(), QStringLiteral("a"));
    QTest::keyClick(dialog->searchEdit(), Qt::Key_Return);
    QTRY_VERIFY(!dialog->search()->isBusy() && dialog->resultView()->model()->rowCount() > 0);
    QTRY_VERIFY(dialog->resultView()->currentIndex().isValid());
    QTest::keyClick(dialog->searchEdit(), Qt::Key_Return);
    QVERIFY(dialog->isVisible());
    QCOMPARE(m_window->workspace()->chips()->chipCount(), 1);
    checkWindow(dialog);
    if (QTest::currentTestFailed())
        return;
    QPointer<ui::DirectoryPickerDialog> guard(dialog);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QTRY_VERIFY(!guard || !guard->isVisible());
    QCOMPARE(m_window->workspace()->chips()->chipCount(), 1);
}

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
