#include "config/ProfileStore.h"
#include "ui/ActivityIndicator.h"
#include "ui/CommandLine.h"
#include "ui/DemoBanner.h"
#include "ui/DemoSession.h"
#include "ui/EmptyStatePage.h"
#include "ui/InstallPage.h"
#include "ui/MainWindow.h"
#include "ui/ProfileDialog.h"
#include "ui/ProfileOpener.h"
#include "ui/RecipientsPage.h"
#include "ui/Session.h"
#include "ui/TenantIndicator.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QtTest>
#include <memory>

using herald::ui::DemoSession;
using herald::ui::MainWindow;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void showsFivePages();
    void ctrlDigitSwitchesPages();
    void navigationSwitchesPages();
    void menusHaveShortcuts();
    void signedOutByDefault();
    void activityIndicatorHiddenWhenIdle();
    void demoShowsBannerAndSimulatorAnswers();
    void geometryRestoredFromSettings();
    void profilesActionOpensTheProfileDialog();
    void savedProfileSignsInAtStart();
    void informationOnlyArguments_data();
    void informationOnlyArguments();

private:
    static QStackedWidget *pages(MainWindow &window);
    static QListWidget *navigation(MainWindow &window);
};

void TestMainWindow::initTestCase()
{
    // Settings go to a throw-away test location (~/.qttest), never the user's.
    QStandardPaths::setTestModeEnabled(true);
    herald::ui::setApplicationIdentity();
    QSettings().clear();
}

void TestMainWindow::cleanup()
{
    QSettings().clear();
}

QStackedWidget *TestMainWindow::pages(MainWindow &window)
{
    return window.findChild<QStackedWidget *>(QStringLiteral("pages"));
}

QListWidget *TestMainWindow::navigation(MainWindow &window)
{
    return window.findChild<QListWidget *>(QStringLiteral("navigation"));
}

void TestMainWindow::showsFivePages()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QStackedWidget *stack = pages(window);
    QListWidget *nav = navigation(window);
    QVERIFY(stack);
    QVERIFY(nav);
    QCOMPARE(window.pageCount(), 5);
    QCOMPARE(stack->count(), 5);
    QCOMPARE(nav->count(), 5);

    const QStringList ids = {"recipients", "install", "compose", "send", "history"};
    for (int i = 0; i < ids.size(); ++i) {
        QWidget *widget = stack->widget(i);
        QCOMPARE(widget->objectName(), QStringLiteral("page_%1").arg(ids.at(i)));
        QCOMPARE(window.pageIndex(ids.at(i)), i);
        QVERIFY(!nav->item(i)->icon().isNull());
        auto *page = qobject_cast<herald::ui::EmptyStatePage *>(widget);
        if (!page)
            continue; // a working page
        QCOMPARE(nav->item(i)->text(), page->info().title);
        // An empty state names the herald-cli command that does the work today,
        // or says plainly that the feature comes later; never both, never neither.
        auto *command = page->findChild<QLabel *>(QStringLiteral("cliCommand"));
        auto *later = page->findChild<QLabel *>(QStringLiteral("comingLater"));
        QVERIFY(bool(command) != bool(later));
        QCOMPARE(bool(command), !page->info().cliCommands.isEmpty());
        if (command)
            QVERIFY(command->text().startsWith(QStringLiteral("herald-cli ")));
    }
    // The recipients and install pages are real pages now.
    QVERIFY(window.recipientsPage());
    QCOMPARE(stack->widget(0), static_cast<QWidget *>(window.recipientsPage()));
    QCOMPARE(stack->widget(1), static_cast<QWidget *>(window.installPage()));
    QCOMPARE(window.currentPage(), 0);
}

void TestMainWindow::ctrlDigitSwitchesPages()
{
    MainWindow window;
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));

    QStackedWidget *stack = pages(window);
    QListWidget *nav = navigation(window);
    // Backwards first, so every press changes the page.
    for (int page : {4, 3, 2, 1, 0, 2}) {
        QTest::keyClick(&window, Qt::Key(Qt::Key_1 + page), Qt::ControlModifier);
        QCOMPARE(window.currentPage(), page);
        QCOMPARE(stack->currentIndex(), page);
        QCOMPARE(nav->currentRow(), page);
    }
}

void TestMainWindow::navigationSwitchesPages()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QListWidget *nav = navigation(window);
    const QRect rect = nav->visualItemRect(nav->item(3));
    QTest::mouseClick(nav->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(window.currentPage(), 3);
    QCOMPARE(pages(window)->currentWidget()->objectName(), QStringLiteral("page_send"));
}

void TestMainWindow::menusHaveShortcuts()
{
    MainWindow window;
    QHash<QString, QAction *> actions;
    for (QAction *menu : window.menuBar()->actions()) {
        QVERIFY(menu->menu());
        for (QAction *action : menu->menu()->actions())
            actions.insert(menu->text().remove('&') + '/' + action->text().remove('&'), action);
    }
    QVERIFY(actions.contains("File/Quit"));
    QCOMPARE(actions.value("File/Quit")->shortcut(), QKeySequence(QStringLiteral("Ctrl+Q")));
    QVERIFY(actions.contains("Help/About Herald"));
    QVERIFY(actions.contains("Help/About Qt"));
    const QStringList titles = {"Recipients", "Install", "Compose", "Send", "History"};
    for (int i = 0; i < titles.size(); ++i) {
        QAction *action = actions.value("View/" + titles.at(i));
        QVERIFY2(action, qPrintable(titles.at(i)));
        QCOMPARE(action->shortcut(), QKeySequence(QStringLiteral("Ctrl+%1").arg(i + 1)));
    }
}

void TestMainWindow::signedOutByDefault()
{
    MainWindow window;
    auto *tenant = window.findChild<herald::ui::TenantIndicator *>(QStringLiteral("tenantIndicator"));
    QVERIFY(tenant);
    QCOMPARE(tenant->title(), QStringLiteral("Not signed in"));
    auto *banner = window.findChild<herald::ui::DemoBanner *>(QStringLiteral("demoBanner"));
    QVERIFY(banner);
    QVERIFY(banner->isHidden());
}

void TestMainWindow::activityIndicatorHiddenWhenIdle()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    herald::ui::ActivityIndicator *activity = window.activityIndicator();
    QVERIFY(!activity->isVisible());

    const int first = activity->begin(QStringLiteral("first"));
    const int second = activity->begin(QStringLiteral("second"));
    QVERIFY(activity->isVisible());
    QCOMPARE(activity->currentText(), QStringLiteral("second"));
    activity->end(second);
    QCOMPARE(activity->currentText(), QStringLiteral("first"));
    QVERIFY(activity->isVisible());
    activity->end(first);
    QVERIFY(!activity->isVisible());
}

void TestMainWindow::demoShowsBannerAndSimulatorAnswers()
{
    MainWindow window;
    DemoSession demo;
    window.attachDemo(&demo);

    auto *banner = window.findChild<herald::ui::DemoBanner *>(QStringLiteral("demoBanner"));
    QVERIFY(banner);
    QVERIFY(!banner->isHidden());
    // The simulator waits for the first paint.
    QCOMPARE(demo.state(), DemoSession::State::Idle);

    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY_WITH_TIMEOUT(demo.state() != DemoSession::State::Idle, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(demo.state() != DemoSession::State::Starting, 30000);
    QCOMPARE(demo.state(), DemoSession::State::Running);

    const herald::ui::DemoTenant &tenant = demo.tenant();
    QVERIFY(tenant.port != 0);
    QCOMPARE(tenant.host, QStringLiteral("127.0.0.1"));
    QVERIFY2(banner->text().contains(QStringLiteral("127.0.0.1:%1").arg(tenant.port)),
             qPrintable(banner->text()));
    QVERIFY(banner->text().contains(QStringLiteral("Nothing leaves this computer")));
    QVERIFY2(banner->text().contains(QStringLiteral("run 10 times faster")), qPrintable(banner->text()));
    QVERIFY(!tenant.appId.isEmpty());
    QVERIFY(!demo.clientSecret().isEmpty());
    QVERIFY(!banner->text().contains(demo.clientSecret()));

    auto *indicator = window.findChild<herald::ui::TenantIndicator *>(QStringLiteral("tenantIndicator"));
    QCOMPARE(indicator->title(), tenant.tenantDomain);
    // The demo profile signs in to the simulator and finds the bot in its catalog.
    QTRY_VERIFY_WITH_TIMEOUT(window.session()->state() != herald::ui::Session::State::SigningIn, 30000);
    QCOMPARE(window.session()->state(), herald::ui::Session::State::SignedIn);
    QCOMPARE(window.session()->app().id, tenant.appId);
    QVERIFY2(indicator->detail().contains(QStringLiteral("signed in")), qPrintable(indicator->detail()));
    QTRY_VERIFY(!window.activityIndicator()->isVisible());

    // The simulator answers real HTTP on the port the banner shows.
    QNetworkAccessManager manager;
    manager.setProxy(QNetworkProxy::NoProxy);
    QUrl url(QStringLiteral("http://127.0.0.1/_sim/stats"));
    url.setPort(tenant.port);
    std::unique_ptr<QNetworkReply> reply(manager.get(QNetworkRequest(url)));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QJsonParseError parseError;
    const QJsonDocument stats = QJsonDocument::fromJson(reply->readAll(), &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    QVERIFY(stats.isObject());

    // ... and it is the tenant the window says it is.
    url.setPath(QStringLiteral("/_sim/info"));
    reply.reset(manager.get(QNetworkRequest(url)));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const QJsonObject info = QJsonDocument::fromJson(reply->readAll()).object();
    QCOMPARE(info.value(QStringLiteral("tenantDomain")).toString(), tenant.tenantDomain);
    QCOMPARE(info.value(QStringLiteral("appId")).toString(), tenant.appId);
    QCOMPARE(info.value(QStringLiteral("users")).toInt(), DemoSession::defaultOptions().users);
}

void TestMainWindow::geometryRestoredFromSettings()
{
    QVERIFY(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation).contains(".qttest"));
    const QSize size(930, 610);
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(size);
        QTRY_COMPARE(window.size(), size);
        window.setCurrentPage(2);
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_Q, Qt::ControlModifier); // File > Quit closes and saves
        QVERIFY(!window.isVisible());
    }
    QVERIFY(QSettings().contains(QStringLiteral("MainWindow/geometry")));
    {
        MainWindow window;
        QCOMPARE(window.size(), size);
        QCOMPARE(window.currentPage(), 2);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.size(), size);
    }
}

void TestMainWindow::profilesActionOpensTheProfileDialog()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QAction *profiles = window.action(QStringLiteral("actionProfiles"));
    QVERIFY(profiles);
    QVERIFY(profiles->isEnabled());
    QCOMPARE(profiles->shortcut(), QKeySequence(QStringLiteral("Ctrl+,")));
    profiles->trigger();
    herald::ui::ProfileDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<herald::ui::ProfileDialog *>()) && dialog->isVisible());
    dialog->reject();
}

void TestMainWindow::savedProfileSignsInAtStart()
{
    // A real profile (ProfileStore, shared with herald-cli) pointing at a
    // simulated tenant, its secret in the environment, the app id chosen
    // once: the next start signs in to it without a question.
    DemoSession demo(DemoSession::defaultOptions());
    demo.start();
    QTRY_VERIFY_WITH_TIMEOUT(demo.state() == DemoSession::State::Running, 30000);
    herald::config::ConnectionSettings settings;
    settings.profile = QStringLiteral("gui-test");
    settings.tenant = demo.tenant().tenantId;
    settings.clientId = demo.tenant().clientId;
    settings.graphUrl = demo.tenant().graphUrl;
    settings.loginUrl = demo.tenant().loginUrl;
    settings.botServiceUrl = demo.tenant().botServiceUrl;
    herald::config::ProfileStore store;
    QString error;
    QVERIFY2(store.save(settings, &error), qPrintable(error));
    qputenv("HERALD_CLIENT_SECRET", demo.clientSecret().toUtf8());
    QSettings().setValue(QStringLiteral("Session/profile"), QStringLiteral("gui-test"));
    QSettings().setValue(herald::ui::ProfileOpener::appIdKey(QStringLiteral("gui-test")),
                         demo.tenant().appExternalId);

    MainWindow window;
    window.openLastProfile();
    QTRY_VERIFY_WITH_TIMEOUT(window.session()->state() == herald::ui::Session::State::SignedIn
                                 || window.session()->state() == herald::ui::Session::State::Failed,
                             30000);
    qunsetenv("HERALD_CLIENT_SECRET");
    QCOMPARE(window.session()->errorString(), QString());
    QCOMPARE(window.session()->app().id, demo.tenant().appId);
    auto *indicator = window.findChild<herald::ui::TenantIndicator *>(QStringLiteral("tenantIndicator"));
    QVERIFY2(indicator->detail().contains(QStringLiteral("gui-test")), qPrintable(indicator->detail()));
    QVERIFY(window.action(QStringLiteral("actionTeamsApp"))->isEnabled());
    QVERIFY(store.remove(QStringLiteral("gui-test"), &error));
}

void TestMainWindow::informationOnlyArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("informationOnly");
    QTest::newRow("none") << QStringList{} << false;
    QTest::newRow("demo") << QStringList{"--demo"} << false;
    QTest::newRow("version") << QStringList{"--version"} << true;
    QTest::newRow("short help") << QStringList{"-h"} << true;
    QTest::newRow("help after demo") << QStringList{"--demo", "--help"} << true;
    QTest::newRow("after double dash") << QStringList{"--", "--help"} << false;
}

void TestMainWindow::informationOnlyArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, informationOnly);
    std::vector<QByteArray> storage{QByteArray("herald")};
    for (const QString &argument : arguments)
        storage.push_back(argument.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &argument : storage)
        argv.push_back(argument.data());
    QCOMPARE(herald::ui::wantsInformationOnly(int(argv.size()), argv.data()), informationOnly);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
