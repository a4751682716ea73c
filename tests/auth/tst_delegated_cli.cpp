// herald-cli with a delegated profile against a herald-sim process, as an
// admin without a client secret runs it: `login` (the test plays the
// browser), `profile save --auth delegated`, then Graph-using commands whose
// tokens come from the stored refresh token and carry delegated scopes (`scp`)
// that herald-sim checks per route: `app find`, `status`, `install` for the
// signed-in user, and `check`, whose scope:* lines name the delegated
// permissions (and, with a narrow consent, what is missing).
// Needs a keychain for the refresh token (skipped without one unless
// HERALD_REQUIRE_KEYCHAIN=1).
//
// One `login`, then every command in turn: each redeems the stored refresh
// token and stores the rotated one, and herald-sim (stricter than Entra)
// refuses a refresh token once redeemed. So the suite also proves herald-cli
// waits for that keychain write before it exits (it used to lose it in about
// half the runs, and the next command then failed with invalid_grant).

#include "CliProcess.h"
#include "HttpProbe.h"
#include "SimProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using herald::test::CliResult;
using herald::test::SimProcess;

namespace {

const QString kTenant = QStringLiteral("9f0c7a4e-2b1d-4c3e-8a5f-6d7e8f901234");
const QString kClient = QStringLiteral("0d7c5f4e-1a2b-4c3d-9e8f-112233445566");

QJsonObject record(const QString &out, const QString &key, const QString &value)
{
    for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QJsonObject r = QJsonDocument::fromJson(line.toUtf8()).object();
        if (r.value(key).toString() == value)
            return r;
    }
    return {};
}

} // namespace

class TestDelegatedCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void loginThenGraphCommands();
    void checkNamesMissingDelegatedScopes();

private:
    QProcessEnvironment env() const;
    QStringList connection(const SimProcess &sim) const;
    CliResult cli(const SimProcess &sim, const QStringList &args, const QString &botSecret = QString());
    enum class SignIn { Ok, NoKeychain, Failed };
    // login (+ profile save --auth delegated the first time). NoKeychain has recorded a skip.
    SignIn signIn(const SimProcess &sim, const QString &profile);
    // Removes the profile's refresh token from the keychain.
    void forget(const SimProcess &sim, const QString &profile);
    // The signed-in user (herald-sim signs in its first licensed user): UPN, read with an app-only token.
    QString firstUserUpn(const SimProcess &sim);

    QTemporaryDir m_dir;
};

void TestDelegatedCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QProcessEnvironment TestDelegatedCli::env() const
{
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    e.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    e.insert(QStringLiteral("XDG_CACHE_HOME"), m_dir.filePath(QStringLiteral("cache")));
    e.insert(QStringLiteral("HERALD_DATA_DIR"), m_dir.filePath(QStringLiteral("herald-data")));
    // No client secret anywhere: the Graph token must come from the delegated sign-in.
    e.remove(QStringLiteral("HERALD_CLIENT_SECRET"));
    e.remove(QStringLiteral("HERALD_BOT_SECRET"));
    return e;
}

QStringList TestDelegatedCli::connection(const SimProcess &sim) const
{
    return herald::test::simConnection(sim.baseUrl(), kTenant, kClient);
}

CliResult TestDelegatedCli::cli(const SimProcess &sim, const QStringList &args, const QString &botSecret)
{
    QProcessEnvironment e = env();
    if (!botSecret.isEmpty())
        e.insert(QStringLiteral("HERALD_BOT_SECRET"), botSecret);
    return herald::test::runHeraldCli(QStringLiteral(HERALD_CLI_BINARY), connection(sim) + args, e);
}

TestDelegatedCli::SignIn TestDelegatedCli::signIn(const SimProcess &sim, const QString &profile)
{
    QProcess login;
    login.setProcessEnvironment(env());
    login.start(QStringLiteral(HERALD_CLI_BINARY),
                connection(sim)
                    + QStringList{QStringLiteral("--profile"), profile, QStringLiteral("login"),
                                  QStringLiteral("--no-browser"), QStringLiteral("--timeout"),
                                  QStringLiteral("30")});
    if (!login.waitForStarted())
        return SignIn::Failed;
    // Read the printed URL from stderr, then play the browser.
    QByteArray err;
    QUrl url;
    const bool printed = QTest::qWaitFor(
        [&] {
            err += login.readAllStandardError();
            const int at = err.indexOf("http://127.0.0.1");
            const int end = err.indexOf('\n', at);
            if (at >= 0 && end > at)
                url = QUrl(QString::fromUtf8(err.mid(at, end - at)));
            return url.isValid() && url.path().endsWith(QLatin1String("/authorize"));
        },
        15000);
    if (!printed) {
        login.kill();
        login.waitForFinished();
        qWarning("no sign-in URL: %s", err.constData());
        return SignIn::Failed;
    }
    QNetworkAccessManager browser;
    browser.setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    std::unique_ptr<QNetworkReply> page(browser.get(QNetworkRequest(url)));
    if (!QTest::qWaitFor([&] { return login.state() == QProcess::NotRunning; }, 30000)) {
        login.kill();
        login.waitForFinished();
        return SignIn::Failed;
    }
    err += login.readAllStandardError();
    if (login.exitCode() == 3 && err.contains("No keychain")
        && qEnvironmentVariable("HERALD_REQUIRE_KEYCHAIN") != QLatin1String("1")) {
        QTest::qSkip("signed in, but no keychain to store the refresh token in this session", __FILE__,
                     __LINE__);
        return SignIn::NoKeychain;
    }
    if (login.exitCode() != 0 || !err.contains("Signed in")) {
        qWarning("login failed (%d): %s", login.exitCode(), err.constData());
        return SignIn::Failed;
    }
    const CliResult saved
        = cli(sim,
              {QStringLiteral("--profile"), profile, QStringLiteral("profile"), QStringLiteral("save"),
               QStringLiteral("--auth"), QStringLiteral("delegated")});
    if (saved.exitCode != 0)
        qWarning("profile save --auth delegated: %s", qPrintable(saved.err));
    return saved.exitCode == 0 ? SignIn::Ok : SignIn::Failed;
}

void TestDelegatedCli::forget(const SimProcess &sim, const QString &profile)
{
    cli(sim,
        {QStringLiteral("--profile"), profile, QStringLiteral("secret"), QStringLiteral("clear"),
         QStringLiteral("--kind"), QStringLiteral("refresh-token")});
}

QString TestDelegatedCli::firstUserUpn(const SimProcess &sim)
{
    herald::test::HttpProbe probe;
    QUrl tokenUrl = sim.baseUrl();
    tokenUrl.setPath(QStringLiteral("/%1/oauth2/v2.0/token").arg(kTenant));
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
    form.addQueryItem(QStringLiteral("client_id"), kClient);
    form.addQueryItem(QStringLiteral("client_secret"),
                      QString::fromLatin1(QUrl::toPercentEncoding(sim.secret())));
    form.addQueryItem(QStringLiteral("scope"),
                      QStringLiteral("https%3A%2F%2Fgraph.microsoft.com%2F.default"));
    const herald::test::ProbeReply token = probe.postForm(tokenUrl, form);
    probe.setBearer(token.json().value(QStringLiteral("access_token")).toString().toLatin1());
    QUrl users = sim.baseUrl();
    users.setPath(QStringLiteral("/v1.0/users"));
    users.setQuery(QStringLiteral("$top=1"));
    const herald::test::ProbeReply first = probe.get(users);
    return first.json()
        .value(QStringLiteral("value"))
        .toArray()
        .first()
        .toObject()
        .value(QStringLiteral("userPrincipalName"))
        .toString();
}

void TestDelegatedCli::loginThenGraphCommands()
{
    // Every user licensed and allowed, nobody has the app yet: the signed-in
    // user is the tenant's first user.
    SimProcess sim({QStringLiteral("--users"), QStringLiteral("8"), QStringLiteral("--unlicensed"),
                    QStringLiteral("0"), QStringLiteral("--policy-blocked"), QStringLiteral("0"),
                    QStringLiteral("--installed"), QStringLiteral("0")});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    const QString app = sim.ready().value(QStringLiteral("appId")).toString();
    const QString me = firstUserUpn(sim);
    QVERIFY(!me.isEmpty());
    const QString profile = QStringLiteral("deleg-") + QUuid::createUuid().toString(QUuid::Id128).left(10);
    QCOMPARE(
        cli(sim, {QStringLiteral("--profile"), profile, QStringLiteral("profile"), QStringLiteral("save")})
            .exitCode,
        0);
    const SignIn signedIn = signIn(sim, profile);
    if (signedIn == SignIn::NoKeychain)
        return;
    const auto cleanup = qScopeGuard([&] { forget(sim, profile); });
    QVERIFY2(signedIn == SignIn::Ok, "delegated sign-in failed (see the warnings)");
    const QStringList json{QStringLiteral("--profile"), profile, QStringLiteral("--format"),
                           QStringLiteral("json")};

    const CliResult found
        = cli(sim,
              json
                  + QStringList{QStringLiteral("app"), QStringLiteral("find"), QStringLiteral("--name"),
                                QStringLiteral("Contoso Herald")});
    QVERIFY2(found.exitCode == 0, qPrintable(found.err));
    QVERIFY2(found.out.contains(app), qPrintable(found.out));

    const QStringList forMe{QStringLiteral("--app"), app, QStringLiteral("--user"), me};
    const CliResult before = cli(sim, json + QStringList{QStringLiteral("status")} + forMe);
    QVERIFY2(before.exitCode == 0, qPrintable(before.out + before.err));
    QVERIFY2(before.out.contains(QLatin1String("\"not_installed\"")), qPrintable(before.out));

    const CliResult installed = cli(sim, json + QStringList{QStringLiteral("install")} + forMe);
    QVERIFY2(installed.exitCode == 0, qPrintable(installed.out + installed.err));

    const CliResult after = cli(sim, json + QStringList{QStringLiteral("status")} + forMe);
    QVERIFY2(after.exitCode == 0, qPrintable(after.out + after.err));
    QVERIFY2(after.out.contains(QLatin1String("\"installed\"")), qPrintable(after.out));

    const CliResult check
        = cli(sim, json + QStringList{QStringLiteral("check"), QStringLiteral("--app"), app}, sim.secret());
    QVERIFY2(check.exitCode == 0, qPrintable(check.out + check.err));
    for (const char *scope : {"TeamsAppInstallation.ReadWriteSelfForUser", "AppCatalog.Read.All",
                              "User.ReadBasic.All", "GroupMember.Read.All"}) {
        const QJsonObject line
            = record(check.out, QStringLiteral("check"), QStringLiteral("scope:") + QLatin1String(scope));
        QVERIFY2(line.value(QStringLiteral("state")).toString() == QLatin1String("ok"),
                 qPrintable(check.out));
    }
    QVERIFY2(!check.out.contains(QLatin1String("\"role:")), qPrintable(check.out));
    QVERIFY2(!check.err.contains(QLatin1String("Admin consent")), qPrintable(check.err));
}

void TestDelegatedCli::checkNamesMissingDelegatedScopes()
{
    // The admin consented only two delegated permissions for the app.
    SimProcess sim({QStringLiteral("--users"), QStringLiteral("5"), QStringLiteral("--scopes"),
                    QStringLiteral("User.ReadBasic.All,AppCatalog.Read.All")});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    const QString app = sim.ready().value(QStringLiteral("appId")).toString();
    const QString profile = QStringLiteral("narrow-") + QUuid::createUuid().toString(QUuid::Id128).left(10);
    QCOMPARE(
        cli(sim, {QStringLiteral("--profile"), profile, QStringLiteral("profile"), QStringLiteral("save")})
            .exitCode,
        0);
    const SignIn signedIn = signIn(sim, profile);
    if (signedIn == SignIn::NoKeychain)
        return;
    const auto cleanup = qScopeGuard([&] { forget(sim, profile); });
    QVERIFY2(signedIn == SignIn::Ok, "delegated sign-in failed (see the warnings)");
    const CliResult check
        = cli(sim,
              {QStringLiteral("--profile"), profile, QStringLiteral("--format"), QStringLiteral("json"),
               QStringLiteral("check"), QStringLiteral("--app"), app},
              sim.secret());
    QCOMPARE(check.exitCode, 3);
    // The consent link once at the end, as for missing application roles.
    QVERIFY2(check.err.contains(QLatin1String("Admin consent for this tenant:")), qPrintable(check.err));
    QCOMPARE(record(check.out, QStringLiteral("check"), QStringLiteral("scope:AppCatalog.Read.All"))
                 .value(QStringLiteral("state"))
                 .toString(),
             QStringLiteral("ok"));
    for (const char *missing : {"TeamsAppInstallation.ReadWriteSelfForUser",
                                "TeamsAppInstallation.ReadWriteSelfForTeam", "GroupMember.Read.All"}) {
        const QJsonObject line
            = record(check.out, QStringLiteral("check"), QStringLiteral("scope:") + QLatin1String(missing));
        QCOMPARE(line.value(QStringLiteral("state")).toString(), QStringLiteral("missing"));
        const QString fix = line.value(QStringLiteral("fix")).toString();
        QVERIFY2(fix.contains(QStringLiteral("Delegated permissions > %1;").arg(QLatin1String(missing)))
                     && fix.contains(QLatin1String("/adminconsent?client_id=") + kClient)
                     && fix.contains(QLatin1String("herald-cli login")),
                 qPrintable(fix));
    }
    QCOMPARE(record(check.out, QStringLiteral("check"), QStringLiteral("catalog"))
                 .value(QStringLiteral("state"))
                 .toString(),
             QStringLiteral("ok"));
}

QTEST_GUILESS_MAIN(TestDelegatedCli)
#include "tst_delegated_cli.moc"
