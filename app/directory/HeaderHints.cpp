#include "directory/HeaderHints.h"

#include <QCoreApplication>
#include <algorithm>

namespace herald {

namespace {

struct HeaderHints
{
    Q_DECLARE_TR_FUNCTIONS(herald::RecipientListReader)
};

// Column names people use for the three keys. Only used to suggest a rename:
// the accepted names are the contract (design/CLI.md).
QString keyForAlias(const QString &header)
{
    QString folded = header.toLower();
    folded.remove(QLatin1Char(' ')).remove(QLatin1Char('-')).remove(QLatin1Char('_'));
    static const char *const mailAliases[]
        = {"email", "emailaddress", "mailaddress", "smtp", "primarysmtpaddress"};
    static const char *const upnAliases[] = {"upn", "userprincipal", "username", "login", "signinname"};
    static const char *const idAliases[] = {"objectid", "userid", "aadobjectid", "entraid", "teamid", "guid"};
    for (const char *alias : mailAliases) {
        if (folded == QLatin1StringView(alias))
            return QStringLiteral("mail");
    }
    for (const char *alias : upnAliases) {
        if (folded == QLatin1StringView(alias))
            return QStringLiteral("userPrincipalName");
    }
    for (const char *alias : idAliases) {
        if (folded == QLatin1StringView(alias))
            return QStringLiteral("id");
    }
    return {};
}

QString delimiterName(char delimiter)
{
    return delimiter == '\t' ? HeaderHints::tr("a tab") : QStringLiteral("'%1'").arg(QLatin1Char(delimiter));
}

} // namespace

QString missingKeyColumnMessage(const QStringList &fields, char delimiter, RecipientKind kind)
{
    const QString separator = delimiter == '\t' ? QStringLiteral(", ") : QString(QLatin1Char(delimiter));
    QString message = HeaderHints::tr("no column named id, userPrincipalName or mail — found: %1")
                          .arg(fields.join(separator));
    // Point at the likely cause: another delimiter inside the "one" column,
    // or a familiar name for one of the keys.
    QString hint;
    for (char candidate : {',', ';', '\t'}) {
        if (candidate == delimiter)
            continue;
        const bool inside = std::any_of(fields.cbegin(), fields.cend(),
                                        [&](const QString &f) { return f.contains(QLatin1Char(candidate)); });
        if (inside) {
            hint = HeaderHints::tr("is the delimiter %1?").arg(delimiterName(candidate));
            break;
        }
    }
    if (hint.isEmpty()) {
        for (const QString &field : fields) {
            const QString key = keyForAlias(field.trimmed());
            if (!key.isEmpty()) {
                hint = HeaderHints::tr("rename column '%1' to '%2'?").arg(field.trimmed(), key);
                break;
            }
        }
    }
    if (hint.isEmpty() && kind == RecipientKind::User)
        hint = HeaderHints::tr("or give one UPN or object id per line, without a header");
    if (!hint.isEmpty())
        message += QStringLiteral(" (%1)").arg(hint);
    return message;
}

} // namespace herald
