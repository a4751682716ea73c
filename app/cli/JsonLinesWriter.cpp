#include "cli/JsonLinesWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

namespace herald::cli {

JsonLinesWriter::JsonLinesWriter(QTextStream &out)
    : RecordWriter(out)
{
}

QString JsonLinesWriter::jsonString(const QString &text)
{
    // RFC 8259 section 7: quotation mark, reverse solidus and the control
    // characters must be escaped; \uXXXX is valid for any of the controls.
    const auto unicodeEscape
        = [](char16_t c) { return QStringLiteral("\\u%1").arg(int(c), 4, 16, QLatin1Char('0')); };
    return QLatin1Char('"') + escapeControls(text, unicodeEscape, u"\"\\") + QLatin1Char('"');
}

QString JsonLinesWriter::jsonValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return jsonString(value.toString());
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QStringLiteral("null");
    default: {
        // Let Qt format numbers, bools and nested values: wrap, serialise, unwrap.
        const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
        return QString::fromUtf8(array.mid(1, array.size() - 2));
    }
    }
}

void JsonLinesWriter::writeRecord(const Record &record)
{
    QString line;
    line += QLatin1Char('{');
    for (int i = 0; i < record.size(); ++i) {
        if (i > 0)
            line += QLatin1Char(',');
        line += jsonString(fields().at(i));
        line += QLatin1Char(':');
        line += jsonValue(record.at(i));
    }
    line += QLatin1String("}\n");
    m_out << line;
}

} // namespace herald::cli
