#include "RecipientFilterProxy.h"
#include "RecipientTableModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace herald;
using Model = RecipientTableModel;

namespace {

QString guidFor(int i)
{
    return QStringLiteral("00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
}

Recipient person(int i, const QString &name, InstallState install = InstallState::Unknown,
                 DeliveryState delivery = DeliveryState::Pending, const QString &detail = {})
{
    Recipient r;
    r.id = guidFor(i);
    r.displayName = name;
    r.userPrincipalName = QStringLiteral("p%1@contoso.com").arg(i);
    r.input = r.userPrincipalName;
    r.installState = install;
    r.deliveryState = delivery;
    r.detail = detail;
    return r;
}

QStringList column(const QAbstractItemModel &model, int columnIndex)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values.append(model.index(row, columnIndex).data().toString());
    return values;
}

} // namespace

class TestRecipientFilterProxy : public QObject
{
    Q_OBJECT

private slots:
    void naturalSortByName();
    void naturalSortInCLocale();
    void descendingSort();
    void sortByStateOrder();
    void resortsWhenStateChanges();
    void appendedRowsAreSorted();
    void textFilter_data();
    void textFilter();
    void stateFilters();
    void filterFollowsUpdates();
    void replacingTheSourceModel();
};

void TestRecipientFilterProxy::naturalSortByName()
{
    Model model;
    model.appendRecipients({person(1, QStringLiteral("user10")), person(2, QStringLiteral("user2")),
                            person(3, QStringLiteral("Zoe")), person(4, QStringLiteral("User1")),
                            person(5, QStringLiteral("Émile")), person(6, QStringLiteral("alice")),
                            person(7, QStringLiteral("user20"))});
    RecipientFilterProxy proxy;
    proxy.setCollationLocale(QLocale(QLocale::English, QLocale::UnitedStates));
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    proxy.setSourceModel(&model);
    proxy.sort(Model::Name, Qt::AscendingOrder);
    QCOMPARE(column(proxy, Model::Name),
             (QStringList{"alice", QStringLiteral("Émile"), "User1", "user2", "user10", "user20", "Zoe"}));
}

void TestRecipientFilterProxy::naturalSortInCLocale()
{
    // LANG=C.UTF-8 in CI: Qt's C collation would give user10 < user2.
    Model model;
    model.appendRecipients({person(1, QStringLiteral("user10")), person(2, QStringLiteral("user2")),
                            person(3, QStringLiteral("user1"))});
    RecipientFilterProxy proxy;
    proxy.setCollationLocale(QLocale::c());
    proxy.setSourceModel(&model);
    proxy.sort(Model::Name);
    QCOMPARE(column(proxy, Model::Name), (QStringList{"user1", "user2", "user10"}));
}

void TestRecipientFilterProxy::descendingSort()
{
    Model model;
    model.appendRecipients(
        {person(1, QStringLiteral("b2")), person(2, QStringLiteral("b10")), person(3, QStringLiteral("a"))});
    RecipientFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(Model::Name, Qt::DescendingOrder);
    QCOMPARE(column(proxy, Model::Name), (QStringList{"b10", "b2", "a"}));
}

void TestRecipientFilterProxy::sortByStateOrder()
{
    Model model;
    model.appendRecipients({person(1, QStringLiteral("a"), InstallState::Installed),
                            person(2, QStringLiteral("b"), InstallState::Error),
                            person(3, QStringLiteral("c"), InstallState::NotInstalled),
                            person(4, QStringLiteral("d"), InstallState::Blocked),
                            person(5, QStringLiteral("e"), InstallState::Unknown),
                            person(6, QStringLiteral("f"), InstallState::NotFound)});
    RecipientFilterProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    proxy.setSourceModel(&model);
    proxy.sort(Model::InstallState);
    // Attention first: error, blocked, not found, not installed, unknown, installed.
    QCOMPARE(column(proxy, Model::Name), (QStringList{"b", "d", "f", "c", "e", "a"}));
    // Alphabetical order of the state text would differ: the sort role decides.
    QVERIFY(column(proxy, Model::InstallState) != [&] {
        QStringList texts = column(proxy, Model::InstallState);
        texts.sort();
        return texts;
    }());
}

void TestRecipientFilterProxy::resortsWhenStateChanges()
{
    Model model;
    model.appendRecipients({person(1, QStringLiteral("a"), InstallState::Installed),
                            person(2, QStringLiteral("b"), InstallState::NotInstalled),
                            person(3, QStringLiteral("c"), InstallState::Installed)});
    RecipientFilterProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    proxy.setSourceModel(&model);
    proxy.sort(Model::InstallState);
    QCOMPARE(column(proxy, Model::Name), (QStringList{"b", "a", "c"}));

    // A stale cached key would leave "c" where it was.
    model.updateRow(2, RecipientUpdate{InstallState::Error, {}, {}, {}, {}});
    model.flush();
    QCOMPARE(column(proxy, Model::Name), (QStringList{"c", "b", "a"}));

    // Name sort after a rename through replaceRecipient.
    proxy.sort(Model::Name);
    QCOMPARE(column(proxy, Model::Name), (QStringList{"a", "b", "c"}));
    Recipient renamed = model.recipient(0);
    renamed.displayName = QStringLiteral("z");
    model.replaceRecipient(0, renamed);
    model.flush();
    QCOMPARE(column(proxy, Model::Name), (QStringList{"b", "c", "z"}));
}

void TestRecipientFilterProxy::appendedRowsAreSorted()
{
    Model model;
    model.appendRecipients({person(1, QStringLiteral("item3")), person(2, QStringLiteral("item30"))});
    RecipientFilterProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    proxy.setSourceModel(&model);
    proxy.sort(Model::Name);
    model.appendRecipients({person(3, QStringLiteral("item4")), person(4, QStringLiteral("item1"))});
    QCOMPARE(column(proxy, Model::Name), (QStringList{"item1", "item3", "item4", "item30"}));
}

void TestRecipientFilterProxy::textFilter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("names");
    QTest::newRow("none") << QString() << QStringList{"Alice Smith", "Bob Jones", "Carol"};
    QTest::newRow("name any case") << QStringLiteral("aLIce") << QStringList{"Alice Smith"};
    QTest::newRow("upn") << QStringLiteral("p2@contoso") << QStringList{"Bob Jones"};
    QTest::newRow("detail") << QStringLiteral("forbidden") << QStringList{"Carol"};
    QTest::newRow("spaces trimmed") << QStringLiteral("  bob ") << QStringList{"Bob Jones"};
    QTest::newRow("common") << QStringLiteral("contoso.com")
                            << QStringList{"Alice Smith", "Bob Jones", "Carol"};
    QTest::newRow("nothing") << QStringLiteral("zzz") << QStringList{};
    QTest::newRow("state text is not searched") << QStringLiteral("Installed") << QStringList{};
}

void TestRecipientFilterProxy::textFilter()
{
    QFETCH(QString, text);
    QFETCH(QStringList, names);
    Model model;
    model.appendRecipients({person(1, QStringLiteral("Alice Smith"), InstallState::Installed),
                            person(2, QStringLiteral("Bob Jones")),
                            person(3, QStringLiteral("Carol"), InstallState::Blocked, DeliveryState::Pending,
                                   QStringLiteral("403 Forbidden by app permission policy"))});
    RecipientFilterProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    proxy.setSourceModel(&model);
    proxy.sort(Model::Name);
    proxy.setFilterText(text);
    QCOMPARE(column(proxy, Model::Name), names);
    proxy.setFilterText(QString());
    QCOMPARE(proxy.rowCount(), 3);
}

void TestRecipientFilterProxy::stateFilters()
{
    Model model;
    model.appendRecipients(
        {person(1, QStringLiteral("a"), InstallState::Installed, DeliveryState::Sent),
         person(2, QStringLiteral("b"), InstallState::NotInstalled, DeliveryState::Pending),
         person(3, QStringLiteral("c"), InstallState::Blocked, DeliveryState::NotInstalled),
         person(4, QStringLiteral("d"), InstallState::Installed, DeliveryState::Failed),
         person(5, QStringLiteral("dd"), InstallState::Installed, DeliveryState::Unconfirmed)});
    RecipientFilterProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    proxy.setSourceModel(&model);
    proxy.sort(Model::Name);

    proxy.setInstallStates({InstallState::NotInstalled, InstallState::Blocked});
    QCOMPARE(column(proxy, Model::Name), (QStringList{"b", "c"}));
    QCOMPARE(proxy.installStates(), (QList<InstallState>{InstallState::NotInstalled, InstallState::Blocked}));

    proxy.setInstallStates({});
    proxy.setDeliveryStates({DeliveryState::Failed, DeliveryState::Unconfirmed});
    QCOMPARE(column(proxy, Model::Name), (QStringList{"d", "dd"}));

    // Filters combine: install AND delivery AND text.
    proxy.setInstallStates({InstallState::Installed});
    QCOMPARE(column(proxy, Model::Name), (QStringList{"d", "dd"}));
    proxy.setFilterText(QStringLiteral("p5@"));
    QCOMPARE(column(proxy, Model::Name), (QStringList{"dd"}));
    proxy.setDeliveryStates({DeliveryState::Sent});
    QCOMPARE(proxy.rowCount(), 0);

    proxy.setFilterText({});
    proxy.setInstallStates({});
    proxy.setDeliveryStates({});
    QCOMPARE(proxy.rowCount(), 5);
    QVERIFY(proxy.deliveryStates().isEmpty());
}

void TestRecipientFilterProxy::filterFollowsUpdates()
{
    Model model;
    model.appendRecipients({person(1, QStringLiteral("a"), InstallState::Unknown),
                            person(2, QStringLiteral("b"), InstallState::Unknown)});
    RecipientFilterProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    proxy.setSourceModel(&model);
    proxy.setInstallStates({InstallState::NotInstalled});
    QCOMPARE(proxy.rowCount(), 0);
    model.updateRow(1, RecipientUpdate{InstallState::NotInstalled, {}, {}, {}, {}});
    model.flush();
    QCOMPARE(column(proxy, Model::Name), QStringList{"b"});
    model.updateById(guidFor(2), RecipientUpdate{InstallState::Installed, {}, {}, {}, {}});
    model.flush();
    QCOMPARE(proxy.rowCount(), 0);
}

void TestRecipientFilterProxy::replacingTheSourceModel()
{
    Model first;
    first.appendRecipients({person(1, QStringLiteral("x2")), person(2, QStringLiteral("x1"))});
    Model second;
    second.appendRecipients(
        {person(3, QStringLiteral("y9")), person(4, QStringLiteral("y10")), person(5, QStringLiteral("y1"))});
    RecipientFilterProxy proxy;
    proxy.setSourceModel(&first);
    proxy.sort(Model::Name);
    QCOMPARE(column(proxy, Model::Name), (QStringList{"x1", "x2"}));
    proxy.setSourceModel(&second);
    proxy.sort(Model::Name);
    QCOMPARE(column(proxy, Model::Name), (QStringList{"y1", "y9", "y10"}));
    // The old model no longer reaches the proxy's caches.
    first.appendRecipients({person(6, QStringLiteral("x0"))});
    QCOMPARE(column(proxy, Model::Name), (QStringList{"y1", "y9", "y10"}));
}

QTEST_MAIN(TestRecipientFilterProxy)
#include "tst_recipientfilterproxy.moc"
