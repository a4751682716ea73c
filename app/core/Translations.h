#pragma once

#include <QLocale>
#include <QString>

namespace herald {

// What installTranslations() put in place.
struct InstalledTranslations
{
    // Herald's catalog, e.g. ":/i18n/herald_de.qm"; empty only when the
    // program was linked without herald-translations.
    QString heraldFile;
    // Its language ("de"; "en" for the English catalog).
    QString language;
    // True when the locale has no Herald translation and English is used:
    // normal for most locales, not an error.
    bool fallback = false;
    // Qt's own catalog for the same language (the texts of standard buttons
    // and dialogs), when it is installed on this machine; else empty.
    QString qtFile;
};

// Installs Herald's translation for `locale` (QLocale::system() follows
// LANGUAGE, LC_ALL, LC_MESSAGES and LANG) from the catalogs embedded under
// :/i18n, falling back to the English catalog (which holds the plural forms
// of the %n strings), plus Qt's qtbase catalog for the same language from
// QLibraryInfo::TranslationsPath when present. Call it after the
// QCoreApplication exists and before any text is created; calling it again
// replaces the translators of the previous call. The translators belong to
// the application object.
InstalledTranslations installTranslations(const QLocale &locale = QLocale::system());

} // namespace herald
