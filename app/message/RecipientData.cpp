#include "message/RecipientData.h"

#include <QCoreApplication>

namespace herald::message {

namespace {

const QString kDisplayName = QStringLiteral("displayName");
const QString kGivenName = QStringLiteral("givenName");
const QString kMail = QStringLiteral("mail");
const QString kUpn = QStringLiteral("userPrincipalName");
const QString kId = QStringLiteral("id");

// An empty value is no value: an empty CSV cell or a Graph null must show up
// as a missing field, not as an empty greeting.
void insertText(QJsonObject &o, const QString &field, const QString &value)
{
    if (!value.isEmpty())
        o.insert(field, value);
}

} // namespace

QStringList RecipientData::standardFields()
{
    return {kDisplayName, kGivenName, kMail, kUpn, kId};
}

RecipientData RecipientData::fromRecipient(const Recipient &recipient)
{
    QJsonObject o;
    // A CSV row read without the directory has its id only as the input.
    const bool idGiven = recipient.id.isEmpty() && recipient.inputKind == InputKind::ObjectId;
    insertText(o, kId, idGiven ? recipient.input : recipient.id);
    insertText(o, kDisplayName, recipient.displayName);
    insertText(o, kGivenName, recipient.givenName);
    insertText(o, kUpn, recipient.userPrincipalName);
    insertText(o, kMail, recipient.mail);
    const QStringList &columns = recipient.extra.columns();
    const QStringList &values = recipient.extra.values();
    for (qsizetype i = 0; i < columns.size() && i < values.size(); ++i) {
        if (!o.contains(columns.at(i))) // the directory's values win over a CSV copy
            insertText(o, columns.at(i), values.at(i));
    }
    return RecipientData(o);
}

RecipientData RecipientData::fromGraphUser(const QJsonObject &user)
{
    QJsonObject o;
    for (auto it = user.begin(); it != user.end(); ++it) {
        if (it.key().startsWith(u'@') || it.value().isNull()) // @odata.context and the like
            continue;
        if (it.value().isString() && it.value().toString().isEmpty())
            continue;
        o.insert(it.key(), it.value());
    }
    return RecipientData(o);
}

void RecipientData::merge(const RecipientData &other, Conflict conflict)
{
    for (auto it = other.m_fields.begin(); it != other.m_fields.end(); ++it) {
        if (conflict == Conflict::TakeTheirs || !m_fields.contains(it.key()))
            m_fields.insert(it.key(), it.value());
    }
}

QString RecipientData::label() const
{
    for (const QString &field : {kUpn, kMail, kId, kDisplayName}) {
        const QString v = m_fields.value(field).toString();
        if (!v.isEmpty())
            return v;
    }
    return QCoreApplication::translate("herald::message::RecipientData", "(no name)");
}

} // namespace herald::message
