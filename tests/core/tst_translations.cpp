// installTranslations(): the embedded catalog for the locale, or English (with
// its plural forms) when there is none; and herald-cli / herald picking the
// language from LANG, LC_ALL and LANGUAGE like any program on the desktop.

#include "core/Translations.h"
#include "graph/GraphError.h"

#include <QFile>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QProcess>
#include <QTest>
#include <QTranslator>

using herald::graph::GraphError;

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();

    void catalogForLocale_data();
    void catalogForLocale();
    void secondCallReplacesTheFirst();
    void englishPlurals();
    void germanPlurals();
    void cliFollowsTheEnvironment_data();
    void cliFollowsTheEnvironment();
    void guiHelpFollowsTheEnvironment();
};

namespace {

int heraldTranslators()
{
    return int(qApp->findChildren<QTranslator *>(QStringLiteral("herald-translator")).size());
}

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs a built program with the locale variables of `locale` only.
Run run(const QString &program, const QStringList &args, const QStringList &locale)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES"})
        env.remove(QString::fromLatin1(name));
    for (const QString &assignment : locale)
        env.insert(assignment.section(QLatin1Char('='), 0, 0), assignment.section(QLatin1Char('='), 1));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(program, args);
    Run r;
    if (!process.waitForFinished(20000)) {
        process.kill();
        process.waitForFinished();
        return r;
    }
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    r.out = QString::fromUtf8(process.readAllStandardOutput());
    r.err = QString::fromUtf8(process.readAllStandardError());
    return r;
}

} // namespace

void TestTranslations::cleanup()
{
    herald::installTranslations(QLocale::c());
}

void TestTranslations::catalogForLocale_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("language");
    QTest::addColumn<bool>("fallback");
    QTest::addColumn<QString>("networkError"); // GraphError::kindName(Kind::Network)

    QTest::newRow("de_DE") << "de_DE"
                           << "de" << false << "Netzwerkfehler";
    QTest::newRow("de_AT: the language without the territory") << "de_AT"
                                                               << "de" << false << "Netzwerkfehler";
    QTest::newRow("de_CH") << "de_CH"
                           << "de" << false << "Netzwerkfehler";
    QTest::newRow("en_GB: the source language") << "en_GB"
                                                << "en" << false << "Network error";
    QTest::newRow("ja_JP: no translation, English") << "ja_JP"
                                                    << "en" << true << "Network error";
    QTest::newRow("fr_FR: no translation, English") << "fr_FR"
                                                    << "en" << true << "Network error";
    QTest::newRow("C") << "C"
                       << "en" << true << "Network error";
}

void TestTranslations::catalogForLocale()
{
    QFETCH(QString, locale);
    QFETCH(QString, language);
    QFETCH(bool, fallback);
    QFETCH(QString, networkError);

    const herald::InstalledTranslations installed = herald::installTranslations(QLocale(locale));
    QCOMPARE(installed.language, language);
    QCOMPARE(installed.fallback, fallback);
    QCOMPARE(installed.heraldFile, QStringLiteral(":/i18n/herald_%1.qm").arg(language));
    QCOMPARE(heraldTranslators(), 1);
    QCOMPARE(GraphError::kindName(GraphError::Kind::Network), networkError);
    // Qt's own catalog (standard buttons) for a translation, when it is
    // installed (Debian: qt6-translations-l10n); never for English.
    const QString qtCatalog
        = QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_de.qm");
    if (language == QLatin1String("de") && QFile::exists(qtCatalog)) {
        QCOMPARE(QFileInfo(installed.qtFile).canonicalFilePath(), QFileInfo(qtCatalog).canonicalFilePath());
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Abbrechen"));
    } else {
        if (language == QLatin1String("de"))
            qInfo("%s is not installed: Qt's standard buttons stay English", qPrintable(qtCatalog));
        QVERIFY(installed.qtFile.isEmpty());
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancel"));
    }
}

void TestTranslations::secondCallReplacesTheFirst()
{
    herald::installTranslations(QLocale(QStringLiteral("de_DE")));
    QCOMPARE(GraphError::kindName(GraphError::Kind::Timeout),
             QStringLiteral("Zeitüberschreitung der Anfrage"));
    herald::installTranslations(QLocale(QStringLiteral("ja_JP")));
    QCOMPARE(heraldTranslators(), 1);
    QCOMPARE(GraphError::kindName(GraphError::Kind::Timeout), QStringLiteral("Request timed out"));
}

void TestTranslations::englishPlurals()
{
    // Without the English catalog these read "1 attempt(s)".
    herald::installTranslations(QLocale(QStringLiteral("ja_JP")));
    const char *context = "herald::graph::GraphRequestJob";
    const char *source = "Still refused after %n attempt(s).";
    QCOMPARE(QCoreApplication::translate(context, source, nullptr, 1),
             QStringLiteral("Still refused after 1 attempt."));
    QCOMPARE(QCoreApplication::translate(context, source, nullptr, 3),
             QStringLiteral("Still refused after 3 attempts."));
}

void TestTranslations::germanPlurals()
{
    herald::installTranslations(QLocale(QStringLiteral("de_DE")));
    const char *context = "herald::graph::GraphRequestJob";
    const char *source = "Still refused after %n attempt(s).";
    QCOMPARE(QCoreApplication::translate(context, source, nullptr, 1),
             QStringLiteral("Nach 1 Versuch weiterhin abgelehnt."));
    QCOMPARE(QCoreApplication::translate(context, source, nullptr, 4),
             QStringLiteral("Nach 4 Versuchen weiterhin abgelehnt."));
}

void TestTranslations::cliFollowsTheEnvironment_data()
{
    QTest::addColumn<QStringList>("locale");
    QTest::addColumn<bool>("german");

    QTest::newRow("LANG=de_DE.UTF-8") << QStringList{QStringLiteral("LANG=de_DE.UTF-8")} << true;
    QTest::newRow("LC_ALL wins over LANG")
        << QStringList{QStringLiteral("LANG=C.UTF-8"), QStringLiteral("LC_ALL=de_DE.UTF-8")} << true;
    QTest::newRow("LANGUAGE list: fr (none), then de")
        << QStringList{QStringLiteral("LANG=fr_FR.UTF-8"), QStringLiteral("LANGUAGE=fr:de")} << true;
    QTest::newRow("LANG=C.UTF-8") << QStringList{QStringLiteral("LANG=C.UTF-8")} << false;
    QTest::newRow("LANG=en_US.UTF-8") << QStringList{QStringLiteral("LANG=en_US.UTF-8")} << false;
    QTest::newRow("unknown locale: English, silently")
        << QStringList{QStringLiteral("LANG=xx_YY.UTF-8")} << false;
    QTest::newRow("nothing set") << QStringList{} << false;
}

void TestTranslations::cliFollowsTheEnvironment()
{
    QFETCH(QStringList, locale);
    QFETCH(bool, german);

    const Run r = run(QStringLiteral(HERALD_CLI_BINARY), {QStringLiteral("--help")}, locale);
    QCOMPARE(r.exitCode, 0);
    // A missing translation is normal: nothing about it on stderr.
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    QCOMPARE(r.out.contains(QLatin1String("\nBefehle:")), german);
    QCOMPARE(r.out.contains(QLatin1String("\nCommands:")), !german);
    // Option names and examples are never translated.
    QVERIFY(r.out.contains(QLatin1String("--format")));

    // A usage error in German too.
    const Run bad = run(QStringLiteral(HERALD_CLI_BINARY), {QStringLiteral("frobnicate")}, locale);
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.contains(german ? QLatin1String("unbekannter Befehl 'frobnicate'")
                                     : QLatin1String("unknown command 'frobnicate'")),
             qPrintable(bad.err));
}

void TestTranslations::guiHelpFollowsTheEnvironment()
{
#ifdef HERALD_GUI_BINARY
    const QString demoGerman = QStringLiteral("Einen simulierten Mandanten auf diesem Computer starten");
    const Run de = run(QStringLiteral(HERALD_GUI_BINARY), {QStringLiteral("--help")},
                       {QStringLiteral("LANG=de_DE.UTF-8")});
    QCOMPARE(de.exitCode, 0);
    QVERIFY2(de.out.contains(demoGerman), qPrintable(de.out));
    const Run c = run(QStringLiteral(HERALD_GUI_BINARY), {QStringLiteral("--help")},
                      {QStringLiteral("LANG=C.UTF-8")});
    QCOMPARE(c.exitCode, 0);
    QVERIFY(!c.out.contains(demoGerman));
    QVERIFY2(c.out.contains(QLatin1String("Start a simulated tenant on this computer")), qPrintable(c.out));
#else
    QSKIP("built without the GUI (HERALD_BUILD_GUI=OFF)");
#endif
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
