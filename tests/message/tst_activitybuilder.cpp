#include "message/ActivityBuilder.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

using namespace herald::message;

namespace {

MessageDocument json(const QByteArray &text)
{
    const LoadResult r = MessageDocument::fromText(SourceFormat::Json, text);
    if (!r.ok())
        qFatal("test document does not load: %s", qPrintable(r.issues.value(0).toString()));
    return *r.document;
}

RecipientData ann()
{
    return RecipientData(QJsonObject{{"givenName", "Ann"},
                                     {"displayName", "Ann Lee"},
                                     {"userPrincipalName", "ann@contoso.com"},
                                     {"id", "11111111-1111-1111-1111-111111111111"}});
}

} // namespace

class TestActivityBuilder : public QObject
{
    Q_OBJECT

private slots:
    void exactActivity_data();
    void exactActivity();
    void hashIsSha256OfTheBody();
    void issuesNameTheRecipientAndPlace();
    void cardForThePreview();
    void recipientDataFromDirectory();
    void tenThousandRecipients();
};

void TestActivityBuilder::exactActivity_data()
{
    QTest::addColumn<MessageDocument>("document");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("markdown") << MessageDocument::fromMarkdown(QStringLiteral("Hi ${givenName}"))
                              << QByteArray(R"({"text":"Hi Ann","textFormat":"markdown","type":"message"})");
    QTest::newRow("markdown with quotes and newline")
        << MessageDocument::fromMarkdown(QStringLiteral("**\"${displayName}\"**\nbye"))
        << QByteArray(R"({"text":"**\"Ann Lee\"**\nbye","textFormat":"markdown","type":"message"})");
    QTest::newRow("card")
        << json(
               R"({"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Hello ${givenName}"}]})")
        << QByteArray(
               R"({"attachments":[{"content":{"body":[{"text":"Hello Ann","type":"TextBlock"}],)"
               R"("type":"AdaptiveCard","version":"1.5"},"contentType":"application/vnd.microsoft.card.adaptive"}],)"
               R"("type":"message"})");
    QTest::newRow("card without bindings")
        << json(R"({"type":"AdaptiveCard","version":"1.5","body":[]})")
        << QByteArray(R"({"attachments":[{"content":{"body":[],"type":"AdaptiveCard","version":"1.5"},)"
                      R"("contentType":"application/vnd.microsoft.card.adaptive"}],"type":"message"})");
    QTest::newRow("activity passes through, bound")
        << json(
               R"({"type":"message","text":"Hi ${givenName}","summary":"News","channelData":{"notification":{"alert":true}}})")
        << QByteArray(
               R"({"channelData":{"notification":{"alert":true}},"summary":"News","text":"Hi Ann","type":"message"})");
    QTest::newRow("template $when removes an element")
        << json(
               R"({"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","$when":"${exists(office)}","text":"${office}"}]})")
        << QByteArray(R"({"attachments":[{"content":{"body":[],"type":"AdaptiveCard","version":"1.5"},)"
                      R"("contentType":"application/vnd.microsoft.card.adaptive"}],"type":"message"})");
}

void TestActivityBuilder::exactActivity()
{
    QFETCH(MessageDocument, document);
    QFETCH(QByteArray, expected);

    const ActivityBuilder builder(document);
    const BoundMessage m = builder.build(ann());
    QCOMPARE(m.json, expected);
    QCOMPARE(m.size(), expected.size());
    QVERIFY2(m.isSendable(), qPrintable(m.issues.value(0).toString()));
    QVERIFY(m.issues.isEmpty());
    // Building again gives the same bytes: the journal's hash depends on it.
    QCOMPARE(builder.build(ann()).json, expected);
}

void TestActivityBuilder::hashIsSha256OfTheBody()
{
    const BoundMessage m
        = ActivityBuilder(MessageDocument::fromMarkdown(QStringLiteral("Hi ${givenName}"))).build(ann());
    // printf '%s' '{"text":"Hi Ann","textFormat":"markdown","type":"message"}' | sha256sum
    QCOMPARE(m.hash, QByteArray("5c48c30365100630f7951e412aa9e8c25bc6c9cec7f56593e35812f82b96943b"));
    const BoundMessage other
        = ActivityBuilder(MessageDocument::fromMarkdown(QStringLiteral("Hi ${givenName}")))
              .build(RecipientData(QJsonObject{{"givenName", "Bo"}}));
    QVERIFY(other.hash != m.hash);
    QCOMPARE(other.hash.size(), 64);
}

void TestActivityBuilder::issuesNameTheRecipientAndPlace()
{
    const MessageDocument doc = json("{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\"body\":[\n"
                                     "  {\"type\":\"TextBlock\",\"text\":\"${department}\"},\n"
                                     "  {\"type\":\"TextBlock\",\"text\":\"${int(givenName)}\"}]}");
    const BoundMessage m = ActivityBuilder(doc).build(ann());
    QVERIFY(!m.isSendable());
    QCOMPARE(m.issues.size(), 2);
    const ValidationIssue &binding = m.issues.at(0);
    QCOMPARE(binding.category, ValidationIssue::Category::Binding);
    QCOMPARE(binding.recipient, QStringLiteral("ann@contoso.com"));
    QCOMPARE(binding.line, 3);
    QVERIFY(binding.message.contains(QStringLiteral("'Ann' is not a number")));
    const ValidationIssue &missing = m.issues.at(1);
    QCOMPARE(missing.category, ValidationIssue::Category::MissingField);
    QCOMPARE(missing.line, 2);
    QCOMPARE(missing.column, 31); // the "${" inside the string
    QVERIFY(missing.toString().startsWith(
        QStringLiteral("ann@contoso.com: line 2, column 31: no value for \"department\"")));
    QCOMPARE(m.missing.size(), 1);
    // What the recipient would see keeps the gap visible.
    QCOMPARE(m.card().value("body").toArray().at(0).toObject().value("text").toString(),
             QStringLiteral("${department}"));
}

void TestActivityBuilder::cardForThePreview()
{
    const BoundMessage text
        = ActivityBuilder(MessageDocument::fromMarkdown(QStringLiteral("x"))).build(ann());
    QVERIFY(text.card().isEmpty());
    const BoundMessage activity
        = ActivityBuilder(
              json(
                  R"({"type":"message","attachments":[{"contentType":"image/png","contentUrl":"https://x/a.png"},
{"contentType":"application/vnd.microsoft.card.adaptive","content":{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"${givenName}"}]}}]})"))
              .build(ann());
    QCOMPARE(activity.card().value("body").toArray().at(0).toObject().value("text").toString(),
             QStringLiteral("Ann"));
}

void TestActivityBuilder::recipientDataFromDirectory()
{
    herald::Recipient r;
    r.id = QStringLiteral("42");
    r.displayName = QStringLiteral("Ann Lee");
    r.userPrincipalName = QStringLiteral("ann@contoso.com");
    r.extra = herald::RecipientExtra(
        {QStringLiteral("givenName"), QStringLiteral("team"), QStringLiteral("mail"), QStringLiteral("desk")},
        {QStringLiteral("Annie"), QStringLiteral("Sales"), QStringLiteral("csv@x.com"), QString()});
    RecipientData d = RecipientData::fromRecipient(r);
    QCOMPARE(d.value("givenName").toString(), QStringLiteral("Annie"));
    QCOMPARE(d.value("team").toString(), QStringLiteral("Sales"));
    QCOMPARE(d.value("mail").toString(), QStringLiteral("csv@x.com")); // directory had none
    QVERIFY(!d.contains(QStringLiteral("desk"))); // an empty cell is no value
    QCOMPARE(d.label(), QStringLiteral("ann@contoso.com"));

    const RecipientData graph = RecipientData::fromGraphUser(QJsonObject{{"@odata.context", "x"},
                                                                         {"id", "42"},
                                                                         {"givenName", QJsonValue::Null},
                                                                         {"displayName", "Ann L."},
                                                                         {"mail", ""}});
    QVERIFY(!graph.contains(QStringLiteral("givenName")));
    QVERIFY(!graph.contains(QStringLiteral("mail")));
    QVERIFY(!graph.contains(QStringLiteral("@odata.context")));
    d.merge(graph, RecipientData::Conflict::TakeTheirs);
    QCOMPARE(d.value("displayName").toString(), QStringLiteral("Ann L."));
    QCOMPARE(d.value("givenName").toString(), QStringLiteral("Annie"));
    QCOMPARE(RecipientData().label(), QStringLiteral("(no name)"));
}

void TestActivityBuilder::tenThousandRecipients()
{
    // A realistic announcement card, bound for a campaign-sized audience:
    // every recipient's activity is built, serialized and hashed.
    const MessageDocument doc = json(R"({"type":"AdaptiveCard","version":"1.5","body":[
{"type":"TextBlock","size":"Large","weight":"Bolder","text":"Hello ${givenName}!"},
{"type":"TextBlock","wrap":true,"text":"The ${office} office moves to the new building on Monday. ${if(exists(desk), concat('Your desk: ', desk), 'Pick a desk at reception.')}"},
{"type":"FactSet","facts":[{"title":"Name","value":"${displayName}"},{"title":"Team","value":"${toUpper(team)}"}]},
{"type":"TextBlock","$when":"${team == 'sales'}","text":"Sales kick-off is on Tuesday."}],
"actions":[{"type":"Action.OpenUrl","title":"Floor plan","url":"https://contoso.example/plan?u=${id}"}]})");
    const ActivityBuilder builder(doc);
    constexpr int count = 10000;
    QElapsedTimer timer;
    timer.start();
    qsizetype bytes = 0;
    for (int i = 0; i < count; ++i) {
        QJsonObject o{{"givenName", QStringLiteral("User%1").arg(i)},
                      {"displayName", QStringLiteral("User %1").arg(i)},
                      {"userPrincipalName", QStringLiteral("u%1@contoso.com").arg(i)},
                      {"id", QStringLiteral("%1").arg(i, 8, 10, QLatin1Char('0'))},
                      {"office", "Leeds"},
                      {"team", i % 3 ? "ops" : "sales"}};
        if (i % 2)
            o.insert("desk", QString::number(i));
        const BoundMessage m = builder.build(RecipientData(o));
        if (!m.isSendable() || !m.json.contains(QStringLiteral("Hello User%1!").arg(i).toUtf8()))
            QFAIL(qPrintable(QStringLiteral("recipient %1: %2").arg(i).arg(QString::fromUtf8(m.json))));
        bytes += m.size();
    }
    const qint64 ms = timer.elapsed();
    qInfo("bound, serialized and hashed %d activities (%lld bytes) in %lld ms: %.1f us each", count,
          qlonglong(bytes), qlonglong(ms), ms * 1000.0 / count);
}

QTEST_GUILESS_MAIN(TestActivityBuilder)
#include "tst_activitybuilder.moc"
