// Real widgets in German once installTranslations() has the German catalog,
// and in English for a locale Herald has no translation for; no two
// mnemonics clash in a menu, on a page (with the menu bar) or in the profile
// dialog, in either language.

#include "config/ProfileStore.h"
#include "core/Translations.h"
#include "ui/CommandLine.h"
#include "ui/MainWindow.h"
#include "ui/ProfileDialog.h"
#include "ui/TenantIndicator.h"

#include <QAbstractButton>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using herald::ui::MainWindow;

class TestTranslationsUi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void mainWindow_data();
    void mainWindow();
    void profileDialogInGerman();
    void mnemonicsAreUnique_data();
    void mnemonicsAreUnique();

private:
    QTemporaryDir m_dir;
};

namespace {

// Mnemonics ("&File") come and go with keyboard work; the words are what is tested.
QString plain(QString text)
{
    return text.remove(QLatin1Char('&'));
}

QStringList navigationTexts(MainWindow &window)
{
    QStringList texts;
    auto *nav = window.findChild<QListWidget *>(QStringLiteral("navigation"));
    for (int i = 0; nav && i < nav->count(); ++i)
        texts << nav->item(i)->text();
    return texts;
}

QStringList menuTexts(MainWindow &window)
{
    QStringList texts;
    for (QAction *menu : window.menuBar()->actions())
        texts << plain(menu->text());
    return texts;
}

// The letter after a single '&' ("Be&enden" -> 'e'), or 0.
QChar mnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return {};
}

// Texts that share a mnemonic letter: Alt+letter would not reach the second.
QStringList clashes(const QStringList &texts)
{
    QHash<QChar, QString> seen;
    QStringList clashing;
    for (const QString &text : texts) {
        const QChar letter = mnemonic(text);
        if (letter.isNull())
            continue;
        if (seen.contains(letter))
            clashing << QStringLiteral("'%1' and '%2'").arg(seen.value(letter), text);
        seen.insert(letter, text);
    }
    return clashing;
}

// What can carry a mnemonic: labels with a buddy, buttons, group boxes.
QStringList mnemonicTexts(QWidget *parent)
{
    QStringList texts;
    for (QLabel *label : parent->findChildren<QLabel *>()) {
        if (label->buddy())
            texts << label->text();
    }
    for (QAbstractButton *b : parent->findChildren<QAbstractButton *>())
        texts << b->text();
    for (QGroupBox *box : parent->findChildren<QGroupBox *>())
        texts << box->title();
    return texts;
}

QPushButton *button(QWidget &parent, const QString &text)
{
    for (QPushButton *b : parent.findChildren<QPushButton *>()) {
        if (plain(b->text()) == text)
            return b;
    }
    return nullptr;
}

} // namespace

void TestTranslationsUi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    herald::ui::setApplicationIdentity();
    QSettings().clear();
    QVERIFY(m_dir.isValid());
}

void TestTranslationsUi::cleanup()
{
    herald::installTranslations(QLocale::c());
    QSettings().clear();
}

void TestTranslationsUi::mainWindow_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QStringList>("navigation");
    QTest::addColumn<QStringList>("menus");
    QTest::addColumn<QString>("quit");
    QTest::addColumn<QString>("signedOut");

    QTest::newRow("de_DE") << "de_DE"
                           << QStringList{"Empfänger", "Installieren", "Verfassen", "Senden", "Verlauf"}
                           << QStringList{"Datei", "Bearbeiten", "Empfänger", "Ansicht", "Hilfe"} << "Beenden"
                           << "Nicht angemeldet";
    QTest::newRow("ja_JP: no translation")
        << "ja_JP" << QStringList{"Recipients", "Install", "Compose", "Send", "History"}
        << QStringList{"File", "Edit", "Recipients", "View", "Help"} << "Quit"
        << "Not signed in";
}

void TestTranslationsUi::mainWindow()
{
    QFETCH(QString, locale);
    QFETCH(QStringList, navigation);
    QFETCH(QStringList, menus);
    QFETCH(QString, quit);
    QFETCH(QString, signedOut);

    const herald::InstalledTranslations installed = herald::installTranslations(QLocale(locale));
    QVERIFY(!installed.heraldFile.isEmpty());

    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(navigationTexts(window), navigation);
    QCOMPARE(menuTexts(window), menus);

    QMenu *file = window.menuBar()->actions().constFirst()->menu();
    QVERIFY(file);
    QStringList fileItems;
    for (QAction *action : file->actions())
        fileItems << plain(action->text());
    QVERIFY2(fileItems.contains(quit), qPrintable(fileItems.join(QLatin1String(" | "))));

    auto *tenant = window.findChild<herald::ui::TenantIndicator *>(QStringLiteral("tenantIndicator"));
    QVERIFY(tenant);
    QStringList labels;
    for (QLabel *label : tenant->findChildren<QLabel *>())
        labels << label->text();
    QVERIFY2(labels.join(QLatin1Char(' ')).contains(signedOut),
             qPrintable(labels.join(QLatin1String(" | "))));
}

void TestTranslationsUi::profileDialogInGerman()
{
    herald::installTranslations(QLocale(QStringLiteral("de_DE")));
    herald::config::ProfileStore store(m_dir.filePath(QStringLiteral("profiles.conf")));
    herald::ui::ProfileDialog dialog(&store);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Verbindungsprofile"));
    QVERIFY(button(dialog, QStringLiteral("Prüfungen ausführen")));
    QVERIFY(button(dialog, QStringLiteral("Im Browser anmelden")));

    // A real action, and its status message in German.
    dialog.selectProfile(QStringLiteral("work"));
    QList<QLineEdit *> edits;
    for (QLineEdit *e : dialog.findChildren<QLineEdit *>()) {
        if (e->isVisibleTo(&dialog) && e->echoMode() == QLineEdit::Normal && e->isEnabled()
            && !e->isReadOnly())
            edits << e;
    }
    QVERIFY(edits.size() >= 3);
    // Profile name (an editable combo's line edit) comes first; then tenant and client id.
    const auto tenant = std::find_if(edits.cbegin(), edits.cend(), [](QLineEdit *e) {
        return e->placeholderText() == QLatin1String("contoso.onmicrosoft.com oder die Mandanten-ID");
    });
    const auto client = std::find_if(edits.cbegin(), edits.cend(), [](QLineEdit *e) {
        return e->placeholderText() == QLatin1String("Anwendungs-ID (Client-ID)");
    });
    QVERIFY2(tenant != edits.cend(), "no tenant field with the German placeholder");
    QVERIFY2(client != edits.cend(), "no client id field with the German placeholder");
    (*tenant)->setText(QStringLiteral("contoso.onmicrosoft.com"));
    (*client)->setText(QStringLiteral("0d7c5f4e-1a2b-4c3d-9e8f-112233445566"));
    QVERIFY2(dialog.save(), qPrintable(dialog.statusText()));
    QCOMPARE(dialog.statusText(), QStringLiteral("Profil 'work' gespeichert."));
}

void TestTranslationsUi::mnemonicsAreUnique_data()
{
    QTest::addColumn<QString>("locale");
    QTest::newRow("de_DE") << "de_DE";
    QTest::newRow("ja_JP: English") << "ja_JP";
}

void TestTranslationsUi::mnemonicsAreUnique()
{
    QFETCH(QString, locale);
    herald::installTranslations(QLocale(locale));
    MainWindow window;
    QStringList menus;
    for (QAction *menu : window.menuBar()->actions()) {
        menus << menu->text();
        QStringList items;
        for (QAction *action : menu->menu()->actions()) {
            if (!action->isSeparator())
                items << action->text();
        }
        QVERIFY2(clashes(items).isEmpty(),
                 qPrintable(menu->text() + QLatin1String(": ") + clashes(items).join(QLatin1String(", "))));
    }
    QVERIFY2(clashes(menus).isEmpty(), qPrintable(clashes(menus).join(QLatin1String(", "))));

    // Each page with the menu bar: Alt+letter must reach one control.
    auto *pages = window.findChild<QStackedWidget *>(QStringLiteral("pages"));
    QVERIFY(pages);
    for (int i = 0; i < pages->count(); ++i) {
        const QStringList texts = menus + mnemonicTexts(pages->widget(i));
        QVERIFY2(clashes(texts).isEmpty(),
                 qPrintable(pages->widget(i)->objectName() + QLatin1String(": ")
                            + clashes(texts).join(QLatin1String(", "))));
    }

    herald::config::ProfileStore store(m_dir.filePath(QStringLiteral("mnemonics.conf")));
    herald::ui::ProfileDialog dialog(&store);
    const QStringList texts = mnemonicTexts(&dialog);
    QVERIFY(texts.size() > 10);
    QVERIFY2(clashes(texts).isEmpty(), qPrintable(clashes(texts).join(QLatin1String(", "))));
}

QTEST_MAIN(TestTranslationsUi)
#include "tst_translations_ui.moc"
