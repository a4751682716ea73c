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
    QString result;
    result.reserve(text.size() + 2);
    result += QLatin1Char('"');
    for (QChar c : text) {
        switch (c.unicode()) {
        case '"':
            result += QLatin1String("\\\"");
            break;
        case '\\':
            result += QLatin1String("\\\\");
            break;
        case '\n':
            result += QLatin1String("\\n");
            break;
        case '\r':
            result += QLatin1String("\\r");
            break;
        case '\t':
            result += QLatin1String("\\t");
            break;
        case '\b':
            result += QLatin1String("\\b");
            break;
        case '\f':
            result += QLatin1String("\\f");
            break;
        default:
            if (c.unicode() < 0x20)
                result += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                result += c;
        }
    }
    result += QLatin1Char('"');
    return result;
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
