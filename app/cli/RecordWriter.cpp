#include "cli/RecordWriter.h"

#include "cli/CsvWriter.h"
#include "cli/JsonLinesWriter.h"
#include "cli/TableWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <cmath>

namespace herald::cli {

QString outputFormatName(OutputFormat format)
{
    switch (format) {
    case OutputFormat::Table:
        return QStringLiteral("table");
    case OutputFormat::Csv:
        return QStringLiteral("csv");
    case OutputFormat::Json:
        return QStringLiteral("json");
    }
    return {};
}

QStringList outputFormatNames()
{
    return {outputFormatName(OutputFormat::Table), outputFormatName(OutputFormat::Csv),
            outputFormatName(OutputFormat::Json)};
}

std::optional<OutputFormat> outputFormatFromName(const QString &name)
{
    for (OutputFormat format : {OutputFormat::Table, OutputFormat::Csv, OutputFormat::Json}) {
        if (name.compare(outputFormatName(format), Qt::CaseInsensitive) == 0)
            return format;
    }
    return std::nullopt;
}

QStringList RecipientRecord::fields()
{
    return {QStringLiteral("recipient"),      QStringLiteral("id"),
            QStringLiteral("kind"),           QStringLiteral("state"),
            QStringLiteral("installationId"), QStringLiteral("chatId"),
            QStringLiteral("detail")};
}

Record RecipientRecord::toRecord() const
{
    return {recipient, id, kind, state, installationId, chatId, detail};
}

std::unique_ptr<RecordWriter> RecordWriter::create(OutputFormat format, QTextStream &out)
{
    switch (format) {
    case OutputFormat::Table:
        return std::make_unique<TableWriter>(out);
    case OutputFormat::Csv:
        return std::make_unique<CsvWriter>(out);
    case OutputFormat::Json:
        return std::make_unique<JsonLinesWriter>(out);
    }
    return nullptr;
}

RecordWriter::RecordWriter(QTextStream &out)
    : m_out(out)
{
}

void RecordWriter::setFields(const QStringList &fields)
{
    Q_ASSERT_X(!m_headerWritten, "RecordWriter::setFields", "fields are fixed once records were written");
    m_fields = fields;
}

void RecordWriter::write(const Record &record)
{
    Q_ASSERT_X(record.size() <= m_fields.size(), "RecordWriter::write", "more values than fields");
    if (!m_headerWritten) {
        m_headerWritten = true;
        writeHeader();
    }
    if (record.size() == m_fields.size()) {
        writeRecord(record);
        return;
    }
    Record padded = record;
    while (padded.size() < m_fields.size())
        padded.append(QJsonValue(QString()));
    writeRecord(padded);
}

void RecordWriter::write(const RecipientRecord &record)
{
    if (m_fields.isEmpty())
        setFields(RecipientRecord::fields());
    write(record.toRecord());
}

void RecordWriter::flush()
{
    m_out.flush();
}

QString RecordWriter::escapeControls(const QString &text, QString (*otherControl)(char16_t),
                                     QStringView quoted)
{
    QString result;
    result.reserve(text.size() + 8);
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (u == '\n')
            result += QLatin1String("\\n");
        else if (u == '\r')
            result += QLatin1String("\\r");
        else if (u == '\t')
            result += QLatin1String("\\t");
        else if (u < 0x20)
            result += otherControl(u);
        else if (quoted.contains(c))
            result += QLatin1Char('\\') + c;
        else
            result += c;
    }
    return result;
}

QString RecordWriter::textOf(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double: {
        const double d = value.toDouble();
        // Exactly representable integers print without ".0" or an exponent.
        if (std::abs(d) < 9007199254740992.0 && d == std::floor(d))
            return QString::number(static_cast<qint64>(d));
        return QString::number(d, 'g', 15);
    }
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

} // namespace herald::cli
