// ProfileStore (QSettings file under the config location) and the national
// cloud table.

#include "config/Clouds.h"
#include "config/ProfileStore.h"

#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace herald::config;

class TestProfileStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void defaultFileUnderConfigLocation();
    void roundTrip();
    void onlyKnownKeysAreWritten();
    void names_data();
    void names();
    void unknownProfile();
    void brokenFile_data();
    void brokenFile();
    void saveRefusesInvalid();
    void remove();
    void clouds_data();
    void clouds();
    void chinaNotice();
    void adminConsentUrl();

private:
    QTemporaryDir m_dir;
    QString file(const char *name) const { return m_dir.filePath(QLatin1String(name)); }
};

void TestProfileStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestProfileStore::defaultFileUnderConfigLocation()
{
    const QString config = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    QCOMPARE(ProfileStore::defaultFileName(), config + QStringLiteral("/herald/profiles.conf"));
}

void TestProfileStore::roundTrip()
{
    ProfileStore store(file("round.conf"));
    ConnectionSettings s;
    s.profile = QStringLiteral("work");
    s.tenant = QStringLiteral("contoso.onmicrosoft.com");
    s.clientId = QStringLiteral("0d7c5f4e-1a2b-4c3d-9e8f-112233445566");
    s.botId = QStringLiteral("11111111-2222-3333-4444-555555555555");
    s.botTenant = QStringLiteral("9f0c7a4e-2b1d-4c3e-8a5f-6d7e8f901234");
    s.cloud = Cloud::UsGov;
    s.graphUrl = QUrl(QStringLiteral("http://127.0.0.1:8080"));
    s.loginUrl = QUrl(QStringLiteral("http://127.0.0.1:8080"));
    s.botServiceUrl = QUrl(QStringLiteral("http://127.0.0.1:8080/bot/"));
    s.certFile = QStringLiteral("/etc/herald/app.pem");
    QString error;
    QVERIFY2(store.save(s, &error), qPrintable(error));
    const auto loaded = store.load(QStringLiteral("work"), &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->profile, s.profile);
    QCOMPARE(loaded->tenant, s.tenant);
    QCOMPARE(loaded->clientId, s.clientId);
    QCOMPARE(loaded->botId, s.botId);
    QCOMPARE(loaded->botTenant, s.botTenant);
    QCOMPARE(loaded->cloud, Cloud::UsGov);
    QCOMPARE(loaded->graphUrl, s.graphUrl);
    QCOMPARE(loaded->loginUrl, s.loginUrl);
    QCOMPARE(loaded->botServiceUrl, s.botServiceUrl);
    QCOMPARE(loaded->certFile, s.certFile);
    QCOMPARE(loaded->authMethod(), AuthMethod::Certificate);

    ConnectionSettings delegated;
    delegated.profile = QStringLiteral("me");
    delegated.tenant = s.tenant;
    delegated.clientId = s.clientId;
    delegated.delegated = true;
    QVERIFY(store.save(delegated, &error));
    QCOMPARE(store.load(QStringLiteral("me"), &error)->authMethod(), AuthMethod::Delegated);
    QCOMPARE(store.names(), (QStringList{QStringLiteral("me"), QStringLiteral("work")}));
}

void TestProfileStore::onlyKnownKeysAreWritten()
{
    ProfileStore store(file("keys.conf"));
    ConnectionSettings s;
    s.profile = QStringLiteral("p");
    s.tenant = QStringLiteral("contoso.onmicrosoft.com");
    s.clientId = QStringLiteral("0d7c5f4e-1a2b-4c3d-9e8f-112233445566");
    QString error;
    QVERIFY(store.save(s, &error));
    QSettings raw(store.fileName(), QSettings::IniFormat);
    const QStringList allowed{
        QStringLiteral("tenant"),    QStringLiteral("clientId"),      QStringLiteral("botId"),
        QStringLiteral("botTenant"), QStringLiteral("cloud"),         QStringLiteral("graphUrl"),
        QStringLiteral("loginUrl"),  QStringLiteral("botServiceUrl"), QStringLiteral("auth"),
        QStringLiteral("certFile"),  QStringLiteral("dataDir")};
    for (const QString &key : raw.allKeys()) {
        const QString leaf = key.section(QLatin1Char('/'), -1);
        QVERIFY2(allowed.contains(leaf), qPrintable(key));
        QVERIFY(!leaf.contains(QLatin1String("secret"), Qt::CaseInsensitive));
    }
}

void TestProfileStore::names_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain") << QStringLiteral("default") << true;
    QTest::newRow("dots dashes") << QStringLiteral("contoso-prod.v2_x") << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("slash") << QStringLiteral("a/b") << false;
    QTest::newRow("space") << QStringLiteral("my profile") << false;
    QTest::newRow("too long") << QString(65, QLatin1Char('a')) << false;
    QTest::newRow("64") << QString(64, QLatin1Char('a')) << true;
}

void TestProfileStore::names()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(ProfileStore::checkName(name).isEmpty(), valid);
}

void TestProfileStore::unknownProfile()
{
    ProfileStore store(file("none.conf"));
    QString error;
    QVERIFY(!store.load(QStringLiteral("nope"), &error));
    QVERIFY2(error.contains(QLatin1String("'nope'")) && error.contains(QLatin1String("profile save")),
             qPrintable(error));
}

void TestProfileStore::brokenFile_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown cloud") << QByteArray("[profile.x]\ncloud=mars\n")
                                   << QStringLiteral("unknown cloud 'mars'");
    QTest::newRow("remote http") << QByteArray("[profile.x]\ngraphUrl=http://graph.example.com\n")
                                 << QStringLiteral("plain http://");
    QTest::newRow("bad auth") << QByteArray("[profile.x]\nauth=magic\n")
                              << QStringLiteral("unknown auth method");
    QTest::newRow("cert without file")
        << QByteArray("[profile.x]\nauth=certificate\n") << QStringLiteral("certFile");
    QTest::newRow("bad client id") << QByteArray("[profile.x]\nclientId=not-a-guid\n")
                                   << QStringLiteral("not-a-guid");
}

void TestProfileStore::brokenFile()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    const QString path = file(QTest::currentDataTag());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
    f.close();
    QString error;
    QVERIFY(!ProfileStore(path).load(QStringLiteral("x"), &error));
    QVERIFY2(error.contains(expected) && error.contains(path), qPrintable(error));
}

void TestProfileStore::saveRefusesInvalid()
{
    ProfileStore store(file("invalid.conf"));
    ConnectionSettings s;
    s.profile = QStringLiteral("bad name");
    QString error;
    QVERIFY(!store.save(s, &error));
    QVERIFY(error.contains(QLatin1String("bad name")));
    s.profile = QStringLiteral("ok");
    s.loginUrl = QUrl(QStringLiteral("http://login.example.com"));
    QVERIFY(!store.save(s, &error));
    QVERIFY(!QFile::exists(store.fileName()) || !store.contains(QStringLiteral("ok")));
}

void TestProfileStore::remove()
{
    ProfileStore store(file("remove.conf"));
    ConnectionSettings s;
    s.profile = QStringLiteral("gone");
    QString error;
    QVERIFY(store.save(s, &error));
    QVERIFY(store.contains(QStringLiteral("gone")));
    QVERIFY(store.remove(QStringLiteral("gone"), &error));
    QVERIFY(!store.contains(QStringLiteral("gone")));
    QVERIFY(!store.remove(QStringLiteral("gone"), &error));
}

void TestProfileStore::clouds_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("login");
    QTest::addColumn<QString>("graph");
    QTest::addColumn<QString>("botScope");
    QTest::addColumn<QString>("botService");
    QTest::addColumn<bool>("install");
    QTest::newRow("global") << "global"
                            << "https://login.microsoftonline.com"
                            << "https://graph.microsoft.com"
                            << "https://api.botframework.com/.default"
                            << "https://smba.trafficmanager.net/teams/" << true;
    QTest::newRow("usgov") << "usgov"
                           << "https://login.microsoftonline.us"
                           << "https://graph.microsoft.us"
                           << "https://api.botframework.us/.default"
                           << "https://smba.infra.gov.teams.microsoft.us/teams" << true;
    QTest::newRow("usgovdod") << "usgovdod"
                              << "https://login.microsoftonline.us"
                              << "https://dod-graph.microsoft.us"
                              << "https://api.botframework.us/.default"
                              << "https://smba.infra.dod.teams.microsoft.us/teams" << true;
    QTest::newRow("china") << "china"
                           << "https://login.chinacloudapi.cn"
                           << "https://microsoftgraph.chinacloudapi.cn"
                           << "https://api.botframework.azure.cn/.default"
                           << "" << false;
}

void TestProfileStore::clouds()
{
    QFETCH(QString, name);
    QFETCH(QString, login);
    QFETCH(QString, graph);
    QFETCH(QString, botScope);
    QFETCH(QString, botService);
    QFETCH(bool, install);
    const auto cloud = cloudFromName(name);
    QVERIFY(cloud);
    const CloudInfo info = cloudInfo(*cloud);
    QCOMPARE(info.name, name);
    QCOMPARE(info.loginBase.toString(), login);
    QCOMPARE(info.graphBase.toString(), graph);
    QCOMPARE(info.graphScope, graph + QStringLiteral("/.default"));
    QCOMPARE(info.botScope, botScope);
    QCOMPARE(info.botServiceUrl.toString(), botService);
    QCOMPARE(info.proactiveInstall, install);
    ConnectionSettings s;
    s.cloud = *cloud;
    QCOMPARE(herald::config::botScope(s), botScope);
    QCOMPARE(effectiveLoginUrl(s).toString(), login);
    s.loginUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
    QCOMPARE(effectiveLoginUrl(s).toString(), QStringLiteral("http://127.0.0.1:9"));
}

void TestProfileStore::chinaNotice()
{
    QVERIFY(proactiveInstallNotice(Cloud::Global).isEmpty());
    const QString notice = proactiveInstallNotice(Cloud::China);
    QVERIFY(notice.contains(QLatin1String("Proactive install is not available in the China cloud")));
    QVERIFY(!cloudFromName(QStringLiteral("mars")));
}

void TestProfileStore::adminConsentUrl()
{
    const QUrl url = herald::config::adminConsentUrl(
        QUrl(QStringLiteral("https://login.microsoftonline.com/")), QStringLiteral("contoso.onmicrosoft.com"),
        QStringLiteral("0d7c5f4e-1a2b-4c3d-9e8f-112233445566"));
    QCOMPARE(url.host(), QStringLiteral("login.microsoftonline.com"));
    QCOMPARE(url.path(), QStringLiteral("/contoso.onmicrosoft.com/adminconsent"));
    const QUrlQuery query(url);
    QCOMPARE(query.queryItemValue(QStringLiteral("client_id")),
             QStringLiteral("0d7c5f4e-1a2b-4c3d-9e8f-112233445566"));
    QCOMPARE(query.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded),
             QStringLiteral("http://localhost"));
}

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
