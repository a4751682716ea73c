// The Compose page's two ways into delivery, against the demo simulator:
// "Send test to me" (one bound message to one user through
// campaign::TestSend, never journaled), and CSV extra columns reaching the
// template: "Preview as…" shows them and the payload sent for that user is
// bound with them.

#include "DemoWindowTest.h"
#include "HttpProbe.h"
#include "RecipientTableModel.h"
#include "campaign/CampaignStore.h"
#include "campaign/MessageActivitySource.h"
#include "config/ConnectionSettings.h"
#include "ui/CampaignController.h"
#include "ui/CommandLine.h"
#include "ui/CsvImportDialog.h"
#include "ui/DemoSession.h"
#include "ui/HistoryPage.h"
#include "ui/MainWindow.h"
#include "ui/RecipientLoader.h"
#include "ui/RecipientsPage.h"
#include "ui/SendPage.h"
#include "ui/Session.h"
#include "ui/TestSendAction.h"
#include "ui/Workspace.h"
#include "ui/compose/AdaptiveCardView.h"
#include "ui/compose/ComposerPage.h"
#include "ui/compose/MarkdownMessageView.h"
#include "ui/compose/TextElements.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QInputDialog>
#include <QJsonObject>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>
#include <algorithm>
#include <memory>

using namespace herald;
using herald::ui::DemoSession;
using herald::ui::MainWindow;

namespace {

const char kOfficeCard[] = R"({
  "type": "AdaptiveCard",
  "version": "1.5",
  "body": [
    {"type": "TextBlock", "text": "Office: ${Office}", "wrap": true}
  ]
})";

QStringList textBlocks(const QWidget *root)
{
    QStringList texts;
    for (ui::CardTextLabel *label : root->findChildren<ui::CardTextLabel *>())
        if (label->property("acType").toString() == QLatin1String("TextBlock"))
            texts << label->sourceText();
    return texts;
}

} // namespace

class TestComposerSend : public test::DemoWindowTest
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void sendTestDeliversOnceAndJournalsNothing();
    void sendTestToUnknownUserShowsTheFailure();
    void csvColumnsReachPreviewAndPayload();
    void givenNameFromTheDirectoryReachesPreviewAndPayload();

private:
    static sim::SimOptions options();
    void startWindow();
    void someUpns(int count, QStringList *upns);
    QJsonObject simStats();
    void clickSendTest(QInputDialog **dialog);
    RecipientTableModel *model() const { return m_window->workspace()->model(); }
};

sim::SimOptions TestComposerSend::options()
{
    sim::SimOptions o = smallTenant(40, 2, 2);
    // Everyone can get the message: the outcome depends on us only.
    o.installedFraction = 1.0;
    o.unlicensedFraction = 0;
    o.policyBlockedFraction = 0;
    o.botBlockedFraction = 0;
    return o;
}

void TestComposerSend::initTestCase()
{
    useTestEnvironment();
    removeData();
}

void TestComposerSend::init()
{
    QSettings().clear();
}

void TestComposerSend::cleanup()
{
    closeDemo();
    removeData();
}

void TestComposerSend::startWindow()
{
    QVERIFY(startDemoWindow(options()));
    QVERIFY2(m_window->session()->bot(), qPrintable(m_window->session()->botError()));
    ui::ComposerPage *composer = m_window->composerPage();
    QVERIFY(composer);
    composer->setMode(ui::ComposerPage::Mode::Markdown);
    composer->setText(QStringLiteral("**Hello** ${displayName}, this is a test."));
    composer->refreshNow();
    QVERIFY2(!composer->hasErrors(), "the composer finds errors in a plain markdown message");
}

// UPNs of the simulated tenant, read through the GUI's own "All users"; the
// table is emptied again afterwards.
void TestComposerSend::someUpns(int count, QStringList *upns)
{
    m_window->recipientsPage()->addAllUsers(-1);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->workspace()->loader()->isBusy(), 30000);
    for (int r = 0; r < model()->rowCount() && upns->size() < count; ++r)
        *upns << model()->recipient(r).userPrincipalName;
    m_window->workspace()->loader()->clear();
}

QJsonObject TestComposerSend::simStats()
{
    const ui::DemoTenant &tenant = m_demo->tenant();
    test::HttpProbe probe;
    const test::ProbeReply reply
        = probe.get(QUrl(QStringLiteral("http://%1:%2/_sim/stats").arg(tenant.host).arg(tenant.port)));
    return reply.status == 200 ? reply.json() : QJsonObject();
}

void TestComposerSend::clickSendTest(QInputDialog **dialog)
{
    m_window->setCurrentPage(m_window->pageIndex(QStringLiteral("compose")));
    auto *button = m_window->composerPage()->findChild<QPushButton *>(QStringLiteral("sendTest"));
    QVERIFY(button);
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(
        (*dialog = m_window->findChild<QInputDialog *>(QStringLiteral("testRecipientDialog")))
            && (*dialog)->isVisible(),
        5000);
}

void TestComposerSend::sendTestDeliversOnceAndJournalsNothing()
{
    startWindow();
    QStringList upns;
    someUpns(3, &upns);
    QCOMPARE(upns.size(), 3);
    const QString me = upns.at(2);
    // The last recipient used for this profile is offered again.
    const QString key = ui::TestSendAction::settingsKey(m_window->session()->profile().name);
    QSettings().setValue(key, upns.at(1));
    const qint64 before = simStats().value(QStringLiteral("deliveries")).toInteger();
    const int campaignsBefore = int(m_window->workspace()->campaigns()->campaigns().size());

    QInputDialog *dialog = nullptr;
    clickSendTest(&dialog);
    QVERIFY(dialog);
    QCOMPARE(dialog->textValue(), upns.at(1));
    auto *edit = dialog->findChild<QLineEdit *>();
    QVERIFY(edit);
    edit->selectAll();
    QTest::keyClicks(edit, me);
    QCOMPARE(dialog->textValue(), me);
    QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QCOMPARE(ok->text(), QStringLiteral("Send test"));
    QTest::mouseClick(ok, Qt::LeftButton);

    ui::TestSendAction *action = m_window->testSendAction();
    QTRY_VERIFY(action->isBusy() || m_window->statusBar()->currentMessage().startsWith("Test sent"));
    QTRY_VERIFY_WITH_TIMEOUT(!action->isBusy(), 20000);
    const QString status = m_window->statusBar()->currentMessage();
    QVERIFY2(status.startsWith(QStringLiteral("Test sent to ")), qPrintable(status));
    QVERIFY(!m_window->findChild<QMessageBox *>(QStringLiteral("testSendFailure")));
    QCOMPARE(QSettings().value(key).toString(), me);

    // Exactly one message, in one conversation, delivered once.
    const QJsonObject stats = simStats();
    QCOMPARE(stats.value(QStringLiteral("deliveries")).toInteger() - before, 1);
    QCOMPARE(stats.value(QStringLiteral("conversations")).toInt(), 1);
    QCOMPARE(stats.value(QStringLiteral("deliveriesPerConversation")).toObject(),
             QJsonObject({{QStringLiteral("1"), 1}}));
    QCOMPARE(stats.value(QStringLiteral("duplicates")).toInt(), 0);

    // No campaign: neither in the journal nor on the History page.
    QCOMPARE(int(m_window->workspace()->campaigns()->campaigns().size()), campaignsBefore);
    m_window->setCurrentPage(m_window->pageIndex(QStringLiteral("history")));
    QCOMPARE(m_window->historyPage()->campaignList()->topLevelItemCount(), 0);
}

void TestComposerSend::sendTestToUnknownUserShowsTheFailure()
{
    startWindow();
    const qint64 before = simStats().value(QStringLiteral("deliveries")).toInteger();
    QInputDialog *dialog = nullptr;
    clickSendTest(&dialog);
    QVERIFY(dialog);
    QCOMPARE(dialog->textValue(), QString()); // nothing used yet for this profile
    dialog->setTextValue(QStringLiteral("nobody@nowhere.example"));
    dialog->accept();
    QMessageBox *box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = m_window->findChild<QMessageBox *>(QStringLiteral("testSendFailure")))
                                 && box->isVisible(),
                             20000);
    QVERIFY2(box->text().contains(QStringLiteral("not found")), qPrintable(box->text()));
    QVERIFY2(box->informativeText().contains(QStringLiteral("nobody@nowhere.example")),
             qPrintable(box->informativeText()));
    QVERIFY(m_window->statusBar()->currentMessage().startsWith(QStringLiteral("Test not sent")));
    box->accept();
    QCOMPARE(simStats().value(QStringLiteral("deliveries")).toInteger(), before);
}

void TestComposerSend::csvColumnsReachPreviewAndPayload()
{
    startWindow();
    QStringList upns;
    someUpns(2, &upns);
    QCOMPARE(upns.size(), 2);
    QCOMPARE(model()->rowCount(), 0);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("offices.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("userPrincipalName,Office\n");
    file.write(upns.at(0).toUtf8() + ",Lisbon\n");
    file.write(upns.at(1).toUtf8() + ",Oslo 4th floor\n");
    file.close();
    m_window->recipientsPage()->importCsv(path);
    ui::CsvImportDialog *csv = nullptr;
    QTRY_VERIFY((csv = m_window->findChild<ui::CsvImportDialog *>()) && csv->isVisible());
    QTRY_VERIFY(csv->isParsed());
    QTest::mouseClick(csv->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->workspace()->loader()->isBusy(), 20000);
    QCOMPARE(model()->rowCount(), 2);
    const int oslo = model()->recipient(0).userPrincipalName == upns.at(1) ? 0 : 1;
    QCOMPARE(model()->recipient(oslo).extra.value(u"Office"), QStringLiteral("Oslo 4th floor"));

    // Preview as each imported recipient shows their CSV value.
    ui::ComposerPage *composer = m_window->composerPage();
    m_window->setCurrentPage(m_window->pageIndex(QStringLiteral("compose")));
    composer->setMode(ui::ComposerPage::Mode::Card);
    composer->setText(QString::fromUtf8(kOfficeCard));
    QComboBox *previewAs = composer->previewAsBox();
    QTRY_COMPARE(previewAs->count(), 2);
    composer->refreshNow();
    QVERIFY2(!composer->hasErrors(), "Office is a known field of every recipient");
    QStringList seen;
    for (int i = 0; i < 2; ++i) {
        previewAs->setCurrentIndex(i);
        seen << textBlocks(composer->cardView());
    }
    seen.sort();
    QCOMPARE(seen, QStringList({QStringLiteral("Office: Lisbon"), QStringLiteral("Office: Oslo 4th floor")}));

    // Send to both; the journaled payload of each is the card bound with its Office.
    m_window->setCurrentPage(m_window->pageIndex(QStringLiteral("send")));
    ui::SendPage *page = m_window->sendPage();
    page->nameEdit()->setText(QStringLiteral("Offices"));
    QTRY_VERIFY(page->sendButton()->isEnabled());
    QTest::mouseClick(page->sendButton(), Qt::LeftButton);
    QMessageBox *box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (box = m_window->findChild<QMessageBox *>(QStringLiteral("sendConfirm"))) && box->isVisible(), 5000);
    QAbstractButton *send = nullptr;
    for (QAbstractButton *b : box->buttons())
        send = b->text() == QStringLiteral("Send") ? b : send;
    QVERIFY(send);
    QTest::mouseClick(send, Qt::LeftButton);
    ui::CampaignController *campaigns = m_window->workspace()->campaigns();
    QTRY_VERIFY(campaigns->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(!campaigns->isRunning(), 30000);
    QCOMPARE(simStats().value(QStringLiteral("deliveries")).toInteger(), 2);

    const campaign::MessageActivitySource activities(*composer->document());
    campaign::CampaignStore *store = campaigns->store();
    QVERIFY(store);
    QCOMPARE(int(campaigns->campaigns().size()), 1);
    QHash<QString, campaign::JournalRow> rows;
    QVERIFY(store->forEachRow(campaigns->campaigns().first().id,
                              [&rows](const campaign::JournalRow &row) { rows.insert(row.recipient, row); }));
    QCOMPARE(rows.size(), 2);
    for (const QString &office : {QStringLiteral("Lisbon"), QStringLiteral("Oslo 4th floor")}) {
        const QString upn = office == QLatin1String("Lisbon") ? upns.at(0) : upns.at(1);
        QVERIFY2(rows.contains(upn), qPrintable(rows.keys().join(u' ')));
        const campaign::JournalRow &row = rows.value(upn);
        QCOMPARE(row.state, campaign::JournalState::Sent);
        QCOMPARE(row.data.value(QStringLiteral("Office")).toString(), office);
        const campaign::BoundActivity bound = activities.bind(row.data);
        QVERIFY(bound.ok());
        QVERIFY(bound.json.contains(office.toUtf8()));
        QCOMPARE(row.payloadHash, bound.hash);
    }

    // A second CSV naming someone already in the table brings its columns to that row.
    const QString path2 = dir.filePath(QStringLiteral("moved.csv"));
    QFile moved(path2);
    QVERIFY(moved.open(QIODevice::WriteOnly));
    moved.write("userPrincipalName,Office\n" + upns.at(1).toUtf8() + ",Bergen\n");
    moved.close();
    m_window->recipientsPage()->importCsv(path2);
    QTRY_VERIFY((csv = m_window->findChild<ui::CsvImportDialog *>()) && csv->isVisible());
    QTRY_VERIFY(csv->isParsed());
    QTest::mouseClick(csv->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->workspace()->loader()->isBusy(), 20000);
    QCOMPARE(model()->rowCount(), 2);
    QCOMPARE(model()->recipient(oslo).extra.value(u"Office"), QStringLiteral("Bergen"));
}

// ${givenName} is one of the standard fields the composer offers (and its
// own first text uses): the directory's first name has to reach the table,
// the preview, the journal and the payload -- it used to be dropped on the
// way, and every recipient then "lacked" it.
void TestComposerSend::givenNameFromTheDirectoryReachesPreviewAndPayload()
{
    startWindow();
    m_window->recipientsPage()->addAllUsers(-1);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->workspace()->loader()->isBusy(), 30000);
    QCOMPARE(model()->rowCount(), options().users);
    QHash<QString, QString> givenNames; // UPN -> first name, as the directory has them
    for (int r = 0; r < model()->rowCount(); ++r) {
        const Recipient person = model()->recipient(r);
        QVERIFY2(!person.givenName.isEmpty(), qPrintable(person.userPrincipalName));
        QVERIFY2(person.displayName.startsWith(person.givenName), qPrintable(person.displayName));
        givenNames.insert(person.userPrincipalName, person.givenName);
    }

    ui::ComposerPage *composer = m_window->composerPage();
    m_window->setCurrentPage(m_window->pageIndex(QStringLiteral("compose")));
    composer->setMode(ui::ComposerPage::Mode::Markdown);
    composer->setText(QStringLiteral("Hi ${givenName}, the office is closed on Friday."));
    QTRY_COMPARE(composer->previewAsBox()->count(), options().users);
    composer->previewAsBox()->setCurrentIndex(1);
    composer->refreshNow();
    QVERIFY2(!composer->hasErrors(), "every recipient has a givenName");
    const QString shown = composer->markdownView()->markdown();
    QVERIFY2(std::any_of(givenNames.cbegin(), givenNames.cend(),
                         [&shown](const QString &name) {
                             return shown.startsWith(QStringLiteral("Hi ") + name + u',');
                         }),
             qPrintable(shown));

    m_window->setCurrentPage(m_window->pageIndex(QStringLiteral("send")));
    ui::SendPage *page = m_window->sendPage();
    page->nameEdit()->setText(QStringLiteral("First names"));
    QString error;
    QVERIFY2(page->startSending(false, &error), qPrintable(error));
    ui::CampaignController *campaigns = m_window->workspace()->campaigns();
    QTRY_VERIFY_WITH_TIMEOUT(campaigns->isRunning() || !campaigns->campaigns().isEmpty(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!campaigns->isRunning(), 30000);
    QCOMPARE(simStats().value(QStringLiteral("deliveries")).toInteger(), qint64(options().users));

    const campaign::MessageActivitySource activities(*composer->document());
    campaign::CampaignStore *store = campaigns->store();
    QVERIFY(store);
    const qint64 id = campaigns->campaigns().first().id;
    int rows = 0;
    QVERIFY(store->forEachRow(id, [&](const campaign::JournalRow &row) {
        ++rows;
        const QString given = givenNames.value(row.recipient);
        QVERIFY2(!given.isEmpty(), qPrintable(row.recipient));
        QCOMPARE(row.data.value(QStringLiteral("givenName")).toString(), given);
        const campaign::BoundActivity bound = activities.bind(row.data);
        QVERIFY(bound.ok());
        QVERIFY2(bound.json.contains((QStringLiteral("Hi ") + given + u',').toUtf8()),
                 bound.json.constData());
    }));
    QCOMPARE(rows, options().users);
    // The recipient list journaled for a resume keeps the first names too.
    int inputs = 0;
    QVERIFY(store->forEachInput(id, [&](const campaign::JournalInput &in) {
        ++inputs;
        QCOMPARE(in.givenName, givenNames.value(in.userPrincipalName));
    }));
    QCOMPARE(inputs, options().users);
}

QTEST_MAIN(TestComposerSend)
#include "tst_composersend.moc"
