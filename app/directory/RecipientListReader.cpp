#include "directory/RecipientListReader.h"

#include "directory/CsvReader.h"
#include "directory/DirectoryLog.h"
#include "directory/HeaderHints.h"
#include "directory/IdentifierShape.h"

#include <QFile>
#include <QHash>
#include <algorithm>

namespace herald {

namespace {

using Severity = LineProblem::Severity;

struct KeyColumns
{
    int id = -1;
    int upn = -1;
    int mail = -1;
    int displayName = -1;
    int count = 0; // header width
    QList<int> extra; // positions of the extra columns, in header order

    bool any() const { return id >= 0 || upn >= 0 || mail >= 0; }
};

// One pass over one file; owns the state the public reader must not keep.
class ListParser
{
    Q_DECLARE_TR_FUNCTIONS(herald::RecipientListReader)

public:
    ListParser(RecipientKind kind, RecipientListResult *result)
        : m_kind(kind)
        , m_result(result)
    {
    }

    // Decides between header and plain list from the first record. False when
    // the file cannot be understood at all.
    bool start(const CsvRecord &first, char delimiter);
    void addRow(const CsvRecord &record);

private:
    void addHeaderRow(const CsvRecord &record);
    void addPlainRow(const CsvRecord &record);
    bool readHeader(const CsvRecord &record);
    void reportMissingKeyColumn(const CsvRecord &record, char delimiter);
    bool validate(int line, const QString &value, InputKind kind);
    void accept(int line, Recipient &&recipient);
    void problem(int line, Severity severity, const QString &message)
    {
        m_result->problems.append(LineProblem{line, severity, message});
    }

    RecipientKind m_kind;
    RecipientListResult *m_result;
    KeyColumns m_columns;
    bool m_header = false;
    QHash<QString, int> m_seen; // lower-cased id/UPN/mail -> line it was first seen on
};

bool ListParser::start(const CsvRecord &first, char delimiter)
{
    if (readHeader(first)) {
        m_header = true;
        m_result->hasHeader = true;
        return true;
    }
    const QString value = first.fields.constFirst().trimmed();
    if (isObjectId(value) || looksLikeUserPrincipalName(value)) {
        addPlainRow(first);
        return true;
    }
    reportMissingKeyColumn(first, delimiter);
    return false;
}

bool ListParser::readHeader(const CsvRecord &record)
{
    KeyColumns columns;
    columns.count = int(record.fields.size());
    auto claim = [&](int *slot, int index, const QString &name) {
        if (*slot >= 0) {
            problem(record.line, Severity::Warning,
                    tr("column '%1' appears twice; the first one is used").arg(name));
            columns.extra.append(index);
            return;
        }
        *slot = index;
    };
    for (int i = 0; i < columns.count; ++i) {
        const QString name = record.fields.at(i).trimmed();
        if (name.compare(u"id", Qt::CaseInsensitive) == 0) {
            claim(&columns.id, i, name);
        } else if (name.compare(u"userPrincipalName", Qt::CaseInsensitive) == 0) {
            claim(&columns.upn, i, name);
        } else if (name.compare(u"mail", Qt::CaseInsensitive) == 0) {
            claim(&columns.mail, i, name);
        } else {
            // A display name column fills the name shown until the directory answers;
            // it stays template data too.
            if (columns.displayName < 0 && name.compare(u"displayName", Qt::CaseInsensitive) == 0)
                columns.displayName = i;
            columns.extra.append(i);
        }
    }
    if (!columns.any())
        return false;
    std::sort(columns.extra.begin(), columns.extra.end());
    QStringList names;
    for (int index : std::as_const(columns.extra)) {
        const QString name = record.fields.at(index).trimmed();
        names.append(name.isEmpty() ? tr("column %1").arg(index + 1) : name);
    }
    m_result->extraColumns = names;
    m_columns = columns;
    return true;
}

void ListParser::reportMissingKeyColumn(const CsvRecord &record, char delimiter)
{
    problem(record.line, Severity::Error, missingKeyColumnMessage(record.fields, delimiter, m_kind));
}

void ListParser::addRow(const CsvRecord &record)
{
    if (record.invalidEncoding)
        return; // CsvReader reported the line; a mangled UPN would only fail later
    if (m_header)
        addHeaderRow(record);
    else
        addPlainRow(record);
}

bool ListParser::validate(int line, const QString &value, InputKind kind)
{
    if (m_kind == RecipientKind::Team && kind != InputKind::ObjectId) {
        problem(line, Severity::Error, tr("'%1' is not a team id (a GUID); row skipped").arg(value));
        return false;
    }
    switch (kind) {
    case InputKind::ObjectId:
        if (isObjectId(value))
            return true;
        problem(
            line, Severity::Error,
            tr("id '%1' is not a GUID (like 8f2c0f1e-1b7a-4c4e-9d7e-0a1b2c3d4e5f); row skipped").arg(value));
        return false;
    case InputKind::UserPrincipalName:
        if (looksLikeUserPrincipalName(value))
            return true;
        problem(line, Severity::Error,
                tr("'%1' does not look like a user principal name (name@domain); row skipped").arg(value));
        return false;
    case InputKind::Mail:
        if (looksLikeMail(value))
            return true;
        problem(line, Severity::Error,
                tr("'%1' does not look like a mail address (name@domain); row skipped").arg(value));
        return false;
    case InputKind::Unknown:
        break;
    }
    return false;
}

void ListParser::addHeaderRow(const CsvRecord &record)
{
    const QStringList &fields = record.fields;
    auto field
        = [&](int index) { return index >= 0 && index < fields.size() ? fields.at(index) : QString(); };
    const int line = record.line;

    if (fields.size() > m_columns.count) {
        const bool lostValues = std::any_of(fields.cbegin() + m_columns.count, fields.cend(),
                                            [](const QString &f) { return !f.trimmed().isEmpty(); });
        if (lostValues) {
            problem(line, Severity::Warning,
                    tr("%1 values but the header has %2 columns; the extra values are ignored")
                        .arg(fields.size())
                        .arg(m_columns.count));
        }
    }

    Recipient recipient;
    recipient.kind = m_kind;
    const QString id = field(m_columns.id).trimmed();
    recipient.userPrincipalName = field(m_columns.upn).trimmed();
    recipient.mail = field(m_columns.mail).trimmed();
    if (!id.isEmpty() && !validate(line, id, InputKind::ObjectId))
        return;
    if (m_kind == RecipientKind::User) {
        if (!recipient.userPrincipalName.isEmpty()
            && !validate(line, recipient.userPrincipalName, InputKind::UserPrincipalName))
            return;
        if (!recipient.mail.isEmpty() && !validate(line, recipient.mail, InputKind::Mail))
            return;
    }
    // The strongest key is what the resolver looks up: an id never changes,
    // a UPN can be renamed, a mail may be shared.
    if (!id.isEmpty()) {
        recipient.input = id;
        recipient.inputKind = InputKind::ObjectId;
    } else if (m_kind == RecipientKind::Team) {
        problem(line, Severity::Error, tr("no team id on this row; row skipped"));
        return;
    } else if (!recipient.userPrincipalName.isEmpty()) {
        recipient.input = recipient.userPrincipalName;
        recipient.inputKind = InputKind::UserPrincipalName;
    } else if (!recipient.mail.isEmpty()) {
        recipient.input = recipient.mail;
        recipient.inputKind = InputKind::Mail;
    } else {
        problem(line, Severity::Error, tr("no id, userPrincipalName or mail on this row; row skipped"));
        return;
    }
    recipient.displayName = field(m_columns.displayName).trimmed();

    if (!m_columns.extra.isEmpty()) {
        QStringList values;
        values.reserve(m_columns.extra.size());
        for (int index : std::as_const(m_columns.extra))
            values.append(field(index));
        recipient.extra = RecipientExtra(m_result->extraColumns, std::move(values));
    }
    accept(line, std::move(recipient));
}

void ListParser::addPlainRow(const CsvRecord &record)
{
    const int line = record.line;
    const QString value = record.fields.constFirst().trimmed();
    if (value.isEmpty())
        return;
    if (std::any_of(record.fields.cbegin() + 1, record.fields.cend(),
                    [](const QString &f) { return !f.trimmed().isEmpty(); })) {
        problem(line, Severity::Warning,
                tr("one UPN or id per line expected; the values after '%1' are ignored").arg(value));
    }
    const InputKind kind = isObjectId(value) ? InputKind::ObjectId
        : value.contains(QLatin1Char('@'))   ? InputKind::UserPrincipalName
                                             : InputKind::Unknown;
    if (kind == InputKind::Unknown) {
        problem(line, Severity::Error,
                m_kind == RecipientKind::Team
                    ? tr("'%1' is not a team id (a GUID); row skipped").arg(value)
                    : tr("'%1' is neither a user principal name nor an object id; row skipped").arg(value));
        return;
    }
    if (!validate(line, value, kind))
        return;
    Recipient recipient;
    recipient.kind = m_kind;
    recipient.input = value;
    recipient.inputKind = kind;
    if (kind == InputKind::UserPrincipalName)
        recipient.userPrincipalName = value;
    accept(line, std::move(recipient));
}

void ListParser::accept(int line, Recipient &&recipient)
{
    // Same person twice in one file: keep the first. Object-id duplicates
    // (UPN on one row, id on another) can only be found after resolution.
    QStringList keys;
    for (const QString *key : {&recipient.input, &recipient.userPrincipalName, &recipient.mail}) {
        if (!key->isEmpty())
            keys.append(key->toLower());
    }
    for (const QString &key : std::as_const(keys)) {
        const auto it = m_seen.constFind(key);
        if (it != m_seen.cend()) {
            ++m_result->duplicates;
            problem(line, Severity::Warning,
                    tr("duplicate of line %1 (%2); dropped").arg(it.value()).arg(recipient.input));
            return;
        }
    }
    for (const QString &key : std::as_const(keys))
        m_seen.insert(key, line);
    m_result->recipients.append(std::move(recipient));
}

} // namespace

bool RecipientListResult::hasErrors() const
{
    return std::any_of(problems.cbegin(), problems.cend(), [](const LineProblem &p) { return p.isError(); });
}

RecipientListResult RecipientListReader::read(QIODevice *device) const
{
    RecipientListResult result;
    CsvReader csv(device);
    if (m_delimiter != 0)
        csv.setDelimiter(m_delimiter);
    ListParser parser(m_kind, &result);

    CsvRecord record;
    bool started = false;
    bool usable = true;
    while (usable && csv.readRecord(&record)) {
        result.problems.append(csv.takeNewProblems());
        if (!started) {
            started = true;
            if (record.invalidEncoding) {
                usable = false; // a header we cannot read is not a header
                break;
            }
            usable = parser.start(record, csv.delimiter());
        } else {
            parser.addRow(record);
        }
    }
    result.problems.append(csv.takeNewProblems());
    result.delimiter = csv.delimiter();
    if (!started && !csv.hasError())
        result.problems.append(LineProblem{0, Severity::Error, tr("the file is empty: no recipients")});
    // Problems were appended as they were found; the CSV layer can report a
    // line after the list layer reported an earlier one, so order them.
    std::stable_sort(result.problems.begin(), result.problems.end(),
                     [](const LineProblem &a, const LineProblem &b) { return a.line < b.line; });
    qCDebug(lcDirectory) << "recipient list:" << result.recipients.size() << "recipients,"
                         << result.problems.size() << "problems," << result.duplicates << "duplicates";
    return result;
}

RecipientListResult RecipientListReader::readFile(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        RecipientListResult result;
        result.problems.append(
            LineProblem{0, Severity::Error, tr("cannot open %1: %2").arg(path, file.errorString())});
        return result;
    }
    return read(&file);
}

} // namespace herald
