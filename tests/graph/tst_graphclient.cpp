// GraphClient / GraphRequestJob: single requests over real HTTP against the
// simulator (error mapping, 401 refresh, throttling) and against a tiny
// misbehaving server (malformed JSON, timeouts, redirects, Retry-After timing).

#include "FakeHttpServer.h"
#include "HttpProbe.h"
#include "ScriptedTokenProvider.h"
#include "SimHarness.h"
#include "graph/GraphRequestJob.h"
#include "graph/OData.h"
#include "graph/RateCategories.h"
#include "graph/RequestLog.h"
#include "sim/Tenant.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTcpServer>
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

sim::SimOptions simOptions(double timeScale = 20)
{
    sim::SimOptions options;
    options.users = 60;
    options.teams = 3;
    options.groups = 2;
    options.timeScale = timeScale;
    options.clientSecret
        = QStringLiteral("test-secret-") + QString::number(quint32(QRandomGenerator::global()->generate()));
    return options;
}

// A TokenProvider whose first token is stale (the simulator refuses it) and
// which then asks the real provider: the 401 -> refresh -> retry path.
class StaleFirstTokenProvider : public auth::TokenProvider
{
public:
    explicit StaleFirstTokenProvider(auth::TokenProvider *real,
                                     const QString &first
                                     = QStringLiteral("eyJhbGciOiJub25lIn0.eyJleHAiOjF9.stale"))
        : m_real(real)
        , m_first(first)
    {
    }

protected:
    void startFetch() override
    {
        if (fetchCount() == 1) {
            // Claimed valid for an hour (a client whose clock runs behind).
            fetchSucceeded(m_first, 3600);
            return;
        }
        auth::TokenJob *job = m_real->requestToken();
        QObject::connect(job, &graph::Job::finished, this, [this, job] {
            if (job->succeeded())
                fetchSucceeded(job->accessToken(), 3600);
            else
                fetchFailed(job->error());
        });
        job->start();
    }

private:
    auth::TokenProvider *m_real;
    QString m_first;
};

int findUser(const sim::Tenant &tenant, bool installed)
{
    for (int i = 0; i < tenant.userCount(); ++i) {
        const sim::SimUser &u = tenant.user(i);
        if (u.teamsLicensed && !u.policyBlocked
            && (tenant.userInstallOf(i, tenant.orgApp()) >= 0) == installed)
            return i;
    }
    return -1;
}

QString installUrl(const QString &userId)
{
    return QStringLiteral("users/%1/teamwork/installedApps").arg(odata::pathSegment(userId));
}

QJsonObject installBody(const QString &appId)
{
    return {{QStringLiteral("teamsApp@odata.bind"),
             QStringLiteral("https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/") + appId}};
}

} // namespace

class TestGraphClient : public QObject
{
    Q_OBJECT

private slots:
    void getReturnsParsedJson()
    {
        SimHarness sim(simOptions());
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        const QString userId = sim.userIds(1).first();
        auto job = runJob(sim.client().send(GraphRequest::get(QStringLiteral("users/") + userId)));
        QVERIFY2(job->succeeded(), qPrintable(job->error().toString()));
        QCOMPARE(job->response().status, 200);
        QCOMPARE(job->response().object().value(QStringLiteral("id")).toString(), userId);
        QVERIFY(!job->response().requestId().isEmpty());
        QCOMPARE(job->attempts(), 1);
        QCOMPARE(sim.requests(QStringLiteral("token")), qint64(1));
    }

    void errorMapping_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("code");
        QTest::newRow("400 bad batch") << "400" << 400 << int(GraphError::Kind::Http) << "BadRequest";
        QTest::newRow("403 policy blocked") << "403" << 403 << int(GraphError::Kind::Http) << "";
        QTest::newRow("404 unknown user")
            << "404" << 404 << int(GraphError::Kind::Http) << "Request_ResourceNotFound";
        QTest::newRow("409 already installed") << "409" << 409 << int(GraphError::Kind::Http) << "";
        QTest::newRow("503 exhausted")
            << "503" << 503 << int(GraphError::Kind::Throttled) << "serviceNotAvailable";
    }
    void errorMapping()
    {
        QFETCH(QString, scenario);
        QFETCH(int, status);
        QFETCH(int, kind);
        QFETCH(QString, code);
        sim::SimOptions options = simOptions();
        if (scenario == QLatin1String("503"))
            options.faults.serviceUnavailable = 1.0;
        options.policyBlockedFraction = 0.2; // plenty of users for the 403 row
        SimHarness sim(options);
        QVERIFY(sim.start());
        RetryPolicy policy;
        policy.maxAttempts = 2;
        sim.client().setRetryPolicy(policy);
        const sim::Tenant &tenant = sim.server().tenant();

        GraphRequest request;
        if (scenario == QLatin1String("400")) {
            request = GraphRequest::post(QStringLiteral("$batch"),
                                         QJsonObject{{QStringLiteral("requests"), QJsonArray()}});
        } else if (scenario == QLatin1String("403")) {
            int blocked = -1;
            for (int i = 0; i < tenant.userCount() && blocked < 0; ++i) {
                if (tenant.user(i).policyBlocked && tenant.user(i).teamsLicensed
                    && tenant.userInstallOf(i, tenant.orgApp()) < 0)
                    blocked = i;
            }
            QVERIFY(blocked >= 0);
            request = GraphRequest::post(installUrl(tenant.user(blocked).id), installBody(sim.appId()));
        } else if (scenario == QLatin1String("404")) {
            request = GraphRequest::get(QStringLiteral("users/00000000-0000-0000-0000-00000000dead"));
        } else if (scenario == QLatin1String("409")) {
            const int installed = findUser(tenant, true);
            QVERIFY(installed >= 0);
            request = GraphRequest::post(installUrl(tenant.user(installed).id), installBody(sim.appId()));
        } else {
            request = GraphRequest::get(QStringLiteral("users"));
        }
        auto job = runJob(sim.client().send(request));
        QVERIFY(job->isFinished());
        QVERIFY(!job->succeeded());
        const GraphError &error = job->error();
        QCOMPARE(error.httpStatus, status);
        QCOMPARE(int(error.kind), kind);
        if (!code.isEmpty())
            QCOMPARE(error.code, code);
        QVERIFY(!error.message.isEmpty());
        QVERIFY(!error.requestId.isEmpty());
        QCOMPARE(error.method, request.method);
        QVERIFY(error.url.toString().startsWith(sim.server().baseUrl().toString()));
        QVERIFY(error.toString().contains(QString::number(status)));
        if (scenario == QLatin1String("503")) {
            QCOMPARE(job->attempts(), 2); // bounded
            QCOMPARE(error.retryAfterMs, qint64(2000));
        } else {
            QCOMPARE(job->attempts(), 1); // client errors are not retried
        }
    }

    void throttledWithoutPacingReports429()
    {
        // Planner off, one attempt, simulator at real time: the 31st request
        // within a second is refused; the error says so and carries Retry-After.
        SimHarness sim(simOptions(1));
        QVERIFY(sim.start());
        sim.planner().setPacingEnabled(false);
        RetryPolicy policy;
        policy.maxAttempts = 1;
        sim.client().setRetryPolicy(policy);
        const QStringList users = sim.userIds(45);
        std::vector<std::unique_ptr<GraphRequestJob>> jobs;
        int finished = 0;
        for (const QString &user : users) {
            GraphRequestJob *job = sim.client().send(GraphRequest::get(installUrl(user)));
            job->setAutoDelete(false);
            connect(job, &Job::finished, this, [&finished] { ++finished; });
            job->start();
            jobs.emplace_back(job);
        }
        QTRY_COMPARE_WITH_TIMEOUT(finished, int(users.size()), 10000);
        int throttled = 0;
        for (const auto &job : jobs) {
            if (job->succeeded())
                continue;
            QCOMPARE(job->error().kind, GraphError::Kind::Throttled);
            QCOMPARE(job->error().httpStatus, 429);
            QVERIFY(job->error().retryAfterMs >= 1000);
            ++throttled;
        }
        QVERIFY2(throttled >= 10, qPrintable(QString::number(throttled)));
        QCOMPARE(qint64(throttled), sim.throttledTotal());
    }

    void plannerPacesSingleRequestsWithout429()
    {
        // The same burst with the planner on: nothing is refused.
        SimHarness sim(simOptions(20));
        QVERIFY(sim.start());
        const QStringList users = sim.userIds(60);
        int finished = 0;
        int failed = 0;
        for (const QString &user : users) {
            GraphRequestJob *job = sim.client().send(GraphRequest::get(installUrl(user)));
            connect(job, &Job::finished, this, [&finished, &failed, job] {
                ++finished;
                // 404: the simulated tenant's unlicensed users; anything else is a failure.
                failed += job->succeeded() || job->error().httpStatus == 404 ? 0 : 1;
            });
            job->start();
        }
        QTRY_COMPARE_WITH_TIMEOUT(finished, int(users.size()), 10000);
        QCOMPARE(failed, 0);
        QCOMPARE(sim.throttledTotal(), qint64(0));
        QCOMPARE(sim.requests(QStringLiteral("installedApps.get")), qint64(60));
    }

    void refreshesTokenOnceOn401()
    {
        SimHarness sim(simOptions());
        QVERIFY(sim.start());
        StaleFirstTokenProvider tokens(&sim.tokens());
        GraphClient client(&sim.network(), sim.server().graphUrl(), &tokens, &sim.planner());
        // Ten requests share the stale token, all get 401, and together cause
        // exactly one refresh.
        int finished = 0;
        int failed = 0;
        for (const QString &user : sim.userIds(10)) {
            GraphRequestJob *job = client.send(GraphRequest::get(QStringLiteral("users/") + user));
            connect(job, &Job::finished, this, [&finished, &failed, job] {
                ++finished;
                failed += job->succeeded() ? 0 : 1;
            });
            job->start();
        }
        QTRY_COMPARE_WITH_TIMEOUT(finished, 10, 10000);
        QCOMPARE(failed, 0);
        QCOMPARE(tokens.fetchCount(), 2); // stale + one refresh
        QCOMPARE(sim.requests(QStringLiteral("token")), qint64(1)); // one real token request
        QCOMPARE(sim.requests(QStringLiteral("unauthorized")), qint64(10));
    }

    void expiredSimTokenIsRefreshedOnce()
    {
        // A real token of the simulator that has expired (TTL 60 simulated s
        // = 0.6 s at K = 100): the service says InvalidAuthenticationToken,
        // the client fetches a new token once and the request succeeds.
        sim::SimOptions options = simOptions(100);
        options.tokenTtlSeconds = 60;
        SimHarness sim(options);
        QVERIFY(sim.start());
        auto first = runJob(sim.tokens().requestToken());
        QVERIFY2(first->succeeded(), qPrintable(first->error().toString()));
        const QString expired = first->accessToken();
        sim.tokens().invalidate(expired);
        test::HttpProbe probe;
        probe.setBearer(expired.toUtf8());
        const QUrl users(sim.server().graphUrl().toString() + QStringLiteral("/v1.0/users?$top=1"));
        QCOMPARE(probe.get(users).status, 200); // valid at first
        QTRY_COMPARE_WITH_TIMEOUT(probe.get(users).status, 401, 5000);
        QCOMPARE(probe.get(users).errorCode(), QStringLiteral("InvalidAuthenticationToken"));

        StaleFirstTokenProvider tokens(&sim.tokens(), expired);
        GraphClient client(&sim.network(), sim.server().graphUrl(), &tokens, &sim.planner());
        const qint64 refused = sim.requests(QStringLiteral("unauthorized"));
        auto job = runJob(client.send(GraphRequest::get(QStringLiteral("users/") + sim.userIds(1).first())));
        QVERIFY2(job->succeeded(), qPrintable(job->error().toString()));
        QCOMPARE(tokens.fetchCount(), 2); // the expired one, then one refresh
        QCOMPARE(sim.requests(QStringLiteral("unauthorized")), refused + 1);
        QCOMPARE(sim.requests(QStringLiteral("token")), qint64(2)); // the first token and the refresh
    }

    void persistent401IsAuthError()
    {
        // A token the service never accepts: refresh once, retry once, then Auth.
        SimHarness sim(simOptions());
        QVERIFY(sim.start());
        ScriptedTokenProvider tokens({QStringLiteral("bogus-1"), QStringLiteral("bogus-2")});
        GraphClient client(&sim.network(), sim.server().graphUrl(), &tokens, &sim.planner());
        auto job = runJob(client.send(GraphRequest::get(QStringLiteral("users"))));
        QVERIFY(!job->succeeded());
        QCOMPARE(job->error().kind, GraphError::Kind::Auth);
        QCOMPARE(job->error().httpStatus, 401);
        QCOMPARE(job->error().code, QStringLiteral("InvalidAuthenticationToken"));
        QCOMPARE(job->attempts(), 2);
        QCOMPARE(tokens.fetchCount(), 2);
    }

    void tokenFailureFailsRequest()
    {
        SimHarness sim(simOptions());
        QVERIFY(sim.start());
        auth::ClientCredentialsSettings settings;
        settings.loginBase = sim.server().loginUrl();
        settings.tenant = sim.server().options().tenantId;
        settings.clientId = sim.server().options().clientId;
        auth::ClientSecretTokenProvider wrong(&sim.network(), settings, QStringLiteral("not-the-secret"));
        GraphClient client(&sim.network(), sim.server().graphUrl(), &wrong, &sim.planner());
        auto job = runJob(client.send(GraphRequest::get(QStringLiteral("users"))));
        QCOMPARE(job->error().kind, GraphError::Kind::Auth);
        QVERIFY(job->error().message.contains(QLatin1String("AADSTS7000215")));
        QCOMPARE(sim.requests(QStringLiteral("graph.get")), qint64(0)); // never sent without a token
    }

    void malformedJsonIsParseError()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.setHandler(
            [](const FakeRequest &) { return FakeResponse::json(200, QByteArray("{\"value\": [1, 2")); });
        ScriptedTokenProvider tokens({QStringLiteral("t")});
        QNetworkAccessManager network;
        GraphClient client(&network, server.baseUrl(), &tokens);
        auto job = runJob(client.send(GraphRequest::get(QStringLiteral("users?$top=5"))));
        QCOMPARE(job->error().kind, GraphError::Kind::Parse);
        QVERIFY2(job->error().toString().contains(QLatin1String("/v1.0/users")),
                 qPrintable(job->error().toString()));
        QCOMPARE(job->error().httpStatus, 200);
    }

    void sendsBearerHeadersAndBody()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.setHandler([](const FakeRequest &) { return FakeResponse::json(201, QByteArray()); });
        ScriptedTokenProvider tokens({QStringLiteral("tok-123")});
        QNetworkAccessManager network;
        GraphClient client(&network, server.baseUrl(), &tokens);
        GraphRequest request = GraphRequest::post(QStringLiteral("/users/u1/teamwork/installedApps"),
                                                  installBody(QStringLiteral("a1")));
        request.headers = {{"ConsistencyLevel", "eventual"}};
        auto job = runJob(client.send(request));
        QVERIFY2(job->succeeded(), qPrintable(job->error().toString()));
        QCOMPARE(job->response().status, 201);
        QVERIFY(job->response().json.isUndefined()); // empty body, no invented content
        QCOMPARE(server.requests().size(), 1);
        const FakeRequest &sent = server.requests().first();
        QCOMPARE(sent.method, QByteArray("POST"));
        QCOMPARE(sent.target, QByteArray("/v1.0/users/u1/teamwork/installedApps"));
        QCOMPARE(sent.headers.value("authorization"), QByteArray("Bearer tok-123"));
        QCOMPARE(sent.headers.value("consistencylevel"), QByteArray("eventual"));
        QVERIFY(sent.headers.value("content-type").startsWith("application/json"));
        QVERIFY(sent.body.contains("teamsApp@odata.bind"));
    }

    void retryAfterIsHonouredOnTimeScale_data()
    {
        QTest::addColumn<double>("scale");
        QTest::addColumn<int>("retryAfter");
        QTest::newRow("K=20, 3 s") << 20.0 << 3;
        QTest::newRow("K=10, 2 s") << 10.0 << 2;
    }
    void retryAfterIsHonouredOnTimeScale()
    {
        QFETCH(double, scale);
        QFETCH(int, retryAfter);
        FakeHttpServer server;
        QVERIFY(server.listen());
        int calls = 0;
        server.setHandler([&calls, retryAfter](const FakeRequest &) {
            if (++calls == 1) {
                FakeResponse r = FakeResponse::json(
                    429, QByteArray("{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"x\"}}"));
                r.headers.append({"Retry-After", QByteArray::number(retryAfter)});
                return r;
            }
            return FakeResponse::json(200, QByteArray("{\"value\":[]}"));
        });
        ScriptedTokenProvider tokens({QStringLiteral("t")});
        QNetworkAccessManager network;
        RatePlanner planner;
        rate::defineGraphClasses(planner);
        planner.setTimeScale(scale);
        GraphClient client(&network, server.baseUrl(), &tokens, &planner);
        auto job = runJob(client.send(GraphRequest::get(QStringLiteral("users/u/teamwork/installedApps"))));
        QVERIFY2(job->succeeded(), qPrintable(job->error().toString()));
        QCOMPARE(server.requests().size(), 2);
        const qint64 expected = qint64(retryAfter * 1000 / scale);
        const qint64 gap = server.requests().at(1).receivedMs - server.requests().at(0).receivedMs;
        // Never early (timer granularity aside); late only by scheduling noise.
        QVERIFY2(gap >= expected - 5,
                 qPrintable(QStringLiteral("gap %1 ms, expected %2 ms").arg(gap).arg(expected)));
        QVERIFY2(gap < expected + 250,
                 qPrintable(QStringLiteral("gap %1 ms, expected %2 ms").arg(gap).arg(expected)));
        QCOMPARE(job->attempts(), 2);
    }

    void timeoutIsTimeoutError()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.setHandler([](const FakeRequest &) { return FakeResponse::hang(); });
        ScriptedTokenProvider tokens({QStringLiteral("t")});
        QNetworkAccessManager network;
        GraphClient client(&network, server.baseUrl(), &tokens);
        client.setTransferTimeout(150);
        QElapsedTimer timer;
        timer.start();
        auto job = runJob(
            client.send(GraphRequest::post(QStringLiteral("users/u/teamwork/installedApps"), QJsonObject{})));
        QCOMPARE(job->error().kind, GraphError::Kind::Timeout);
        QVERIFY(timer.elapsed() >= 140);
        QVERIFY(timer.elapsed() < 3000);
    }

    void unreachableIsNetworkError()
    {
        // A port that was free a moment ago and that nobody listens on now.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        ScriptedTokenProvider tokens({QStringLiteral("t")});
        QNetworkAccessManager network;
        GraphClient client(&network, QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), &tokens);
        auto job = runJob(client.send(GraphRequest::get(QStringLiteral("users"))));
        QCOMPARE(job->error().kind, GraphError::Kind::Network);
        QVERIFY(job->error().toString().contains(QString::number(port)));
    }

    void plainHttpOnlyForLoopback_data()
    {
        QTest::addColumn<QString>("host");
        QTest::newRow("127.0.0.1") << "127.0.0.1";
        QTest::newRow("::1") << "::1";
        QTest::newRow("localhost") << "localhost";
    }
    void plainHttpOnlyForLoopback()
    {
        QFETCH(QString, host);
        FakeHttpServer server;
        QVERIFY(server.listen(QHostAddress::Any)); // dual stack: v4 and v6 loopback
        server.setHandler(
            [](const FakeRequest &) { return FakeResponse::json(200, QByteArray("{\"ok\":true}")); });
        ScriptedTokenProvider tokens({QStringLiteral("t")});
        QNetworkAccessManager network;
        GraphClient client(&network, server.baseUrl(host), &tokens);
        QVERIFY(!client.configError().isError());
        auto job = runJob(client.send(GraphRequest::get(QStringLiteral("organization"))));
        QVERIFY2(job->succeeded(), qPrintable(job->error().toString()));
        QCOMPARE(server.requests().size(), 1);
    }

    void plainHttpElsewhereIsRefused()
    {
        ScriptedTokenProvider tokens({QStringLiteral("t")});
        QNetworkAccessManager network;
        GraphClient client(&network, QUrl(QStringLiteral("http://example.com")), &tokens);
        QCOMPARE(client.configError().kind, GraphError::Kind::Config);
        auto job = runJob(client.send(GraphRequest::get(QStringLiteral("users"))));
        QCOMPARE(job->error().kind, GraphError::Kind::Config);
        QVERIFY(job->error().toString().contains(QLatin1String("http://example.com")));
        QCOMPARE(tokens.fetchCount(), 0); // refused before anything, the token included
    }

    void redirectsStayOnOrigin()
    {
        FakeHttpServer elsewhere;
        QVERIFY(elsewhere.listen());
        elsewhere.setHandler([](const FakeRequest &) { return FakeResponse::json(200, QByteArray("{}")); });
        FakeHttpServer server;
        QVERIFY(server.listen());
        const QByteArray foreign = elsewhere.baseUrl().toEncoded() + "/v1.0/users";
        const QByteArray local = server.baseUrl().toEncoded() + "/v1.0/moved";
        server.setHandler([foreign, local](const FakeRequest &request) {
            FakeResponse r = FakeResponse::json(302, QByteArray());
            if (request.target.startsWith("/v1.0/moved"))
                return FakeResponse::json(200, QByteArray("{\"moved\":true}"));
            r.headers.append({"Location", request.target.contains("same") ? local : foreign});
            return r;
        });
        ScriptedTokenProvider tokens({QStringLiteral("t")});
        QNetworkAccessManager network;
        GraphClient client(&network, server.baseUrl(), &tokens);

        auto same = runJob(client.send(GraphRequest::get(QStringLiteral("same"))));
        QVERIFY2(same->succeeded(), qPrintable(same->error().toString()));
        QVERIFY(same->response().object().value(QStringLiteral("moved")).toBool());

        auto other = runJob(client.send(GraphRequest::get(QStringLiteral("other"))));
        QCOMPARE(other->error().kind, GraphError::Kind::Protocol);
        QVERIFY(elsewhere.requests().isEmpty()); // the token never went there
    }

    void tlsErrorsAreFatal()
    {
        QString why;
        const QSslConfiguration tls = test::makeSelfSignedCertificate(&why);
        QVERIFY2(!tls.isNull(), qPrintable(why));
        FakeHttpServer server;
        QVERIFY(server.listenTls(tls));
        server.setHandler([](const FakeRequest &) { return FakeResponse::json(200, QByteArray("{}")); });
        ScriptedTokenProvider tokens({QStringLiteral("t")});
        QNetworkAccessManager network;
        GraphClient client(&network, server.baseUrl(), &tokens);
        auto job = runJob(client.send(GraphRequest::get(QStringLiteral("users"))));
        QCOMPARE(job->error().kind, GraphError::Kind::Tls);
        QVERIFY(job->error().toString().contains(QLatin1String("never ignores")));
        QVERIFY(server.requests().isEmpty()); // nothing (no token) went over the untrusted channel
    }

    void httpsNeverRedirectsToHttp()
    {
        QString why;
        const QSslConfiguration tls = test::makeSelfSignedCertificate(&why);
        QVERIFY2(!tls.isNull(), qPrintable(why));
        // Trust the test certificate for this test only, so the https leg works.
        const QSslConfiguration saved = QSslConfiguration::defaultConfiguration();
        QSslConfiguration trusting = saved;
        trusting.addCaCertificate(tls.localCertificate());
        QSslConfiguration::setDefaultConfiguration(trusting);
        const auto restore = qScopeGuard([saved] { QSslConfiguration::setDefaultConfiguration(saved); });

        FakeHttpServer plain;
        QVERIFY(plain.listen());
        plain.setHandler([](const FakeRequest &) { return FakeResponse::json(200, QByteArray("{}")); });
        FakeHttpServer secure;
        QVERIFY(secure.listenTls(tls));
        const QByteArray downgrade = plain.baseUrl().toEncoded() + "/v1.0/users";
        secure.setHandler([downgrade](const FakeRequest &request) {
            if (request.target == "/v1.0/ok")
                return FakeResponse::json(200, QByteArray("{\"ok\":true}"));
            FakeResponse r = FakeResponse::json(301, QByteArray());
            r.headers.append({"Location", downgrade});
            return r;
        });
        ScriptedTokenProvider tokens({QStringLiteral("t")});
        QNetworkAccessManager network;
        GraphClient client(&network, secure.baseUrl(), &tokens);
        auto ok = runJob(client.send(GraphRequest::get(QStringLiteral("ok"))));
        QVERIFY2(ok->succeeded(), qPrintable(ok->error().toString())); // the https leg itself works
        auto job = runJob(client.send(GraphRequest::get(QStringLiteral("users"))));
        QCOMPARE(job->error().kind, GraphError::Kind::Protocol);
        QVERIFY(job->error().toString().contains(QLatin1String("redirect")));
        QVERIFY(plain.requests().isEmpty());
    }

    void boundsConcurrency()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.setHandler([](const FakeRequest &) {
            FakeResponse r = FakeResponse::json(200, QByteArray("{}"));
            r.delayMs = 20;
            return r;
        });
        ScriptedTokenProvider tokens({QStringLiteral("t")});
        QNetworkAccessManager network;
        GraphClient client(&network, server.baseUrl(), &tokens);
        client.setMaxInFlight(2);
        int finished = 0;
        for (int i = 0; i < 10; ++i) {
            GraphRequestJob *job = client.send(GraphRequest::get(QStringLiteral("users/%1").arg(i)));
            connect(job, &Job::finished, this, [&finished] { ++finished; });
            job->start();
        }
        QTRY_COMPARE_WITH_TIMEOUT(finished, 10, 5000);
        QCOMPARE(server.peakOutstanding(), 2);
        QCOMPARE(client.inFlight(), 0);
    }

    void cancelAllStopsEverything()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.setHandler([](const FakeRequest &) { return FakeResponse::hang(); });
        ScriptedTokenProvider tokens({QStringLiteral("t")});
        QNetworkAccessManager network;
        RatePlanner planner;
        rate::defineGraphClasses(planner); // 30/s: most of the 50 wait in the planner
        GraphClient client(&network, server.baseUrl(), &tokens, &planner);
        client.setMaxInFlight(4);
        QList<int> finishes(50, 0);
        QList<int> kinds(50, -1);
        for (int i = 0; i < 50; ++i) {
            GraphRequestJob *job
                = client.send(GraphRequest::get(QStringLiteral("users/u%1/teamwork/installedApps").arg(i)));
            connect(job, &Job::finished, this, [&finishes, &kinds, i, job] {
                ++finishes[i];
                kinds[i] = int(job->error().kind);
            });
            job->start();
        }
        QTRY_COMPARE_WITH_TIMEOUT(server.requests().size(), 4, 5000); // some on the wire
        client.cancelAll();
        for (int i = 0; i < 50; ++i) {
            QCOMPARE(finishes[i], 1);
            QCOMPARE(kinds[i], int(GraphError::Kind::Cancelled));
        }
        // Nothing comes later: no callbacks, no requests from planner timers.
        const int sent = server.requests().size();
        QTest::qWait(150); // longer than the planner's window: any stray timer would fire
        QCOMPARE(server.requests().size(), sent);
        for (int i = 0; i < 50; ++i)
            QCOMPARE(finishes[i], 1);
        QCOMPARE(client.inFlight(), 0);
    }

    void requestLogNeverShowsTheToken()
    {
        SimHarness sim(simOptions());
        QVERIFY(sim.start());
        RequestLog log;
        log.setDetail(true);
        QStringList lines;
        connect(&log, &RequestLog::line, this, [&lines](const QString &line) { lines << line; });
        sim.client().setRequestLog(&log);
        sim.tokens().setRequestLog(&log);
        auto job = runJob(sim.client().send(GraphRequest::get(QStringLiteral("users?$top=2"))));
        QVERIFY(job->succeeded());
        QCOMPARE(lines.size(), 2); // token POST + GET
        const QString secret = sim.server().options().clientSecret;
        for (const QString &line : lines) {
            QVERIFY2(!line.contains(secret), qPrintable(line));
            QVERIFY2(!line.contains(QLatin1String("eyJ")), qPrintable(line)); // no JWT
        }
        QVERIFY(lines.at(0).contains(QLatin1String("/oauth2/v2.0/token -> 200")));
        QVERIFY(lines.at(0).contains(QLatin1String("client_secret=[redacted]")));
        QVERIFY(lines.at(1).startsWith(QLatin1String("GET ")));
        QVERIFY(lines.at(1).contains(QLatin1String("-> 200")));
        QVERIFY(lines.at(1).contains(QLatin1String("request-id ")));
        QVERIFY(lines.at(1).contains(QLatin1String("Authorization: Bearer [redacted]")));
    }
};

QTEST_GUILESS_MAIN(TestGraphClient)
#include "tst_graphclient.moc"
