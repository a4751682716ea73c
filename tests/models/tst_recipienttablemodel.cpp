#include "RecipientStateText.h"
#include "RecipientTableModel.h"

#include <QAbstractItemModelTester>
#include <QIcon>
#include <QImage>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <algorithm>
#include <memory>

using namespace herald;
using Model = RecipientTableModel;

namespace {

QString guidFor(int i)
{
    return QStringLiteral("00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
}

Recipient makeRecipient(int i)
{
    Recipient r;
    r.userPrincipalName = QStringLiteral("user%1@contoso.com").arg(i);
    r.input = r.userPrincipalName;
    r.inputKind = InputKind::UserPrincipalName;
    r.id = guidFor(i);
    r.displayName = QStringLiteral("User %1").arg(i);
    r.mail = r.userPrincipalName;
    return r;
}

RecipientList makeRecipients(int first, int count)
{
    RecipientList list;
    for (int i = first; i < first + count; ++i)
        list.append(makeRecipient(i));
    return list;
}

// Rows a list of dataChanged emissions covers.
QList<int> coveredRows(const QSignalSpy &spy)
{
    QList<int> rows;
    for (const QList<QVariant> &args : spy) {
        const auto topLeft = args.at(0).value<QModelIndex>();
        const auto bottomRight = args.at(1).value<QModelIndex>();
        for (int row = topLeft.row(); row <= bottomRight.row(); ++row)
            rows.append(row);
    }
    return rows;
}

QImage iconImage(const QVariant &decoration)
{
    return decoration.value<QIcon>().pixmap(16, 16).toImage();
}

} // namespace

class TestRecipientTableModel : public QObject
{
    Q_OBJECT

private slots:
    void columnsAndHeaders();
    void appendIsOneInsertPerBatch();
    void displayAndRoles();
    void nameFallsBackToInput();
    void decorationIconsAreDistinct();
    void lookupById();
    void burstOfUpdatesIsCoalesced();
    void scatteredUpdatesStayFew();
    void updatesFlushOnTheEventLoop();
    void noOpUpdatesAreSilent();
    void detailChangesTooltipOfWholeRow();
    void updateFromDataChangedSlot();
    void replaceRecipientReindexes();
    void resetAndClear();
    void recipientRoundTrip();
    void extraColumnsFollowTheirRows();
};

void TestRecipientTableModel::columnsAndHeaders()
{
    Model model;
    QCOMPARE(model.columnCount(), 8);
    QCOMPARE(int(Model::ColumnCount), 8);
    QStringList titles;
    for (int c = 0; c < Model::ColumnCount; ++c) {
        const QString title = model.headerData(c, Qt::Horizontal).toString();
        QVERIFY(!title.isEmpty());
        titles.append(title);
    }
    titles.removeDuplicates();
    QCOMPARE(titles.size(), int(Model::ColumnCount));
    QCOMPARE(model.headerData(Model::InstallState, Qt::Horizontal).toString(),
             QStringLiteral("Install state"));
}

void TestRecipientTableModel::appendIsOneInsertPerBatch()
{
    Model model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.appendRecipients(makeRecipients(0, 1000));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 999);
    model.appendRecipients(makeRecipients(1000, 500));
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(inserted.at(1).at(1).toInt(), 1000);
    QCOMPARE(inserted.at(1).at(2).toInt(), 1499);
    model.appendRecipients({});
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(model.rowCount(), 1500);
}

void TestRecipientTableModel::displayAndRoles()
{
    Model model;
    Recipient r = makeRecipient(7);
    r.installState = InstallState::Blocked;
    r.installationId = QStringLiteral("inst-7");
    r.chatId = QStringLiteral("19:abc@unq.gbl.spaces");
    r.deliveryState = DeliveryState::BlockedByUser;
    r.detail = QStringLiteral("403 MessageWritesBlocked");
    model.appendRecipients({r});

    auto cell = [&](int column, int role = Qt::DisplayRole) { return model.index(0, column).data(role); };
    QCOMPARE(cell(Model::Name).toString(), QStringLiteral("User 7"));
    QCOMPARE(cell(Model::UserPrincipalName).toString(), QStringLiteral("user7@contoso.com"));
    QCOMPARE(cell(Model::Kind).toString(), QStringLiteral("User"));
    QCOMPARE(cell(Model::InstallState).toString(), QStringLiteral("Blocked by policy"));
    QCOMPARE(cell(Model::InstallationId).toString(), QStringLiteral("inst-7"));
    QCOMPARE(cell(Model::ChatId).toString(), QStringLiteral("19:abc@unq.gbl.spaces"));
    QCOMPARE(cell(Model::DeliveryState).toString(), QStringLiteral("Blocked by user"));
    QCOMPARE(cell(Model::Detail).toString(), QStringLiteral("403 MessageWritesBlocked"));

    QVERIFY(!cell(Model::InstallState, Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(!cell(Model::DeliveryState, Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(!cell(Model::Name, Qt::DecorationRole).isValid());
    for (int c = 0; c < Model::ColumnCount; ++c)
        QCOMPARE(cell(c, Qt::ToolTipRole).toString(), QStringLiteral("403 MessageWritesBlocked"));

    QCOMPARE(cell(Model::InstallState, Model::SortRole).toInt(), sortOrder(InstallState::Blocked));
    QCOMPARE(cell(Model::DeliveryState, Model::SortRole).toInt(), sortOrder(DeliveryState::BlockedByUser));
    QCOMPARE(cell(Model::Name, Model::SortRole).toString(), QStringLiteral("User 7"));
    QCOMPARE(cell(Model::Detail, Model::ObjectIdRole).toString(), guidFor(7));
    QCOMPARE(cell(Model::Kind, Model::InputRole).toString(), QStringLiteral("user7@contoso.com"));
    QCOMPARE(cell(Model::Name, Model::InstallStateRole).toInt(), int(InstallState::Blocked));
    QCOMPARE(cell(Model::Name, Model::DeliveryStateRole).toInt(), int(DeliveryState::BlockedByUser));
    QCOMPARE(cell(Model::Name, Model::KindRole).toInt(), int(RecipientKind::User));
    QVERIFY(!model.index(1, 0).isValid());
    QVERIFY(!(model.flags(model.index(0, 0)) & Qt::ItemIsEditable));

    // Problem states sort before success.
    QVERIFY(sortOrder(InstallState::Error) < sortOrder(InstallState::Installed));
    QVERIFY(sortOrder(DeliveryState::Failed) < sortOrder(DeliveryState::Sent));
}

void TestRecipientTableModel::nameFallsBackToInput()
{
    Model model;
    Recipient unresolved;
    unresolved.input = QStringLiteral("o'brien@contoso.com");
    Recipient team;
    team.kind = RecipientKind::Team;
    team.input = guidFor(3);
    team.displayName = QStringLiteral("Sales");
    model.appendRecipients({unresolved, team});
    QCOMPARE(model.index(0, Model::Name).data().toString(), QStringLiteral("o'brien@contoso.com"));
    // No detail and no id yet: the tooltip says what was given.
    QCOMPARE(model.index(0, Model::Name).data(Qt::ToolTipRole).toString(),
             QStringLiteral("o'brien@contoso.com"));
    QCOMPARE(model.index(0, Model::InstallState).data().toString(), QStringLiteral("Unknown"));
    QCOMPARE(model.index(1, Model::Kind).data().toString(), QStringLiteral("Team"));
    QCOMPARE(model.index(1, Model::Name).data().toString(), QStringLiteral("Sales"));
}

void TestRecipientTableModel::decorationIconsAreDistinct()
{
    Model model;
    RecipientList list;
    for (int i = 0; i < std::max(installStateCount, deliveryStateCount); ++i) {
        Recipient r = makeRecipient(i);
        r.installState = static_cast<InstallState>(i % installStateCount);
        r.deliveryState = static_cast<DeliveryState>(i % deliveryStateCount);
        list.append(r);
    }
    model.appendRecipients(list);
    for (int column : {int(Model::InstallState), int(Model::DeliveryState)}) {
        const int states = column == Model::InstallState ? installStateCount : deliveryStateCount;
        QList<QImage> images;
        for (int i = 0; i < states; ++i) {
            const QImage image = iconImage(model.index(i, column).data(Qt::DecorationRole));
            QVERIFY(!image.isNull());
            QVERIFY2(!images.contains(image),
                     qPrintable(QStringLiteral("column %1 state %2").arg(column).arg(i)));
            images.append(image);
        }
    }
    // Cached: the same icon object comes back.
    QCOMPARE(model.index(0, Model::InstallState).data(Qt::DecorationRole).value<QIcon>().cacheKey(),
             model.index(0, Model::InstallState).data(Qt::DecorationRole).value<QIcon>().cacheKey());
}

void TestRecipientTableModel::lookupById()
{
    Model model;
    model.appendRecipients(makeRecipients(0, 5000));
    QCOMPARE(model.rowForId(guidFor(0)), 0);
    QCOMPARE(model.rowForId(guidFor(4321)), 4321);
    QCOMPARE(model.rowForId(guidFor(4321).toUpper()), 4321);
    QCOMPARE(model.rowForId(QStringLiteral("{%1}").arg(guidFor(12))), 12);
    QCOMPARE(model.rowForId(guidFor(5000)), -1);
    QCOMPARE(model.rowForId(QString()), -1);

    Recipient odd;
    odd.input = QStringLiteral("team-x");
    odd.id = QStringLiteral("not-a-guid");
    model.appendRecipients({odd});
    QCOMPARE(model.rowForId(u"not-a-guid"), 5000);
    QCOMPARE(model.rowForId(u"NOT-A-GUID"), -1);

    QVERIFY(model.updateById(guidFor(42), RecipientUpdate{InstallState::Installed, {}, {}, {}, {}}));
    QCOMPARE(model.recipient(42).installState, InstallState::Installed);
    QVERIFY(!model.updateById(guidFor(99999), RecipientUpdate{InstallState::Installed, {}, {}, {}, {}}));
    QVERIFY(!model.updateRow(-1, RecipientUpdate{InstallState::Installed, {}, {}, {}, {}}));
    QVERIFY(!model.updateRow(5001, RecipientUpdate{InstallState::Installed, {}, {}, {}, {}}));
}

void TestRecipientTableModel::burstOfUpdatesIsCoalesced()
{
    Model model;
    model.appendRecipients(makeRecipients(0, 1000));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    QList<int> rows;
    for (int row = 100; row < 600; ++row)
        rows.append(row);
    std::shuffle(rows.begin(), rows.end(), *QRandomGenerator::global());
    for (int row : std::as_const(rows)) {
        RecipientUpdate update;
        update.installState = InstallState::Installed;
        update.installationId = QStringLiteral("inst-%1").arg(row);
        QVERIFY(model.updateRow(row, update));
    }
    QCOMPARE(changed.count(), 0); // nothing is announced per update
    QCOMPARE(model.pendingRowCount(), 500);
    model.flush();
    QCOMPARE(model.pendingRowCount(), 0);
    QCOMPARE(changed.count(), 1);
    const auto topLeft = changed.at(0).at(0).value<QModelIndex>();
    const auto bottomRight = changed.at(0).at(1).value<QModelIndex>();
    QCOMPARE(topLeft.row(), 100);
    QCOMPARE(bottomRight.row(), 599);
    QCOMPARE(topLeft.column(), int(Model::InstallState));
    QCOMPARE(bottomRight.column(), int(Model::InstallationId));
    const auto roles = changed.at(0).at(2).value<QList<int>>();
    for (int role :
         {int(Qt::DisplayRole), int(Qt::DecorationRole), int(Model::SortRole), int(Model::InstallStateRole)})
        QVERIFY2(roles.contains(role), qPrintable(QString::number(role)));
    QVERIFY(!roles.contains(Model::DeliveryStateRole));
    QCOMPARE(model.index(321, Model::InstallationId).data().toString(), QStringLiteral("inst-321"));
    QCOMPARE(model.index(321, Model::InstallState).data().toString(), QStringLiteral("Installed"));
    QCOMPARE(model.index(99, Model::InstallState).data().toString(), QStringLiteral("Unknown"));

    model.flush(); // nothing pending: nothing emitted
    QCOMPARE(changed.count(), 1);
}

void TestRecipientTableModel::scatteredUpdatesStayFew()
{
    Model model;
    model.appendRecipients(makeRecipients(0, 20000));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QList<int> updated;
    for (int i = 0; i < 500; ++i) {
        const int row = i * 40 + 3; // far apart: no two updates in one short run
        updated.append(row);
        model.updateRow(row, RecipientUpdate{{}, DeliveryState::Sent, {}, {}, {}});
    }
    // Two clustered runs elsewhere would be two ranges on their own.
    model.flush();
    QVERIFY2(changed.count() <= 8, qPrintable(QString::number(changed.count())));
    const QList<int> covered = coveredRows(changed);
    for (int row : std::as_const(updated))
        QVERIFY2(covered.contains(row), qPrintable(QString::number(row)));

    // Two tight clusters give two ranges, not one per row.
    changed.clear();
    for (int row = 1000; row < 1010; ++row)
        model.updateRow(row, RecipientUpdate{{}, DeliveryState::Failed, {}, {}, {}});
    for (int row = 15000; row < 15010; ++row)
        model.updateRow(row, RecipientUpdate{{}, DeliveryState::Failed, {}, {}, {}});
    model.flush();
    QCOMPARE(changed.count(), 2);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 1000);
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), 1009);
    QCOMPARE(changed.at(1).at(0).value<QModelIndex>().row(), 15000);
    QCOMPARE(changed.at(1).at(1).value<QModelIndex>().row(), 15009);
}

void TestRecipientTableModel::updatesFlushOnTheEventLoop()
{
    Model model;
    model.appendRecipients(makeRecipients(0, 100));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    for (int row = 0; row < 100; ++row)
        model.updateRow(row, RecipientUpdate{InstallState::NotInstalled, {}, {}, {}, {}});
    QCOMPARE(changed.count(), 0);
    QTRY_COMPARE(changed.count(), 1);
    QCOMPARE(model.pendingRowCount(), 0);
    QTest::qWait(20);
    QCOMPARE(changed.count(), 1);
}

void TestRecipientTableModel::noOpUpdatesAreSilent()
{
    Model model;
    Recipient r = makeRecipient(1);
    r.installState = InstallState::Installed;
    r.installationId = QStringLiteral("inst");
    model.appendRecipients({r});
    QVERIFY(model.updateRow(0, RecipientUpdate{InstallState::Installed, {}, QStringLiteral("inst"), {}, {}}));
    QCOMPARE(model.pendingRowCount(), 0);
    QVERIFY(model.updateRow(0, RecipientUpdate{}));
    QCOMPARE(model.pendingRowCount(), 0);
    QVERIFY(model.updateRow(0, RecipientUpdate{InstallState::Error, {}, {}, {}, {}}));
    QCOMPARE(model.pendingRowCount(), 1);
}

void TestRecipientTableModel::detailChangesTooltipOfWholeRow()
{
    Model model;
    model.appendRecipients(makeRecipients(0, 10));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    RecipientUpdate update;
    update.installState = InstallState::Error;
    update.detail = QStringLiteral("503 ServiceUnavailable");
    model.updateRow(4, update);
    model.flush();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().column(), 0);
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>().column(), Model::ColumnCount - 1);
    QVERIFY(changed.at(0).at(2).value<QList<int>>().contains(Qt::ToolTipRole));
    QCOMPARE(model.index(4, Model::ChatId).data(Qt::ToolTipRole).toString(),
             QStringLiteral("503 ServiceUnavailable"));
    QCOMPARE(model.index(4, Model::Detail).data().toString(), QStringLiteral("503 ServiceUnavailable"));
}

void TestRecipientTableModel::updateFromDataChangedSlot()
{
    Model model;
    model.appendRecipients(makeRecipients(0, 10));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    int calls = 0;
    connect(&model, &QAbstractItemModel::dataChanged, this, [&] {
        if (++calls == 1)
            model.updateRow(9, RecipientUpdate{{}, DeliveryState::Sent, {}, {}, {}});
    });
    model.updateRow(0, RecipientUpdate{{}, DeliveryState::Sent, {}, {}, {}});
    model.flush();
    QCOMPARE(calls, 1);
    QCOMPARE(model.pendingRowCount(), 1); // the update made inside the slot is not lost
    model.flush();
    QCOMPARE(calls, 2);
    QCOMPARE(model.recipient(9).deliveryState, DeliveryState::Sent);
}

void TestRecipientTableModel::replaceRecipientReindexes()
{
    Model model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    Recipient unresolved;
    unresolved.input = QStringLiteral("alice@contoso.com");
    unresolved.inputKind = InputKind::UserPrincipalName;
    model.appendRecipients({unresolved, makeRecipient(1)});
    QCOMPARE(model.rowForId(guidFor(100)), -1);

    Recipient resolved = unresolved;
    resolved.id = guidFor(100);
    resolved.displayName = QStringLiteral("Alice Smith");
    resolved.userPrincipalName = QStringLiteral("alice@contoso.com");
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(model.replaceRecipient(0, resolved));
    QCOMPARE(model.rowForId(guidFor(100)), 0);
    model.flush();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.index(0, Model::Name).data().toString(), QStringLiteral("Alice Smith"));

    Recipient moved = resolved;
    moved.id = guidFor(200);
    model.replaceRecipient(0, moved);
    QCOMPARE(model.rowForId(guidFor(100)), -1);
    QCOMPARE(model.rowForId(guidFor(200)), 0);
    QCOMPARE(model.rowForId(guidFor(1)), 1);
    QVERIFY(!model.replaceRecipient(2, moved));
}

void TestRecipientTableModel::resetAndClear()
{
    Model model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.appendRecipients(makeRecipients(0, 50));
    model.updateRow(3, RecipientUpdate{InstallState::Installed, {}, {}, {}, {}});
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setRecipients(makeRecipients(100, 20));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 20);
    QCOMPARE(model.pendingRowCount(), 0); // updates to the old rows are gone with them
    QCOMPARE(model.rowForId(guidFor(3)), -1);
    QCOMPARE(model.rowForId(guidFor(105)), 5);
    QTest::qWait(10);
    QCOMPARE(changed.count(), 0);
    model.clear();
    QCOMPARE(reset.count(), 2);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.rowForId(guidFor(105)), -1);
}

void TestRecipientTableModel::recipientRoundTrip()
{
    Model model;
    Recipient r = makeRecipient(9);
    r.mail = QStringLiteral("u.nine@contoso.com");
    r.displayName = QStringLiteral("Zoë Ünal 😀");
    r.installState = InstallState::NotFound;
    r.deliveryState = DeliveryState::Unconfirmed;
    r.detail = QStringLiteral("timeout");
    r.extra = RecipientExtra({QStringLiteral("Dept")}, {QStringLiteral("Sales")});
    model.appendRecipients({r});
    Recipient back = model.recipient(0);
    QCOMPARE(back, r); // the CSV columns too: template data for previews and sends
    QCOMPARE(back.extra.value(u"dept"), QStringLiteral("Sales"));
    QCOMPARE(model.recipient(1), Recipient());
    QCOMPARE(model.columnCount(), 8); // but no table column
}

void TestRecipientTableModel::extraColumnsFollowTheirRows()
{
    Model model;
    const QStringList columns{QStringLiteral("Office")};
    RecipientList list = makeRecipients(0, 6);
    for (int i : {1, 3, 4})
        list[i].extra = RecipientExtra(columns, {QStringLiteral("office %1").arg(i)});
    model.appendRecipients(list);
    QVERIFY(model.recipient(0).extra.isEmpty()); // only rows that have them
    QCOMPARE(model.recipient(3).extra.value(u"Office"), QStringLiteral("office 3"));

    model.removeRecipients({0, 3});
    QCOMPARE(model.rowCount(), 4);
    const QStringList expected{QStringLiteral("office 1"), QString(), QStringLiteral("office 4"), QString()};
    for (int row = 0; row < 4; ++row)
        QCOMPARE(model.recipient(row).extra.value(u"Office"), expected.at(row));
    QCOMPARE(model.recipients({2, 0}).at(0).extra.value(u"Office"), QStringLiteral("office 4"));

    // Directory resolution replaces the row without columns: it keeps its own.
    Recipient resolved = model.recipient(0);
    resolved.extra = {};
    resolved.displayName = QStringLiteral("Resolved");
    QVERIFY(model.replaceRecipient(0, resolved));
    QCOMPARE(model.recipient(0).extra.value(u"Office"), QStringLiteral("office 1"));
    QVERIFY(model.setExtra(1, RecipientExtra(columns, {QStringLiteral("late")})));
    QCOMPARE(model.recipient(1).extra.value(u"Office"), QStringLiteral("late"));
    QVERIFY(!model.setExtra(9, RecipientExtra(columns, {QStringLiteral("x")})));

    model.setRecipients(makeRecipients(0, 2));
    QVERIFY(model.recipient(0).extra.isEmpty());
    QVERIFY(model.recipient(1).extra.isEmpty());
}

QTEST_MAIN(TestRecipientTableModel)
#include "tst_recipienttablemodel.moc"
