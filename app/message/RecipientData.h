#pragma once

// The data one recipient's message is bound with: the `$root` object of the
// template. Standard fields: displayName, givenName, mail, userPrincipalName,
// id (from the directory); plus every extra column of the recipients CSV
// (its header name is the field name, value a string). Extra columns never
// overwrite directory fields unless asked.

#include "directory/Recipient.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace herald::message {

class RecipientData
{
public:
    RecipientData() = default;
    explicit RecipientData(QJsonObject fields)
        : m_fields(std::move(fields))
    {
    }

    // id, displayName, userPrincipalName, mail (non-empty ones) and the extra
    // CSV columns (a "givenName" column fills givenName).
    static RecipientData fromRecipient(const Recipient &recipient);
    // A directory user object as Graph returns it (id, displayName,
    // givenName, mail, userPrincipalName; other members are kept too).
    static RecipientData fromGraphUser(const QJsonObject &user);

    static QStringList standardFields(); // displayName givenName mail userPrincipalName id

    bool isEmpty() const { return m_fields.isEmpty(); }
    bool contains(const QString &field) const { return m_fields.contains(field); }
    QJsonValue value(const QString &field) const { return m_fields.value(field); }
    void insert(const QString &field, const QJsonValue &value) { m_fields.insert(field, value); }

    enum class Conflict : quint8 { KeepMine, TakeTheirs };
    // Adds the other's fields; for a field both have, `conflict` decides.
    void merge(const RecipientData &other, Conflict conflict = Conflict::KeepMine);

    // The `$root` data object for TemplateBinder.
    const QJsonObject &fields() const { return m_fields; }

    // How reports and issues name this recipient: userPrincipalName, else
    // mail, else id, else displayName, else "(no name)".
    QString label() const;

private:
    QJsonObject m_fields;
};

using RecipientDataList = QList<RecipientData>;

} // namespace herald::message
