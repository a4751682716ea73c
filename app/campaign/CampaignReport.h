#pragma once

// The per-recipient report of a campaign, from the journal, in the CLI.md
// record shape (recipient, id, kind, state, installationId, chatId, detail):
// CSV (RFC 4180, header row) or JSON (one object per line). For the GUI's
// History page ("Export..."); herald-cli report prints the same fields
// through its own record writer.

#include <QCoreApplication>
#include <QString>

class QIODevice;

namespace herald::campaign {

class CampaignStore;

class CampaignReport
{
    Q_DECLARE_TR_FUNCTIONS(herald::campaign::CampaignReport)

public:
    enum class Format { Csv, Json };

    static QStringList fields();
    // Writes every row of `campaign` to `out` (open for writing). False with
    // *error when the journal cannot be read or the device refuses the data.
    static bool write(CampaignStore &store, qint64 campaign, Format format, QIODevice &out, QString *error);
};

} // namespace herald::campaign
