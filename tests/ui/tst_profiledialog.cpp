// ProfileDialog: the form round-trips through the ProfileStore, the China
// notice shows, and "Run checks" shows the preflight checklist against an
// in-process herald-sim whose tokens lack some roles (secret from the
// environment, so no keychain is needed).

#include "SimFixture.h"
#include "config/ProfileStore.h"
#include "ui/PreflightView.h"
#include "ui/ProfileDialog.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>

using namespace herald;

class TestProfileDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void saveAndReload();
    void chinaNotice();
    void invalidInputIsRefused();
    void checksShowMissingRoles();

private:
    static QLineEdit *edit(ui::ProfileDialog &dialog, int index);
    QTemporaryDir m_dir;
};

void TestProfileDialog::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QLineEdit *TestProfileDialog::edit(ui::ProfileDialog &dialog, int index)
{
    // Form order: tenant, client id, bot id, bot tenant, certificate, client secret, bot secret, graph,
    // login, bot URL.
    const QList<QLineEdit *> edits = dialog.findChildren<QLineEdit *>(QString(), Qt::FindChildrenRecursively);
    QList<QLineEdit *> own;
    for (QLineEdit *e : edits) {
        if (!qobject_cast<QComboBox *>(e->parent()))
            own << e;
    }
    return own.value(index);
}

void TestProfileDialog::saveAndReload()
{
    config::ProfileStore store(m_dir.filePath(QStringLiteral("profiles.conf")));
    ui::ProfileDialog dialog(&store);
    dialog.selectProfile(QStringLiteral("work"));
    edit(dialog, 0)->setText(QStringLiteral("contoso.onmicrosoft.com"));
    edit(dialog, 1)->setText(QStringLiteral("0d7c5f4e-1a2b-4c3d-9e8f-112233445566"));
    QVERIFY2(dialog.save(), qPrintable(dialog.statusText()));
    QString error;
    const auto loaded = store.load(QStringLiteral("work"), &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->tenant, QStringLiteral("contoso.onmicrosoft.com"));

    ui::ProfileDialog again(&store);
    again.selectProfile(QStringLiteral("work"));
    QCOMPARE(again.formSettings().clientId, QStringLiteral("0d7c5f4e-1a2b-4c3d-9e8f-112233445566"));
}

void TestProfileDialog::chinaNotice()
{
    config::ProfileStore store(m_dir.filePath(QStringLiteral("china.conf")));
    ui::ProfileDialog dialog(&store);
    auto *cloud = dialog.findChildren<QComboBox *>().value(1); // profile, cloud, auth
    QVERIFY(cloud);
    cloud->setCurrentIndex(cloud->findData(QStringLiteral("china")));
    bool found = false;
    for (QLabel *label : dialog.findChildren<QLabel *>()) {
        if (!label->isHidden() && label->text().contains(QLatin1String("Proactive install is not available")))
            found = true;
    }
    QVERIFY(found);
    QCOMPARE(dialog.formSettings().cloud, config::Cloud::China);
}

void TestProfileDialog::invalidInputIsRefused()
{
    config::ProfileStore store(m_dir.filePath(QStringLiteral("bad.conf")));
    ui::ProfileDialog dialog(&store);
    dialog.selectProfile(QStringLiteral("bad"));
    edit(dialog, 1)->setText(QStringLiteral("not-a-guid"));
    QVERIFY(!dialog.save());
    QVERIFY(dialog.statusText().contains(QLatin1String("not-a-guid")));
    QVERIFY(!store.contains(QStringLiteral("bad")));
}

void TestProfileDialog::checksShowMissingRoles()
{
    sim::SimOptions options = test::SimFixture::defaultOptions();
    options.roles = {QStringLiteral("User.Read.All"), QStringLiteral("AppCatalog.Read.All")};
    test::SimFixture sim(options);
    QVERIFY(sim.start());
    qputenv("HERALD_CLIENT_SECRET", sim.secret().toUtf8());
    config::ProfileStore store(m_dir.filePath(QStringLiteral("checks.conf")));
    ui::ProfileDialog dialog(&store);
    dialog.setAppId(sim.appId());
    dialog.selectProfile(QStringLiteral("sim"));
    edit(dialog, 0)->setText(sim.tenantId());
    edit(dialog, 1)->setText(sim.clientId());
    edit(dialog, 7)->setText(sim.baseUrl().toString());
    edit(dialog, 8)->setText(sim.baseUrl().toString());
    dialog.runChecks();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.preflightView()->rows().isEmpty(), 15000);
    const QStringList rows = dialog.preflightView()->rows();
    QVERIFY2(rows.contains(QStringLiteral("token|ok|")), qPrintable(rows.join(QLatin1Char('\n'))));
    bool missingGroupRole = false;
    for (const QString &row : rows)
        missingGroupRole
            = missingGroupRole || row.startsWith(QLatin1String("role:GroupMember.Read.All|missing|"));
    QVERIFY(missingGroupRole);
    QVERIFY(rows.contains(QStringLiteral("catalog|ok|")));
    QVERIFY(dialog.preflightView()->consentLinkText().contains(QLatin1String("adminconsent?client_id=")));
    qunsetenv("HERALD_CLIENT_SECRET");
}

QTEST_MAIN(TestProfileDialog)
#include "tst_profiledialog.moc"
