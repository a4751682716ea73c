// OData quoting and query building: user input never reaches a URL unescaped.

#include "graph/OData.h"

#include <QTest>
#include <QUrlQuery>

using namespace herald::graph;

class TestOData : public QObject
{
    Q_OBJECT

private slots:
    void quote_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << "abc"
                               << "'abc'";
        QTest::newRow("empty") << ""
                               << "''";
        QTest::newRow("one quote") << "O'Brien"
                                   << "'O''Brien'";
        QTest::newRow("only quotes") << "''"
                                     << "''''''";
        QTest::newRow("injection") << "x' or id ne 'y"
                                   << "'x'' or id ne ''y'";
        QTest::newRow("unicode") << QString::fromUtf8("Zoë 'ä'") << QString::fromUtf8("'Zoë ''ä'''");
    }
    void quote()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(odata::quote(input), expected);
    }

    void clauses()
    {
        QCOMPARE(odata::eq(QStringLiteral("teamsApp/id"), QStringLiteral("a'b")),
                 QStringLiteral("teamsApp/id eq 'a''b'"));
        QCOMPARE(odata::ne(QStringLiteral("id"), QStringLiteral("x")), QStringLiteral("id ne 'x'"));
        QCOMPARE(odata::startsWith(QStringLiteral("displayName"), QStringLiteral("Ann'")),
                 QStringLiteral("startswith(displayName,'Ann''')"));
        QCOMPARE(odata::any(QStringLiteral("installedApps"), QStringLiteral("a"),
                            odata::eq(QStringLiteral("a/teamsApp/id"), QStringLiteral("42"))),
                 QStringLiteral("installedApps/any(a:a/teamsApp/id eq '42')"));
        QCOMPARE(odata::allOf({QStringLiteral("a eq '1'"), QStringLiteral("b eq '2'")}),
                 QStringLiteral("(a eq '1') and (b eq '2')"));
        QCOMPARE(odata::anyOf({QStringLiteral("a eq '1'")}), QStringLiteral("a eq '1'"));
    }

    void refusesBadPropertyPaths_data()
    {
        QTest::addColumn<QString>("property");
        QTest::newRow("space") << "id eq '1' or id";
        QTest::newRow("paren") << "id)";
        QTest::newRow("quote") << "id'";
        QTest::newRow("empty") << "";
        QTest::newRow("ampersand") << "id&$top=1";
    }
    void refusesBadPropertyPaths()
    {
        QFETCH(QString, property);
        QVERIFY(odata::eq(property, QStringLiteral("x")).isEmpty());
        QVERIFY(odata::startsWith(property, QStringLiteral("x")).isEmpty());
        // A refused clause poisons the whole combination instead of vanishing.
        QVERIFY(
            odata::allOf({QStringLiteral("a eq '1'"), odata::eq(property, QStringLiteral("x"))}).isEmpty());
    }

    void searchTerm()
    {
        QCOMPARE(odata::searchTerm(QStringLiteral("displayName"), QStringLiteral("ann")),
                 QStringLiteral("\"displayName:ann\""));
        QCOMPARE(odata::searchTerm(QStringLiteral("displayName"), QStringLiteral("a\"b\\c")),
                 QStringLiteral("\"displayName:a\\\"b\\\\c\""));
    }

    void pathSegment_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("guid") << "0d7c5f4e-1a2b"
                              << "0d7c5f4e-1a2b";
        QTest::newRow("upn") << "o'brien@contoso.com"
                             << "o'brien@contoso.com";
        QTest::newRow("slash etc") << "a/b?c#d e%"
                                   << "a%2Fb%3Fc%23d%20e%25";
        QTest::newRow("chat id") << "19:abc@thread.v2"
                                 << "19:abc@thread.v2";
    }
    void pathSegment()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(odata::pathSegment(input), expected);
    }

    void queryEncodesDelimiters_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("ampersand") << "a&$top=1";
        QTest::newRow("plus") << "a+b";
        QTest::newRow("hash") << "a#b";
        QTest::newRow("percent") << "100%25";
        QTest::newRow("equals") << "a=b";
        QTest::newRow("unicode") << QString::fromUtf8("Zoë");
        QTest::newRow("quote") << "O'Brien";
    }
    void queryEncodesDelimiters()
    {
        QFETCH(QString, value);
        const QString filter = odata::eq(QStringLiteral("displayName"), value);
        const QString query = odata::Query().filter(filter).top(5).toString();
        QVERIFY(query.startsWith(QLatin1Char('?')));
        // What a server decodes is exactly our clause -- no extra parameters,
        // no '+' turned into a space, no fragment.
        const QUrlQuery parsed(query.mid(1));
        QCOMPARE(parsed.queryItems(QUrl::FullyDecoded).size(), 2);
        QCOMPARE(parsed.queryItemValue(QStringLiteral("$filter"), QUrl::FullyDecoded), filter);
        QCOMPARE(parsed.queryItemValue(QStringLiteral("$top"), QUrl::FullyDecoded), QStringLiteral("5"));
        QVERIFY(!query.contains(QLatin1Char('+')));
        QVERIFY(!query.contains(QLatin1Char('#')));
        QVERIFY(!query.contains(QLatin1Char(' ')));
    }

    void queryShape()
    {
        QCOMPARE(odata::Query().toString(), QString());
        QCOMPARE(odata::Query()
                     .select({QStringLiteral("id"), QStringLiteral("displayName")})
                     .expand(QStringLiteral("teamsApp"))
                     .count()
                     .toString(),
                 QStringLiteral("?$select=id,displayName&$expand=teamsApp&$count=true"));
        QCOMPARE(
            odata::Query().filter(odata::eq(QStringLiteral("teamsApp/id"), QStringLiteral("a b"))).toString(),
            QStringLiteral("?$filter=teamsApp/id%20eq%20'a%20b'"));
    }
};

QTEST_GUILESS_MAIN(TestOData)
#include "tst_odata.moc"
