#include "campaign/CampaignReport.h"

#include "campaign/CampaignStore.h"

#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>

namespace herald::campaign {

namespace {

QByteArray csvField(const QString &value)
{
    QByteArray text = value.toUtf8();
    if (text.contains(',') || text.contains('"') || text.contains('\n') || text.contains('\r')) {
        text.replace("\"", "\"\"");
        text = '"' + text + '"';
    }
    return text;
}

QStringList valuesOf(const JournalRow &row)
{
    return {row.recipient, row.userId, toName(row.kind), reportName(row.state),
            QString(),     row.chatId, row.lastError};
}

} // namespace

QStringList CampaignReport::fields()
{
    return {QStringLiteral("recipient"),      QStringLiteral("id"),
            QStringLiteral("kind"),           QStringLiteral("state"),
            QStringLiteral("installationId"), QStringLiteral("chatId"),
            QStringLiteral("detail")};
}

bool CampaignReport::write(CampaignStore &store, qint64 campaign, Format format, QIODevice &out,
                           QString *error)
{
    const QStringList names = fields();
    bool written = true;
    const auto put = [&out, &written](const QByteArray &bytes) {
        written = written && out.write(bytes) == bytes.size();
    };
    if (format == Format::Csv) {
        QByteArrayList header;
        for (const QString &name : names)
            header << csvField(name);
        put(header.join(',') + "\r\n");
    }
    const bool read = store.forEachRow(campaign, [&](const JournalRow &row) {
        const QStringList values = valuesOf(row);
        if (format == Format::Csv) {
            QByteArrayList line;
            for (const QString &v : values)
                line << csvField(v);
            put(line.join(',') + "\r\n");
        } else {
            QJsonObject object;
            for (int i = 0; i < names.size(); ++i)
                object.insert(names.at(i), values.at(i));
            put(QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n');
        }
    });
    if (!read) {
        if (error)
            *error = store.lastError();
        return false;
    }
    if (!written) {
        if (error)
            *error = tr("Cannot write the report: %1").arg(out.errorString());
        return false;
    }
    return true;
}

} // namespace herald::campaign
