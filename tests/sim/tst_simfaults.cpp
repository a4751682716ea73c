// Seeded fault injection (latency, 503, dropped connections) and determinism.

#include "SimFixture.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace herald::test;
using herald::sim::SimOptions;
using herald::sim::SimUser;

namespace {

QJsonObject bindBody(const QString &appId)
{
    return {{QStringLiteral("teamsApp@odata.bind"),
             QStringLiteral("https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/") + appId}};
}

int installableUser(herald::sim::Tenant &tenant)
{
    for (int i = 0; i < tenant.userCount(); ++i) {
        const SimUser &u = tenant.user(i);
        if (u.teamsLicensed && !u.policyBlocked && !u.botBlocked
            && tenant.userInstallOf(i, tenant.orgApp()) < 0)
            return i;
    }
    return -1;
}

// Exactly one attempt over a raw socket (QNetworkAccessManager would resend).
// Returns the bytes received before the server closed the connection.
QByteArray rawExchange(const QUrl &url, const QByteArray &method, const QByteArray &token,
                       const QByteArray &body, bool *closed)
{
    // The simulator runs in this thread: wait with QSignalSpy, which spins the event loop.
    QTcpSocket socket;
    QSignalSpy connected(&socket, &QTcpSocket::connected);
    QSignalSpy disconnected(&socket, &QTcpSocket::disconnected);
    socket.connectToHost(url.host(), quint16(url.port()));
    if (!connected.wait(5000))
        return "no connection";
    socket.write(method + ' ' + url.path(QUrl::FullyEncoded).toLatin1()
                 + " HTTP/1.1\r\nHost: " + url.host().toLatin1() + "\r\nAuthorization: Bearer " + token
                 + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
                 + "\r\n\r\n" + body);
    *closed = disconnected.wait(10000);
    return socket.readAll();
}

SimOptions withFaults(double unavailable, double before, double after)
{
    SimOptions options = SimFixture::defaultOptions();
    options.faults.serviceUnavailable = unavailable;
    options.faults.dropBeforeEffect = before;
    options.faults.dropAfterEffect = after;
    return options;
}

} // namespace

class TestSimFaults : public QObject
{
    Q_OBJECT

private slots:
    void serviceUnavailableHasNoEffect()
    {
        SimFixture sim(withFaults(1, 0, 0));
        QVERIFY(sim.start());
        sim.probe().setBearer(sim.graphToken()); // the token endpoint is never faulted
        const int u = installableUser(sim.tenant());
        const ProbeReply r = sim.probe().postJson(
            sim.graph(QStringLiteral("/users/%1/teamwork/installedApps").arg(sim.tenant().user(u).id)),
            bindBody(sim.appId()));
        QCOMPARE(r.status, 503);
        QVERIFY(r.header("retry-after").toInt() >= 1);
        QCOMPARE(sim.tenant().userInstallOf(u, sim.tenant().orgApp()), -1);
        const QJsonObject stats = sim.statsOverHttp();
        QCOMPARE(stats.value(QStringLiteral("installs")).toInt(), 0);
        QCOMPARE(stats.value(QStringLiteral("faults"))
                     .toObject()
                     .value(QStringLiteral("serviceUnavailable"))
                     .toInt(),
                 1);
    }

    void dropBeforeEffect()
    {
        SimFixture sim(withFaults(0, 1, 0));
        QVERIFY(sim.start());
        sim.probe().setBearer(sim.graphToken());
        const int u = installableUser(sim.tenant());
        bool closed = false;
        const QByteArray received = rawExchange(
            sim.graph(QStringLiteral("/users/%1/teamwork/installedApps").arg(sim.tenant().user(u).id)),
            "POST", sim.graphToken(), QJsonDocument(bindBody(sim.appId())).toJson(), &closed);
        QVERIFY(closed);
        QCOMPARE(received, QByteArray()); // closed without an answer
        QCOMPARE(sim.tenant().userInstallOf(u, sim.tenant().orgApp()), -1);
        const QJsonObject stats = sim.statsOverHttp();
        QCOMPARE(stats.value(QStringLiteral("installs")).toInt(), 0);
        QCOMPARE(stats.value(QStringLiteral("faults"))
                     .toObject()
                     .value(QStringLiteral("dropBeforeEffect"))
                     .toInt(),
                 1);
    }

    void dropAfterEffectReallyHadTheEffect()
    {
        auto options = withFaults(0, 0, 1);
        options.installedFraction = 0.5;
        SimFixture sim(options);
        QVERIFY(sim.start());
        sim.probe().setBearer(sim.graphToken());
        const int u = installableUser(sim.tenant());
        bool closed = false;
        QByteArray received = rawExchange(
            sim.graph(QStringLiteral("/users/%1/teamwork/installedApps").arg(sim.tenant().user(u).id)),
            "POST", sim.graphToken(), QJsonDocument(bindBody(sim.appId())).toJson(), &closed);
        QVERIFY(closed);
        QCOMPARE(received, QByteArray());
        QVERIFY(sim.tenant().userInstallOf(u, sim.tenant().orgApp()) >= 0);
        QJsonObject stats = sim.statsOverHttp();
        QCOMPARE(stats.value(QStringLiteral("installs")).toInt(), 1);
        QCOMPARE(
            stats.value(QStringLiteral("faults")).toObject().value(QStringLiteral("dropAfterEffect")).toInt(),
            1);

        // Same for a delivery: the message arrives, the answer does not.
        const QString conversation
            = herald::sim::Tenant::personalChatId(sim.tenant().user(u).id, sim.clientId());
        received = rawExchange(sim.bot(QStringLiteral("/v3/conversations/%1/activities").arg(conversation)),
                               "POST", sim.botToken(), R"({"type":"message","text":"hi"})", &closed);
        QVERIFY(closed);
        QCOMPARE(received, QByteArray());
        stats = sim.statsOverHttp();
        QCOMPARE(stats.value(QStringLiteral("deliveries")).toInt(), 1);
        QCOMPARE(stats.value(QStringLiteral("duplicates")).toInt(), 0);
    }

    void qnamResendsUnansweredPostsOnQt64()
    {
        // Documents a client hazard the simulator makes visible: Qt 6.4's
        // QNetworkAccessManager resends a request whose connection closed without
        // an answer, POSTs included, so a dropped send can be delivered twice.
        auto options = withFaults(0, 0, 1);
        options.installedFraction = 1.0;
        options.botBlockedFraction = 0;
        SimFixture sim(options);
        QVERIFY(sim.start());
        sim.probe().setBearer(sim.botToken());
        const QString conversation
            = herald::sim::Tenant::personalChatId(sim.tenant().user(0).id, sim.clientId());
        const ProbeReply r = sim.probe().postJson(
            sim.bot(QStringLiteral("/v3/conversations/%1/activities").arg(conversation)),
            QJsonObject{{QStringLiteral("type"), QStringLiteral("message")},
                        {QStringLiteral("text"), QStringLiteral("hi")}});
        QCOMPARE(r.status, 0);
        const QJsonObject stats = sim.statsOverHttp();
        const int attempts = stats.value(QStringLiteral("faults"))
                                 .toObject()
                                 .value(QStringLiteral("dropAfterEffect"))
                                 .toInt();
        QVERIFY(attempts >= 1);
        QCOMPARE(stats.value(QStringLiteral("deliveries")).toInt(), attempts);
        QCOMPARE(stats.value(QStringLiteral("duplicates")).toInt(), attempts - 1);
    }

    void latencyDelaysAnswers()
    {
        auto options = SimFixture::defaultOptions();
        options.faults.latencyMs = 2000; // simulated ms: 200 ms real at scale 10
        options.timeScale = 10;
        SimFixture sim(options);
        QVERIFY(sim.start());
        QElapsedTimer timer;
        timer.start();
        const QByteArray token = sim.graphToken();
        QVERIFY(timer.elapsed() >= 200);
        sim.probe().setBearer(token);
        QList<ProbeRequest> requests;
        for (int i = 0; i < 6; ++i)
            requests.append({"GET", sim.graph(QStringLiteral("/users?$top=1")), {}, {}});
        timer.restart();
        for (const ProbeReply &r : sim.probe().sendAll(requests))
            QCOMPARE(r.status, 200);
        QVERIFY(timer.elapsed() >= 200);
        // Requests waiting for their answer are in flight together.
        QVERIFY2(
            sim.server().stats().value(QStringLiteral("maxInFlight")).toInt() >= 2,
            qPrintable(QString::number(sim.server().stats().value(QStringLiteral("maxInFlight")).toInt())));
        QCOMPARE(sim.server().stats().value(QStringLiteral("inFlight")).toInt(), 0);
    }

    void clientGoneBeforeDelayedAnswer()
    {
        auto options = SimFixture::defaultOptions();
        options.faults.latencyMs = 300;
        SimFixture sim(options);
        QVERIFY(sim.start());
        const QByteArray token = sim.graphToken();
        {
            QTcpSocket socket;
            QSignalSpy connected(&socket, &QTcpSocket::connected);
            socket.connectToHost(sim.baseUrl().host(), quint16(sim.baseUrl().port()));
            QVERIFY(connected.wait(5000));
            socket.write("GET /v1.0/users?$top=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                         + token + "\r\n\r\n");
            QTRY_COMPARE(sim.server().stats().value(QStringLiteral("inFlight")).toInt(), 1);
            socket.abort(); // gone before the delayed answer
        }
        // The pending answer is dropped quietly and the server keeps serving.
        QTRY_COMPARE_WITH_TIMEOUT(sim.server().stats().value(QStringLiteral("inFlight")).toInt(), 0, 5000);
        sim.probe().setBearer(token);
        QCOMPARE(sim.probe().get(sim.graph(QStringLiteral("/users?$top=1"))).status, 200);
    }

    void faultsAreDeterministic()
    {
        const auto statuses = [](quint32 seed) {
            auto options = withFaults(0.5, 0, 0);
            options.faults.seed = seed;
            options.throttling = false;
            SimFixture sim(options);
            if (!sim.start())
                return QList<int>();
            sim.probe().setBearer(sim.graphToken());
            QList<int> out;
            for (int i = 0; i < 30; ++i)
                out.append(sim.probe().get(sim.graph(QStringLiteral("/users?$top=1"))).status);
            return out;
        };
        const QList<int> a = statuses(42);
        QCOMPARE(a.size(), 30);
        QVERIFY(a.contains(503) && a.contains(200));
        QCOMPARE(statuses(42), a);
        QVERIFY(statuses(43) != a);
    }

    void tenantIsDeterministic()
    {
        auto options = SimFixture::defaultOptions();
        herald::sim::SimServer a(options);
        herald::sim::SimServer b(options);
        QCOMPARE(a.dump(), b.dump());
        options.seed += 1;
        herald::sim::SimServer c(options);
        QVERIFY(a.dump() != c.dump());
        // Exact shares of the options (--installed, --unlicensed,
        // --policy-blocked, --bot-blocked), and the counts asked for.
        options.users = 1000;
        options.teams = 12;
        options.installedFraction = 0.25;
        options.unlicensedFraction = 0.1;
        options.policyBlockedFraction = 0.05;
        options.botBlockedFraction = 0.02;
        herald::sim::SimServer d(options);
        const herald::sim::Tenant &t = d.tenant();
        QCOMPARE(t.userCount(), 1000);
        int teams = 0;
        for (int g = 0; g < t.groupCount(); ++g)
            teams += t.group(g).isTeam ? 1 : 0;
        QCOMPARE(teams, 12);
        int installed = 0, unlicensed = 0, blocked = 0, botBlocked = 0;
        for (int i = 0; i < t.userCount(); ++i) {
            const herald::sim::SimUser &u = t.user(i);
            installed += t.userInstallOf(i, t.orgApp()) >= 0;
            unlicensed += u.teamsLicensed ? 0 : 1;
            blocked += u.policyBlocked ? 1 : 0;
            botBlocked += u.botBlocked ? 1 : 0;
            // Only licensed users can have the app; a blocked policy never had it installed.
            QVERIFY(u.teamsLicensed || t.userInstallOf(i, t.orgApp()) < 0);
            QVERIFY(!u.policyBlocked || t.userInstallOf(i, t.orgApp()) < 0);
        }
        QCOMPARE(installed, 250);
        QCOMPARE(unlicensed, 100);
        QCOMPARE(blocked, 50);
        QCOMPARE(botBlocked, 20);
    }

private:
};

QTEST_GUILESS_MAIN(TestSimFaults)
#include "tst_simfaults.moc"
