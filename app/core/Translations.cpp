#include "core/Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QTranslator>
#include <memory>

namespace herald {

namespace {

Q_LOGGING_CATEGORY(lcTranslations, "herald.translations", QtInfoMsg)

const QString kCatalogDir = QStringLiteral(":/i18n");
const QString kEnglishCatalog = QStringLiteral(":/i18n/herald_en.qm");

// Object names of the translators this module installs, so that a second
// call finds and replaces them (tests switch languages).
const QString kHeraldTranslator = QStringLiteral("herald-translator");
const QString kQtTranslator = QStringLiteral("herald-qt-translator");

void removeInstalled(QCoreApplication *app, const QString &name)
{
    const auto installed = app->findChildren<QTranslator *>(name, Qt::FindDirectChildrenOnly);
    for (QTranslator *translator : installed) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

// Hands a loaded translator to the application; returns its file.
QString install(QCoreApplication *app, std::unique_ptr<QTranslator> translator, const QString &name)
{
    translator->setObjectName(name);
    translator->setParent(app);
    QTranslator *installed = translator.release();
    QCoreApplication::installTranslator(installed);
    return installed->filePath();
}

} // namespace

InstalledTranslations installTranslations(const QLocale &locale)
{
    InstalledTranslations result;
    QCoreApplication *app = QCoreApplication::instance();
    if (!app) {
        qCWarning(lcTranslations) << "installTranslations() needs a QCoreApplication; texts stay English";
        return result;
    }
    removeInstalled(app, kHeraldTranslator);
    removeInstalled(app, kQtTranslator);

    // QTranslator tries each of the locale's UI languages in order, with and
    // without the territory: herald_de_CH.qm, herald_de.qm, ...
    auto herald = std::make_unique<QTranslator>();
    if (!herald->load(locale, QStringLiteral("herald"), QStringLiteral("_"), kCatalogDir)) {
        // No translation for this locale: normal, English it is. The English
        // catalog is still loaded for "1 attempt" / "2 attempts" plurals.
        result.fallback = true;
        if (!herald->load(kEnglishCatalog)) {
            qCWarning(lcTranslations) << "no translation catalogs under" << kCatalogDir
                                      << "(is herald-translations linked?); texts stay English";
            return result;
        }
    }
    result.language = herald->language();
    result.heraldFile = install(app, std::move(herald), kHeraldTranslator);
    qCDebug(lcTranslations) << "locale" << locale.uiLanguages() << "uses" << result.heraldFile
                            << (result.fallback ? "(no translation for it: English)" : "");

    // Qt's own texts in the language Herald speaks, so that a German window
    // has German standard buttons; English needs no catalog.
    if (result.fallback || result.language.startsWith(QLatin1String("en")))
        return result;
    const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(QLocale(result.language), QStringLiteral("qtbase"), QStringLiteral("_"), qtDir))
        result.qtFile = install(app, std::move(qt), kQtTranslator);
    else
        qCDebug(lcTranslations) << "no qtbase catalog for" << result.language << "in" << qtDir;
    return result;
}

} // namespace herald
