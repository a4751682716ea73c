#include "message/Validator.h"

#include <QJsonArray>
#include <QTest>

using namespace herald::message;

namespace {

MessageDocument document(const QByteArray &json)
{
    const LoadResult r = MessageDocument::fromText(SourceFormat::Json, json, QStringLiteral("t.json"));
    if (!r.ok())
        qFatal("test document does not load: %s", qPrintable(r.issues.value(0).toString()));
    return *r.document;
}

RecipientData person(const QString &upn, const QJsonObject &extra = {})
{
    QJsonObject o = extra;
    o.insert(QStringLiteral("userPrincipalName"), upn);
    o.insert(QStringLiteral("givenName"), upn.section(u'@', 0, 0));
    return RecipientData(o);
}

QString joined(const ValidationIssues &issues)
{
    QStringList lines;
    for (const ValidationIssue &i : issues)
        lines.append(i.toString());
    return lines.join(u'\n');
}

} // namespace

class TestValidator : public QObject
{
    Q_OBJECT

private slots:
    void checkDocument_data();
    void checkDocument();
    void markdown();
    void listsMissingFieldsByRecipient();
    void capsTheListOfNames();
    void conditionOnlyFieldsWarn();
    void noRecipientsChecksSizeAndSyntaxOnly();
    void payloadLimit_data();
    void payloadLimit();
    void oversizeForSomeRecipients();
};

void TestValidator::checkDocument_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("errors");
    QTest::addColumn<int>("warnings");
    QTest::addColumn<QString>("messagePart"); // of the first issue
    QTest::addColumn<int>("line"); // of the first issue
    QTest::addColumn<int>("column");

    const auto card = [](const char *version, const char *body) {
        return QByteArray("{\"type\":\"AdaptiveCard\",")
            + (version ? QByteArray(version) + "," : QByteArray()) + "\n\"body\":[\n" + body + "\n]}";
    };
    QTest::newRow("valid 1.5 card") << card("\"version\":\"1.5\"", R"({"type":"TextBlock","text":"hi"},
{"type":"Table","columns":[{"width":1}],"rows":[{"type":"TableRow","cells":[{"type":"TableCell","items":[{"type":"TextBlock","text":"a"}]}]}]},
{"type":"ActionSet","actions":[{"type":"Action.Execute","title":"ok"}]})")
                                    << 0 << 0 << "" << 0 << 0;
    QTest::newRow("no version") << card(nullptr, R"({"type":"TextBlock","text":"hi"})") << 1 << 0
                                << "no \"version\"" << 1 << 1;
    QTest::newRow("too new") << QByteArray("{\"type\":\"AdaptiveCard\",\n  \"version\":\"1.6\",\"body\":[]}")
                             << 1 << 0 << "up to version 1.5, this card is version 1.6" << 2 << 3;
    QTest::newRow("version 2.0") << card("\"version\":\"2.0\"", "") << 1 << 0 << "version 2.0" << 1 << 24;
    QTest::newRow("version garbage") << card("\"version\":\"latest\"", "") << 1 << 0
                                     << "must look like \"1.5\"" << 1 << 24;
    QTest::newRow("version as number") << card("\"version\":1.5", "") << 1 << 0 << "must be text" << 1 << 24;
    QTest::newRow("misspelt element") << card("\"version\":\"1.5\"", R"({"type":"TextBlok","text":"hi"})")
                                      << 1 << 0 << "did you mean \"TextBlock\"" << 3 << 2;
    QTest::newRow("unknown element") << card("\"version\":\"1.5\"", R"({"type":"Marquee"})") << 1 << 0
                                     << "\"Marquee\" is not an Adaptive Card element" << 3 << 2;
    QTest::newRow("outlook-only action") << card(
        "\"version\":\"1.5\"", R"({"type":"ActionSet","actions":[{"type":"Action.Http","method":"POST"}]})")
                                         << 1 << 0 << "Outlook Actionable Messages" << 3 << 33;
    QTest::newRow("1.6 element") << card("\"version\":\"1.5\"", R"({"type":"Carousel","pages":[]})") << 1 << 0
                                 << "needs Adaptive Cards 1.6" << 3 << 2;
    QTest::newRow("1.6 element with fallback")
        << card("\"version\":\"1.5\"",
                R"({"type":"Icon","name":"Calendar","fallback":{"type":"TextBlock","text":"x"}})")
        << 0 << 1 << "shows its fallback" << 3 << 2;
    QTest::newRow("element newer than the card's version")
        << card("\"version\":\"1.2\"", R"({"type":"Table","rows":[]})") << 0 << 1
        << "raise \"version\" to 1.5" << 3 << 2;
    QTest::newRow("element without type")
        << card("\"version\":\"1.5\"", R"({"text":"hi"})") << 1 << 0 << "no \"type\"" << 3 << 1;
    QTest::newRow("deep in a column")
        << card("\"version\":\"1.5\"", R"({"type":"ColumnSet","columns":[{"type":"Column","items":[
{"type":"Imag","url":"https://x/y.png"}]}]})")
        << 1 << 0 << "did you mean \"Image\"" << 4 << 2;
    QTest::newRow("inside a ShowCard") << card(
        "\"version\":\"1.5\"",
        R"({"type":"ActionSet","actions":[{"type":"Action.ShowCard","card":{"type":"AdaptiveCard","body":[{"type":"Media2"}]}}]})")
                                       << 1 << 0 << "\"Media2\"" << 3 << 97;
    QTest::newRow("BOM does not shift columns") << QByteArray(
        "\xEF\xBB\xBF{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\"body\":[{\"type\":\"Foo\"}]}")
                                                << 1 << 0 << "\"Foo\"" << 1 << 49;
    QTest::newRow("bound type is not judged")
        << card("\"version\":\"1.5\"", R"({"type":"${kind}"})") << 0 << 0 << "" << 0 << 0;
    QTest::newRow("expression syntax error")
        << card("\"version\":\"1.5\"", R"({"type":"TextBlock","text":"Hi ${givenName"})") << 1 << 0
        << "no closing '}'" << 3 << 32; // at the "${"
    QTest::newRow("activity without content") << QByteArray(R"({"type":"message","textFormat":"markdown"})")
                                              << 1 << 0 << "neither \"text\" nor \"attachments\"" << 1 << 1;
    QTest::newRow("activity with text")
        << QByteArray(R"({"type":"message","text":"hello"})") << 0 << 0 << "" << 0 << 0;
    QTest::newRow("activity with a too-new card")
        << QByteArray("{\"type\":\"message\",\"attachments\":[\n{\"contentType\":\"application/"
                      "vnd.microsoft.card.adaptive\","
                      "\"content\":{\"type\":\"AdaptiveCard\",\"version\":\"1.6\"}}]}")
        << 1 << 0 << "this card is version 1.6" << 2 << 91;
    QTest::newRow("activity with an empty card attachment") << QByteArray(
        R"({"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive"}]})")
                                                            << 1 << 0 << "no card in \"content\"" << 1 << 34;
    QTest::newRow("activity with a hero card is left alone") << QByteArray(
        R"({"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.hero","content":{}}]})")
                                                             << 0 << 0 << "" << 0 << 0;
}

void TestValidator::checkDocument()
{
    QFETCH(QByteArray, json);
    QFETCH(int, errors);
    QFETCH(int, warnings);
    QFETCH(QString, messagePart);
    QFETCH(int, line);
    QFETCH(int, column);

    const ValidationIssues issues = Validator::checkDocument(document(json));
    QCOMPARE(errorCount(issues), errors);
    QCOMPARE(int(issues.size()) - errorCount(issues), warnings);
    if (issues.isEmpty())
        return;
    const ValidationIssue &first = issues.first();
    QVERIFY2(first.message.contains(messagePart), qPrintable(joined(issues)));
    QCOMPARE(first.line, line);
    QCOMPARE(first.column, column);
    QVERIFY(first.recipient.isEmpty());
}

void TestValidator::markdown()
{
    QCOMPARE(errorCount(Validator::checkDocument(MessageDocument::fromMarkdown(QStringLiteral("Hello")))), 0);
    const ValidationIssues empty
        = Validator::checkDocument(MessageDocument::fromMarkdown(QStringLiteral(" \n ")));
    QCOMPARE(errorCount(empty), 1);
    QVERIFY(empty.first().message.contains(QStringLiteral("empty")));
    const ValidationIssues syntax
        = Validator::checkDocument(MessageDocument::fromMarkdown(QStringLiteral("Hi\n${nope(givenName)}")));
    QCOMPARE(errorCount(syntax), 1);
    QCOMPARE(syntax.first().line, 2);
    QCOMPARE(syntax.first().column, 3);
}

void TestValidator::listsMissingFieldsByRecipient()
{
    const MessageDocument doc
        = document("{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\"body\":[\n"
                   "{\"type\":\"TextBlock\",\"text\":\"Hi ${givenName} from ${department}\"},\n"
                   "{\"type\":\"TextBlock\",\"text\":\"Desk ${desk}\"}]}");
    const RecipientDataList people{
        person(QStringLiteral("a@x.com"), {{"department", "Sales"}, {"desk", "1"}}),
        person(QStringLiteral("b@x.com"), {{"Department", "Ops"}}),
        person(QStringLiteral("c@x.com"), {{"desk", "3"}})};
    const Validator::Report report = Validator::check(doc, people);
    QCOMPARE(report.recipients, 3);
    QCOMPARE(report.recipientsWithErrors, 2);
    QCOMPARE(report.missingFields.value(QStringLiteral("department")),
             QStringList({QStringLiteral("b@x.com"), QStringLiteral("c@x.com")}));
    QCOMPARE(report.missingFields.value(QStringLiteral("desk")), QStringList{QStringLiteral("b@x.com")});
    QVERIFY(report.hasErrors());

    // b's hint about "Department" makes its issue differ from c's: three groups.
    QCOMPARE(report.issues.size(), 3);
    const ValidationIssue &first = report.issues.at(0);
    QCOMPARE(first.category, ValidationIssue::Category::MissingField);
    QVERIFY2(first.message.contains(QStringLiteral("the data has \"Department\"")),
             qPrintable(first.message));
    QVERIFY(first.message.contains(QStringLiteral("1 of 3 recipients (b@x.com)")));
    QCOMPARE(first.line, 2);
    QCOMPARE(first.column, 50); // the "${" of ${department} inside the string
    QCOMPARE(first.pointer, QStringLiteral("/body/0/text"));
    QVERIFY2(report.issues.at(1).message.contains(QStringLiteral("\"desk\"")),
             qPrintable(joined(report.issues)));
    QCOMPARE(report.issues.at(1).line, 3);
    QVERIFY(report.issues.at(2).message.contains(QStringLiteral("1 of 3 recipients (c@x.com)")));
}

void TestValidator::capsTheListOfNames()
{
    const MessageDocument doc = MessageDocument::fromMarkdown(QStringLiteral("Hello ${nickname}"));
    RecipientDataList people;
    for (int i = 0; i < 15; ++i)
        people.append(person(QStringLiteral("u%1@x.com").arg(i, 2, 10, QLatin1Char('0'))));
    const Validator::Report report = Validator::check(doc, people);
    QCOMPARE(report.issues.size(), 1);
    const QString message = report.issues.first().message;
    QVERIFY2(message.contains(QStringLiteral("15 of 15 recipients (u00@x.com, ")), qPrintable(message));
    QVERIFY(message.contains(QStringLiteral("u09@x.com and 5 more)")));
    QVERIFY(!message.contains(QStringLiteral("u10@x.com")));
    QCOMPARE(report.issues.first().line, 1);
    QCOMPARE(report.issues.first().column, 7);
    QCOMPARE(report.missingFields.value(QStringLiteral("nickname")).size(), 15); // the map is not capped
}

void TestValidator::conditionOnlyFieldsWarn()
{
    const MessageDocument doc = document(R"({"type":"AdaptiveCard","version":"1.5","body":[
{"type":"TextBlock","$when":"${region == 'EMEA'}","text":"EMEA office hours"}]})");
    const Validator::Report report = Validator::check(
        doc, {person(QStringLiteral("a@x.com"), {{"region", "EMEA"}}), person(QStringLiteral("b@x.com"))});
    QVERIFY2(!report.hasErrors(), qPrintable(joined(report.issues)));
    QCOMPARE(report.issues.size(), 1);
    QCOMPARE(report.issues.first().severity, ValidationIssue::Severity::Warning);
    QVERIFY(report.issues.first().message.contains(QStringLiteral("1 of 2 recipients (b@x.com)")));
    QCOMPARE(report.recipientsWithErrors, 0);
    QVERIFY(report.missingFields.isEmpty());
}

void TestValidator::noRecipientsChecksSizeAndSyntaxOnly()
{
    const Validator::Report fine
        = Validator::check(MessageDocument::fromMarkdown(QStringLiteral("Hi ${givenName}")), {});
    QVERIFY(fine.issues.isEmpty());
    QCOMPARE(fine.recipients, 0);
    QCOMPARE(fine.largestPayload, qsizetype(52 + 15));

    const Validator::Report big = Validator::check(
        MessageDocument::fromMarkdown(QString(50 * 1024, u'x') + QStringLiteral("${a")), {});
    QCOMPARE(errorCount(big.issues), 2); // syntax and size
    QCOMPARE(big.issues.last().category, ValidationIssue::Category::Size);
}

void TestValidator::payloadLimit_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("fits");

    // {"text":"","textFormat":"markdown","type":"message"} is 52 bytes.
    const qsizetype room = ActivityBuilder::kMaxPayloadBytes - 52;
    QTest::newRow("exactly at the limit") << QString(room, u'a') << true;
    QTest::newRow("one byte over") << QString(room + 1, u'a') << false;
    // Measured in UTF-8: 2 bytes per é, so half as many characters fill it.
    QTest::newRow("multibyte at the limit") << QString(room / 2, QChar(0xE9)) << true;
    QTest::newRow("multibyte over") << QString(room / 2 + 1, QChar(0xE9)) << false;
    // JSON escaping counts too: each quote becomes \".
    QTest::newRow("escaped quotes over") << QString(room / 2 + 1, u'"') << false;
    QTest::newRow("the issue's 40 KB message") << QString(41 * 1024, u'a') << false;
}

void TestValidator::payloadLimit()
{
    QFETCH(QString, text);
    QFETCH(bool, fits);

    const Validator::Report report
        = Validator::check(MessageDocument::fromMarkdown(text), {person(QStringLiteral("a@x.com"))});
    QCOMPARE(!report.hasErrors(), fits);
    if (!fits) {
        QCOMPARE(report.issues.size(), 1);
        QCOMPARE(report.issues.first().category, ValidationIssue::Category::Size);
        QVERIFY2(report.issues.first().message.contains(QStringLiteral("limit of 40960 bytes")),
                 qPrintable(report.issues.first().message));
        QVERIFY(report.largestPayload > ActivityBuilder::kMaxPayloadBytes);
        QCOMPARE(report.largestRecipient, QStringLiteral("a@x.com"));
    } else {
        QVERIFY(report.largestPayload <= ActivityBuilder::kMaxPayloadBytes);
    }
}

void TestValidator::oversizeForSomeRecipients()
{
    // Only after binding is the message too big, and only for one recipient.
    const MessageDocument doc = MessageDocument::fromMarkdown(QStringLiteral("About you: ${bio}"));
    const Validator::Report report
        = Validator::check(doc,
                           {person(QStringLiteral("short@x.com"), {{"bio", "likes tea"}}),
                            person(QStringLiteral("long@x.com"), {{"bio", QString(45000, u'b')}})});
    QCOMPARE(errorCount(report.issues), 1);
    QCOMPARE(report.recipientsWithErrors, 1);
    QCOMPARE(report.largestRecipient, QStringLiteral("long@x.com"));
    QVERIFY2(report.issues.first().message.contains(QStringLiteral("1 of 2 recipients (long@x.com)")),
             qPrintable(report.issues.first().message));
}

QTEST_GUILESS_MAIN(TestValidator)
#include "tst_validator.moc"
