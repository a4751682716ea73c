#include "MessageFiles.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStringDecoder>

namespace herald::ui {

MessageFiles::Read MessageFiles::read(const QString &path)
{
    Read result;
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("json")) {
        result.isJson = true;
    } else if (suffix != QLatin1String("md") && suffix != QLatin1String("markdown")
               && suffix != QLatin1String("txt")) {
        result.error
            = tr("Cannot open \"%1\": Herald opens .md, .markdown, .txt or .json message files.").arg(path);
        return result;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = tr("Cannot open \"%1\": %2").arg(path, file.errorString());
        return result;
    }
    // Stateless: a sequence cut off at the end of the file is an error too.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringConverter::Flag::Stateless);
    result.text = decoder(file.readAll());
    if (decoder.hasError()) {
        result.text.clear();
        result.error
            = tr("Cannot open \"%1\": it is not UTF-8 text. Save it as UTF-8 and try again.").arg(path);
        return result;
    }
    result.ok = true;
    return result;
}

QString MessageFiles::write(const QString &path, const QString &text)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit())
        return tr("Cannot save \"%1\": %2").arg(path, file.errorString());
    return QString();
}

} // namespace herald::ui
