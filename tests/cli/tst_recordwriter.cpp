#include "cli/CsvWriter.h"
#include "cli/JsonLinesWriter.h"
#include "cli/RecordWriter.h"
#include "cli/TableWriter.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTextStream>

using namespace herald::cli;

namespace {

struct Output
{
    QString text;
    QTextStream stream{&text};
    std::unique_ptr<RecordWriter> writer;

    explicit Output(OutputFormat format)
        : writer(RecordWriter::create(format, stream))
    {
    }
    QString finish()
    {
        writer->flush();
        stream.flush();
        return text;
    }
};

RecipientRecord recipient(const QString &who, const QString &state, const QString &detail = {})
{
    RecipientRecord r;
    r.recipient = who;
    r.id = QStringLiteral("0d7c5f4e-1a2b-4c3d-9e8f-112233445566");
    r.kind = QStringLiteral("user");
    r.state = state;
    r.detail = detail;
    return r;
}

// Splits CSV text by RFC 4180 (quoted fields may hold CR, LF, commas, "").
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() && text[i + 1] == QLatin1Char('\n')) {
            row << field;
            rows << row;
            row.clear();
            field.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return rows;
}

} // namespace

class TestRecordWriter : public QObject
{
    Q_OBJECT

private slots:
    void formatNames();
    void csvQuoting_data();
    void csvQuoting();
    void csvDocument();
    void jsonLines();
    void jsonEscapes_data();
    void jsonEscapes();
    void genericRecords();
    void tableAlignment();
    void tableStreamsAfterSample();
    void tableNeverTruncates();
    void tableEscapesControlCharacters();
    void valueText();
};

void TestRecordWriter::formatNames()
{
    QCOMPARE(outputFormatNames(), QStringList({"table", "csv", "json"}));
    QCOMPARE(*outputFormatFromName(QStringLiteral("CSV")), OutputFormat::Csv);
    QVERIFY(!outputFormatFromName(QStringLiteral("xml")));
}

void TestRecordWriter::csvQuoting_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << "alice@contoso.com"
                           << "alice@contoso.com";
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("comma") << "Doe, Jane"
                           << "\"Doe, Jane\"";
    QTest::newRow("quote") << "say \"hi\""
                           << "\"say \"\"hi\"\"\"";
    QTest::newRow("newline") << "line1\nline2"
                             << "\"line1\nline2\"";
    QTest::newRow("carriage return") << "a\rb"
                                     << "\"a\rb\"";
    QTest::newRow("only a quote") << "\""
                                  << "\"\"\"\"";
    QTest::newRow("spaces stay bare") << " padded "
                                      << " padded ";
    QTest::newRow("unicode") << "Zoë Ünal"
                             << "Zoë Ünal";
}

void TestRecordWriter::csvQuoting()
{
    QFETCH(QString, field);
    QFETCH(QString, expected);
    QCOMPARE(CsvWriter::quoted(field), expected);
}

void TestRecordWriter::csvDocument()
{
    Output out(OutputFormat::Csv);
    out.writer->write(recipient(QStringLiteral("a@contoso.com"), QStringLiteral("installed")));
    out.writer->write(recipient(QStringLiteral("Doe, \"JD\"\nJane"), QStringLiteral("failed"),
                                QStringLiteral("403, Forbidden")));
    const QString text = out.finish();
    QVERIFY(text.startsWith(QLatin1String("recipient,id,kind,state,installationId,chatId,detail\r\n")));
    QVERIFY(text.endsWith(QLatin1String("\r\n")));

    const QList<QStringList> rows = parseCsv(text);
    QCOMPARE(rows.size(), 3);
    for (const QStringList &row : rows)
        QCOMPARE(row.size(), 7);
    QCOMPARE(rows[2][0], QStringLiteral("Doe, \"JD\"\nJane")); // round-trips
    QCOMPARE(rows[2][3], QStringLiteral("failed"));
    QCOMPARE(rows[2][6], QStringLiteral("403, Forbidden"));
}

void TestRecordWriter::jsonLines()
{
    Output out(OutputFormat::Json);
    RecipientRecord full = recipient(QStringLiteral("a@contoso.com"), QStringLiteral("sent"));
    full.installationId = QStringLiteral("inst==");
    full.chatId = QStringLiteral("19:abc@unq.gbl.spaces");
    out.writer->write(full);
    out.writer->write(recipient(QStringLiteral("ghost@contoso.com"), QStringLiteral("not_found")));
    const QStringList lines = out.finish().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2); // one object per line, no header

    const QStringList expectedKeys{"recipient", "id", "kind", "state", "installationId", "chatId", "detail"};
    for (const QString &line : lines) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line.toUtf8(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(doc.isObject());
        QStringList keys = doc.object().keys();
        QStringList sortedExpected = expectedKeys;
        std::sort(keys.begin(), keys.end());
        std::sort(sortedExpected.begin(), sortedExpected.end());
        QCOMPARE(keys, sortedExpected);
    }
    const QJsonObject first = QJsonDocument::fromJson(lines[0].toUtf8()).object();
    QCOMPARE(first.value(QLatin1String("chatId")).toString(), QStringLiteral("19:abc@unq.gbl.spaces"));
    QCOMPARE(first.value(QLatin1String("installationId")).toString(), QStringLiteral("inst=="));
    // Fields appear in the documented order (jq users read them).
    QVERIFY(lines[0].startsWith(QLatin1String("{\"recipient\":\"a@contoso.com\",\"id\":")));
    QVERIFY(!lines[0].contains(QLatin1Char(' '))); // compact
}

void TestRecordWriter::jsonEscapes_data()
{
    QTest::addColumn<QString>("value");
    QTest::newRow("quote") << "say \"hi\"";
    QTest::newRow("backslash") << "C:\\path";
    QTest::newRow("newline and tab") << "a\nb\tc\r";
    QTest::newRow("control") << QString(QChar(0x01)) + "x" + QChar(0x1f);
    QTest::newRow("backspace, form feed, escape") << QString(QChar(0x08)) + QChar(0x0c) + QChar(0x1b) + "[31m";
    QTest::newRow("quote after control") << QString(QChar(0x07)) + "\"\\";
    QTest::newRow("unicode") << "Zoë 日本 🚀";
}

void TestRecordWriter::jsonEscapes()
{
    QFETCH(QString, value);
    Output out(OutputFormat::Json);
    out.writer->setFields({QStringLiteral("detail")});
    out.writer->write(Record{value});
    const QString text = out.finish();
    QCOMPARE(text.count(QLatin1Char('\n')), 1); // never split across lines
    const QJsonObject object = QJsonDocument::fromJson(text.toUtf8()).object();
    QCOMPARE(object.value(QLatin1String("detail")).toString(), value);
}

void TestRecordWriter::genericRecords()
{
    // app find's fields, with typed values.
    const QStringList fields{"id", "externalId", "displayName", "version", "distributionMethod"};
    Output json(OutputFormat::Json);
    json.writer->setFields(fields);
    json.writer->write(Record{QStringLiteral("a1"), QStringLiteral("ext"),
                              QStringLiteral("Contoso, \"Herald\""), QStringLiteral("1.0.2"),
                              QStringLiteral("organization")});
    json.writer->write(Record{QStringLiteral("a2"), QJsonValue(), 42, true}); // short: padded
    const QStringList lines = json.finish().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines[1],
             QStringLiteral("{\"id\":\"a2\",\"externalId\":null,\"displayName\":42,"
                            "\"version\":true,\"distributionMethod\":\"\"}"));

    Output csv(OutputFormat::Csv);
    csv.writer->setFields(fields);
    csv.writer->write(Record{QStringLiteral("a2"), QJsonValue(), 42, true, 2.5});
    QCOMPARE(csv.finish(),
             QStringLiteral("id,externalId,displayName,version,distributionMethod\r\n"
                            "a2,,42,true,2.5\r\n"));
}

void TestRecordWriter::tableAlignment()
{
    Output out(OutputFormat::Table);
    out.writer->setFields({QStringLiteral("recipient"), QStringLiteral("state"), QStringLiteral("detail")});
    out.writer->write(Record{QStringLiteral("a@contoso.com"), QStringLiteral("installed"), QString()});
    out.writer->write(
        Record{QStringLiteral("bob@contoso.com"), QStringLiteral("blocked"), QStringLiteral("policy")});
    out.writer->write(Record{QStringLiteral("c"), QStringLiteral("already_installed"), QStringLiteral("x")});
    const QStringList lines = out.finish().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 5); // header, rule, 3 rows
    QVERIFY(lines[0].startsWith(QLatin1String("recipient")));
    QVERIFY(lines[1].startsWith(QLatin1String("---")));

    // Every row starts its columns where the header does.
    const int stateColumn = int(lines[0].indexOf(QLatin1String("state")));
    const int detailColumn = int(lines[0].indexOf(QLatin1String("detail")));
    QCOMPARE(stateColumn, int(QStringLiteral("bob@contoso.com").size()) + TableWriter::kGap);
    QCOMPARE(detailColumn, stateColumn + int(QStringLiteral("already_installed").size()) + TableWriter::kGap);
    QCOMPARE(int(lines[2].indexOf(QLatin1String("installed"))), stateColumn);
    QCOMPARE(int(lines[3].indexOf(QLatin1String("blocked"))), stateColumn);
    QCOMPARE(int(lines[3].indexOf(QLatin1String("policy"))), detailColumn);
    QCOMPARE(int(lines[4].indexOf(QLatin1String("x"))), detailColumn);
    // No trailing blanks, even with an empty last column.
    for (const QString &line : lines)
        QVERIFY2(!line.endsWith(QLatin1Char(' ')), qPrintable(line));
}

void TestRecordWriter::tableStreamsAfterSample()
{
    Output out(OutputFormat::Table);
    out.writer->setFields({QStringLiteral("n")});
    for (int i = 0; i < TableWriter::kSampleRows - 1; ++i)
        out.writer->write(Record{QString::number(i)});
    out.stream.flush();
    QVERIFY(out.text.isEmpty()); // still sizing the columns
    out.writer->write(Record{QStringLiteral("last of sample")});
    out.stream.flush();
    QCOMPARE(out.text.count(QLatin1Char('\n')), TableWriter::kSampleRows + 2);
    out.writer->write(Record{QStringLiteral("streamed")});
    out.stream.flush();
    QVERIFY(out.text.endsWith(QLatin1String("streamed\n"))); // no buffering after the sample
}

void TestRecordWriter::tableNeverTruncates()
{
    Output out(OutputFormat::Table);
    out.writer->setFields({QStringLiteral("recipient"), QStringLiteral("state")});
    out.writer->write(Record{QStringLiteral("a"), QStringLiteral("ok")});
    out.writer->flush(); // sample of one row: columns are narrow now
    const QString longName = QStringLiteral("a-very-long-user-principal-name@subsidiary.contoso.com");
    const QString longer = QString(200, QLatin1Char('z'));
    out.writer->write(Record{longName, QStringLiteral("installed")});
    out.writer->write(Record{longer, QStringLiteral("failed")});
    out.writer->write(Record{QStringLiteral("b"), QStringLiteral("ok")});
    const QStringList lines = out.finish().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 6);
    QVERIFY(lines[3].startsWith(longName + QLatin1String("  installed"))); // full value, gap kept
    QVERIFY(lines[4].startsWith(longer + QLatin1String("  failed")));
    // Rows after an overflow line up with each other again.
    QCOMPARE(lines[5].indexOf(QLatin1String("ok")), lines[4].indexOf(QLatin1String("failed")));
}

void TestRecordWriter::tableEscapesControlCharacters()
{
    QCOMPARE(TableWriter::escaped(QStringLiteral("plain")), QStringLiteral("plain"));
    QCOMPARE(TableWriter::escaped(QStringLiteral("a\nb\tc")), QStringLiteral("a\\nb\\tc"));
    QCOMPARE(TableWriter::escaped(QString(QChar(0x1b)) + "[31m"), QStringLiteral("\\x1b[31m"));

    Output out(OutputFormat::Table);
    out.writer->setFields({QStringLiteral("detail")});
    out.writer->write(Record{QStringLiteral("two\nlines")});
    QCOMPARE(out.finish().count(QLatin1Char('\n')), 3); // header, rule, one row
}

void TestRecordWriter::valueText()
{
    Output out(OutputFormat::Csv);
    out.writer->setFields(
        {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")});
    out.writer->write(Record{1e15, -3, 0.1, QJsonValue(QJsonValue::Null)});
    QCOMPARE(out.finish().split(QLatin1String("\r\n")).at(1), QStringLiteral("1000000000000000,-3,0.1,"));
}

QTEST_GUILESS_MAIN(TestRecordWriter)
#include "tst_recordwriter.moc"
