// The committed catalogs (resources/translations/*.ts) against the sources:
// lupdate runs over the same project as `update_translations`, into a
// temporary file, and every string it finds must be in every committed .ts.
// Also: translated texts keep the source's placeholders (%1, %n), the
// English catalog has both plural forms of every %n string, and a tr() outside
// a Q_OBJECT class uses the context lupdate files its text under.

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

class TestTranslationCatalog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sourceStringsAreInTheCatalog_data();
    void sourceStringsAreInTheCatalog();
    void translationsKeepPlaceholders_data();
    void translationsKeepPlaceholders();
    void englishPluralsAreComplete();
    void runtimeContextsMatchTheCatalog();

private:
    QTemporaryDir m_dir;
};

namespace {

struct Message
{
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    bool finished = false;
    bool obsolete = false; // vanished or obsolete: no longer in the sources
    QStringList translations; // one, or the plural forms
};

using Catalog = QHash<QString, Message>; // by key()

QString key(const Message &m)
{
    return m.context + QLatin1Char('\x1f') + m.source + QLatin1Char('\x1f') + m.comment;
}

QString describe(const Message &m)
{
    QString text = m.source.left(80).replace(QLatin1Char('\n'), QLatin1String("\\n"));
    return QStringLiteral("  [%1] \"%2\"%3")
        .arg(m.context, text, m.numerus ? QStringLiteral(" (%n)") : QString());
}

QStringList committedTsFiles()
{
    return QStringLiteral(HERALD_TS_FILES).split(QLatin1Char('|'), Qt::SkipEmptyParts);
}

bool readCatalog(const QString &path, Catalog *catalog, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    QXmlStreamReader xml(&file);
    QString context;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            Message m;
            m.context = context;
            m.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            while (!(xml.isEndElement() && xml.name() == QLatin1String("message")) && !xml.atEnd()) {
                xml.readNext();
                if (!xml.isStartElement())
                    continue;
                if (xml.name() == QLatin1String("source")) {
                    m.source = xml.readElementText();
                } else if (xml.name() == QLatin1String("comment")) {
                    m.comment = xml.readElementText();
                } else if (xml.name() == QLatin1String("translation")) {
                    const QStringView type = xml.attributes().value(QLatin1String("type"));
                    m.finished = type.isEmpty();
                    m.obsolete = type == QLatin1String("vanished") || type == QLatin1String("obsolete");
                    if (!m.numerus)
                        m.translations << xml.readElementText();
                } else if (xml.name() == QLatin1String("numerusform")) {
                    m.translations << xml.readElementText();
                }
            }
            catalog->insert(key(m), m);
        }
    }
    if (xml.hasError()) {
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
        return false;
    }
    return true;
}

bool runTool(const QString &program, const QStringList &args, QString *output)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, args);
    const bool ok = process.waitForFinished(120000) && process.exitStatus() == QProcess::NormalExit
        && process.exitCode() == 0;
    *output = QString::fromLocal8Bit(process.readAll());
    if (!ok)
        *output += QStringLiteral("\n%1 %2 failed: %3")
                       .arg(program, args.join(QLatin1Char(' ')), process.errorString());
    return ok;
}

// "%1", "%L2", "%n", "%Ln": what .arg() and the plural forms fill in.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%L?(\\d{1,2}|n)"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found << it.next().captured(1);
    found.sort();
    return found;
}

Catalog g_extracted;
QString g_lupdateOutput;

} // namespace

void TestTranslationCatalog::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // The project update_translations uses (sources, include paths), pointed
    // at a temporary .ts so the committed ones are not touched.
    const QString in = m_dir.filePath(QStringLiteral("project.cmake"));
    const QString json = m_dir.filePath(QStringLiteral("project.json"));
    const QString extracted = m_dir.filePath(QStringLiteral("extracted_en.ts"));
    QFile cmake(in);
    QVERIFY(cmake.open(QIODevice::WriteOnly | QIODevice::Text));
    cmake.write(QStringLiteral("include(\"%1\")\nset(lupdate_translations \"%2\")\n")
                    .arg(QStringLiteral(HERALD_LUPDATE_PROJECT), extracted)
                    .toUtf8());
    cmake.close();

    QString output;
    QVERIFY2(runTool(QStringLiteral(HERALD_CMAKE_COMMAND),
                     {QStringLiteral("-DIN_FILE=") + in, QStringLiteral("-DOUT_FILE=") + json,
                      QStringLiteral("-P"), QStringLiteral(HERALD_LUPDATE_PROJECT_SCRIPT)},
                     &output),
             qPrintable(output));
    QStringList args = QStringLiteral(HERALD_LUPDATE_OPTIONS).split(QLatin1Char('|'), Qt::SkipEmptyParts);
    args << QStringLiteral("-project") << json;
    QVERIFY2(runTool(QStringLiteral(HERALD_LUPDATE), args, &output), qPrintable(output));
    g_lupdateOutput = output;

    QString error;
    QVERIFY2(readCatalog(extracted, &g_extracted, &error), qPrintable(error));
    // A broken project (no sources found) must not pass as "nothing missing".
    QVERIFY2(
        g_extracted.size() > 500,
        qPrintable(QStringLiteral("lupdate found only %1 strings:\n%2").arg(g_extracted.size()).arg(output)));
}

void TestTranslationCatalog::sourceStringsAreInTheCatalog_data()
{
    QTest::addColumn<QString>("tsFile");
    for (const QString &ts : committedTsFiles())
        QTest::newRow(qPrintable(QFileInfo(ts).fileName())) << ts;
}

void TestTranslationCatalog::sourceStringsAreInTheCatalog()
{
    QFETCH(QString, tsFile);
    Catalog committed;
    QString error;
    QVERIFY2(readCatalog(tsFile, &committed, &error), qPrintable(error));

    QStringList missing;
    for (const Message &m : std::as_const(g_extracted)) {
        const auto it = committed.constFind(key(m));
        if (it == committed.cend() || it->obsolete || it->numerus != m.numerus)
            missing << describe(m);
    }
    missing.sort();
    const int shown = 40;
    QString list = QStringList(missing.mid(0, shown)).join(QLatin1Char('\n'));
    if (missing.size() > shown)
        list += QStringLiteral("\n  ... and %1 more").arg(missing.size() - shown);
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("%1 source string(s) are missing from %2:\n%3\n"
                                       "Run: cmake --build %4 --target update_translations "
                                       "(then translate what you can and commit the .ts files)")
                            .arg(missing.size())
                            .arg(tsFile, list, QStringLiteral(HERALD_BUILD_DIR))));
}

void TestTranslationCatalog::translationsKeepPlaceholders_data()
{
    sourceStringsAreInTheCatalog_data();
}

void TestTranslationCatalog::translationsKeepPlaceholders()
{
    QFETCH(QString, tsFile);
    Catalog catalog;
    QString error;
    QVERIFY2(readCatalog(tsFile, &catalog, &error), qPrintable(error));

    QStringList wrong;
    int checked = 0;
    for (const Message &m : std::as_const(catalog)) {
        if (!m.finished)
            continue;
        QStringList expected = placeholders(m.source);
        for (const QString &form : m.translations) {
            ++checked;
            // A singular form may spell the number out ("one attempt"); every
            // other placeholder must be there, exactly once each.
            QStringList got = placeholders(form);
            QStringList want = expected;
            if (m.numerus && !got.contains(QLatin1String("n")))
                want.removeAll(QStringLiteral("n"));
            if (got != want)
                wrong << QStringLiteral("%1\n    -> \"%2\" has %3, the source %4")
                             .arg(describe(m), form, got.join(QLatin1Char(',')), want.join(QLatin1Char(',')));
        }
    }
    QVERIFY2(wrong.isEmpty(),
             qPrintable(QStringLiteral("translations with other placeholders than their "
                                       "source in %1:\n%2")
                            .arg(tsFile, wrong.join(QLatin1Char('\n')))));
    qInfo("%s: %d finished translation(s) checked", qPrintable(QFileInfo(tsFile).fileName()), checked);
}

void TestTranslationCatalog::englishPluralsAreComplete()
{
    const QStringList files = committedTsFiles();
    const auto english = std::find_if(files.cbegin(), files.cend(),
                                      [](const QString &f) { return f.endsWith(QLatin1String("_en.ts")); });
    QVERIFY(english != files.cend());
    Catalog catalog;
    QString error;
    QVERIFY2(readCatalog(*english, &catalog, &error), qPrintable(error));

    QStringList incomplete;
    int plurals = 0;
    for (const Message &m : std::as_const(catalog)) {
        if (!m.numerus || m.obsolete)
            continue;
        ++plurals;
        const bool complete = m.finished && m.translations.size() == 2
            && std::none_of(m.translations.cbegin(), m.translations.cend(),
                            [](const QString &t) { return t.isEmpty() || t.contains(QLatin1String("(s)")); });
        if (!complete)
            incomplete << describe(m);
    }
    QVERIFY(plurals > 0);
    QVERIFY2(incomplete.isEmpty(),
             qPrintable(
                 QStringLiteral("%1 string(s) need their singular and plural English forms in %2 (open it in "
                                "Qt Linguist, or write both <numerusform>s):\n%3")
                     .arg(incomplete.size())
                     .arg(*english, incomplete.join(QLatin1Char('\n')))));
}

// lupdate files a tr() under the class (or, outside classes, the namespace) it
// is written in, and warns "Class 'X' lacks Q_OBJECT macro" when X declares no
// tr() of its own. The call then reaches some other tr(): a file-local helper
// or a base class's, with its own context. Unless that context is X, the
// catalog holds the text under X and the program looks under another name:
// the translation is never found.
void TestTranslationCatalog::runtimeContextsMatchTheCatalog()
{
    static const QRegularExpression warning(
        QStringLiteral("^(.+):(\\d+): Class '([^']+)' lacks Q_OBJECT macro"),
        QRegularExpression::MultilineOption);
    QStringList wrong;
    int checked = 0;
    for (auto it = warning.globalMatch(g_lupdateOutput); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        ++checked;
        QFile file(m.captured(1));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(m.captured(1)));
        const QString source = QString::fromUtf8(file.readAll());
        const QString helper = QStringLiteral("translate(\"%1\"").arg(m.captured(3));
        if (!source.contains(helper))
            wrong << QStringLiteral("  %1:%2: tr() in '%3'").arg(m.captured(1), m.captured(2), m.captured(3));
    }
    QVERIFY2(
        wrong.isEmpty(),
        qPrintable(QStringLiteral("tr() calls whose translation the program cannot find (lupdate files them "
                                  "under a context their tr() does not use):\n%1\nGive the class "
                                  "Q_DECLARE_TR_FUNCTIONS(full::Name), or make the file's tr() helper use "
                                  "QCoreApplication::translate(\"<that context>\", text).")
                       .arg(wrong.join(QLatin1Char('\n')))));
    qInfo("%d tr() scope(s) without Q_OBJECT checked against their helpers", checked);
}

QTEST_GUILESS_MAIN(TestTranslationCatalog)
#include "tst_translationcatalog.moc"
