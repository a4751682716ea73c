// herald-cli against a herald-sim process, as an admin runs it:
// - `check --app` with a token that lacks roles: exit 3, one line per missing
//   permission with the admin-consent URL;
// - `--cert` sign-in, the simulator verifying the assertion's signature;
// - the secret-leak test: a full scenario with --verbose and a known secret,
//   then every output and every file Herald wrote (config, data, database)
//   is searched for the secret in any encoding.

#include "CliProcess.h"
#include "SecretScan.h"
#include "SimProcess.h"
#include "TestCertificates.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <memory>

using herald::test::CliResult;
using herald::test::SimProcess;

namespace {

const QString kTenant = QStringLiteral("9f0c7a4e-2b1d-4c3e-8a5f-6d7e8f901234");
const QString kClient = QStringLiteral("0d7c5f4e-1a2b-4c3d-9e8f-112233445566");

QList<QJsonObject> jsonLines(const QString &out)
{
    QList<QJsonObject> records;
    for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        records << QJsonDocument::fromJson(line.toUtf8()).object();
    return records;
}

QJsonObject record(const QList<QJsonObject> &records, const QString &check)
{
    for (const QJsonObject &r : records) {
        if (r.value(QStringLiteral("check")).toString() == check)
            return r;
    }
    return {};
}

} // namespace

class TestAuthCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void checkReportsMissingRoles();
    void checkAllGranted();
    void certificateSignIn();
    void secretNeverLeaks();
    void loginStoresRefreshToken();
    void badInput_data();
    void badInput();

private:
    QProcessEnvironment env(const QString &secret) const;
    QStringList connection(const SimProcess &sim) const;
    CliResult cli(const SimProcess &sim, const QStringList &args, const QString &secret);

    QTemporaryDir m_dir;
    std::unique_ptr<SimProcess> m_badInputSim; // shared by the badInput rows
};

void TestAuthCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QProcessEnvironment TestAuthCli::env(const QString &secret) const
{
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    e.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    e.insert(QStringLiteral("XDG_CACHE_HOME"), m_dir.filePath(QStringLiteral("cache")));
    e.insert(QStringLiteral("HERALD_DATA_DIR"), m_dir.filePath(QStringLiteral("herald-data")));
    e.remove(QStringLiteral("HERALD_BOT_SECRET"));
    if (secret.isEmpty())
        e.remove(QStringLiteral("HERALD_CLIENT_SECRET"));
    else
        e.insert(QStringLiteral("HERALD_CLIENT_SECRET"), secret);
    return e;
}

QStringList TestAuthCli::connection(const SimProcess &sim) const
{
    return herald::test::simConnection(sim.baseUrl(), kTenant, kClient);
}

CliResult TestAuthCli::cli(const SimProcess &sim, const QStringList &args, const QString &secret)
{
    return herald::test::runHeraldCli(QStringLiteral(HERALD_CLI_BINARY), connection(sim) + args, env(secret));
}

void TestAuthCli::checkReportsMissingRoles()
{
    SimProcess sim({QStringLiteral("--users"), QStringLiteral("20"), QStringLiteral("--roles"),
                    QStringLiteral("User.Read.All,AppCatalog.Read.All")});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    const QString app = sim.ready().value(QStringLiteral("appId")).toString();
    const CliResult r = cli(sim,
                            {QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("check"),
                             QStringLiteral("--app"), app},
                            sim.secret());
    QCOMPARE(r.exitCode, 3);
    const auto records = jsonLines(r.out);
    QCOMPARE(record(records, QStringLiteral("token")).value(QStringLiteral("state")).toString(),
             QStringLiteral("ok"));
    QCOMPARE(record(records, QStringLiteral("role:User.Read.All")).value(QStringLiteral("state")).toString(),
             QStringLiteral("ok"));
    for (const QString &missing : {QStringLiteral("TeamsAppInstallation.ReadWriteSelfForUser.All"),
                                   QStringLiteral("TeamsAppInstallation.ReadWriteSelfForTeam.All"),
                                   QStringLiteral("GroupMember.Read.All")}) {
        const QJsonObject line = record(records, QStringLiteral("role:") + missing);
        QCOMPARE(line.value(QStringLiteral("state")).toString(), QStringLiteral("missing"));
        const QString fix = line.value(QStringLiteral("fix")).toString();
        QVERIFY2(fix.contains(missing) && fix.contains(QLatin1String("/adminconsent?client_id=") + kClient),
                 qPrintable(fix));
    }
    QCOMPARE(record(records, QStringLiteral("catalog")).value(QStringLiteral("state")).toString(),
             QStringLiteral("ok"));
    QCOMPARE(record(records, QStringLiteral("bot")).value(QStringLiteral("state")).toString(),
             QStringLiteral("ok"));
    QVERIFY(r.err.contains(QLatin1String("Admin consent for this tenant:")));
}

void TestAuthCli::checkAllGranted()
{
    SimProcess sim({QStringLiteral("--users"), QStringLiteral("20")});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    const QString app = sim.ready().value(QStringLiteral("appId")).toString();
    const CliResult ok = cli(sim, {QStringLiteral("check"), QStringLiteral("--app"), app}, sim.secret());
    QVERIFY2(ok.exitCode == 0, qPrintable(ok.out + ok.err));
    // A wrong secret: the token check fails with the identity platform's advice, exit 3.
    const CliResult wrong
        = cli(sim, {QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("check")},
              QStringLiteral("not-the-secret"));
    QCOMPARE(wrong.exitCode, 3);
    const QJsonObject token = record(jsonLines(wrong.out), QStringLiteral("token"));
    QCOMPARE(token.value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
    QVERIFY(token.value(QStringLiteral("detail")).toString().contains(QLatin1String("AADSTS7000215")));
    QVERIFY(token.value(QStringLiteral("fix")).toString().contains(QLatin1String("secret set")));
    // An unknown app id: exit 1, the catalog line says how to find the id.
    const CliResult unknown
        = cli(sim,
              {QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("check"),
               QStringLiteral("--app"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
              sim.secret());
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY(record(jsonLines(unknown.out), QStringLiteral("catalog"))
                .value(QStringLiteral("fix"))
                .toString()
                .contains(QLatin1String("app find")));
}

void TestAuthCli::certificateSignIn()
{
    const herald::test::TestCertificate cert = herald::test::makeRsaCertificate();
    const QString certPath = m_dir.filePath(QStringLiteral("uploaded.pem"));
    const QString pemPath = m_dir.filePath(QStringLiteral("app.pem"));
    for (const auto &[path, data] :
         {qMakePair(certPath, cert.certPem), qMakePair(pemPath, cert.combined())}) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(data);
    }
    SimProcess sim(
        {QStringLiteral("--users"), QStringLiteral("20"), QStringLiteral("--client-cert"), certPath});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    const QString app = sim.ready().value(QStringLiteral("appId")).toString();
    // No secret anywhere: the certificate authenticates both Graph and the bot.
    const CliResult r
        = cli(sim, {QStringLiteral("--cert"), pemPath, QStringLiteral("check"), QStringLiteral("--app"), app},
              QString());
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    const CliResult find = cli(sim,
                               {QStringLiteral("--cert"), pemPath, QStringLiteral("app"),
                                QStringLiteral("find"), QStringLiteral("--id"), app},
                               QString());
    QVERIFY2(find.exitCode == 0 && find.out.contains(app), qPrintable(find.out + find.err));
    // Another certificate (not uploaded): refused, exit 3.
    const QString otherPath = m_dir.filePath(QStringLiteral("other.pem"));
    QFile other(otherPath);
    QVERIFY(other.open(QIODevice::WriteOnly));
    other.write(herald::test::makeRsaCertificate(QStringLiteral("other")).combined());
    other.close();
    const CliResult refused = cli(sim,
                                  {QStringLiteral("--cert"), otherPath, QStringLiteral("app"),
                                   QStringLiteral("find"), QStringLiteral("--id"), app},
                                  QString());
    QCOMPARE(refused.exitCode, 3);
    QVERIFY2(refused.err.contains(QLatin1String("AADSTS700027")), qPrintable(refused.err));
    // A certificate without its key: a configuration error, exit 2.
    const CliResult noKey = cli(sim,
                                {QStringLiteral("--cert"), certPath, QStringLiteral("app"),
                                 QStringLiteral("find"), QStringLiteral("--id"), app},
                                QString());
    QCOMPARE(noKey.exitCode, 2);
    QVERIFY2(noKey.err.contains(QLatin1String("no private key")), qPrintable(noKey.err));
}

void TestAuthCli::secretNeverLeaks()
{
    // Form-hostile characters, so every encoding a leak could take differs.
    const QString secret = QStringLiteral("Leak~Canary+") + QUuid::createUuid().toString(QUuid::Id128)
        + QStringLiteral("&=%/");
    SimProcess sim({QStringLiteral("--users"), QStringLiteral("30"), QStringLiteral("--time-scale"),
                    QStringLiteral("20")},
                   secret);
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    const QString app = sim.ready().value(QStringLiteral("appId")).toString();
    const QString users = m_dir.filePath(QStringLiteral("users.txt"));
    {
        QFile f(users);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("user0001@contoso.onmicrosoft.com\nuser0002@contoso.onmicrosoft.com\nnobody@contoso."
                "onmicrosoft.com\n");
    }
    const QString message = m_dir.filePath(QStringLiteral("announcement.md"));
    {
        QFile f(message);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("**Hello** from the leak test.\n");
    }
    const QStringList common{QStringLiteral("--verbose"), QStringLiteral("--time-scale"),
                             QStringLiteral("20")};
    const QList<QStringList> steps{
        {QStringLiteral("--profile"), QStringLiteral("leak"), QStringLiteral("profile"),
         QStringLiteral("save")},
        {QStringLiteral("check"), QStringLiteral("--app"), app},
        {QStringLiteral("app"), QStringLiteral("find"), QStringLiteral("--id"), app},
        {QStringLiteral("status"), QStringLiteral("--app"), app, QStringLiteral("--users"), users},
        {QStringLiteral("install"), QStringLiteral("--app"), app, QStringLiteral("--users"), users},
        {QStringLiteral("chats"), QStringLiteral("--app"), app, QStringLiteral("--users"), users},
        {QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("status"),
         QStringLiteral("--app"), app, QStringLiteral("--users"), users},
        // The journal: a real SQLite database in HERALD_DATA_DIR, searched below.
        {QStringLiteral("send"), QStringLiteral("--app"), app, QStringLiteral("--message"), message,
         QStringLiteral("--campaign"), QStringLiteral("leak-test"), QStringLiteral("--install-missing"),
         QStringLiteral("--users"), users},
        {QStringLiteral("report"), QStringLiteral("--campaign"), QStringLiteral("leak-test")},
    };
    QStringList outputs;
    int verboseLines = 0;
    for (const QStringList &step : steps) {
        const CliResult r = cli(sim, common + step, secret);
        QVERIFY2(r.exitCode == 0 || r.exitCode == 1,
                 qPrintable(step.join(QLatin1Char(' ')) + QStringLiteral(": ") + r.err));
        outputs << r.out << r.err;
        verboseLines += int(r.err.count(QLatin1String("POST ")) + r.err.count(QLatin1String("GET ")));
    }
    QVERIFY2(verboseLines > 5, "the scenario must really log requests with --verbose");
    // The token requests themselves are in the log (redacted), so the secret had its chance to leak.
    QVERIFY(outputs.join(QString()).contains(QLatin1String("/oauth2/v2.0/token")));

    const herald::test::SecretScan scan
        = herald::test::scanForSecret(secret, QByteArrayLiteral("Leak~Canary"), outputs, m_dir.path());
    QVERIFY2(scan.problem.isEmpty(), qPrintable(scan.problem));
    const int files = scan.files;
    // The profile file and the campaign database were really written (and searched).
    QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("config/herald/profiles.conf"))));
    bool database = false;
    QDirIterator db(m_dir.filePath(QStringLiteral("herald-data")), QDir::Files, QDirIterator::Subdirectories);
    while (db.hasNext()) {
        QFile f(db.next());
        database = database || (f.open(QIODevice::ReadOnly) && f.read(16).startsWith("SQLite format 3"));
    }
    QVERIFY2(database, "the send step must have written the SQLite journal");
    qInfo("searched %d outputs and %d files for the secret", int(outputs.size()), files);
}

void TestAuthCli::loginStoresRefreshToken()
{
    SimProcess sim({QStringLiteral("--users"), QStringLiteral("5")});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    const QString profile = QStringLiteral("login-") + QUuid::createUuid().toString(QUuid::Id128).left(10);
    QCOMPARE(cli(sim,
                 {QStringLiteral("--profile"), profile, QStringLiteral("profile"), QStringLiteral("save")},
                 QString())
                 .exitCode,
             0);
    QProcess login;
    login.setProcessEnvironment(env(QString()));
    login.start(QStringLiteral(HERALD_CLI_BINARY),
                connection(sim)
                    + QStringList{QStringLiteral("--profile"), profile, QStringLiteral("login"),
                                  QStringLiteral("--no-browser"), QStringLiteral("--timeout"),
                                  QStringLiteral("30")});
    QVERIFY(login.waitForStarted());
    // Read the printed URL from stderr, then play the browser.
    QByteArray err;
    QUrl url;
    QVERIFY(QTest::qWaitFor(
        [&] {
            err += login.readAllStandardError();
            const int at = err.indexOf("http://127.0.0.1");
            const int end = err.indexOf('\n', at);
            if (at >= 0 && end > at)
                url = QUrl(QString::fromUtf8(err.mid(at, end - at)));
            return url.isValid() && url.path().endsWith(QLatin1String("/authorize"));
        },
        15000));
    QNetworkAccessManager browser;
    browser.setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkReply *page = browser.get(QNetworkRequest(url));
    QVERIFY(QTest::qWaitFor([&] { return login.state() == QProcess::NotRunning; }, 30000));
    err += login.readAllStandardError();
    delete page;
    if (login.exitCode() == 3 && err.contains("No keychain")) {
        if (qEnvironmentVariable("HERALD_REQUIRE_KEYCHAIN") == QLatin1String("1"))
            QFAIL(err.constData());
        QSKIP("signed in, but no keychain to store the refresh token in this session");
    }
    QVERIFY2(login.exitCode() == 0, err.constData());
    QVERIFY(err.contains("Signed in"));
    const CliResult status = cli(sim,
                                 {QStringLiteral("--profile"), profile, QStringLiteral("--format"),
                                  QStringLiteral("json"), QStringLiteral("secret"), QStringLiteral("status")},
                                 QString());
    QVERIFY2(status.out.contains(QLatin1String("{\"kind\":\"refresh-token\",\"keychain\":\"stored\"")),
             qPrintable(status.out + status.err));
    const CliResult clear
        = cli(sim,
              {QStringLiteral("--profile"), profile, QStringLiteral("secret"), QStringLiteral("clear"),
               QStringLiteral("--kind"), QStringLiteral("refresh-token")},
              QString());
    QCOMPARE(clear.exitCode, 0);
}

void TestAuthCli::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("withSecret");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const QStringList find{QStringLiteral("app"), QStringLiteral("find"), QStringLiteral("--name"),
                           QStringLiteral("x")};
    QTest::newRow("unknown tenant")
        << (QStringList{QStringLiteral("--tenant"), QStringLiteral("fabrikam.example")} + find) << true << 3
        << QStringLiteral("tenant was not found");
    QTest::newRow("wrong client id") << (QStringList{QStringLiteral("--client-id"),
                                                     QStringLiteral("11111111-2222-3333-4444-555555555555")}
                                         + find)
                                     << true << 3 << QStringLiteral("AADSTS700016");
    QTest::newRow("no secret") << find << false << 3 << QStringLiteral("secret set --kind client");
    QTest::newRow("remote http")
        << (QStringList{QStringLiteral("--graph-url"), QStringLiteral("http://graph.example.com")} + find)
        << true << 2 << QStringLiteral("plain http://");
    QTest::newRow("unknown cloud") << (QStringList{QStringLiteral("--cloud"), QStringLiteral("mars")} + find)
                                   << true << 2 << QStringLiteral("unknown --cloud 'mars'");
    QTest::newRow("missing cert file")
        << (QStringList{QStringLiteral("--cert"), QStringLiteral("/nonexistent/app.pem")} + find) << false
        << 2 << QStringLiteral("does not exist");
    QTest::newRow("unknown profile") << (QStringList{QStringLiteral("--profile"), QStringLiteral("typo")}
                                         + find)
                                     << true << 2 << QStringLiteral("profile 'typo' not found");
}

void TestAuthCli::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(bool, withSecret);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    if (!m_badInputSim) {
        m_badInputSim
            = std::make_unique<SimProcess>(QStringList{QStringLiteral("--users"), QStringLiteral("5")});
        QVERIFY2(m_badInputSim->start(), qPrintable(m_badInputSim->errorString()));
    }
    SimProcess *sim = m_badInputSim.get();
    // Later options win over the defaults in connection().
    const CliResult r = cli(*sim, args, withSecret ? sim->secret() : QString());
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestAuthCli)
#include "tst_auth_cli.moc"
