#include "message/TemplateBinder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace herald::message;

namespace {

// Single quotes in the table's JSON become double quotes, so rows stay readable.
QJsonValue json(const char *text)
{
    const QByteArray wrapped = QByteArray("[") + QByteArray(text).replace('\'', '"') + "]";
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(wrapped, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON %s: %s", text, qPrintable(error.errorString()));
    return doc.array().at(0);
}

QString compact(const QJsonValue &v)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

const char *kAnn = "{'givenName':'Ann','displayName':'Ann Lee','mail':'ann@contoso.com',"
                   "'userPrincipalName':'ann@contoso.com','department':'Sales','office':'',"
                   "'manager':{'displayName':'Bo Chen'},'tags':['a','b','c'],'age':41,'vip':true}";

} // namespace

class TestTemplateBinder : public QObject
{
    Q_OBJECT

private slots:
    void bindJson_data();
    void bindJson();
    void bindText_data();
    void bindText();
    void syntaxErrors_data();
    void syntaxErrors();
    void runtimeErrors_data();
    void runtimeErrors();
    void missingFieldsCarryTheirPlace();
    void reusedForManyRecipients();
};

void TestTemplateBinder::bindJson_data()
{
    QTest::addColumn<QString>("templ"); // JSON, single quotes for double
    QTest::addColumn<QString>("data");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QStringList>("missing"); // used in the message
    QTest::addColumn<QStringList>("conditionOnly"); // only decided something

    const QString ann = QString::fromLatin1(kAnn);
    const auto row = [&](const char *name, const char *t, const char *expected, QStringList missing = {},
                         QStringList cond = {}, const QString &data = QString()) {
        QTest::newRow(name) << QString::fromUtf8(t) << (data.isNull() ? ann : data)
                            << QString::fromUtf8(expected) << missing << cond;
    };

    row("plain value untouched", "{'type':'TextBlock','text':'Hello'}",
        "{'text':'Hello','type':'TextBlock'}");
    row("inside a string", "'Hello ${givenName}!'", "'Hello Ann!'");
    row("two in one string", "'${givenName} (${department})'", "'Ann (Sales)'");
    row("whole value keeps type: number", "'${age}'", "41");
    row("whole value keeps type: bool", "'${vip}'", "true");
    row("whole value keeps type: array", "'${tags}'", "['a','b','c']");
    row("number spliced into text", "'age ${age}'", "'age 41'");
    row("dotted path", "'${manager.displayName}'", "'Bo Chen'");
    row("index path", "'${tags[1]}'", "'b'");
    row("quoted key path", "'${manager[\\'displayName\\']}'", "'Bo Chen'");
    row("$root", "'${$root.givenName}'", "'Ann'");
    row("missing field stays visible and is reported", "'Hi ${nickname}!'", "'Hi ${nickname}!'",
        {"nickname"});
    row("missing nested field", "'${manager.phone}'", "'${manager.phone}'", {"manager.phone"});
    row("empty CSV value is a value", "'[${office}]'", "'[]'");
    row("toUpper", "'${toUpper(givenName)}'", "'ANN'");
    row("toLower", "'${toLower(department)}'", "'sales'");
    row("concat", "'${concat(givenName, \\' \\', department)}'", "'Ann Sales'");
    row("plus concatenates text", "'${givenName + \\'!\\'}'", "'Ann!'");
    row("substring", "'${substring(displayName, 0, 3)}'", "'Ann'");
    row("substring clamps", "'${substring(givenName, 1, 99)}'", "'nn'");
    row("length of text", "'${length(displayName)}'", "7");
    row("length of list", "'${length(tags)}'", "3");
    row("join", "'${join(tags, \\'-\\')}'", "'a-b-c'");
    row("replace", "'${replace(mail, \\'@\\', \\' at \\')}'", "'ann at contoso.com'");
    row("arithmetic", "'${age + 1}'", "42");
    row("precedence", "'${1 + 2 * 3}'", "7");
    row("if true", "'${if(vip, \\'VIP\\', \\'member\\')}'", "'VIP'");
    row("if false", "'${if(age > 50, \\'senior\\', \\'junior\\')}'", "'junior'");
    row("if on a missing field: condition only", "'${if(nickname, nickname, givenName)}'", "'Ann'", {},
        {"nickname"});
    row("if picks the missing branch", "'${if(vip, nickname, givenName)}'",
        "'${if(vip, nickname, givenName)}'", {"nickname"});
    row("exists is a probe", "'${if(exists(nickname), nickname, \\'friend\\')}'", "'friend'");
    row("empty of empty value", "'${empty(office)}'", "true");
    row("empty of missing", "'${empty(nickname)}'", "true");
    row("coalesce", "'${coalesce(nickname, givenName)}'", "'Ann'");
    row("coalesce of nothing is reported", "'${coalesce(nickname, alias)}'", "'${coalesce(nickname, alias)}'",
        {"coalesce(nickname, alias)"});
    row("equality and logic", "'${department == \\'Sales\\' && !(age < 18) || false}'", "true");
    row("not equal", "'${department != \\'Sales\\'}'", "false");
    row("string compare", "'${givenName < \\'Bob\\'}'", "true");
    row("when true keeps", "[{'type':'TextBlock','$when':'${vip}','text':'x'}]",
        "[{'text':'x','type':'TextBlock'}]");
    row("when false drops", "[{'type':'TextBlock','$when':'${age > 50}','text':'x'},{'type':'Image'}]",
        "[{'type':'Image'}]");
    row("when on missing field drops, warns", "[{'$when':'${department == region}','text':'x'}]", "[]", {},
        {"region"});
    row("when with exists", "[{'$when':'${exists(region)}','text':'${region}'}]", "[]");
    row("when drops an object member", "{'a':{'$when':'${false}','x':1},'b':2}", "{'b':2}");
    row("$data array repeats", "[{'$data':'${tags}','type':'TextBlock','text':'${$data} #${$index}'}]",
        "[{'text':'a #0','type':'TextBlock'},{'text':'b #1','type':'TextBlock'},{'text':'c "
        "#2','type':'TextBlock'}]");
    row("$data object scopes", "{'$data':'${manager}','text':'${displayName} / ${$root.givenName}'}",
        "{'text':'Bo Chen / Ann'}");
    row("$data literal array", "[{'$data':[{'n':1},{'n':2}],'v':'${n}'}]", "[{'v':1},{'v':2}]");
    row("$data with $when per item", "[{'$data':[{'n':1},{'n':5}],'$when':'${n > 2}','v':'${n}'}]",
        "[{'v':5}]");
    row("$data missing drops and reports", "[{'$data':'${projects}','text':'${name}'}]", "[]", {"projects"});
    row("nested card",
        "{'type':'AdaptiveCard','body':[{'type':'Container','items':[{'type':'TextBlock',"
        "'text':'Dear ${displayName}'}]}]}",
        "{'body':[{'items':[{'text':'Dear Ann "
        "Lee','type':'TextBlock'}],'type':'Container'}],'type':'AdaptiveCard'}");
    row("same missing field reported once", "['${region}','${region}','${toUpper(region)}']",
        "['${region}','${region}','${toUpper(region)}']", {"region"});
    row("use outweighs condition", "['${if(region, 1, 2)}','${region}']", "[2,'${region}']", {"region"});
    row("no data at all", "'Hello ${givenName}'", "'Hello ${givenName}'", {"givenName"}, {},
        QStringLiteral("{}"));
    row("unicode", "'Grüße, ${givenName} 👋'", "'Grüße, Zoë 👋'", {}, {},
        QStringLiteral("{\"givenName\":\"Zoë\"}"));
    row("dollar without brace", "'costs $5 {not} ${givenName}'", "'costs $5 {not} Ann'");
    row("brace inside quoted text", "'${concat(givenName, \\'}\\')}'", "'Ann}'");
}

void TestTemplateBinder::bindJson()
{
    QFETCH(QString, templ);
    QFETCH(QString, data);
    QFETCH(QString, expected);
    QFETCH(QStringList, missing);
    QFETCH(QStringList, conditionOnly);

    const TemplateBinder binder(json(templ.toUtf8().constData()));
    QVERIFY2(binder.syntaxErrors().isEmpty(), qPrintable(binder.syntaxErrors().value(0).message));
    const TemplateBinder::Result r = binder.bind(json(data.toUtf8().constData()).toObject());
    for (const ValidationIssue &e : r.errors)
        qWarning("%s", qPrintable(e.toString()));
    QVERIFY(r.errors.isEmpty());
    QCOMPARE(compact(r.value), compact(json(expected.toUtf8().constData())));

    QStringList used;
    QStringList cond;
    for (const MissingField &m : r.missing)
        (m.inCondition ? cond : used).append(m.path);
    QCOMPARE(used, missing);
    QCOMPARE(cond, conditionOnly);
    QCOMPARE(r.isComplete(), missing.isEmpty());
}

void TestTemplateBinder::bindText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QStringList>("missing");

    QTest::newRow("no expression") << "**Hello** all"
                                   << "**Hello** all" << QStringList();
    QTest::newRow("greeting") << "Hi ${givenName},\n\nyour team: ${department}."
                              << "Hi Ann,\n\nyour team: Sales." << QStringList();
    QTest::newRow("missing in markdown") << "Hi ${givenName} from ${city}"
                                         << "Hi Ann from ${city}" << QStringList{"city"};
    QTest::newRow("function in markdown") << "# ${toUpper(department)}"
                                          << "# SALES" << QStringList();
    QTest::newRow("object spliced as JSON") << "${manager}"
                                            << "{\"displayName\":\"Bo Chen\"}" << QStringList();
}

void TestTemplateBinder::bindText()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QFETCH(QStringList, missing);

    const TemplateBinder binder(text);
    const TemplateBinder::Result r = binder.bind(json(kAnn).toObject());
    QVERIFY(r.errors.isEmpty());
    QCOMPARE(r.value.toString(), expected);
    QStringList used;
    for (const MissingField &m : r.missing)
        used.append(m.path);
    QCOMPARE(used, missing);
}

void TestTemplateBinder::syntaxErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("messagePart");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    QTest::newRow("after an emoji") << QString::fromUtf8("\xF0\x9F\x91\x8B ${x") << "no closing '}'" << 1
                                    << 3;
    QTest::newRow("unclosed") << "Hello ${givenName"
                              << "no closing '}'" << 1 << 7;
    QTest::newRow("empty") << "x ${}"
                           << "empty" << 1 << 5;
    QTest::newRow("unknown function") << "${shout(givenName)}"
                                      << "unknown function shout()" << 1 << 3;
    QTest::newRow("wrong arity") << "\n\n  ${if(vip, 'a')}"
                                 << "if() takes 3 arguments, not 2" << 3 << 5;
    QTest::newRow("single equals") << "${a = 'b'}"
                                   << "use ==" << 1 << 5;
    QTest::newRow("unclosed quote") << "${concat('abc)}"
                                    << "has no closing '" << 1 << 10;
    QTest::newRow("dangling operator") << "${age +}"
                                       << "ends too early" << 1 << 8;
    QTest::newRow("missing paren") << "${toUpper(givenName}"
                                   << "missing ')'" << 1 << 20;
    QTest::newRow("junk after") << "${givenName givenName}"
                                << "unexpected 'g'" << 1 << 13;
    QTest::newRow("runaway parentheses") << "${" + QString(100000, u'(') + "1}"
                                         << "nested too deeply" << 1 << 67;
    QTest::newRow("runaway negation") << "${" + QString(100000, u'!') + "x}"
                                      << "nested too deeply" << 1 << 67;
}

void TestTemplateBinder::syntaxErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, messagePart);
    QFETCH(int, line);
    QFETCH(int, column);

    const TemplateBinder binder(text);
    const ValidationIssues issues = binder.syntaxErrors();
    QCOMPARE(issues.size(), 1);
    QVERIFY2(issues.first().message.contains(messagePart), qPrintable(issues.first().message));
    QCOMPARE(issues.first().category, ValidationIssue::Category::Syntax);
    QCOMPARE(issues.first().line, line);
    QCOMPARE(issues.first().column, column);
    // Binding reports the same problem and leaves the text alone.
    const TemplateBinder::Result r = binder.bind(json(kAnn).toObject());
    QCOMPARE(r.value.toString(), text);
    QCOMPARE(r.errors.size(), 1);
    QVERIFY(!r.isComplete());
}

void TestTemplateBinder::runtimeErrors_data()
{
    QTest::addColumn<QString>("templ");
    QTest::addColumn<QString>("messagePart");
    QTest::addColumn<QString>("pointer");

    QTest::newRow("int of text") << "{'a':['${int(givenName)}']}"
                                 << "'Ann' is not a number"
                                 << "/a/0";
    QTest::newRow("division by zero") << "{'n':'${age / 0}'}"
                                      << "division by zero"
                                      << "/n";
    QTest::newRow("compare text with number") << "{'b':{'c':'${givenName > 3}'}}"
                                              << "cannot compare"
                                              << "/b/c";
    QTest::newRow("join of text") << "{'x':'${join(givenName, \\',\\')}'}"
                                  << "needs a list"
                                  << "/x";
    QTest::newRow("literal $when") << "[{'$when':'yes','t':1}]"
                                   << "$when must be an expression"
                                   << "/0/$when";
}

void TestTemplateBinder::runtimeErrors()
{
    QFETCH(QString, templ);
    QFETCH(QString, messagePart);
    QFETCH(QString, pointer);

    const TemplateBinder binder(json(templ.toUtf8().constData()));
    QVERIFY(binder.syntaxErrors().isEmpty());
    const TemplateBinder::Result r = binder.bind(json(kAnn).toObject());
    QCOMPARE(r.errors.size(), 1);
    QVERIFY2(r.errors.first().message.contains(messagePart), qPrintable(r.errors.first().message));
    QCOMPARE(r.errors.first().pointer, pointer);
    QCOMPARE(r.errors.first().category, ValidationIssue::Category::Binding);
    QVERIFY(!r.isComplete());
}

void TestTemplateBinder::missingFieldsCarryTheirPlace()
{
    const TemplateBinder card(
        json("{'body':[{'type':'TextBlock','text':'x'},{'type':'TextBlock','text':'${city}'}]}"));
    const TemplateBinder::Result r = card.bind(QJsonObject());
    QCOMPARE(r.missing.size(), 1);
    QCOMPARE(r.missing.first().pointer, QStringLiteral("/body/1/text"));

    const TemplateBinder text(QStringLiteral("ab\nHi ${city}"));
    const TemplateBinder::Result t = text.bind(QJsonObject());
    QCOMPARE(t.missing.size(), 1);
    QCOMPARE(t.missing.first().textOffset, qsizetype(6));
}

void TestTemplateBinder::reusedForManyRecipients()
{
    const TemplateBinder binder(json("{'t':'Hi ${givenName}','n':'${if(exists(n), n, 0)}'}"));
    for (int i = 0; i < 1000; ++i) {
        QJsonObject data{{"givenName", QStringLiteral("user%1").arg(i)}};
        if (i % 2)
            data.insert("n", i);
        const TemplateBinder::Result r = binder.bind(data);
        QCOMPARE(r.value.toObject().value("t").toString(), QStringLiteral("Hi user%1").arg(i));
        QCOMPARE(r.value.toObject().value("n").toInt(), i % 2 ? i : 0);
        QVERIFY(r.missing.isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestTemplateBinder)
#include "tst_templatebinder.moc"
