// PKCE S256 (RFC 7636) against the appendix B example and the section 4.1 rules.

#include "auth/Pkce.h"

#include <QSet>
#include <QTest>

using namespace herald::auth;

class TestPkce : public QObject
{
    Q_OBJECT

private slots:
    void appendixB();
    void verifierRules_data();
    void verifierRules();
    void generatedVerifiers();
};

void TestPkce::appendixB()
{
    // RFC 7636 appendix B: the 32 octets, the verifier they encode to, and its S256 challenge.
    const unsigned char octets[]
        = {116, 24,  223, 180, 151, 153, 224, 37,  79, 250, 96, 125, 216, 173, 187, 186,
           22,  212, 37,  77,  105, 214, 191, 240, 91, 88,  5,  88,  83,  132, 141, 121};
    const QByteArray raw(reinterpret_cast<const char *>(octets), int(sizeof(octets)));
    const QByteArray verifier = pkce::verifierFromOctets(raw);
    QCOMPARE(verifier, QByteArrayLiteral("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    QCOMPARE(pkce::challengeS256(verifier), QByteArrayLiteral("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    QVERIFY(pkce::isValidVerifier(verifier));
}

void TestPkce::verifierRules_data()
{
    QTest::addColumn<QByteArray>("verifier");
    QTest::addColumn<bool>("valid");
    QTest::newRow("43 chars") << QByteArray(43, 'a') << true;
    QTest::newRow("128 chars") << QByteArray(128, 'Z') << true;
    QTest::newRow("42 chars") << QByteArray(42, 'a') << false;
    QTest::newRow("129 chars") << QByteArray(129, 'a') << false;
    QTest::newRow("unreserved marks") << QByteArray("-._~").repeated(11) << true;
    QTest::newRow("plus sign") << QByteArray(42, 'a') + '+' << false;
    QTest::newRow("slash") << QByteArray(42, 'a') + '/' << false;
    QTest::newRow("padding") << QByteArray(42, 'a') + '=' << false;
    QTest::newRow("space") << QByteArray(42, 'a') + ' ' << false;
}

void TestPkce::verifierRules()
{
    QFETCH(QByteArray, verifier);
    QFETCH(bool, valid);
    QCOMPARE(pkce::isValidVerifier(verifier), valid);
}

void TestPkce::generatedVerifiers()
{
    QSet<QByteArray> seen;
    for (int i = 0; i < 200; ++i) {
        const QByteArray verifier = pkce::generateVerifier();
        QVERIFY2(pkce::isValidVerifier(verifier), verifier.constData());
        QCOMPARE(verifier.size(), 43);
        QVERIFY(!seen.contains(verifier));
        seen.insert(verifier);
        const QByteArray challenge = pkce::challengeS256(verifier);
        QCOMPARE(challenge.size(), 43); // 32 bytes of SHA-256, base64url without padding
        QVERIFY(!challenge.contains('='));
    }
}

QTEST_GUILESS_MAIN(TestPkce)
#include "tst_pkce.moc"
