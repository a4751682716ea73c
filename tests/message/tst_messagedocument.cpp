#include "message/MessageDocument.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace herald::message;

class TestMessageDocument : public QObject
{
    Q_OBJECT

private slots:
    void init() { QVERIFY(m_dir.isValid()); }
    void detectsKind_data();
    void detectsKind();
    void rejects_data();
    void rejects();
    void loadsFiles_data();
    void loadsFiles();
    void refusesFiles_data();
    void refusesFiles();
    void locatesPointers_data();
    void locatesPointers();
    void locatesInsideStrings();
    void locatesMarkdownOffsets();

private:
    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    QTemporaryDir m_dir;
};

void TestMessageDocument::detectsKind_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<MessageKind>("kind");
    QTest::addColumn<bool>("bindings");

    QTest::newRow("card") << QByteArray(R"({"type":"AdaptiveCard","version":"1.5","body":[]})")
                          << MessageKind::AdaptiveCard << false;
    QTest::newRow("card template") << QByteArray(
        R"({"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"Hi ${givenName}"}]})")
                                   << MessageKind::CardTemplate << true;
    QTest::newRow("$when alone makes a template")
        << QByteArray(R"({"type":"AdaptiveCard","body":[{"type":"TextBlock","$when":true}]})")
        << MessageKind::CardTemplate << true;
    QTest::newRow("activity") << QByteArray(R"({"type":"message","text":"hello"})") << MessageKind::Activity
                              << false;
    QTest::newRow("activity with bindings")
        << QByteArray(R"({"type":"message","text":"hello ${givenName}"})") << MessageKind::Activity << true;
    QTest::newRow("BOM") << QByteArray("\xEF\xBB\xBF{\"type\":\"message\",\"text\":\"x\"}")
                         << MessageKind::Activity << false;
}

void TestMessageDocument::detectsKind()
{
    QFETCH(QByteArray, json);
    QFETCH(MessageKind, kind);
    QFETCH(bool, bindings);

    const LoadResult r = MessageDocument::fromText(SourceFormat::Json, json, QStringLiteral("m.json"));
    QVERIFY2(r.ok(), qPrintable(r.issues.value(0).toString()));
    QCOMPARE(r.document->kind(), kind);
    QCOMPARE(r.document->hasBindings(), bindings);
    QCOMPARE(r.document->source(), json);
    QCOMPARE(r.document->sourceName(), QStringLiteral("m.json"));
}

void TestMessageDocument::rejects_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("messagePart");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    // Columns point at the character where the parser gave up.
    QTest::newRow("missing comma") << QByteArray("{\n  \"type\": \"AdaptiveCard\",\n  \"body\": [\n"
                                                 "    {\"type\": \"TextBlock\" \"text\": \"x\"}\n  ]\n}")
                                   << "not valid" << 4 << 26;
    QTest::newRow("trailing comma") << QByteArray("{\"type\": \"message\",\n \"text\": \"x\",\n}")
                                    << "not valid" << 3 << 1;
    QTest::newRow("unterminated") << QByteArray("{\"type\": \"AdaptiveCard\",\n\"body\": [") << "not valid"
                                  << 2 << 9;
    QTest::newRow("typographic quote")
        << QByteArray("{\"type\": \xE2\x80\x9Cmessage\xE2\x80\x9D}") << "typographic quote" << 1 << 10;
    QTest::newRow("stray word") << QByteArray("{\"a\":\n  yes}") << "not valid" << 2 << 3;
    QTest::newRow("misspelt literal") << QByteArray("{\"a\": tru}") << "not valid" << 1 << 7;
    QTest::newRow("text after the end") << QByteArray("{\"a\": 1}\n  x") << "after the end" << 2 << 3;
    QTest::newRow("trailing comma, explained")
        << QByteArray("{\"a\": 1,}") << "remove the trailing comma" << 1 << 9;
    QTest::newRow("missing comma, explained")
        << QByteArray("{\"a\": [1 2]}") << "expected ',' between two values" << 1 << 10;
    QTest::newRow("missing colon") << QByteArray("{\"a\" 1}") << "not valid" << 1 << 6;
    QTest::newRow("multibyte before error counts as one column")
        << QByteArray("{\"text\": \"Grüße\" x}") << "not valid" << 1 << 18;
    QTest::newRow("not an object") << QByteArray("[1,2]") << "must be an object" << 1 << 1;
    QTest::newRow("empty") << QByteArray("") << "not valid" << 1 << 1;
    QTest::newRow("wrong type") << QByteArray("{\n  \"type\": \"HeroCard\"\n}") << "\"type\" is \"HeroCard\""
                                << 2 << 3;
    QTest::newRow("card without type")
        << QByteArray("{\"version\":\"1.5\",\"body\":[]}") << "add \"type\": \"AdaptiveCard\"" << 1 << 1;
    QTest::newRow("attachment instead of card")
        << QByteArray(R"({"contentType":"application/vnd.microsoft.card.adaptive","content":{}})")
        << "attachment, not a card" << 1 << 1;
}

void TestMessageDocument::rejects()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, messagePart);
    QFETCH(int, line);
    QFETCH(int, column);

    const LoadResult r = MessageDocument::fromText(SourceFormat::Json, json);
    QVERIFY(!r.ok());
    QCOMPARE(r.issues.size(), 1);
    const ValidationIssue &issue = r.issues.first();
    QVERIFY(issue.isError());
    QVERIFY2(issue.message.contains(messagePart), qPrintable(issue.message));
    QCOMPARE(issue.line, line);
    QCOMPARE(issue.column, column);
    QVERIFY(issue.toString().startsWith(QStringLiteral("line %1, column %2: ").arg(line).arg(column)));
}

void TestMessageDocument::loadsFiles_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<MessageKind>("kind");

    QTest::newRow("md") << "a.md" << QByteArray("# Hi ${givenName}") << MessageKind::Markdown;
    QTest::newRow("markdown") << "a.markdown" << QByteArray("text") << MessageKind::Markdown;
    QTest::newRow("txt upper-case") << "A.TXT" << QByteArray("text") << MessageKind::Markdown;
    QTest::newRow("json card") << "card.json" << QByteArray(R"({"type":"AdaptiveCard","version":"1.4"})")
                               << MessageKind::AdaptiveCard;
}

void TestMessageDocument::loadsFiles()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(MessageKind, kind);

    const QString path = write(name, content);
    const LoadResult r = MessageDocument::load(path);
    QVERIFY2(r.ok(), qPrintable(r.issues.value(0).toString()));
    QCOMPARE(r.document->kind(), kind);
    QCOMPARE(r.document->sourceName(), path);
    if (kind == MessageKind::Markdown)
        QCOMPARE(r.document->text(), QString::fromUtf8(content));
}

void TestMessageDocument::refusesFiles_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("messagePart");
    QTest::addColumn<int>("line");

    QTest::newRow("unknown extension") << "a.docx" << QByteArray("x") << "unknown kind of message file" << 0;
    QTest::newRow("latin-1 markdown") << "a.md" << QByteArray("ok\nGr\xFC\xDF") << "not UTF-8" << 2;
    QTest::newRow("too big") << "a.md" << QByteArray(5 * 1024 * 1024, 'x') << "wrong file" << 0;
}

void TestMessageDocument::refusesFiles()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(QString, messagePart);
    QFETCH(int, line);

    const LoadResult r = MessageDocument::load(write(name, content));
    QVERIFY(!r.ok());
    QCOMPARE(r.issues.size(), 1);
    QVERIFY2(r.issues.first().message.contains(messagePart), qPrintable(r.issues.first().message));
    QCOMPARE(r.issues.first().line, line);

    const LoadResult missing = MessageDocument::load(m_dir.filePath(QStringLiteral("nope.json")));
    QVERIFY(!missing.ok());
    QVERIFY(missing.issues.first().message.startsWith(QStringLiteral("cannot read")));
}

void TestMessageDocument::locatesPointers_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    QTest::newRow("root") << "" << 1 << 1;
    QTest::newRow("member key") << "/version" << 3 << 3;
    QTest::newRow("array element") << "/body/1" << 6 << 5;
    QTest::newRow("deep member") << "/body/1/text" << 6 << 27;
    QTest::newRow("after escaped text") << "/body/0/size" << 5 << 46;
    QTest::newRow("escaped key") << "/a~1b" << 8 << 3;
    QTest::newRow("no such member") << "/nope" << 0 << 0;
    QTest::newRow("index too large") << "/body/7" << 0 << 0;
}

void TestMessageDocument::locatesPointers()
{
    QFETCH(QString, pointer);
    QFETCH(int, line);
    QFETCH(int, column);

    const QByteArray json = "{\n"
                            "  \"type\": \"AdaptiveCard\",\n"
                            "  \"version\": \"1.5\",\n"
                            "  \"body\": [\n"
                            "    {\"type\": \"TextBlock\", \"text\": \"\\\"q\\\" é\", \"size\": \"large\"},\n"
                            "    {\"type\": \"TextBlock\", \"text\": \"b\"}\n"
                            "  ],\n"
                            "  \"a/b\": 1\n"
                            "}\n";
    const LoadResult r = MessageDocument::fromText(SourceFormat::Json, json);
    QVERIFY(r.ok());
    const MessageDocument::Position pos = r.document->locate(pointer);
    QCOMPARE(pos.line, line);
    QCOMPARE(pos.column, column);
}

void TestMessageDocument::locatesInsideStrings()
{
    // Escapes, a 2-byte character, one outside the BMP (two UTF-16 units) and a \u escape before the "${".
    const QByteArray json
        = "{\"text\": \"a\\\"\xC3\xA9\xF0\x9F\x98\x80\\u00e9 ${x}\",\n \"n\": 5, \"type\": \"message\"}";
    const LoadResult r = MessageDocument::fromText(SourceFormat::Json, json);
    QVERIFY2(r.ok(), qPrintable(r.issues.value(0).toString()));
    const QString text = r.document->json().value(QStringLiteral("text")).toString();
    const qsizetype offset = text.indexOf(QStringLiteral("${"));
    QCOMPARE(offset, qsizetype(7));
    QCOMPARE(r.document->locate(QStringLiteral("/text"), offset).column, 23);
    QCOMPARE(r.document->locate(QStringLiteral("/text"), 0).column, 11);
    QCOMPARE(r.document->locate(QStringLiteral("/text")).column, 2); // the key
    QCOMPARE(r.document->locate(QStringLiteral("/text"), 99).column, 2); // past the end: the member
    QCOMPARE(r.document->locate(QStringLiteral("/n"), 0).line, 2); // not a string: the member
}

void TestMessageDocument::locatesMarkdownOffsets()
{
    const MessageDocument doc = MessageDocument::fromMarkdown(QStringLiteral("ab\ncd ${x}"));
    QCOMPARE(doc.locateText(0).line, 1);
    QCOMPARE(doc.locateText(6).line, 2);
    QCOMPARE(doc.locateText(6).column, 4);
    QCOMPARE(doc.locate(QStringLiteral("/x")).line, 0);
}

QTEST_GUILESS_MAIN(TestMessageDocument)
#include "tst_messagedocument.moc"
