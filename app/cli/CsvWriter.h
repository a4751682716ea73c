#pragma once

#include "cli/RecordWriter.h"

namespace herald::cli {

// RFC 4180: a header row, CRLF line ends, a field quoted when it holds a
// comma, a double quote, CR or LF, with inner quotes doubled.
class CsvWriter : public RecordWriter
{
public:
    explicit CsvWriter(QTextStream &out);

    static QString quoted(const QString &field);

protected:
    void writeHeader() override;
    void writeRecord(const Record &record) override;

private:
    void writeLine(const QStringList &fields);
};

} // namespace herald::cli
