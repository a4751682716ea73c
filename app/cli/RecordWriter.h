#pragma once

// RecordWriter: the records a command prints on stdout, in the format chosen
// with --format. Records stream: each one is written as it arrives (the table
// holds back only its first few rows to size its columns).

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

class QTextStream;

namespace herald::cli {

enum class OutputFormat { Table, Csv, Json };

QString outputFormatName(OutputFormat format);
QStringList outputFormatNames();
std::optional<OutputFormat> outputFormatFromName(const QString &name);

// One value per field, in the order of setFields(). Strings, numbers, bools
// or null (printed empty in table/csv, as null in json).
using Record = QList<QJsonValue>;

// The per-recipient record of CLI.md, with its fixed field names.
struct RecipientRecord
{
    QString recipient; // what the user gave (UPN, id, team id)
    QString id; // resolved Entra object id (empty if not found)
    QString kind; // "user" or "team"
    QString state; // installed, not_found, sent, ...
    QString installationId; // when known
    QString chatId; // when known
    QString detail; // error code/message for failures

    static QStringList fields();
    Record toRecord() const;
};

class RecordWriter
{
public:
    static std::unique_ptr<RecordWriter> create(OutputFormat format, QTextStream &out);

    virtual ~RecordWriter() = default;

    // Names the fields of the records that follow; call once, before write().
    void setFields(const QStringList &fields);
    const QStringList &fields() const { return m_fields; }

    // Missing trailing values print empty; extra values are a programming error.
    void write(const Record &record);
    void write(const RecipientRecord &record);

    // Writes anything held back and flushes the stream, so every record
    // written so far is visible (call when the command stops or is interrupted).
    virtual void flush();

protected:
    explicit RecordWriter(QTextStream &out);

    // A value as plain text: strings as they are, whole numbers without a
    // fraction, null as empty, arrays/objects as compact JSON.
    static QString textOf(const QJsonValue &value);

    // `text` with \n, \r and \t written as those two-character escapes, any
    // other C0 control character as `otherControl` makes it, and each
    // character of `quoted` preceded by a backslash. Table cells and JSON
    // strings differ only in the last two.
    static QString escapeControls(const QString &text, QString (*otherControl)(char16_t),
                                  QStringView quoted = {});

    virtual void writeHeader() = 0;
    virtual void writeRecord(const Record &record) = 0;

    QTextStream &m_out;

private:
    QStringList m_fields;
    bool m_headerWritten = false;
};

} // namespace herald::cli
