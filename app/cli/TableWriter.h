#pragma once

#include "cli/RecordWriter.h"

#include <QList>

namespace herald::cli {

// Aligned columns for people. To stream without buffering everything, it
// sizes the columns from a sample -- the first kSampleRows rows, or fewer when
// flush() comes first -- then prints each row as it arrives. A later value
// wider than its column is printed in full (never cut) and widens the column
// for the rows after it. Control characters are shown escaped (\n, \t) so a
// record stays on one line.
class TableWriter : public RecordWriter
{
public:
    static constexpr int kSampleRows = 25;
    static constexpr int kMaxSampledWidth = 60; // a longer value overflows rather than widening everything
    static constexpr int kGap = 2;

    explicit TableWriter(QTextStream &out);

    void flush() override;

    static QString escaped(const QString &text);

protected:
    void writeHeader() override;
    void writeRecord(const Record &record) override;

private:
    void startStreaming();
    void printRow(const QStringList &cells);

    QList<int> m_widths;
    QList<QStringList> m_sample;
    bool m_streaming = false;
};

} // namespace herald::cli
