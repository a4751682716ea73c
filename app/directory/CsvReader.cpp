#include "directory/CsvReader.h"

#include "directory/DirectoryLog.h"

#include <QIODevice>
#include <array>

namespace herald {

namespace {

constexpr qsizetype chunkSize = 64 * 1024;
// The delimiter is guessed from the first line; a header longer than this is
// not a header.
constexpr qsizetype detectLimit = 64 * 1024;

bool isBlank(const CsvRecord &record)
{
    return record.fields.size() == 1 && record.fields.constFirst().trimmed().isEmpty();
}

} // namespace

qsizetype firstInvalidUtf8(const char *data, qsizetype size)
{
    const auto *p = reinterpret_cast<const uchar *>(data);
    qsizetype i = 0;
    while (i < size) {
        const uchar c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        uint codePoint = 0;
        uint minimum = 0;
        if ((c & 0xE0) == 0xC0) {
            length = 2;
            codePoint = c & 0x1F;
            minimum = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3;
            codePoint = c & 0x0F;
            minimum = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            length = 4;
            codePoint = c & 0x07;
            minimum = 0x10000;
        } else {
            return i;
        }
        if (i + length > size)
            return i;
        for (int k = 1; k < length; ++k) {
            const uchar next = p[i + k];
            if ((next & 0xC0) != 0x80)
                return i;
            codePoint = (codePoint << 6) | (next & 0x3F);
        }
        if (codePoint < minimum || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
            return i;
        i += length;
    }
    return -1;
}

CsvReader::CsvReader(QIODevice *device)
    : m_device(device)
{
}

LineProblems CsvReader::takeNewProblems()
{
    LineProblems fresh = m_problems.mid(m_problemsTaken);
    m_problemsTaken = m_problems.size();
    return fresh;
}

void CsvReader::report(int line, LineProblem::Severity severity, const QString &message)
{
    m_problems.append(LineProblem{line, severity, message});
}

void CsvReader::fail(int line, const QString &message)
{
    m_failed = true;
    report(line, LineProblem::Severity::Error, message);
    qCDebug(lcDirectory) << "CSV read stopped at line" << line << message;
}

bool CsvReader::fillMore()
{
    if (m_atEof)
        return false;
    // Drop what the parser has consumed; field bytes already live in m_field.
    if (m_pos > 0) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
    const qsizetype old = m_buffer.size();
    m_buffer.resize(old + chunkSize);
    const qint64 got = m_device->read(m_buffer.data() + old, chunkSize);
    if (got <= 0) {
        m_buffer.resize(old);
        m_atEof = true;
        if (got < 0)
            fail(m_line, tr("cannot read the file: %1").arg(m_device->errorString()));
        return false;
    }
    m_buffer.resize(old + got);
    return true;
}

bool CsvReader::start()
{
    m_started = true;
    if (!m_device || !m_device->isReadable()) {
        fail(0, tr("the file is not open for reading"));
        return false;
    }
    while (m_buffer.size() < 3 && fillMore()) { }
    if (m_failed)
        return false;
    if (m_buffer.startsWith("\xEF\xBB\xBF")) {
        m_pos = 3;
    } else if (m_buffer.startsWith("\xFF\xFE") || m_buffer.startsWith("\xFE\xFF")) {
        fail(1, tr("the file is UTF-16 encoded; save it as UTF-8 (CSV UTF-8 in Excel)"));
        return false;
    }
    if (m_delimiter == 0)
        detectDelimiter();
    return !m_failed;
}

void CsvReader::detectDelimiter()
{
    // Count candidates outside quotes on the first non-blank line; the most
    // frequent wins, ',' on a tie or when there are none (a one-column file).
    constexpr std::array<char, 3> candidates{',', ';', '\t'};
    std::array<int, 3> counts{};
    bool inQuotes = false;
    bool nonBlank = false;
    qsizetype offset = 0;
    while (offset < detectLimit) {
        if (m_pos + offset >= m_buffer.size()) {
            if (!fillMore())
                break;
            continue;
        }
        const char c = m_buffer.at(m_pos + offset++);
        if (c == '"') {
            inQuotes = !inQuotes;
        } else if (!inQuotes && (c == '\n' || c == '\r')) {
            if (nonBlank)
                break;
            continue;
        } else if (!inQuotes) {
            for (std::size_t i = 0; i < candidates.size(); ++i) {
                if (c == candidates[i])
                    ++counts[i];
            }
        }
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            nonBlank = true;
    }
    std::size_t best = 0;
    for (std::size_t i = 1; i < candidates.size(); ++i) {
        if (counts[i] > counts[best])
            best = i;
    }
    m_delimiter = candidates[best];
    m_detected = true;
}

void CsvReader::consumeLineEnd(char c)
{
    if (c == '\r') {
        if (m_pos < m_buffer.size() || fillMore()) {
            if (m_buffer.at(m_pos) == '\n')
                ++m_pos;
        }
    }
    ++m_line;
}

void CsvReader::finishField(CsvRecord *record, int fieldLine)
{
    const qsizetype bad = firstInvalidUtf8(m_field.constData(), m_field.size());
    if (bad >= 0 && !record->invalidEncoding) {
        record->invalidEncoding = true;
        const int line = fieldLine + int(m_field.left(bad).count('\n'));
        const auto byte = static_cast<uchar>(m_field.at(bad));
        report(line, LineProblem::Severity::Error,
               tr("invalid UTF-8 byte 0x%1 in column %2; the file seems to use another encoding "
                  "(Windows-1252?): save it as UTF-8")
                   .arg(uint(byte), 2, 16, QLatin1Char('0'))
                   .arg(record->fields.size() + 1));
    }
    record->fields.append(QString::fromUtf8(m_field));
    m_field.clear();
}

bool CsvReader::fieldTooLong(int fieldLine)
{
    if (m_field.size() <= m_maxFieldSize)
        return false;
    fail(
        fieldLine,
        tr("a field starting here is longer than %1 bytes; is a closing quote missing?").arg(m_maxFieldSize));
    return true;
}

bool CsvReader::appendRunUntil(char stop, int fieldLine)
{
    // Copy the run of ordinary bytes (up to `stop` or a line break) in one go.
    const char *data = m_buffer.constData();
    const qsizetype size = m_buffer.size();
    qsizetype end = m_pos;
    while (end < size && data[end] != stop && data[end] != '\n' && data[end] != '\r')
        ++end;
    m_field.append(data + m_pos, end - m_pos);
    m_pos = end;
    return !fieldTooLong(fieldLine);
}

bool CsvReader::readRecord(CsvRecord *record)
{
    if (m_failed || m_finished)
        return false;
    if (!m_started && !start())
        return false;
    for (;;) {
        switch (parseRecord(record)) {
        case Parsed::Record:
            if (isBlank(*record))
                continue;
            return true;
        case Parsed::End:
            m_finished = true;
            return false;
        case Parsed::Error:
            return false;
        }
    }
}

CsvReader::Parsed CsvReader::parseRecord(CsvRecord *record)
{
    record->fields.clear();
    record->line = m_line;
    record->invalidEncoding = false;
    m_field.clear();

    if (m_pos >= m_buffer.size() && !fillMore())
        return m_failed ? Parsed::Error : Parsed::End;

    enum class State { FieldStart, Unquoted, Quoted, AfterQuote };
    State state = State::FieldStart;
    int fieldLine = m_line;
    int quoteLine = m_line;
    bool warnedAfterQuote = false;
    const char delimiter = m_delimiter;

    for (;;) {
        if (m_pos >= m_buffer.size() && !fillMore()) {
            if (m_failed)
                return Parsed::Error;
            if (state == State::Quoted) {
                fail(quoteLine, tr("unterminated quoted field: the quote opened here is never closed"));
                return Parsed::Error;
            }
            finishField(record, fieldLine);
            return Parsed::Record;
        }
        const char *data = m_buffer.constData();
        const qsizetype size = m_buffer.size();

        switch (state) {
        case State::FieldStart:
            fieldLine = m_line;
            if (data[m_pos] == '"') {
                ++m_pos;
                quoteLine = m_line;
                state = State::Quoted;
                continue;
            }
            state = State::Unquoted;
            [[fallthrough]];
        case State::Unquoted: {
            if (!appendRunUntil(delimiter, fieldLine))
                return Parsed::Error;
            if (m_pos >= size)
                continue;
            const char c = data[m_pos++];
            finishField(record, fieldLine);
            if (c == delimiter) {
                state = State::FieldStart;
                continue;
            }
            consumeLineEnd(c);
            return Parsed::Record;
        }
        case State::Quoted: {
            if (!appendRunUntil('"', fieldLine))
                return Parsed::Error;
            if (m_pos >= size)
                continue;
            const char c = data[m_pos++];
            if (c == '"') {
                // A doubled quote is a literal quote; a single one closes the field.
                if (m_pos < m_buffer.size() || fillMore()) {
                    if (m_buffer.at(m_pos) == '"') {
                        ++m_pos;
                        m_field.append('"');
                        continue;
                    }
                }
                state = State::AfterQuote;
                continue;
            }
            // A line break inside quotes belongs to the value. CRLF becomes
            // LF so values (message templates) look the same from any OS.
            consumeLineEnd(c);
            m_field.append('\n');
            continue;
        }
        case State::AfterQuote: {
            const char c = data[m_pos++];
            if (c == delimiter || c == '\n' || c == '\r') {
                finishField(record, fieldLine);
                if (c == delimiter) {
                    state = State::FieldStart;
                    continue;
                }
                consumeLineEnd(c);
                return Parsed::Record;
            }
            // Not RFC 4180 ("a"b): keep the text rather than lose data, but say so.
            if (!warnedAfterQuote) {
                warnedAfterQuote = true;
                report(m_line, LineProblem::Severity::Warning,
                       tr("text after a closing quote in column %1 was kept as is")
                           .arg(record->fields.size() + 1));
            }
            m_field.append(c);
            state = State::Unquoted;
            continue;
        }
        }
    }
}

} // namespace herald
