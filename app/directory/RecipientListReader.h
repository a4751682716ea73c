#pragma once

// Reads the recipient files of `--users FILE` / `--teams FILE` (design/CLI.md):
//  - a CSV with a header naming `id`, `userPrincipalName` or `mail`
//    (case-insensitive; every other column is kept as template data), or
//  - a plain list, one UPN or object id per line, without a header.
// Problems are collected per line and the rows that are fine come through:
// one typo must not cost the admin the other 9,999 recipients.

#include "directory/LineProblem.h"
#include "directory/Recipient.h"

#include <QCoreApplication>

class QIODevice;

namespace herald {

struct RecipientListResult
{
    RecipientList recipients;
    QStringList extraColumns; // shared by every recipient's RecipientExtra
    LineProblems problems; // in line order
    char delimiter = ',';
    bool hasHeader = false;
    int duplicates = 0; // rows dropped as duplicates (also listed in problems)

    bool hasErrors() const;
};

class RecipientListReader
{
    Q_DECLARE_TR_FUNCTIONS(herald::RecipientListReader)

public:
    // Team lists hold team ids (GUIDs) only.
    void setKind(RecipientKind kind) { m_kind = kind; }
    // Force the delimiter instead of detecting it from the first line.
    void setDelimiter(char delimiter) { m_delimiter = delimiter; }

    RecipientListResult read(QIODevice *device) const;
    // Opening errors are reported as a line-0 problem.
    RecipientListResult readFile(const QString &path) const;

private:
    RecipientKind m_kind = RecipientKind::User;
    char m_delimiter = 0;
};

} // namespace herald
