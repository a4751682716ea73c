#pragma once

#include "cli/RecordWriter.h"

namespace herald::cli {

// One compact JSON object per line, keys in field order (QJsonObject would
// sort them), so `jq` and line-oriented tools both work.
class JsonLinesWriter : public RecordWriter
{
public:
    explicit JsonLinesWriter(QTextStream &out);

    static QString jsonString(const QString &text);
    static QString jsonValue(const QJsonValue &value);

protected:
    void writeHeader() override { }
    void writeRecord(const Record &record) override;
};

} // namespace herald::cli
