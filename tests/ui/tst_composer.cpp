// The composer page as the admin uses it: typing markdown or card JSON,
// validation with line/column, template fields, "Preview as…", the size
// indicator, the card form, files, and "Send test to me".
#include "message/ActivityBuilder.h"
#include "ui/compose/AdaptiveCardView.h"
#include "ui/compose/CardFormWidget.h"
#include "ui/compose/ComposerPage.h"
#include "ui/compose/ComposerPanels.h"
#include "ui/compose/MarkdownMessageView.h"
#include "ui/compose/MessageEditor.h"
#include "ui/compose/TextElements.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QToolButton>
#include <QtTest>

using herald::message::MessageDocument;
using herald::message::RecipientData;
using herald::message::RecipientDataList;
using herald::ui::CardTextLabel;
using herald::ui::ComposerPage;

Q_DECLARE_METATYPE(herald::message::MessageDocument)
Q_DECLARE_METATYPE(herald::message::RecipientData)

namespace {

const char kHelloCard[] = R"({
  "type": "AdaptiveCard",
  "version": "1.5",
  "body": [
    {"type": "TextBlock", "text": "Hello ${givenName}", "wrap": true}
  ]
})";

RecipientDataList people()
{
    return {RecipientData(QJsonObject{{"displayName", "Ann Lee"},
                                      {"givenName", "Ann"},
                                      {"mail", "ann@contoso.com"},
                                      {"userPrincipalName", "ann@contoso.com"},
                                      {"department", "Finance"},
                                      {"Cost center", "4711"}}),
            RecipientData(QJsonObject{{"displayName", "Bob Kay"},
                                      {"givenName", "Bob"},
                                      {"mail", "bob@contoso.com"},
                                      {"userPrincipalName", "bob@contoso.com"},
                                      {"department", "IT"}})};
}

QStringList textBlocks(const QWidget *root)
{
    QStringList texts;
    for (CardTextLabel *label : root->findChildren<CardTextLabel *>())
        if (label->property("acType").toString() == QLatin1String("TextBlock"))
            texts << label->sourceText();
    return texts;
}

} // namespace

class TestComposer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void invalidJsonKeepsLastRenderAndShowsLineColumn();
    void previewWaitsForPauseInTyping();
    void templateFieldInsertedAtCursor();
    void fieldWithSpaceIsIndexed();
    void previewAsSwitchesBoundText();
    void markdownPreviewIsBound();
    void sizeIndicatorOverLimit();
    void cardFormGeneratesCard();
    void sendTestEmitsDocumentAndRecipient();
    void modeSwitchKeepsEachText();
    void darkToggleSwitchesPreviewTheme();
    void openAndSaveFiles();
    void openRejectsBadFiles_data();
    void openRejectsBadFiles();
    void validationOfATenantStaysResponsive();
    void screenshot();
};

void TestComposer::initTestCase()
{
    qRegisterMetaType<MessageDocument>();
    qRegisterMetaType<RecipientData>();
}

void TestComposer::invalidJsonKeepsLastRenderAndShowsLineColumn()
{
    ComposerPage page;
    page.setRecipients(people());
    page.resize(1100, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.setMode(ComposerPage::Mode::Card);
    page.setText(QString::fromUtf8(kHelloCard));
    QCOMPARE(textBlocks(page.cardView()), QStringList{"Hello Ann"});
    QVERIFY(page.previewErrorLabel()->isHidden());

    // Type a stray comma after the TextBlock's "wrap": true, as a user would.
    herald::ui::MessageEditor *editor = page.editor();
    editor->goTo(5, 69); // just before the closing brace
    QCOMPARE(editor->cursorLine(), 5);
    QTest::keyClicks(editor, QStringLiteral(", "));
    QTRY_VERIFY(!page.previewErrorLabel()->isHidden());

    // The last good render stays; the error says where.
    QCOMPARE(textBlocks(page.cardView()), QStringList{"Hello Ann"});
    QVERIFY(!page.document().has_value());
    QVERIFY(page.hasErrors());
    const herald::message::ValidationIssues issues = page.issues();
    QVERIFY(!issues.isEmpty());
    const herald::message::ValidationIssue issue = issues.first();
    QVERIFY(issue.isError());
    QVERIFY2(issue.line >= 5 && issue.line <= 6, qPrintable(issue.toString()));
    QVERIFY(issue.column > 0);
    QVERIFY2(page.previewErrorLabel()->text().contains(
                 QStringLiteral("line %1, column %2").arg(issue.line).arg(issue.column)),
             qPrintable(page.previewErrorLabel()->text()));
    QVERIFY(!page.findChild<QPushButton *>(QStringLiteral("sendTest"))->isEnabled());
    QVERIFY(editor->issueMarkCount() >= 1);

    // Clicking the message moves the cursor to its line and column.
    editor->goTo(1, 1);
    QListWidgetItem *item = page.issueList()->item(0);
    QVERIFY(item->text().contains(QStringLiteral("line %1").arg(issue.line)));
    const QRect rect = page.issueList()->visualItemRect(item);
    QTest::mouseClick(page.issueList()->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(editor->cursorLine(), issue.line);
    QCOMPARE(editor->cursorColumn(), issue.column);

    // Fixing it renders the new text and hides the error.
    page.setText(QString::fromUtf8(kHelloCard).replace("Hello", "Bye"));
    QCOMPARE(textBlocks(page.cardView()), QStringList{"Bye Ann"});
    QVERIFY(page.previewErrorLabel()->isHidden());
    QVERIFY(page.findChild<QPushButton *>(QStringLiteral("sendTest"))->isEnabled());
}

void TestComposer::previewWaitsForPauseInTyping()
{
    ComposerPage page;
    page.setMode(ComposerPage::Mode::Card);
    page.setText(QString::fromUtf8(kHelloCard));
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QSignalSpy changed(&page, &ComposerPage::documentChanged);
    page.editor()->goTo(5, 42); // inside "Hello ${givenName}", before "${"
    QTest::keyClicks(page.editor(), QStringLiteral("dear "));
    // Not on every keystroke...
    QCOMPARE(changed.count(), 0);
    QCOMPARE(textBlocks(page.cardView()), QStringList{"Hello ${givenName}"});
    // ...but once, after the pause.
    QTRY_COMPARE(changed.count(), 1);
    QCOMPARE(textBlocks(page.cardView()), QStringList{"Hello dear ${givenName}"});
}

void TestComposer::templateFieldInsertedAtCursor()
{
    ComposerPage page;
    page.setRecipients(people());
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    const QStringList fields = page.fieldList()->fields();
    for (const char *field :
         {"displayName", "givenName", "mail", "userPrincipalName", "department", "Cost center"})
        QVERIFY2(fields.contains(QLatin1String(field)), qPrintable(fields.join(',')));

    page.setText(QStringLiteral("Hi , welcome"));
    page.editor()->goTo(1, 4);
    QListWidget *list = page.fieldList()->list();
    list->setCurrentRow(fields.indexOf(QStringLiteral("givenName")));
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("insertField")), Qt::LeftButton);
    QCOMPARE(page.text(), QStringLiteral("Hi ${givenName}, welcome"));
    // Enter on a field does the same.
    page.editor()->goTo(1, 25);
    list->setCurrentRow(fields.indexOf(QStringLiteral("department")));
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Return);
    QCOMPARE(page.text(), QStringLiteral("Hi ${givenName}, welcome${department}"));
    page.refreshNow();
    QCOMPARE(page.markdownView()->textBrowser()->toPlainText(), QStringLiteral("Hi Ann, welcomeFinance"));
}

void TestComposer::fieldWithSpaceIsIndexed()
{
    QCOMPARE(herald::ui::TemplateFieldList::expressionFor(QStringLiteral("mail")), QStringLiteral("${mail}"));
    QCOMPARE(herald::ui::TemplateFieldList::expressionFor(QStringLiteral("Cost center")),
             QStringLiteral("${$root['Cost center']}"));
    ComposerPage page;
    page.setRecipients(people());
    page.setText(QStringLiteral("Cost center: ")
                 + herald::ui::TemplateFieldList::expressionFor("Cost center"));
    QCOMPARE(page.markdownView()->textBrowser()->toPlainText(), QStringLiteral("Cost center: 4711"));
}

void TestComposer::previewAsSwitchesBoundText()
{
    ComposerPage page;
    page.setRecipients(people());
    page.setMode(ComposerPage::Mode::Card);
    page.setText(QString::fromUtf8(kHelloCard));
    QComboBox *previewAs = page.previewAsBox();
    QCOMPARE(previewAs->count(), 2);
    QCOMPARE(previewAs->itemText(0), QStringLiteral("Ann Lee (ann@contoso.com)"));
    QCOMPARE(textBlocks(page.cardView()), QStringList{"Hello Ann"});
    previewAs->setCurrentIndex(1);
    QCOMPARE(textBlocks(page.cardView()), QStringList{"Hello Bob"});

    // A field one recipient lacks is listed, and the preview shows the gap.
    page.setText(QString::fromUtf8(kHelloCard)
                     .replace("${givenName}", "${Cost center}")
                     .replace("${Cost center}", "${$root['Cost center']}"));
    QCOMPARE(textBlocks(page.cardView()), QStringList{"Hello ${$root['Cost center']}"});
    bool listed = false;
    for (const auto &issue : page.issues())
        listed = listed || issue.message.contains(QLatin1String("bob@contoso.com"))
            || issue.recipient == QLatin1String("bob@contoso.com");
    QVERIFY2(listed, qPrintable(page.issueList()->item(0)->text()));
    previewAs->setCurrentIndex(0);
    QCOMPARE(textBlocks(page.cardView()), QStringList{"Hello 4711"});

    // Without recipients the box says so and fields stay unbound.
    page.setRecipients({});
    QVERIFY(!previewAs->isEnabled());
    QCOMPARE(textBlocks(page.cardView()), QStringList{"Hello ${$root['Cost center']}"});
}

void TestComposer::markdownPreviewIsBound()
{
    ComposerPage page;
    page.setRecipients(people());
    page.setText(QStringLiteral("**Hi ${givenName}**, see [the news](https://contoso.com)"));
    QCOMPARE(page.markdownView()->textBrowser()->toPlainText(), QStringLiteral("Hi Ann, see the news"));
    page.previewAsBox()->setCurrentIndex(1);
    QCOMPARE(page.markdownView()->textBrowser()->toPlainText(), QStringLiteral("Hi Bob, see the news"));
}

void TestComposer::sizeIndicatorOverLimit()
{
    ComposerPage page;
    page.setMode(ComposerPage::Mode::Card);
    page.setText(QString::fromUtf8(kHelloCard));
    QVERIFY(!page.sizeIndicator()->isOverLimit());
    QVERIFY2(page.sizeIndicator()->text().contains(QLatin1String("of 40.0 KB")),
             qPrintable(page.sizeIndicator()->text()));

    QJsonObject card = QJsonDocument::fromJson(kHelloCard).object();
    QJsonArray body = card.value("body").toArray();
    body.append(QJsonObject{{"type", "TextBlock"}, {"text", QString(45 * 1024, QLatin1Char('x'))}});
    card.insert("body", body);
    page.setText(QString::fromUtf8(QJsonDocument(card).toJson()));
    QVERIFY(page.sizeIndicator()->isOverLimit());
    QVERIFY2(page.sizeIndicator()->text().contains(QLatin1String("over the 40.0 KB limit")),
             qPrintable(page.sizeIndicator()->text()));
    QVERIFY(page.hasErrors());
    bool sizeIssue = false;
    for (const auto &issue : page.issues())
        sizeIssue = sizeIssue || issue.category == herald::message::ValidationIssue::Category::Size;
    QVERIFY(sizeIssue);
    QVERIFY(!page.findChild<QPushButton *>(QStringLiteral("sendTest"))->isEnabled());
}

void TestComposer::cardFormGeneratesCard()
{
    ComposerPage page;
    page.setRecipients(people());
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.setMode(ComposerPage::Mode::Card);
    herald::ui::CardFormWidget *form = page.cardForm();
    QVERIFY(form->isVisible());
    QTest::keyClicks(form->findChild<QLineEdit *>(QStringLiteral("formTitle")), QStringLiteral("Town hall"));
    QTest::keyClicks(form->findChild<QPlainTextEdit *>(QStringLiteral("formSummary")),
                     QStringLiteral("Hi ${givenName}, join us **Friday**."));
    QTest::keyClicks(form->findChild<QLineEdit *>(QStringLiteral("formButtonTitle")), QStringLiteral("Join"));
    QTest::keyClicks(form->findChild<QLineEdit *>(QStringLiteral("formButtonUrl")),
                     QStringLiteral("https://contoso.com/townhall"));
    QTest::mouseClick(form->findChild<QPushButton *>(QStringLiteral("formCreate")), Qt::LeftButton);

    const QJsonObject card = QJsonDocument::fromJson(page.text().toUtf8()).object();
    QCOMPARE(card.value("type").toString(), QStringLiteral("AdaptiveCard"));
    QVERIFY2(page.text().startsWith(QLatin1String("{\n  \"type\": \"AdaptiveCard\"")),
             qPrintable(page.text()));
    QCOMPARE(textBlocks(page.cardView()), (QStringList{"Town hall", "Hi Ann, join us **Friday**."}));
    auto *button = page.cardView()->findChild<QPushButton *>(QStringLiteral("ac-Action.OpenUrl"));
    QVERIFY(button);
    QCOMPARE(button->text(), QStringLiteral("Join"));
    QVERIFY(!page.hasErrors());
    // No image was given, so none is in the card; Ctrl+Z brings back the old text.
    QVERIFY(!page.text().contains(QLatin1String("\"Image\"")));
    page.editor()->undo();
    QVERIFY(page.text().contains(QLatin1String("Hello ${givenName}")));
}

void TestComposer::sendTestEmitsDocumentAndRecipient()
{
    ComposerPage page;
    page.setRecipients(people());
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.setText(QStringLiteral("Hello ${givenName}"));
    page.previewAsBox()->setCurrentIndex(1);
    QSignalSpy spy(&page, &ComposerPage::sendTestRequested);
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("sendTest")), Qt::LeftButton);
    QCOMPARE(spy.count(), 1);
    const auto document = spy.at(0).at(0).value<MessageDocument>();
    QVERIFY(document.isMarkdown());
    QCOMPARE(document.text(), QStringLiteral("Hello ${givenName}"));
    QCOMPARE(spy.at(0).at(1).value<RecipientData>().label(), QStringLiteral("bob@contoso.com"));
}

void TestComposer::modeSwitchKeepsEachText()
{
    ComposerPage page;
    page.setText(QStringLiteral("markdown text"));
    page.setMode(ComposerPage::Mode::Card);
    QVERIFY(page.text().contains(QLatin1String("\"AdaptiveCard\""))); // the starter card
    QCOMPARE(page.previewErrorLabel()->isHidden(), true);
    page.setMode(ComposerPage::Mode::Markdown);
    QCOMPARE(page.text(), QStringLiteral("markdown text"));
    QVERIFY(page.document()->isMarkdown());
}

void TestComposer::darkToggleSwitchesPreviewTheme()
{
    ComposerPage page;
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto *toggle = page.findChild<QToolButton *>(QStringLiteral("darkPreview"));
    QTest::mouseClick(toggle, Qt::LeftButton);
    QCOMPARE(page.cardView()->themeMode(), herald::ui::CardTheme::Mode::Dark);
    QCOMPARE(page.markdownView()->themeMode(), herald::ui::CardTheme::Mode::Dark);
    QTest::mouseClick(toggle, Qt::LeftButton);
    QCOMPARE(page.cardView()->themeMode(), herald::ui::CardTheme::Mode::Light);
}

void TestComposer::openAndSaveFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ComposerPage page;
    page.setMode(ComposerPage::Mode::Card);
    page.setText(QString::fromUtf8(kHelloCard));
    const QString json = dir.filePath(QStringLiteral("hello.json"));
    QVERIFY(page.saveFile(json));
    QFile saved(json);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(saved.readAll()), QString::fromUtf8(kHelloCard));

    QFile markdown(dir.filePath(QStringLiteral("note.md")));
    QVERIFY(markdown.open(QIODevice::WriteOnly));
    markdown.write("# Note\n\nHi ${givenName} — ünïcödé");
    markdown.close();
    QVERIFY(page.openFile(markdown.fileName()));
    QCOMPARE(page.mode(), ComposerPage::Mode::Markdown);
    QCOMPARE(page.text(), QStringLiteral("# Note\n\nHi ${givenName} — ünïcödé"));

    QVERIFY(page.openFile(json));
    QCOMPARE(page.mode(), ComposerPage::Mode::Card);
    QCOMPARE(textBlocks(page.cardView()), QStringList{"Hello ${givenName}"});
}

void TestComposer::openRejectsBadFiles_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("wrong extension") << "card.docx" << QByteArray("x") << ".md, .markdown, .txt or .json";
    QTest::newRow("not utf-8") << "latin1.md" << QByteArray("caf\xe9 cr\xe8me") << "not UTF-8";
    QTest::newRow("truncated utf-8") << "cut.md" << QByteArray("caf\xc3") << "not UTF-8";
    QTest::newRow("missing") << "" << QByteArray() << "Cannot open";
}

void TestComposer::openRejectsBadFiles()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(QString, messagePart);
    QTemporaryDir dir;
    QString path = dir.filePath(name.isEmpty() ? QStringLiteral("absent.md") : name);
    if (!name.isEmpty()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    ComposerPage page;
    page.setText(QStringLiteral("keep me"));
    QSignalSpy errors(&page, &ComposerPage::fileError);
    QVERIFY(!page.openFile(path));
    QCOMPARE(errors.count(), 1);
    QVERIFY2(errors.at(0).at(0).toString().contains(messagePart), qPrintable(errors.at(0).at(0).toString()));
    QCOMPARE(page.text(), QStringLiteral("keep me")); // nothing half-loaded
    QVERIFY(page.findChild<QLabel *>(QStringLiteral("fileStatus"))->text().contains(messagePart));
}

// Each pause in typing validates the message for up to kValidatedRecipients
// recipients on the GUI thread: that must stay short enough not to freeze the
// editor. Prints the measured time.
void TestComposer::validationOfATenantStaysResponsive()
{
    RecipientDataList many;
    for (int i = 0; i < 5000; ++i) {
        QJsonObject fields{{"displayName", QStringLiteral("User %1").arg(i)},
                           {"givenName", QStringLiteral("User%1").arg(i)},
                           {"userPrincipalName", QStringLiteral("user%1@contoso.com").arg(i)}};
        if (i % 7) // every seventh has no department
            fields.insert("department", QStringLiteral("Sales"));
        many << RecipientData(fields);
    }
    ComposerPage page;
    page.setRecipients(many);
    QCOMPARE(page.previewAsBox()->count(), 1000);
    page.setMode(ComposerPage::Mode::Card);
    page.setText(QString::fromUtf8(kHelloCard).replace("${givenName}", "${givenName} from ${department}"));
    QElapsedTimer timer;
    timer.start();
    page.refreshNow();
    const qint64 elapsed = timer.elapsed();
    qInfo("validation and preview for %d recipients: %lld ms", ComposerPage::kValidatedRecipients, elapsed);
    QVERIFY2(elapsed < 1000, qPrintable(QString::number(elapsed)));
    // Recipients without a department are reported.
    bool missing = false;
    for (const auto &issue : page.issues())
        missing = missing || issue.category == herald::message::ValidationIssue::Category::MissingField;
    QVERIFY(missing);
}

// Saves the composer as the README shows it when HERALD_SCREENSHOT_DIR is set.
void TestComposer::screenshot()
{
    RecipientDataList recipients = people();
    recipients[1].insert(QStringLiteral("Cost center"), QStringLiteral("5200"));
    ComposerPage page;
    page.setRecipients(recipients);
    page.resize(1240, 760);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    herald::ui::CardFormWidget::Fields fields;
    fields.title = QStringLiteral("New expense policy from 1 March");
    fields.summary
        = QStringLiteral("Hi ${givenName}, expenses over **€500** now need your manager's approval "
                         "in [Concur](https://concur.contoso.com). Cost center: ${$root['Cost center']}.");
    fields.buttonTitle = QStringLiteral("Read the policy");
    fields.buttonUrl = QStringLiteral("https://intranet.contoso.com/expenses");
    page.setMode(ComposerPage::Mode::Card);
    page.cardForm()->setFields(fields);
    QTest::mouseClick(page.cardForm()->findChild<QPushButton *>(QStringLiteral("formCreate")),
                      Qt::LeftButton);
    QCOMPARE(textBlocks(page.cardView()).size(), 2);
    QVERIFY(!page.hasErrors());
    // Let the layouts and scroll areas settle before grabbing.
    QTest::qWait(100);
    const QPixmap light = page.grab();
    QVERIFY(!light.isNull());
    QTest::mouseClick(page.findChild<QToolButton *>(QStringLiteral("darkPreview")), Qt::LeftButton);
    page.previewAsBox()->setCurrentIndex(1);
    QTest::qWait(100);
    const QPixmap dark = page.grab();
    page.setMode(ComposerPage::Mode::Markdown);
    page.setText(QStringLiteral(
        "**Office move on Friday**\n\nHi ${givenName}, the ${department} team moves to "
        "*Building 4* this week:\n\n- pack your desk by Thursday 17:00\n"
        "- badges work from Friday 8:00\n\nQuestions: [facilities](https://contoso.com/move)"));
    QTest::qWait(100);
    const QPixmap markdown = page.grab();
    const QString dir = qEnvironmentVariable("HERALD_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QVERIFY(light.save(dir + QStringLiteral("/composer.png")));
        QVERIFY(dark.save(dir + QStringLiteral("/composer-dark.png")));
        QVERIFY(markdown.save(dir + QStringLiteral("/composer-markdown.png")));
    }
}

QTEST_MAIN(TestComposer)
#include "tst_composer.moc"
