// GraphPager: @odata.nextLink paging, streamed page by page.

#include "FakeHttpServer.h"
#include "ScriptedTokenProvider.h"
#include "SimHarness.h"
#include "graph/GraphPager.h"
#include "graph/OData.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace herald;
using namespace herald::graph;
using herald::test::FakeHttpServer;
using herald::test::FakeRequest;
using herald::test::FakeResponse;
using herald::test::runJob;
using herald::test::ScriptedTokenProvider;
using herald::test::SimHarness;

namespace {

QByteArray page(const QJsonArray &items, const QByteArray &nextLink = {})
{
    QJsonObject body{{QStringLiteral("value"), items}};
    if (!nextLink.isEmpty())
        body.insert(QStringLiteral("@odata.nextLink"), QString::fromUtf8(nextLink));
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace

class TestGraphPager : public QObject
{
    Q_OBJECT

private slots:
    void pagesThroughAllUsers_data()
    {
        QTest::addColumn<int>("top");
        QTest::newRow("$top=999") << 999;
        QTest::newRow("$top=7") << 7;
    }
    void pagesThroughAllUsers()
    {
        QFETCH(int, top);
        sim::SimOptions options;
        options.users = 2500;
        options.teams = 2;
        options.groups = 1;
        options.timeScale = 20;
        options.clientSecret = QStringLiteral("pager-secret");
        SimHarness sim(options);
        QVERIFY(sim.start());

        const QString url = QStringLiteral("users")
            + odata::Query()
                  .select({QStringLiteral("id"), QStringLiteral("displayName")})
                  .top(top)
                  .toString();
        GraphPager *pager = sim.client().pager(GraphRequest::get(url));
        QSet<QString> ids;
        int pages = 0;
        int largestPage = 0;
        bool finishedBeforeLastPage = false;
        connect(pager, &GraphPager::page, this, [&](const QJsonArray &items) {
            ++pages;
            largestPage = std::max(largestPage, int(items.size()));
            finishedBeforeLastPage = finishedBeforeLastPage || pager->isFinished();
            for (const QJsonValue &item : items)
                ids.insert(item.toObject().value(QStringLiteral("id")).toString());
        });
        auto job = runJob(pager, 30000);
        QVERIFY2(job->succeeded(), qPrintable(job->error().toString()));
        QCOMPARE(ids.size(), 2500);
        QVERIFY(!ids.contains(QString()));
        QCOMPARE(pages, (2500 + top - 1) / top);
        QCOMPARE(job->pageCount(), pages);
        QCOMPARE(job->itemCount(), qint64(2500));
        QCOMPARE(largestPage, std::min(top, 2500));
        QVERIFY(!finishedBeforeLastPage); // pages arrive while the job runs
        QCOMPARE(sim.throttledTotal(), qint64(0));
    }

    void followsNextLinkVerbatimWithSameHeaders()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        const QByteArray next
            = server.baseUrl().toEncoded() + "/v1.0/users?$top=2&$skiptoken=a%2Bb%27c%20d+e%3D";
        server.setHandler([next](const FakeRequest &request) {
            if (request.target.contains("skiptoken"))
                return FakeResponse::json(200,
                                          page({QJsonObject{{QStringLiteral("id"), QStringLiteral("3")}}}));
            return FakeResponse::json(200,
                                      page({QJsonObject{{QStringLiteral("id"), QStringLiteral("1")}},
                                            QJsonObject{{QStringLiteral("id"), QStringLiteral("2")}}},
                                           next));
        });
        ScriptedTokenProvider tokens({QStringLiteral("t")});
        QNetworkAccessManager network;
        GraphClient client(&network, server.baseUrl(), &tokens);
        GraphPager *pager = client.pager(GraphRequest::get(
            QStringLiteral("users?$top=2&$search=%22displayName:a%22"), {{"ConsistencyLevel", "eventual"}}));
        auto job = runJob(pager);
        QVERIFY2(job->succeeded(), qPrintable(job->error().toString()));
        QCOMPARE(job->itemCount(), qint64(3));
        QCOMPARE(server.requests().size(), 2);
        QCOMPARE(server.requests().at(1).target,
                 QByteArray("/v1.0/users?$top=2&$skiptoken=a%2Bb%27c%20d+e%3D"));
        for (const FakeRequest &request : server.requests())
            QCOMPARE(request.headers.value("consistencylevel"), QByteArray("eventual"));
    }

    void foreignNextLinkIsRefused_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("other host") << "host";
        QTest::newRow("other scheme") << "scheme";
    }
    void foreignNextLinkIsRefused()
    {
        QFETCH(QString, kind);
        FakeHttpServer elsewhere;
        QVERIFY(elsewhere.listen());
        elsewhere.setHandler([](const FakeRequest &) { return FakeResponse::json(200, page({})); });
        FakeHttpServer server;
        QVERIFY(server.listen());
        QByteArray next;
        if (kind == QLatin1String("host"))
            next = elsewhere.baseUrl().toEncoded() + "/v1.0/users?$skiptoken=x";
        else
            next = "https://127.0.0.1:" + QByteArray::number(server.port()) + "/v1.0/users?$skiptoken=x";
        server.setHandler([next](const FakeRequest &) {
            return FakeResponse::json(200,
                                      page({QJsonObject{{QStringLiteral("id"), QStringLiteral("1")}}}, next));
        });
        ScriptedTokenProvider tokens({QStringLiteral("t")});
        QNetworkAccessManager network;
        GraphClient client(&network, server.baseUrl(), &tokens);
        GraphPager *pager = client.pager(GraphRequest::get(QStringLiteral("users")));
        int pages = 0;
        connect(pager, &GraphPager::page, this, [&pages] { ++pages; });
        auto job = runJob(pager);
        QCOMPARE(job->error().kind, GraphError::Kind::Protocol);
        QCOMPARE(pages, 1);
        QCOMPARE(server.requests().size(), 1);
        QVERIFY(elsewhere.requests().isEmpty());
    }

    void pageWithoutValueIsParseError()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.setHandler(
            [](const FakeRequest &) { return FakeResponse::json(200, QByteArray("{\"items\":[]}")); });
        ScriptedTokenProvider tokens({QStringLiteral("t")});
        QNetworkAccessManager network;
        GraphClient client(&network, server.baseUrl(), &tokens);
        auto job = runJob(client.pager(GraphRequest::get(QStringLiteral("users"))));
        QCOMPARE(job->error().kind, GraphError::Kind::Parse);
        QVERIFY(job->error().toString().contains(QLatin1String("/v1.0/users")));
    }

    void errorOnLaterPageEndsWithThatError()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        const QByteArray next = server.baseUrl().toEncoded() + "/v1.0/users?$skiptoken=expired";
        server.setHandler([next](const FakeRequest &request) {
            if (request.target.contains("skiptoken"))
                return FakeResponse::json(400,
                                          QByteArray("{\"error\":{\"code\":\"Directory_ExpiredPageToken\","
                                                     "\"message\":\"The page token has expired.\"}}"));
            return FakeResponse::json(200,
                                      page({QJsonObject{{QStringLiteral("id"), QStringLiteral("1")}}}, next));
        });
        ScriptedTokenProvider tokens({QStringLiteral("t")});
        QNetworkAccessManager network;
        GraphClient client(&network, server.baseUrl(), &tokens);
        GraphPager *pager = client.pager(GraphRequest::get(QStringLiteral("users")));
        int pages = 0;
        connect(pager, &GraphPager::page, this, [&pages] { ++pages; });
        auto job = runJob(pager);
        QCOMPARE(pages, 1);
        QCOMPARE(job->error().kind, GraphError::Kind::Http);
        QCOMPARE(job->error().httpStatus, 400);
        QCOMPARE(job->error().code, QStringLiteral("Directory_ExpiredPageToken"));
    }

    void abortFromPageHandlerStopsPaging()
    {
        sim::SimOptions options;
        options.users = 100;
        options.timeScale = 20;
        options.clientSecret = QStringLiteral("s");
        SimHarness sim(options);
        QVERIFY(sim.start());
        GraphPager *pager = sim.client().pager(GraphRequest::get(QStringLiteral("users?$top=10")));
        int pages = 0;
        int finishes = 0;
        connect(pager, &GraphPager::page, this, [&pages, pager] {
            if (++pages == 2)
                pager->abort();
        });
        connect(pager, &Job::finished, this, [&finishes] { ++finishes; });
        auto job = runJob(pager);
        QCOMPARE(job->error().kind, GraphError::Kind::Cancelled);
        QCOMPARE(pages, 2);
        QCOMPARE(finishes, 1);
        QCOMPARE(sim.requests(QStringLiteral("graph.get")), qint64(2));
    }
};

QTEST_GUILESS_MAIN(TestGraphPager)
#include "tst_graphpager.moc"
