#include "config/ConnectionSettings.h"

#include <QStandardPaths>
#include <QTest>

using herald::config::Cloud;
using herald::config::ConnectionSettings;

class TestConnectionSettings : public QObject
{
    Q_OBJECT

private slots:
    void defaults();
    void effectiveValues();
    void endpointUrls_data();
    void endpointUrls();
    void identities_data();
    void identities();
    void missingIdentity();
    void clouds();
    void dataDir();
};

void TestConnectionSettings::defaults()
{
    const ConnectionSettings s;
    QCOMPARE(s.profile, QStringLiteral("default"));
    QCOMPARE(s.cloud, Cloud::Global);
    QCOMPARE(s.concurrency, 0);
    QCOMPARE(s.timeScale, 1.0);
    QVERIFY(s.validate().isEmpty());
}

void TestConnectionSettings::effectiveValues()
{
    ConnectionSettings s;
    s.clientId = QStringLiteral("0d7c5f4e-1a2b-4c3d-9e8f-112233445566");
    QCOMPARE(s.effectiveBotId(), s.clientId);
    QCOMPARE(s.effectiveBotTenant(), QStringLiteral("botframework.com"));
    s.botId = QStringLiteral("11111111-2222-3333-4444-555555555555");
    s.botTenant = QStringLiteral("contoso.onmicrosoft.com");
    QCOMPARE(s.effectiveBotId(), s.botId);
    QCOMPARE(s.effectiveBotTenant(), s.botTenant);
    QVERIFY(!s.usesCertificate());
    s.certFile = QStringLiteral("/tmp/app.pem");
    QVERIFY(s.usesCertificate());
}

void TestConnectionSettings::endpointUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("mentions"); // part of the message when refused

    QTest::newRow("https public") << "https://graph.microsoft.com" << true << "";
    QTest::newRow("http loopback v4") << "http://127.0.0.1:8080" << true << "";
    QTest::newRow("http loopback 127/8") << "http://127.45.6.7:9" << true << "";
    QTest::newRow("http localhost") << "http://LOCALHOST:8080" << true << "";
    QTest::newRow("http ::1") << "http://[::1]:8080" << true << "";
    QTest::newRow("http remote") << "http://example.com" << false << "http://example.com";
    QTest::newRow("http private lan") << "http://10.0.0.5:8080" << false << "http://10.0.0.5:8080";
    QTest::newRow("http localhost lookalike")
        << "http://localhost.example.com" << false << "localhost.example.com";
    QTest::newRow("ftp") << "ftp://127.0.0.1" << false << "https://";
    QTest::newRow("no scheme") << "graph.microsoft.com" << false << "graph.microsoft.com";
}

void TestConnectionSettings::endpointUrls()
{
    QFETCH(QString, url);
    QFETCH(bool, accepted);
    QFETCH(QString, mentions);

    for (int field = 0; field < 3; ++field) {
        ConnectionSettings s;
        QUrl &target = field == 0 ? s.graphUrl : field == 1 ? s.loginUrl : s.botServiceUrl;
        target = QUrl(url);
        const QStringList problems = s.validate();
        QCOMPARE(problems.isEmpty(), accepted);
        if (!accepted) {
            QCOMPARE(problems.size(), 1);
            const char *option = field == 0 ? "--graph-url"
                : field == 1                ? "--login-url"
                                            : "--bot-service-url";
            QVERIFY2(problems.first().contains(QLatin1String(option)), qPrintable(problems.first()));
            QVERIFY2(problems.first().contains(mentions), qPrintable(problems.first()));
        }
    }
    // The message states the rule, so the user knows what to change.
    if (url == QLatin1String("http://example.com")) {
        ConnectionSettings s;
        s.graphUrl = QUrl(url);
        const QString message = s.validate().first();
        QVERIFY2(message.contains(QLatin1String("https://")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("127.0.0.1")) || message.contains(QLatin1String("loopback")),
                 qPrintable(message));
    }
}

void TestConnectionSettings::identities_data()
{
    QTest::addColumn<QString>("tenant");
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("botId");
    QTest::addColumn<int>("problems");

    const QString guid = QStringLiteral("9f0c7a4e-2b1d-4c3e-8a5f-6d7e8f901234");
    QTest::newRow("guid tenant") << guid << guid << QString() << 0;
    QTest::newRow("domain tenant") << "contoso.onmicrosoft.com" << guid << guid << 0;
    QTest::newRow("tenant with slash") << "contoso/../common" << guid << QString() << 1;
    QTest::newRow("tenant with space") << "contoso com" << guid << QString() << 1;
    QTest::newRow("client id not a guid") << "contoso.com"
                                          << "my-app" << QString() << 1;
    QTest::newRow("braced guid") << "contoso.com"
                                 << "{" + guid + "}" << QString() << 1;
    QTest::newRow("bot id not a guid") << "contoso.com" << guid << "28:bot" << 1;
    QTest::newRow("all wrong") << "a b"
                               << "x"
                               << "y" << 3;
}

void TestConnectionSettings::identities()
{
    QFETCH(QString, tenant);
    QFETCH(QString, clientId);
    QFETCH(QString, botId);
    QFETCH(int, problems);
    ConnectionSettings s;
    s.tenant = tenant;
    s.clientId = clientId;
    s.botId = botId;
    QCOMPARE(s.validate().size(), problems);
}

void TestConnectionSettings::missingIdentity()
{
    ConnectionSettings s;
    QCOMPARE(s.missingIdentity().size(), 2);
    QVERIFY(s.missingIdentity().join(' ').contains(QLatin1String("--tenant")));
    QVERIFY(s.missingIdentity().join(' ').contains(QLatin1String("--client-id")));
    s.tenant = QStringLiteral("contoso.com");
    QCOMPARE(s.missingIdentity().size(), 1);
    s.clientId = QStringLiteral("9f0c7a4e-2b1d-4c3e-8a5f-6d7e8f901234");
    QVERIFY(s.missingIdentity().isEmpty());
}

void TestConnectionSettings::clouds()
{
    QCOMPARE(herald::config::cloudNames(),
             QStringList({QStringLiteral("global"), QStringLiteral("usgov"), QStringLiteral("usgovdod"),
                          QStringLiteral("china")}));
    for (const QString &name : herald::config::cloudNames())
        QCOMPARE(herald::config::cloudName(*herald::config::cloudFromName(name)), name);
    QVERIFY(!herald::config::cloudFromName(QStringLiteral("mars")));

    ConnectionSettings s;
    s.concurrency = -1;
    s.timeScale = 0;
    QCOMPARE(s.validate().size(), 2);
}

void TestConnectionSettings::dataDir()
{
    QStandardPaths::setTestModeEnabled(true);
    ConnectionSettings s;
    QVERIFY(s.effectiveDataDir().endsWith(QLatin1String("/herald")));
    QCOMPARE(s.effectiveDataDir(), ConnectionSettings::defaultDataDir());
    s.dataDir = QStringLiteral("/srv/herald");
    QCOMPARE(s.effectiveDataDir(), QStringLiteral("/srv/herald"));

    QProcessEnvironment env;
    QVERIFY(ConnectionSettings::dataDirFromEnvironment(env).isEmpty());
    env.insert(QStringLiteral("HERALD_DATA_DIR"), QStringLiteral("/var/lib/herald"));
    QCOMPARE(ConnectionSettings::dataDirFromEnvironment(env), QStringLiteral("/var/lib/herald"));
}

QTEST_GUILESS_MAIN(TestConnectionSettings)
#include "tst_connectionsettings.moc"
