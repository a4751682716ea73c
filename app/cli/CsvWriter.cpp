#include "cli/CsvWriter.h"

#include <QTextStream>

namespace herald::cli {

CsvWriter::CsvWriter(QTextStream &out)
    : RecordWriter(out)
{
}

QString CsvWriter::quoted(const QString &field)
{
    const bool needsQuotes = field.contains(QLatin1Char(',')) || field.contains(QLatin1Char('"'))
        || field.contains(QLatin1Char('\r')) || field.contains(QLatin1Char('\n'));
    if (!needsQuotes)
        return field;
    QString result = field;
    result.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + result + QLatin1Char('"');
}

void CsvWriter::writeHeader()
{
    writeLine(fields());
}

void CsvWriter::writeRecord(const Record &record)
{
    QStringList values;
    values.reserve(record.size());
    for (const QJsonValue &value : record)
        values.append(textOf(value));
    writeLine(values);
}

void CsvWriter::writeLine(const QStringList &fields)
{
    for (int i = 0; i < fields.size(); ++i) {
        if (i > 0)
            m_out << ',';
        m_out << quoted(fields[i]);
    }
    m_out << "\r\n";
}

} // namespace herald::cli
