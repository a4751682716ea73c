// National cloud endpoints and the URL policy (https, or http for loopback only).

#include "graph/Endpoints.h"

#include <QTest>

using namespace herald::graph;

class TestEndpoints : public QObject
{
    Q_OBJECT

private slots:
    void clouds_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("graph");
        QTest::addColumn<QString>("login");
        QTest::newRow("global") << "global"
                                << "https://graph.microsoft.com"
                                << "https://login.microsoftonline.com";
        QTest::newRow("usgov") << "usgov"
                               << "https://graph.microsoft.us"
                               << "https://login.microsoftonline.us";
        QTest::newRow("usgovdod") << "usgovdod"
                                  << "https://dod-graph.microsoft.us"
                                  << "https://login.microsoftonline.us";
        QTest::newRow("china") << "china"
                               << "https://microsoftgraph.chinacloudapi.cn"
                               << "https://login.chinacloudapi.cn";
    }
    void clouds()
    {
        QFETCH(QString, name);
        QFETCH(QString, graph);
        QFETCH(QString, login);
        const auto cloud = cloudFromName(name.toUpper());
        QVERIFY(cloud.has_value());
        QCOMPARE(cloudName(*cloud), name);
        QCOMPARE(graphBaseUrl(*cloud).toString(), graph);
        QCOMPARE(loginBaseUrl(*cloud).toString(), login);
        QCOMPARE(graphDefaultScope(*cloud), graph + QStringLiteral("/.default"));
        QVERIFY(!checkServiceUrl(graphBaseUrl(*cloud), QStringLiteral("Graph URL")).isError());
        QVERIFY(!cloudFromName(QStringLiteral("mars")).has_value());
    }

    void apiRoot_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("root");
        QTest::newRow("plain") << "https://graph.microsoft.com"
                               << "https://graph.microsoft.com/v1.0";
        QTest::newRow("slash") << "https://graph.microsoft.com/"
                               << "https://graph.microsoft.com/v1.0";
        QTest::newRow("already") << "https://graph.microsoft.com/v1.0/"
                                 << "https://graph.microsoft.com/v1.0";
        QTest::newRow("sim") << "http://127.0.0.1:8080"
                             << "http://127.0.0.1:8080/v1.0";
        QTest::newRow("proxy path") << "https://gw.example.org/graph"
                                    << "https://gw.example.org/graph/v1.0";
    }
    void apiRoot()
    {
        QFETCH(QString, base);
        QFETCH(QString, root);
        QCOMPARE(graphApiRoot(QUrl(base)).toString(), root);
    }

    void urlPolicy_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("https") << "https://graph.microsoft.com" << true;
        QTest::newRow("https with port") << "https://proxy.example.org:8443" << true;
        QTest::newRow("http 127.0.0.1") << "http://127.0.0.1:8080" << true;
        QTest::newRow("http 127.8.9.10") << "http://127.8.9.10" << true;
        QTest::newRow("http ::1") << "http://[::1]:8080" << true;
        QTest::newRow("http localhost") << "http://localhost:8080" << true;
        QTest::newRow("http LocalHost") << "http://LocalHost" << true;
        QTest::newRow("http example.com") << "http://example.com" << false;
        QTest::newRow("http private LAN") << "http://192.168.1.10" << false;
        QTest::newRow("http localhost lookalike") << "http://localhost.example.com" << false;
        QTest::newRow("http 127 lookalike") << "http://127.0.0.1.nip.io" << false;
        QTest::newRow("http any address") << "http://0.0.0.0" << false;
        QTest::newRow("ftp") << "ftp://127.0.0.1" << false;
        QTest::newRow("no host") << "https://" << false;
        QTest::newRow("user info") << "https://user:pw@graph.microsoft.com" << false;
    }
    void urlPolicy()
    {
        QFETCH(QString, url);
        QFETCH(bool, accepted);
        const GraphError error = checkServiceUrl(QUrl(url), QStringLiteral("Graph URL"));
        QCOMPARE(!error.isError(), accepted);
        if (!accepted) {
            QCOMPARE(error.kind, GraphError::Kind::Config);
            QVERIFY(error.toString().contains(QLatin1String("Graph URL")));
            QVERIFY(!error.toString().contains(QLatin1String(":pw@"))); // never echo a password
        }
    }

    void plainHttpMessageExplains()
    {
        const GraphError error
            = checkServiceUrl(QUrl(QStringLiteral("http://example.com")), QStringLiteral("Graph URL"));
        const QString text = error.toString();
        QVERIFY2(text.contains(QLatin1String("http://example.com")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("https://")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("127.0.0.1")), qPrintable(text));
    }

    void sameOrigin_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("same");
        QTest::newRow("same") << "https://graph.microsoft.com/v1.0/users?$skiptoken=1" << true;
        QTest::newRow("explicit default port") << "https://graph.microsoft.com:443/v1.0/users" << true;
        QTest::newRow("host case") << "https://GRAPH.microsoft.com/v1.0/users" << true;
        QTest::newRow("downgrade") << "http://graph.microsoft.com/v1.0/users" << false;
        QTest::newRow("other host") << "https://evil.example.com/v1.0/users" << false;
        QTest::newRow("other port") << "https://graph.microsoft.com:8443/v1.0/users" << false;
        QTest::newRow("userinfo") << "https://a@graph.microsoft.com/v1.0/users" << false;
    }
    void sameOrigin()
    {
        QFETCH(QString, url);
        QFETCH(bool, same);
        QCOMPARE(isSameOrigin(QUrl(url), QUrl(QStringLiteral("https://graph.microsoft.com/v1.0"))), same);
    }
};

QTEST_GUILESS_MAIN(TestEndpoints)
#include "tst_endpoints.moc"
