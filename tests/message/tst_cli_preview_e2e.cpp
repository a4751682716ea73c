// herald-cli preview end to end: the BUILT binary, against a herald-sim
// process for --user (the directory's data comes from the simulator's dump,
// never a hard-coded answer), and with no tenant at all for --data alone.

#include "CliInstallHarness.h"
#include "HttpProbe.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace herald::test;

namespace {

const char *kCard = R"({
  "type": "AdaptiveCard",
  "version": "1.5",
  "body": [
    {"type": "TextBlock", "text": "Hello ${givenName}!"},
    {"type": "TextBlock", "text": "${displayName} <${mail}>, desk ${desk}"},
    {"type": "TextBlock", "$when": "${exists(team)}", "text": "Team ${toUpper(team)}"}
  ]
})";

QJsonObject firstCard(const QJsonObject &activity)
{
    return activity.value("attachments").toArray().at(0).toObject().value("content").toObject();
}

QString blockText(const QJsonObject &activity, int index)
{
    return firstCard(activity).value("body").toArray().at(index).toObject().value("text").toString();
}

} // namespace

class TestCliPreviewE2e : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase() { m_h.stopSim(); }

    void userFromDirectoryMergedWithCsvRow();
    void userByObjectId();
    void unknownUser();
    void wrongSecretIsAnAuthError();
    void fieldMissingForThisUser();
    void csvAloneNeedsNoTenant();
    void neitherWarnsAboutUnboundFields();
    void markdownMessage();
    void badMessages_data();
    void badMessages();
    void userWithoutTenantIsAUsageError();

private:
    QString write(const QString &name, const QByteArray &content);
    // herald-cli with no connection options and no secret: offline use.
    CliRun bare(const QStringList &args);
    qint64 graphRequests();

    CliInstallHarness m_h;
    QJsonObject m_ann; // a user of the simulated tenant, with a given name
    QString m_csv;
};

QString TestCliPreviewE2e::write(const QString &name, const QByteArray &content)
{
    QFile f(m_h.path(name));
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(f.fileName()));
    return f.fileName();
}

CliRun TestCliPreviewE2e::bare(const QStringList &args)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("HERALD_CLIENT_SECRET"));
    env.insert(QStringLiteral("HERALD_DATA_DIR"), m_h.path(QStringLiteral("bare-data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"),
               m_h.path(QStringLiteral("bare-config"))); // no saved profile
    process.setProcessEnvironment(env);
    process.start(CliInstallHarness::binary(), args);
    CliRun run;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

qint64 TestCliPreviewE2e::graphRequests()
{
    HttpProbe probe;
    const QJsonObject requests
        = probe.get(QUrl(m_h.sim().baseUrl().toString() + QStringLiteral("/_sim/stats")))
              .json()
              .value(QStringLiteral("requests"))
              .toObject();
    qint64 total = 0;
    for (auto it = requests.begin(); it != requests.end(); ++it) {
        if (it.key() != QLatin1String("token"))
            total += qint64(it.value().toDouble());
    }
    return total;
}

void TestCliPreviewE2e::initTestCase()
{
    QVERIFY(m_h.isValid());
    QVERIFY2(QFile::exists(CliInstallHarness::binary()), qPrintable(CliInstallHarness::binary()));
    QVERIFY(m_h.startSim());
    const auto found = m_h.truth().users(
        [](const QJsonObject &u) {
            return !u.value("givenName").toString().isEmpty() && !u.value("mail").toString().isEmpty();
        },
        2);
    QCOMPARE(found.size(), 2);
    m_ann = found.at(0);
    write(QStringLiteral("card.json"), kCard);
    // The CSV names the user in upper case: matching is case-insensitive, as in Entra.
    m_csv = write(QStringLiteral("people.csv"),
                  QStringLiteral("userPrincipalName,desk,team\n%1,4.12,Sales\n%2,,\n")
                      .arg(Truth::upn(m_ann).toUpper(), Truth::upn(found.at(1)))
                      .toUtf8());
}

void TestCliPreviewE2e::userFromDirectoryMergedWithCsvRow()
{
    const qint64 before = graphRequests();
    const CliRun run = m_h.cli({"--format", "json", "preview", "--message", m_h.path("card.json"), "--user",
                                Truth::upn(m_ann), "--data", m_csv});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(graphRequests() - before, qint64(1)); // one user lookup, nothing else

    QVERIFY(run.out.endsWith(u'\n'));
    QCOMPARE(run.out.count(u'\n'), 1);
    const QByteArray line = run.out.trimmed().toUtf8();
    const QJsonObject activity = QJsonDocument::fromJson(line).object();
    QCOMPARE(activity.value("type").toString(), QStringLiteral("message"));
    QCOMPARE(activity.value("attachments").toArray().at(0).toObject().value("contentType").toString(),
             QStringLiteral("application/vnd.microsoft.card.adaptive"));
    QCOMPARE(blockText(activity, 0), QStringLiteral("Hello %1!").arg(m_ann.value("givenName").toString()));
    QCOMPARE(blockText(activity, 1),
             QStringLiteral("%1 <%2>, desk 4.12")
                 .arg(m_ann.value("displayName").toString(), m_ann.value("mail").toString()));
    QCOMPARE(blockText(activity, 2), QStringLiteral("Team SALES"));
    // What was printed is byte for byte what is hashed for the journal.
    const QString hash
        = QString::fromLatin1(QCryptographicHash::hash(line, QCryptographicHash::Sha256).toHex());
    QVERIFY2(
        run.err.contains(QStringLiteral("%1 bytes of 40960 allowed; sha256 %2").arg(line.size()).arg(hash)),
        qPrintable(run.err));
}

void TestCliPreviewE2e::userByObjectId()
{
    const CliRun run = m_h.cli(
        {"preview", "--message", m_h.path("card.json"), "--user", Truth::id(m_ann), "--data", m_csv});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    // Table format: indented for people, still the same JSON.
    QVERIFY(run.out.contains(QStringLiteral("\n    \"attachments\": [")));
    const QJsonObject activity = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(blockText(activity, 0), QStringLiteral("Hello %1!").arg(m_ann.value("givenName").toString()));
    QCOMPARE(blockText(activity, 2), QStringLiteral("Team SALES"));
}

void TestCliPreviewE2e::unknownUser()
{
    const CliRun run
        = m_h.cli({"preview", "--message", m_h.path("card.json"), "--user", "nobody@nowhere.example.com"});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("no user nobody@nowhere.example.com in the directory")),
             qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

void TestCliPreviewE2e::wrongSecretIsAnAuthError()
{
    const CliRun run = m_h.cli({"preview", "--message", m_h.path("card.json"), "--user", Truth::upn(m_ann)},
                               QStringLiteral("not-the-secret"));
    QCOMPARE(run.exitCode, 3);
    QVERIFY(run.out.isEmpty());
}

void TestCliPreviewE2e::fieldMissingForThisUser()
{
    // The second CSV row has no desk: that user's card would say "desk ${desk}".
    const QJsonObject bo = m_h.truth()
                               .users(
                                   [](const QJsonObject &u) {
                                       return !u.value("givenName").toString().isEmpty()
                                           && !u.value("mail").toString().isEmpty();
                                   },
                                   2)
                               .at(1);
    const CliRun run = m_h.cli({"--format", "json", "preview", "--message", m_h.path("card.json"), "--user",
                                Truth::upn(bo), "--data", m_csv});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(
        run.err.contains(
            QStringLiteral("card.json: %1: line 6, column 67: no value for \"desk\"").arg(Truth::upn(bo))),
        qPrintable(run.err));
    const QJsonObject activity = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QVERIFY(blockText(activity, 1).endsWith(QStringLiteral("desk ${desk}"))); // the gap stays visible
    QCOMPARE(firstCard(activity).value("body").toArray().size(), 2); // no team: $when dropped the block
}

void TestCliPreviewE2e::csvAloneNeedsNoTenant()
{
    const CliRun run = bare({"--format", "json", "preview", "--message", m_h.path("card.json"), "--data",
                             m_h.path("offline.csv")});
    QCOMPARE(run.exitCode, 2); // the file does not exist yet
    QVERIFY2(run.err.contains(QStringLiteral("offline.csv")), qPrintable(run.err));

    write(QStringLiteral("offline.csv"),
          "userPrincipalName,givenName,displayName,mail,desk,team\n"
          "zoe@contoso.com,Zoë,Zoë Quinn,zoe@contoso.com,7,ops\n"
          "max@contoso.com,Max,Max Roe,max@contoso.com,8,\n");
    const CliRun ok = bare({"--format", "json", "preview", "--message", m_h.path("card.json"), "--data",
                            m_h.path("offline.csv")});
    QVERIFY2(ok.exitCode == 0, qPrintable(ok.err));
    const QJsonObject activity = QJsonDocument::fromJson(ok.out.toUtf8()).object();
    QCOMPARE(blockText(activity, 0), QStringLiteral("Hello Zoë!"));
    QCOMPARE(blockText(activity, 1), QStringLiteral("Zoë Quinn <zoe@contoso.com>, desk 7"));
    QCOMPARE(blockText(activity, 2), QStringLiteral("Team OPS"));
    QVERIFY2(ok.err.contains(QStringLiteral("first row of the CSV (zoe@contoso.com)")), qPrintable(ok.err));
}

void TestCliPreviewE2e::neitherWarnsAboutUnboundFields()
{
    const CliRun run = bare({"preview", "--message", m_h.path("card.json")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("stay unbound: givenName, displayName, mail, desk")),
             qPrintable(run.err));
    const QJsonObject activity = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(blockText(activity, 0), QStringLiteral("Hello ${givenName}!"));
}

void TestCliPreviewE2e::markdownMessage()
{
    write(QStringLiteral("notice.md"), "**Hi ${givenName}**,\nthe office moves on Monday.\n");
    const CliRun run = m_h.cli(
        {"--format", "json", "preview", "--message", m_h.path("notice.md"), "--user", Truth::upn(m_ann)});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonObject activity = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(activity,
             (QJsonObject{{"type", "message"},
                          {"textFormat", "markdown"},
                          {"text",
                           QStringLiteral("**Hi %1**,\nthe office moves on Monday.\n")
                               .arg(m_ann.value("givenName").toString())}}));
}

void TestCliPreviewE2e::badMessages_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("stderrPart");
    QTest::addColumn<bool>("printsActivity");

    QTest::newRow("malformed card JSON")
        << "broken.json"
        << QByteArray("{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\n\"body\":[{\"type\":\"TextBlock\" "
                      "\"text\":\"x\"}]}")
        << "broken.json: line 2, column 29: the JSON is not valid" << false;
    QTest::newRow("unknown version")
        << "v16.json" << QByteArray("{\"type\":\"AdaptiveCard\",\n  \"version\":\"1.6\",\"body\":[]}")
        << "v16.json: line 2, column 3: Teams renders Adaptive Cards up to version 1.5" << true;
    QTest::newRow("unsupported element")
        << "http.json"
        << QByteArray("{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\"actions\":[\n{\"type\":\"Action."
                      "Http\",\"url\":\"https://x\"}]}")
        << "http.json: line 2, column 2: \"Action.Http\" works only in Outlook" << true;
    QTest::newRow("over 40 KB") << "big.md" << QByteArray(41 * 1024, 'a')
                                << "over the Bot Connector limit of 40960 bytes" << true;
    QTest::newRow("template syntax") << "syntax.md" << QByteArray("Hi\n${toUpper(givenName}")
                                     << "syntax.md: line 2, column 20: in ${toUpper(givenName}: missing ')'"
                                     << true;
    QTest::newRow("not a message file")
        << "notice.docx" << QByteArray("x") << "unknown kind of message file" << false;
    QTest::newRow("missing file") << "" << QByteArray() << "cannot read" << false;
}

void TestCliPreviewE2e::badMessages()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(QString, stderrPart);
    QFETCH(bool, printsActivity);

    const QString path = name.isEmpty() ? m_h.path(QStringLiteral("absent.json")) : write(name, content);
    const CliRun run = bare({"--format", "json", "preview", "--message", path});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(stderrPart), qPrintable(run.err));
    QCOMPARE(!run.out.isEmpty(), printsActivity);
}

void TestCliPreviewE2e::userWithoutTenantIsAUsageError()
{
    const CliRun run = bare({"preview", "--message", m_h.path("card.json"), "--user", "ann@contoso.com"});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QStringLiteral("no tenant")), qPrintable(run.err));
    const CliRun noMessage = bare({"preview"});
    QCOMPARE(noMessage.exitCode, 2);
    QVERIFY2(noMessage.err.contains(QStringLiteral("preview needs --message FILE")),
             qPrintable(noMessage.err));
}

QTEST_GUILESS_MAIN(TestCliPreviewE2e)
#include "tst_cli_preview_e2e.moc"
