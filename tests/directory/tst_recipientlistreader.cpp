#include "directory/IdentifierShape.h"
#include "directory/RecipientListReader.h"

#include <QBuffer>
#include <QTemporaryDir>
#include <QTest>

using namespace herald;

namespace {

const QString guid1 = QStringLiteral("8f2c0f1e-1b7a-4c4e-9d7e-0a1b2c3d4e5f");
const QString guid2 = QStringLiteral("B1C5353A-7ACA-41B3-830F-27D5218FE0E5");

RecipientListResult readBytes(QByteArray data, const RecipientListReader &reader = {})
{
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    return reader.read(&buffer);
}

QStringList inputsOf(const RecipientListResult &result)
{
    QStringList inputs;
    for (const Recipient &r : result.recipients)
        inputs.append(r.input);
    return inputs;
}

QStringList problemCodes(const RecipientListResult &result)
{
    QStringList codes;
    for (const LineProblem &p : result.problems)
        codes.append(
            QStringLiteral("%1:%2").arg(p.line).arg(p.isError() ? QLatin1Char('E') : QLatin1Char('W')));
    return codes;
}

QString allMessages(const RecipientListResult &result)
{
    QStringList texts;
    for (const LineProblem &p : result.problems)
        texts.append(p.toString());
    return texts.join(QLatin1Char('\n'));
}

} // namespace

class TestRecipientListReader : public QObject
{
    Q_OBJECT

private slots:
    void read_data();
    void read();
    void wrongDelimiterForcedIsExplained();
    void extraColumnsKept();
    void keysFillRecipient();
    void teamList();
    void missingFile();
    void shapes_data();
    void shapes();
};

void TestRecipientListReader::read_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QStringList>("inputs");
    QTest::addColumn<QStringList>("problems");
    QTest::addColumn<QString>("fragment"); // must appear in the problem text when set
    QTest::addColumn<bool>("header");

    const QByteArray g1 = guid1.toUtf8();
    const QByteArray g2 = guid2.toUtf8();
    const QStringList none;

    QTest::newRow("id header") << QByteArray("id\n" + g1 + "\n" + g2 + "\n") << QStringList{guid1, guid2}
                               << none << QString() << true;
    QTest::newRow("upn header any case") << QByteArray("USERPRINCIPALNAME\nalice@contoso.com\n")
                                         << QStringList{"alice@contoso.com"} << none << QString() << true;
    QTest::newRow("mail header with others") << QByteArray("Name,Mail,Dept\nBob,bob@contoso.com,Sales\n")
                                             << QStringList{"bob@contoso.com"} << none << QString() << true;
    QTest::newRow("id preferred over upn")
        << QByteArray("userPrincipalName,id\nalice@contoso.com," + g1 + "\nbob@contoso.com,\n")
        << QStringList{guid1, "bob@contoso.com"} << none << QString() << true;
    QTest::newRow("header padded with spaces")
        << QByteArray(" mail ,Name\ncarol@contoso.com,Carol\n") << QStringList{"carol@contoso.com"} << none
        << QString() << true;
    QTest::newRow("missing key column")
        << QByteArray("Name,Email\nAlice,alice@contoso.com\n") << none << QStringList{"1:E"}
        << QStringLiteral("line 1: no column named id, userPrincipalName or mail — found: Name,Email "
                          "(rename column 'Email' to 'mail'?)")
        << false;
    QTest::newRow("semicolon file detected")
        << QByteArray("Name;userPrincipalName\nAlice;alice@contoso.com\n") << QStringList{"alice@contoso.com"}
        << none << QString() << true;
    QTest::newRow("semicolon file without key column")
        << QByteArray("Name;Email\nAlice;alice@contoso.com\n") << none << QStringList{"1:E"}
        << QStringLiteral("found: Name;Email") << false;
    QTest::newRow("tab file") << QByteArray("mail\tName\nbob@contoso.com\tBob\n")
                              << QStringList{"bob@contoso.com"} << none << QString() << true;
    QTest::newRow("bom") << QByteArray("\xEF\xBB\xBFuserPrincipalName\nalice@contoso.com\n")
                         << QStringList{"alice@contoso.com"} << none << QString() << true;
    QTest::newRow("bom plain list") << QByteArray("\xEF\xBB\xBF"
                                                  "alice@contoso.com\n")
                                    << QStringList{"alice@contoso.com"} << none << QString() << false;
    QTest::newRow("quoted commas and newlines")
        << QByteArray("userPrincipalName,Note\nalice@contoso.com,\"Hello, world\nsecond line\"\n"
                      "bob@contoso.com,x\nbad,y\n")
        << QStringList{"alice@contoso.com", "bob@contoso.com"} << QStringList{"5:E"}
        << QStringLiteral("line 5: 'bad' does not look like a user principal name") << true;
    QTest::newRow("doubled quotes") << QByteArray("\"mail\",\"Say\"\nbob@contoso.com,\"\"\"hi\"\"\"\n")
                                    << QStringList{"bob@contoso.com"} << none << QString() << true;
    QTest::newRow("duplicates dropped")
        << QByteArray("userPrincipalName\nalice@contoso.com\nbob@contoso.com\nALICE@Contoso.com\n")
        << QStringList{"alice@contoso.com", "bob@contoso.com"} << QStringList{"4:W"}
        << QStringLiteral("line 4: duplicate of line 2 (ALICE@Contoso.com); dropped") << true;
    QTest::newRow("duplicate across columns")
        << QByteArray("userPrincipalName,mail\nalice@contoso.com,a.smith@contoso.com\n,A.Smith@contoso.com\n")
        << QStringList{"alice@contoso.com"} << QStringList{"3:W"} << QStringLiteral("duplicate of line 2")
        << true;
    QTest::newRow("duplicate ids any case") << QByteArray("id\n" + g2 + "\n" + g2.toLower() + "\n")
                                            << QStringList{guid2} << QStringList{"3:W"} << QString() << true;
    QTest::newRow("blank lines") << QByteArray("\n\nmail\n\nbob@contoso.com\n\n\ncarol@contoso.com\n\n")
                                 << QStringList{"bob@contoso.com", "carol@contoso.com"} << none << QString()
                                 << true;
    QTest::newRow("non utf8 row skipped")
        << QByteArray("userPrincipalName,Name\nalice@contoso.com,Zo\xEB\nbob@contoso.com,Bob\n")
        << QStringList{"bob@contoso.com"} << QStringList{"2:E"}
        << QStringLiteral("line 2: invalid UTF-8 byte 0xeb") << true;
    QTest::newRow("unterminated quote keeps earlier rows")
        << QByteArray(
               "userPrincipalName,Note\nalice@contoso.com,ok\nbob@contoso.com,\"oops\ncarol@contoso.com,x\n")
        << QStringList{"alice@contoso.com"} << QStringList{"3:E"}
        << QStringLiteral("line 3: unterminated quoted field") << true;
    QTest::newRow("plain list") << QByteArray("alice@contoso.com\n" + g1 + "\nbob@contoso.com\n")
                                << QStringList{"alice@contoso.com", guid1, "bob@contoso.com"} << none
                                << QString() << false;
    QTest::newRow("plain list crlf blank lines")
        << QByteArray("alice@contoso.com\r\n\r\n  bob@contoso.com  \r\n")
        << QStringList{"alice@contoso.com", "bob@contoso.com"} << none << QString() << false;
    QTest::newRow("plain list bad entry")
        << QByteArray("alice@contoso.com\nAlice Smith\nbob@contoso.com\n")
        << QStringList{"alice@contoso.com", "bob@contoso.com"} << QStringList{"2:E"}
        << QStringLiteral("line 2: 'Alice Smith' is neither a user principal name nor an object id") << false;
    QTest::newRow("plain list extra values")
        << QByteArray("alice@contoso.com,Alice\n") << QStringList{"alice@contoso.com"} << QStringList{"1:W"}
        << QStringLiteral("values after 'alice@contoso.com' are ignored") << false;
    QTest::newRow("plain list duplicate")
        << QByteArray("alice@contoso.com\nAlice@Contoso.com\n") << QStringList{"alice@contoso.com"}
        << QStringList{"2:W"} << QString() << false;
    QTest::newRow("apostrophe and guest upn")
        << QByteArray("userPrincipalName\no'brien@contoso.com\njohn_gmail.com#EXT#@contoso.onmicrosoft.com\n")
        << QStringList{"o'brien@contoso.com", "john_gmail.com#EXT#@contoso.onmicrosoft.com"} << none
        << QString() << true;
    QTest::newRow("apostrophe plain list")
        << QByteArray("o'brien@contoso.com\n") << QStringList{"o'brien@contoso.com"} << none << QString()
        << false;
    QTest::newRow("bad guid") << QByteArray("id\n8f2c0f1e-1b7a-4c4e-9d7e\n" + g1 + "\n") << QStringList{guid1}
                              << QStringList{"2:E"} << QStringLiteral("is not a GUID") << true;
    QTest::newRow("bad upn in column") << QByteArray("userPrincipalName\nalice at contoso\n") << none
                                       << QStringList{"2:E"} << QStringLiteral("does not look like") << true;
    QTest::newRow("row without key") << QByteArray("userPrincipalName,Name\n,Nobody\nbob@contoso.com,Bob\n")
                                     << QStringList{"bob@contoso.com"} << QStringList{"2:E"}
                                     << QStringLiteral("no id, userPrincipalName or mail") << true;
    QTest::newRow("more values than header")
        << QByteArray("mail,Name\nbob@contoso.com,Bob,extra\ncarol@contoso.com,Carol,,\n")
        << QStringList{"bob@contoso.com", "carol@contoso.com"} << QStringList{"2:W"}
        << QStringLiteral("3 values but the header has 2 columns") << true;
    QTest::newRow("crlf header file") << QByteArray("id,Name\r\n" + g1 + ",A\r\n" + g2 + ",B\r\n")
                                      << QStringList{guid1, guid2} << none << QString() << true;
    QTest::newRow("empty file") << QByteArray("\n\n") << none << QStringList{"0:E"} << QStringLiteral("empty")
                                << false;
    QTest::newRow("problems in line order")
        << QByteArray("mail\nbob@contoso.com\nbad\xFF\nnope\nbob@contoso.com\n")
        << QStringList{"bob@contoso.com"} << QStringList{"3:E", "4:E", "5:W"} << QString() << true;
}

void TestRecipientListReader::read()
{
    QFETCH(QByteArray, data);
    QFETCH(QStringList, inputs);
    QFETCH(QStringList, problems);
    QFETCH(QString, fragment);
    QFETCH(bool, header);

    const RecipientListResult result = readBytes(data);
    QCOMPARE(inputsOf(result), inputs);
    QCOMPARE(problemCodes(result), problems);
    QCOMPARE(result.hasHeader, header);
    if (!fragment.isEmpty())
        QVERIFY2(allMessages(result).contains(fragment), qPrintable(allMessages(result)));
    QCOMPARE(result.hasErrors(), problems.join(QLatin1Char(' ')).contains(u'E'));
    QCOMPARE(result.duplicates, int(allMessages(result).count(QLatin1String("duplicate of line"))));
}

void TestRecipientListReader::wrongDelimiterForcedIsExplained()
{
    RecipientListReader reader;
    reader.setDelimiter(',');
    const RecipientListResult result = readBytes("Name;Email\nAlice;alice@contoso.com\n", reader);
    QVERIFY(result.recipients.isEmpty());
    QCOMPARE(result.problems.size(), 1);
    QCOMPARE(result.problems.constFirst().toString(),
             QStringLiteral("line 1: no column named id, userPrincipalName or mail — found: Name;Email (is "
                            "the delimiter ';'?)"));

    // The same file read with detection works once the key column is there.
    const RecipientListResult detected = readBytes("Name;mail\nAlice;alice@contoso.com\n");
    QCOMPARE(detected.delimiter, ';');
    QCOMPARE(inputsOf(detected), QStringList{"alice@contoso.com"});
}

void TestRecipientListReader::extraColumnsKept()
{
    const RecipientListResult result = readBytes("Name,userPrincipalName,Department,,Start date\n"
                                                 "Alice,alice@contoso.com,Sales,x,2024-01-02\n"
                                                 "Bob,bob@contoso.com,\"R&D, Labs\"\n");
    QCOMPARE(result.extraColumns, (QStringList{"Name", "Department", "column 4", "Start date"}));
    QCOMPARE(result.recipients.size(), 2);
    const Recipient &alice = result.recipients.at(0);
    const Recipient &bob = result.recipients.at(1);
    QCOMPARE(alice.extra.values(), (QStringList{"Alice", "Sales", "x", "2024-01-02"}));
    QCOMPARE(alice.extra.value(u"department"), QStringLiteral("Sales"));
    QCOMPARE(bob.extra.value(u"Department"), QStringLiteral("R&D, Labs"));
    QCOMPARE(bob.extra.value(u"start date"), QString());
    QCOMPARE(bob.extra.value(u"missing"), QString());
    QVERIFY(!bob.extra.contains(u"missing"));
    // One column-name list for the whole file, not one per row.
    QCOMPARE(alice.extra.columns().constData(), bob.extra.columns().constData());
    QCOMPARE(alice.extra.columns().constData(), result.extraColumns.constData());
}

void TestRecipientListReader::keysFillRecipient()
{
    const RecipientListResult result = readBytes("displayName,userPrincipalName,mail,id\n"
                                                 "Alice,alice@contoso.com,a.smith@contoso.com,\n"
                                                 "Bob,,bob@contoso.com,\n"
                                                 "Carol,carol@contoso.com,,"
                                                 + guid1.toUtf8() + "\n");
    QCOMPARE(result.recipients.size(), 3);
    const Recipient &alice = result.recipients.at(0);
    QCOMPARE(alice.input, QStringLiteral("alice@contoso.com"));
    QCOMPARE(alice.inputKind, InputKind::UserPrincipalName);
    QCOMPARE(alice.userPrincipalName, QStringLiteral("alice@contoso.com"));
    QCOMPARE(alice.mail, QStringLiteral("a.smith@contoso.com"));
    QCOMPARE(alice.displayName, QStringLiteral("Alice"));
    QVERIFY(alice.id.isEmpty()); // only resolution sets the object id
    QCOMPARE(alice.kind, RecipientKind::User);
    QCOMPARE(alice.installState, InstallState::Unknown);
    QCOMPARE(alice.extra.value(u"displayName"), QStringLiteral("Alice"));
    QCOMPARE(result.recipients.at(1).inputKind, InputKind::Mail);
    QCOMPARE(result.recipients.at(2).inputKind, InputKind::ObjectId);
    QCOMPARE(result.recipients.at(2).input, guid1);

    const RecipientListResult plain = readBytes("alice@contoso.com\n" + guid1.toUtf8() + "\n");
    QCOMPARE(plain.recipients.at(0).inputKind, InputKind::UserPrincipalName);
    QCOMPARE(plain.recipients.at(0).userPrincipalName, QStringLiteral("alice@contoso.com"));
    QCOMPARE(plain.recipients.at(1).inputKind, InputKind::ObjectId);
    QVERIFY(plain.extraColumns.isEmpty());
    QVERIFY(plain.recipients.at(0).extra.isEmpty());
}

void TestRecipientListReader::teamList()
{
    RecipientListReader reader;
    reader.setKind(RecipientKind::Team);
    const RecipientListResult result
        = readBytes(guid1.toUtf8() + "\nsales@contoso.com\n" + guid2.toUtf8() + "\n", reader);
    QCOMPARE(inputsOf(result), (QStringList{guid1, guid2}));
    QCOMPARE(problemCodes(result), QStringList{"2:E"});
    QVERIFY(allMessages(result).contains(QLatin1String("is not a team id")));
    for (const Recipient &r : result.recipients)
        QCOMPARE(r.kind, RecipientKind::Team);
}

void TestRecipientListReader::missingFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const RecipientListResult result
        = RecipientListReader().readFile(dir.filePath(QStringLiteral("nope.csv")));
    QCOMPARE(problemCodes(result), QStringList{"0:E"});
    QVERIFY(allMessages(result).contains(QLatin1String("nope.csv")));
}

void TestRecipientListReader::shapes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("objectId");
    QTest::addColumn<bool>("upn");
    QTest::newRow("guid") << guid1 << true << false;
    QTest::newRow("upper guid") << guid2 << true << false;
    QTest::newRow("guid braces") << QStringLiteral("{%1}").arg(guid1) << false << false;
    QTest::newRow("guid short") << guid1.left(35) << false << false;
    QTest::newRow("guid bad hex") << QString(guid1).replace(0, 1, u'g') << false << false;
    QTest::newRow("upn") << QStringLiteral("alice@contoso.com") << false << true;
    QTest::newRow("apostrophe") << QStringLiteral("o'brien@contoso.com") << false << true;
    QTest::newRow("plus") << QStringLiteral("a+b@contoso.co.uk") << false << true;
    QTest::newRow("guest") << QStringLiteral("j_x.com#EXT#@contoso.onmicrosoft.com") << false << true;
    QTest::newRow("no at") << QStringLiteral("alice.contoso.com") << false << false;
    QTest::newRow("two ats") << QStringLiteral("a@b@contoso.com") << false << false;
    QTest::newRow("space") << QStringLiteral("alice smith@contoso.com") << false << false;
    QTest::newRow("no domain dot") << QStringLiteral("alice@contoso") << false << false;
    QTest::newRow("empty local") << QStringLiteral("@contoso.com") << false << false;
    QTest::newRow("trailing dot") << QStringLiteral("alice@contoso.") << false << false;
    QTest::newRow("comma") << QStringLiteral("alice,bob@contoso.com") << false << false;
    QTest::newRow("angle") << QStringLiteral("<alice@contoso.com>") << false << false;
}

void TestRecipientListReader::shapes()
{
    QFETCH(QString, text);
    QFETCH(bool, objectId);
    QFETCH(bool, upn);
    QCOMPARE(isObjectId(text), objectId);
    QCOMPARE(looksLikeUserPrincipalName(text), upn);
    QCOMPARE(looksLikeMail(text), upn);
}

QTEST_GUILESS_MAIN(TestRecipientListReader)
#include "tst_recipientlistreader.moc"
