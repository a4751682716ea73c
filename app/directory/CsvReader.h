#pragma once

// RFC 4180 reader that streams records from a QIODevice: only the current
// record and one read chunk are held in memory, so a 100,000-line export costs
// no more than a 3-line one.
//
// Beyond the RFC it accepts what spreadsheets produce: a UTF-8 BOM, CRLF, LF
// or lone CR line ends, ',' ';' or tab delimiters (detected from the first
// non-blank line), blank lines (skipped). It does not guess encodings: bytes
// that are not UTF-8 are reported with their line number.

#include "directory/LineProblem.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QStringList>

class QIODevice;

namespace herald {

struct CsvRecord
{
    QStringList fields;
    int line = 0; // physical line the record starts on (1-based)
    bool invalidEncoding = false; // some bytes were not UTF-8 (shown as U+FFFD; see problems())
};

class CsvReader
{
    Q_DECLARE_TR_FUNCTIONS(herald::CsvReader)

public:
    // The device must be open and blocking (file, buffer, stdin). Not owned.
    explicit CsvReader(QIODevice *device);

    // Force a delimiter instead of detecting it from the first line.
    void setDelimiter(char delimiter) { m_delimiter = delimiter; }
    // Longest field accepted, in bytes; a longer one is an error (almost
    // always an unbalanced quote swallowing the rest of the file).
    void setMaxFieldSize(qsizetype bytes) { m_maxFieldSize = bytes; }

    // Next non-blank record. False at the end of input or after a fatal error
    // (see hasError()); a record with invalid UTF-8 is still returned.
    bool readRecord(CsvRecord *record);

    // Detected or forced delimiter; valid after the first readRecord().
    char delimiter() const { return m_delimiter; }
    bool delimiterWasDetected() const { return m_detected; }

    bool hasError() const { return m_failed; }
    // Everything reported so far: warnings and at most one fatal error.
    const LineProblems &problems() const { return m_problems; }
    // Problems reported since the last call (for callers that interleave their own).
    LineProblems takeNewProblems();

private:
    enum class Parsed { Record, End, Error };

    bool start();
    void detectDelimiter();
    Parsed parseRecord(CsvRecord *record);
    bool fillMore();
    void consumeLineEnd(char c);
    void finishField(CsvRecord *record, int fieldLine);
    bool fieldTooLong(int fieldLine);
    bool appendRunUntil(char stop, int fieldLine);
    void report(int line, LineProblem::Severity severity, const QString &message);
    void fail(int line, const QString &message);

    QIODevice *m_device;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    QByteArray m_field;
    int m_line = 1;
    qsizetype m_maxFieldSize = 1024 * 1024;
    char m_delimiter = 0;
    bool m_detected = false;
    bool m_started = false;
    bool m_finished = false;
    bool m_failed = false;
    bool m_atEof = false;
    LineProblems m_problems;
    qsizetype m_problemsTaken = 0;
};

// Index of the first byte that does not start a valid UTF-8 sequence (RFC 3629:
// no overlongs, surrogates or code points above U+10FFFF), or -1.
qsizetype firstInvalidUtf8(const char *data, qsizetype size);

} // namespace herald
