#include "cli/TableWriter.h"

#include <QTextStream>
#include <algorithm>
#include <utility>

namespace herald::cli {

TableWriter::TableWriter(QTextStream &out)
    : RecordWriter(out)
{
}

QString TableWriter::escaped(const QString &text)
{
    // Control characters would move the cursor or recolour the terminal: a
    // display name is not allowed to do that.
    bool plain = std::none_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x20; });
    if (plain)
        return text;
    const auto hexEscape
        = [](char16_t c) { return QStringLiteral("\\x%1").arg(int(c), 2, 16, QLatin1Char('0')); };
    return escapeControls(text, hexEscape);
}

void TableWriter::writeHeader()
{
    m_widths.clear();
    for (const QString &field : fields())
        m_widths.append(int(field.size()));
}

void TableWriter::writeRecord(const Record &record)
{
    QStringList cells;
    cells.reserve(record.size());
    for (const QJsonValue &value : record)
        cells.append(escaped(textOf(value)));

    if (m_streaming) {
        printRow(cells);
        return;
    }
    for (int i = 0; i < cells.size(); ++i)
        m_widths[i] = std::max(m_widths[i], std::min(int(cells[i].size()), kMaxSampledWidth));
    m_sample.append(cells);
    if (m_sample.size() >= kSampleRows)
        startStreaming();
}

void TableWriter::flush()
{
    if (!m_streaming && !fields().isEmpty() && !m_widths.isEmpty())
        startStreaming();
    RecordWriter::flush();
}

void TableWriter::startStreaming()
{
    m_streaming = true;
    printRow(fields());
    QStringList rule;
    for (int width : std::as_const(m_widths))
        rule.append(QString(width, QLatin1Char('-')));
    printRow(rule);
    for (const QStringList &cells : std::as_const(m_sample))
        printRow(cells);
    m_sample.clear();
}

void TableWriter::printRow(const QStringList &cells)
{
    QString line;
    int contentEnd = 0; // padding after the last non-empty cell is dropped
    int start = 0; // where cell i should start when nothing overflowed
    for (int i = 0; i < cells.size(); ++i) {
        if (i > 0) {
            start += m_widths[i - 1] + kGap;
            // After an overflowing cell keep the gap; later cells realign when they can.
            line += QString(std::max(start - int(line.size()), kGap), QLatin1Char(' '));
        }
        line += cells[i];
        if (!cells[i].isEmpty())
            contentEnd = int(line.size());
    }
    line.truncate(contentEnd);
    m_out << line << '\n';

    // Widen overflowing columns for the rows to come, so they line up again.
    if (m_streaming) {
        for (int i = 0; i < cells.size(); ++i)
            m_widths[i] = std::max(m_widths[i], int(cells[i].size()));
    }
}

} // namespace herald::cli
