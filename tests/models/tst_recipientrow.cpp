#include "RecipientRow.h"

#include <QTest>

using namespace herald;

class TestRecipientRow : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void setTextKeepsOtherFields();
    void inputSurvivesChangeOfAliasedField();
    void setInputBreaksAlias();
    void statesReportChange();
};

void TestRecipientRow::roundTrip_data()
{
    QTest::addColumn<Recipient>("recipient");
    Recipient empty;
    QTest::newRow("empty") << empty;
    Recipient full;
    full.input = QStringLiteral("alice@contoso.com");
    full.inputKind = InputKind::UserPrincipalName;
    full.id = QStringLiteral("b1c5353a-7aca-41b3-830f-27d5218fe0e5");
    full.kind = RecipientKind::User;
    full.displayName = QStringLiteral("Alice Ødegård 😀");
    full.givenName = QStringLiteral("Alice");
    full.userPrincipalName = full.input; // aliased: stored once
    full.mail = QStringLiteral("alice.o@contoso.com");
    full.installState = InstallState::Installed;
    full.installationId = QStringLiteral("NjRiOWM3NDYtYjE1NS00MDQyLThiZDctZTBkZjQwMTlkNDBl");
    full.chatId = QStringLiteral("19:abc_def@unq.gbl.spaces");
    full.deliveryState = DeliveryState::Sent;
    full.detail = QStringLiteral("ok");
    QTest::newRow("full, input = upn") << full;
    Recipient byId = full;
    byId.input = byId.id;
    byId.inputKind = InputKind::ObjectId;
    QTest::newRow("input = id") << byId;
    Recipient byMail = full;
    byMail.input = byMail.mail;
    QTest::newRow("input = mail") << byMail;
    Recipient own = full;
    own.input = QStringLiteral("someone else");
    QTest::newRow("input differs") << own;
    Recipient team;
    team.kind = RecipientKind::Team;
    team.input = QStringLiteral("b1c5353a-7aca-41b3-830f-27d5218fe0e5");
    team.detail = QStringLiteral("only the last field");
    QTest::newRow("sparse team") << team;
}

void TestRecipientRow::roundTrip()
{
    QFETCH(Recipient, recipient);
    const RecipientRow row(recipient);
    QCOMPARE(row.toRecipient(), recipient);
    QCOMPARE(row.bestName(), recipient.bestName());
}

void TestRecipientRow::setTextKeepsOtherFields()
{
    Recipient r;
    r.input = QStringLiteral("in");
    r.id = QStringLiteral("id");
    r.displayName = QStringLiteral("name");
    r.chatId = QStringLiteral("chat");
    r.detail = QStringLiteral("detail");
    RecipientRow row(r);
    QVERIFY(row.setText(RecipientRow::InstallationId, u"a-much-longer-installation-id"));
    QVERIFY(!row.setText(RecipientRow::InstallationId, u"a-much-longer-installation-id"));
    QVERIFY(row.setText(RecipientRow::DisplayName, u""));
    QVERIFY(row.setText(RecipientRow::Detail, u"é"));
    r.installationId = QStringLiteral("a-much-longer-installation-id");
    r.displayName.clear();
    r.detail = QStringLiteral("é");
    QCOMPARE(row.toRecipient(), r);
    QVERIFY(row.isEmpty(RecipientRow::DisplayName));
    QVERIFY(!row.isEmpty(RecipientRow::ChatId));
}

void TestRecipientRow::inputSurvivesChangeOfAliasedField()
{
    Recipient r;
    r.input = QStringLiteral("old@contoso.com");
    r.userPrincipalName = r.input;
    RecipientRow row(r);
    QVERIFY(row.setText(RecipientRow::UserPrincipalName, u"renamed@contoso.com"));
    QCOMPARE(row.text(RecipientRow::Input), QStringLiteral("old@contoso.com"));
    QCOMPARE(row.text(RecipientRow::UserPrincipalName), QStringLiteral("renamed@contoso.com"));
}

void TestRecipientRow::setInputBreaksAlias()
{
    Recipient r;
    r.input = QStringLiteral("x@contoso.com");
    r.mail = r.input;
    RecipientRow row(r);
    QVERIFY(row.setText(RecipientRow::Input, u"y@contoso.com"));
    QCOMPARE(row.text(RecipientRow::Input), QStringLiteral("y@contoso.com"));
    QCOMPARE(row.text(RecipientRow::Mail), QStringLiteral("x@contoso.com"));
}

void TestRecipientRow::statesReportChange()
{
    RecipientRow row{Recipient()};
    QVERIFY(!row.setInstallState(InstallState::Unknown));
    QVERIFY(row.setInstallState(InstallState::Blocked));
    QCOMPARE(row.installState(), InstallState::Blocked);
    QVERIFY(!row.setDeliveryState(DeliveryState::Pending));
    QVERIFY(row.setDeliveryState(DeliveryState::Unconfirmed));
    QCOMPARE(row.deliveryState(), DeliveryState::Unconfirmed);
    QVERIFY(!row.isDirty());
    row.setDirty(true);
    QVERIFY(row.isDirty());
    QCOMPARE(row.installState(), InstallState::Blocked);
    row.setDirty(false);
    QVERIFY(!row.isDirty());
}

QTEST_GUILESS_MAIN(TestRecipientRow)
#include "tst_recipientrow.moc"
