#include "directory/CsvReader.h"

#include <QBuffer>
#include <QTest>
#include <limits>

using namespace herald;

namespace {

// Hands out at most one byte per read, so every chunk boundary (inside a
// doubled quote, between CR and LF, inside a UTF-8 sequence) gets exercised.
class TrickleDevice : public QIODevice
{
public:
    explicit TrickleDevice(QByteArray data)
        : m_data(std::move(data))
    {
        open(QIODevice::ReadOnly);
    }

protected:
    qint64 readData(char *out, qint64 max) override
    {
        if (m_pos >= m_data.size() || max <= 0)
            return 0;
        *out = m_data.at(m_pos++);
        return 1;
    }
    qint64 writeData(const char *, qint64) override { return -1; }
    bool isSequential() const override { return true; }

private:
    QByteArray m_data;
    qsizetype m_pos = 0;
};

struct ReadResult
{
    QList<QStringList> records;
    QList<int> lines;
    QList<bool> invalid;
    QStringList problems; // "line:E" / "line:W"
    bool failed = false;
    char delimiter = 0;
};

ReadResult readAll(QIODevice *device, char forced = 0)
{
    CsvReader reader(device);
    if (forced)
        reader.setDelimiter(forced);
    ReadResult result;
    CsvRecord record;
    while (reader.readRecord(&record)) {
        result.records.append(record.fields);
        result.lines.append(record.line);
        result.invalid.append(record.invalidEncoding);
    }
    for (const LineProblem &p : reader.problems())
        result.problems.append(
            QStringLiteral("%1:%2").arg(p.line).arg(p.isError() ? QLatin1Char('E') : QLatin1Char('W')));
    result.failed = reader.hasError();
    result.delimiter = reader.delimiter();
    return result;
}

} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT

private slots:
    void records_data();
    void records();
    void forcedDelimiter();
    void invalidUtf8Message();
    void unterminatedQuoteMessage();
    void maxFieldSize();
    void streamsRecordByRecord();
    void manyLines();
    void firstInvalidUtf8_data();
    void firstInvalidUtf8();
};

void TestCsvReader::records_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QList<QStringList>>("records");
    QTest::addColumn<QList<int>>("lines");
    QTest::addColumn<QStringList>("problems");
    QTest::addColumn<bool>("failed");
    QTest::addColumn<char>("delimiter");

    using R = QList<QStringList>;
    using L = QList<int>;
    const QStringList none;

    QTest::newRow("lf") << QByteArray("a,b\nc,d\n") << R{{"a", "b"}, {"c", "d"}} << L{1, 2} << none << false
                        << ',';
    QTest::newRow("crlf") << QByteArray("a,b\r\nc,d\r\n") << R{{"a", "b"}, {"c", "d"}} << L{1, 2} << none
                          << false << ',';
    QTest::newRow("lone cr") << QByteArray("a,b\rc,d") << R{{"a", "b"}, {"c", "d"}} << L{1, 2} << none
                             << false << ',';
    QTest::newRow("no final newline")
        << QByteArray("a,b\nc,d") << R{{"a", "b"}, {"c", "d"}} << L{1, 2} << none << false << ',';
    QTest::newRow("bom stripped") << QByteArray("\xEF\xBB\xBFid,name\n1,x\n") << R{{"id", "name"}, {"1", "x"}}
                                  << L{1, 2} << none << false << ',';
    QTest::newRow("quoted comma") << QByteArray("\"a,b\",c\n") << R{{"a,b", "c"}} << L{1} << none << false
                                  << ',';
    QTest::newRow("doubled quotes") << QByteArray("\"say \"\"hi\"\"\",x\n") << R{{"say \"hi\"", "x"}} << L{1}
                                    << none << false << ',';
    QTest::newRow("only doubled quotes")
        << QByteArray("\"\"\"\"\"\",x\n") << R{{"\"\"", "x"}} << L{1} << none << false << ',';
    QTest::newRow("embedded lf") << QByteArray("\"line1\nline2\",x\ny,z\n")
                                 << R{{"line1\nline2", "x"}, {"y", "z"}} << L{1, 3} << none << false << ',';
    QTest::newRow("embedded crlf becomes lf")
        << QByteArray("\"l1\r\nl2\",x\r\ny,z\r\n") << R{{"l1\nl2", "x"}, {"y", "z"}} << L{1, 3} << none
        << false << ',';
    QTest::newRow("quoted delimiter and newline together")
        << QByteArray("k,v\n1,\"a,\nb\"\n2,c\n") << R{{"k", "v"}, {"1", "a,\nb"}, {"2", "c"}} << L{1, 2, 4}
        << none << false << ',';
    QTest::newRow("blank lines skipped")
        << QByteArray("\n\na\n\n  \r\nb\n\n") << R{{"a"}, {"b"}} << L{3, 6} << none << false << ',';
    QTest::newRow("semicolon detected") << QByteArray("id;name\n1;x,y\n") << R{{"id", "name"}, {"1", "x,y"}}
                                        << L{1, 2} << none << false << ';';
    QTest::newRow("tab detected") << QByteArray("id\tname\n1\tx;y\n") << R{{"id", "name"}, {"1", "x;y"}}
                                  << L{1, 2} << none << false << '\t';
    QTest::newRow("most frequent wins")
        << QByteArray("a,b,c;d\n") << R{{"a", "b", "c;d"}} << L{1} << none << false << ',';
    QTest::newRow("quoted candidates not counted")
        << QByteArray("\"a;b;c\",d\n") << R{{"a;b;c", "d"}} << L{1} << none << false << ',';
    QTest::newRow("detect after blank lines")
        << QByteArray("\n\na;b\n") << R{{"a", "b"}} << L{3} << none << false << ';';
    QTest::newRow("empty fields") << QByteArray("a,,c,\n") << R{{"a", "", "c", ""}} << L{1} << none << false
                                  << ',';
    QTest::newRow("empty quoted field")
        << QByteArray("\"\",x\n") << R{{"", "x"}} << L{1} << none << false << ',';
    QTest::newRow("spaces kept") << QByteArray(" a , b \n") << R{{" a ", " b "}} << L{1} << none << false
                                 << ',';
    QTest::newRow("valid multibyte") << QByteArray("Zo\xC3\xAB,\xE2\x82\xAC,\xF0\x9F\x98\x80\n")
                                     << R{{QStringLiteral("Zoë"), QStringLiteral("€"), QStringLiteral("😀")}}
                                     << L{1} << none << false << ',';
    QTest::newRow("text after closing quote")
        << QByteArray("\"a\"b,c\n") << R{{"ab", "c"}} << L{1} << QStringList{"1:W"} << false << ',';
    QTest::newRow("invalid utf8 reported, reading goes on")
        << QByteArray("ok\nbad\xE9name\nok2\n") << R{{"ok"}, {QStringLiteral("bad\uFFFDname")}, {"ok2"}}
        << L{1, 2, 3} << QStringList{"2:E"} << false << ',';
    QTest::newRow("invalid utf8 on 2nd line of a field")
        << QByteArray("\"a\nb\xFF\",x\n") << R{{QStringLiteral("a\nb\uFFFD"), "x"}} << L{1}
        << QStringList{"2:E"} << false << ',';
    QTest::newRow("overlong encoding") << QByteArray("a\xC0\xAF\n") << R{{QStringLiteral("a\uFFFD\uFFFD")}}
                                       << L{1} << QStringList{"1:E"} << false << ',';
    QTest::newRow("unterminated quote")
        << QByteArray("a,b\n\"c,d\ne,f\n") << R{{"a", "b"}} << L{1} << QStringList{"2:E"} << true << ',';
    QTest::newRow("unterminated quote at eof")
        << QByteArray("a,\"b") << R{} << L{} << QStringList{"1:E"} << true << ',';
    QTest::newRow("utf16 bom refused")
        << QByteArray("\xFF\xFEi\0d\0", 6) << R{} << L{} << QStringList{"1:E"} << true << ',';
    QTest::newRow("empty input") << QByteArray() << R{} << L{} << none << false << ',';
    QTest::newRow("only a bom") << QByteArray("\xEF\xBB\xBF") << R{} << L{} << none << false << ',';
}

void TestCsvReader::records()
{
    QFETCH(QByteArray, input);
    QFETCH(QList<QStringList>, records);
    QFETCH(QList<int>, lines);
    QFETCH(QStringList, problems);
    QFETCH(bool, failed);
    QFETCH(char, delimiter);

    QBuffer buffer(&input);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    TrickleDevice trickle(input);
    for (QIODevice *device : {static_cast<QIODevice *>(&buffer), static_cast<QIODevice *>(&trickle)}) {
        const ReadResult result = readAll(device);
        QCOMPARE(result.records, records);
        QCOMPARE(result.lines, lines);
        QCOMPARE(result.problems, problems);
        QCOMPARE(result.failed, failed);
        if (!records.isEmpty())
            QCOMPARE(result.delimiter, delimiter);
        // A record is flagged when an error was reported on one of its lines
        // (the fatal error, always last, belongs to no record).
        const QStringList recordProblems = failed ? problems.mid(0, problems.size() - 1) : problems;
        for (int i = 0; i < result.invalid.size(); ++i) {
            const int last = i + 1 < lines.size() ? lines.at(i + 1) - 1 : std::numeric_limits<int>::max();
            bool reported = false;
            for (const QString &p : recordProblems) {
                const int line = p.section(QLatin1Char(':'), 0, 0).toInt();
                reported |= p.endsWith(QLatin1String(":E")) && line >= lines.at(i) && line <= last;
            }
            QCOMPARE(result.invalid.at(i), reported);
        }
    }
}

void TestCsvReader::forcedDelimiter()
{
    QByteArray data("Name;Email\nAlice;alice@contoso.com\n");
    QBuffer buffer(&data);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    const ReadResult result = readAll(&buffer, ',');
    QCOMPARE(result.delimiter, ',');
    QCOMPARE(result.records, (QList<QStringList>{{"Name;Email"}, {"Alice;alice@contoso.com"}}));
}

void TestCsvReader::invalidUtf8Message()
{
    QByteArray data("userPrincipalName,Name\nalice@contoso.com,Zo\xEB\n");
    QBuffer buffer(&data);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    CsvReader reader(&buffer);
    CsvRecord record;
    QVERIFY(reader.readRecord(&record));
    QVERIFY(reader.readRecord(&record));
    QVERIFY(record.invalidEncoding);
    QCOMPARE(reader.problems().size(), 1);
    const QString text = reader.problems().constFirst().toString();
    QVERIFY2(text.startsWith(QLatin1String("line 2: invalid UTF-8 byte 0xeb in column 2")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("save it as UTF-8")), qPrintable(text));
}

void TestCsvReader::unterminatedQuoteMessage()
{
    QByteArray data("a\nb\n\"c\nd\n");
    QBuffer buffer(&data);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    CsvReader reader(&buffer);
    CsvRecord record;
    QVERIFY(reader.readRecord(&record));
    QVERIFY(reader.readRecord(&record));
    QVERIFY(!reader.readRecord(&record));
    QVERIFY(reader.hasError());
    QCOMPARE(reader.problems().constFirst().line, 3);
    QVERIFY(reader.problems().constFirst().message.contains(QLatin1String("unterminated quoted field")));
    QVERIFY(!reader.readRecord(&record)); // stays stopped
}

void TestCsvReader::maxFieldSize()
{
    QByteArray data("short\n\"" + QByteArray(100, 'x') + "\"\n");
    QBuffer buffer(&data);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    CsvReader reader(&buffer);
    reader.setMaxFieldSize(50);
    CsvRecord record;
    QVERIFY(reader.readRecord(&record));
    QVERIFY(!reader.readRecord(&record));
    QVERIFY(reader.hasError());
    QCOMPARE(reader.problems().constFirst().line, 2);
}

void TestCsvReader::streamsRecordByRecord()
{
    // A reader that slurped the file would have consumed all of it after one record.
    QByteArray data("userPrincipalName,Name\n");
    for (int i = 0; i < 100000; ++i)
        data += "user" + QByteArray::number(i) + "@contoso.com,User " + QByteArray::number(i) + "\n";
    QBuffer buffer(&data);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    CsvReader reader(&buffer);
    CsvRecord record;
    QVERIFY(reader.readRecord(&record));
    QVERIFY(reader.readRecord(&record));
    QCOMPARE(record.fields, (QStringList{"user0@contoso.com", "User 0"}));
    QVERIFY2(buffer.pos() <= 128 * 1024, qPrintable(QString::number(buffer.pos())));
    QVERIFY(buffer.pos() < data.size() / 10);
}

void TestCsvReader::manyLines()
{
    QByteArray data;
    for (int i = 0; i < 100000; ++i)
        data += "\"u" + QByteArray::number(i) + "\";" + QByteArray::number(i) + "\r\n";
    QBuffer buffer(&data);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    CsvReader reader(&buffer);
    CsvRecord record;
    int count = 0;
    while (reader.readRecord(&record)) {
        QCOMPARE(record.line, count + 1);
        QCOMPARE(record.fields.at(1), QString::number(count));
        ++count;
    }
    QCOMPARE(count, 100000);
    QCOMPARE(reader.delimiter(), ';');
    QVERIFY(reader.problems().isEmpty());
}

void TestCsvReader::firstInvalidUtf8_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<qsizetype>("expected");
    QTest::newRow("ascii") << QByteArray("hello") << qsizetype(-1);
    QTest::newRow("two bytes") << QByteArray("\xC3\xA9") << qsizetype(-1);
    QTest::newRow("three bytes") << QByteArray("x\xE2\x82\xAC") << qsizetype(-1);
    QTest::newRow("four bytes") << QByteArray("\xF0\x9F\x98\x80") << qsizetype(-1);
    QTest::newRow("latin1 byte") << QByteArray("ab\xE9") << qsizetype(2);
    QTest::newRow("stray continuation") << QByteArray("a\x80") << qsizetype(1);
    QTest::newRow("truncated") << QByteArray("ab\xE2\x82") << qsizetype(2);
    QTest::newRow("overlong slash") << QByteArray("\xC0\xAF") << qsizetype(0);
    QTest::newRow("overlong three") << QByteArray("\xE0\x80\xAF") << qsizetype(0);
    QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80") << qsizetype(0);
    QTest::newRow("above 10FFFF") << QByteArray("\xF4\x90\x80\x80") << qsizetype(0);
    QTest::newRow("max code point") << QByteArray("\xF4\x8F\xBF\xBF") << qsizetype(-1);
    QTest::newRow("five byte lead") << QByteArray("\xF8\x88\x80\x80\x80") << qsizetype(0);
}

void TestCsvReader::firstInvalidUtf8()
{
    QFETCH(QByteArray, bytes);
    QFETCH(qsizetype, expected);
    QCOMPARE(herald::firstInvalidUtf8(bytes.constData(), bytes.size()), expected);
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
