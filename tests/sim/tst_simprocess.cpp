// The herald-sim executable: command line, ready line, secret handling, signals.

#include "HttpProbe.h"
#include "SimProcess.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <csignal>

using namespace herald::test;

class TestSimProcess : public QObject
{
    Q_OBJECT

private slots:
    void readyLineAndServing()
    {
        SimProcess sim({QStringLiteral("--users"), QStringLiteral("57"), QStringLiteral("--port"),
                        QStringLiteral("0"), QStringLiteral("--seed"), QStringLiteral("3")});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        const QJsonObject ready = sim.ready();
        QVERIFY(sim.port() > 0);
        QCOMPARE(sim.baseUrl(), QUrl(QStringLiteral("http://127.0.0.1:%1").arg(sim.port())));
        for (const char *key : {"tenantId", "clientId", "appId", "appExternalId"})
            QVERIFY2(!ready.value(QLatin1String(key)).toString().isEmpty(), key);
        QVERIFY(ready.value(QStringLiteral("appId")).toString()
                != ready.value(QStringLiteral("appExternalId")).toString());

        HttpProbe probe;
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
        form.addQueryItem(QStringLiteral("client_id"), ready.value(QStringLiteral("clientId")).toString());
        form.addQueryItem(QStringLiteral("client_secret"), sim.secret());
        form.addQueryItem(QStringLiteral("scope"), QStringLiteral("https://graph.microsoft.com/.default"));
        const ProbeReply token
            = probe.postForm(QUrl(sim.baseUrl().toString()
                                  + QStringLiteral("/%1/oauth2/v2.0/token")
                                        .arg(ready.value(QStringLiteral("tenantId")).toString())),
                             form);
        QCOMPARE(token.status, 200);
        probe.setBearer(token.json().value(QStringLiteral("access_token")).toString().toLatin1());
        const ProbeReply users
            = probe.get(QUrl(sim.baseUrl().toString() + QStringLiteral("/v1.0/users?$top=999&$select=id")));
        QCOMPARE(users.status, 200);
        QCOMPARE(users.json().value(QStringLiteral("value")).toArray().size(), 57);
        QVERIFY(!sim.stderrText().contains(sim.secret()));
        QVERIFY(sim.stop());
    }

    void helpAndVersion()
    {
        QProcess p;
        p.start(SimProcess::binaryPath(), {QStringLiteral("--help")});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 0);
        const QByteArray help = p.readAllStandardOutput();
        for (const char *option :
             {"--time-scale", "--fault-drop-after", "--secret-file", "--dump", "--no-throttling"})
            QVERIFY2(help.contains(option), option);
        p.start(SimProcess::binaryPath(), {QStringLiteral("--version")});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(p.readAllStandardOutput().contains(HERALD_VERSION));
    }

    void badArgumentsFail()
    {
        QProcess p;
        p.start(SimProcess::binaryPath(), {QStringLiteral("--installed"), QStringLiteral("1.5")});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("--installed"));
    }

    void generatedSecretGoesOnlyToTheSecretFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString secretFile = dir.filePath(QStringLiteral("secret"));
        const QString dumpFile = dir.filePath(QStringLiteral("tenant.json"));
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("HERALD_SIM_CLIENT_SECRET"));
        p.setProcessEnvironment(env);
        p.start(SimProcess::binaryPath(),
                {QStringLiteral("--users"), QStringLiteral("20"), QStringLiteral("--secret-file"), secretFile,
                 QStringLiteral("--dump"), dumpFile});
        QVERIFY(p.waitForStarted());
        QByteArray out;
        while (!out.contains('\n') && p.waitForReadyRead(10000))
            out += p.readAllStandardOutput();
        QVERIFY(out.contains("\"ready\":true"));
        QFile file(secretFile);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray secret = file.readAll();
        QCOMPARE(secret.size(), 40);
        QCOMPARE(file.permissions()
                     & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup
                        | QFileDevice::WriteOther),
                 QFileDevice::Permissions());
        QFile dump(dumpFile);
        QVERIFY(dump.open(QIODevice::ReadOnly));
        const QJsonObject tenant = QJsonDocument::fromJson(dump.readAll()).object();
        QCOMPARE(tenant.value(QStringLiteral("users")).toArray().size(), 20);
        QVERIFY(!dump.readAll().contains(secret));

        ::kill(pid_t(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(!out.contains(secret));
        QVERIFY(!p.readAllStandardOutput().contains(secret));
        QVERIFY(!p.readAllStandardError().contains(secret));
    }

    void sigtermExitsCleanly()
    {
        SimProcess sim({QStringLiteral("--users"), QStringLiteral("10")});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        QVERIFY(sim.stop()); // SIGTERM -> exit code 0
    }
};

QTEST_GUILESS_MAIN(TestSimProcess)
#include "tst_simprocess.moc"
