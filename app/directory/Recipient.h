#pragma once

// Value types for one recipient of an announcement: what the admin gave, what
// the directory resolved it to, and where it stands in the install and
// delivery pipelines. State names are the CLI contract (design/CLI.md).

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <optional>

namespace herald {

enum class RecipientKind : quint8 { User, Team };

// How the input identifies the recipient; tells the resolver which lookup to use.
enum class InputKind : quint8 { Unknown, ObjectId, UserPrincipalName, Mail };

// Install state of the bot app for a recipient. Unknown = no sweep yet.
enum class InstallState : quint8 { Unknown, Installed, NotInstalled, NotFound, Blocked, Error };

enum class DeliveryState : quint8 {
    Pending,
    Sent,
    Failed,
    BlockedByUser,
    NotInstalled,
    NotFound,
    Unconfirmed
};

constexpr int installStateCount = 6;
constexpr int deliveryStateCount = 7;

// Exact CLI.md names ("installed", "blocked_by_user", ...). "unknown" is the
// install state before any sweep; it never leaves Herald as a status result.
// Not called toString(): QTest's QCOMPARE finds an unqualified toString() by
// argument-dependent lookup and expects it to return char*.
QString toName(RecipientKind kind);
QString toName(InputKind kind);
QString toName(InstallState state);
QString toName(DeliveryState state);

// Parsing is exact (the names are a machine contract), no trimming or folding.
std::optional<RecipientKind> recipientKindFromName(QStringView text);
std::optional<InstallState> installStateFromName(QStringView text);
std::optional<DeliveryState> deliveryStateFromName(QStringView text);

// Extra CSV columns (template data). The column names are shared by every row
// of one list: a QStringList copy only bumps a reference count, so each
// recipient pays for its values, not for a per-row map.
class RecipientExtra
{
public:
    RecipientExtra() = default;
    RecipientExtra(QStringList columns, QStringList values)
        : m_columns(std::move(columns))
        , m_values(std::move(values))
    {
    }

    const QStringList &columns() const { return m_columns; }
    const QStringList &values() const { return m_values; }
    bool isEmpty() const { return m_columns.isEmpty(); }

    // Case-insensitive column lookup; empty when the column does not exist.
    QString value(QStringView column) const;
    bool contains(QStringView column) const { return indexOf(column) >= 0; }

private:
    int indexOf(QStringView column) const;

    friend bool operator==(const RecipientExtra &a, const RecipientExtra &b)
    {
        return a.m_columns == b.m_columns && a.m_values == b.m_values;
    }

    QStringList m_columns;
    QStringList m_values;
};

struct Recipient
{
    QString input; // what the admin gave: UPN, object id, mail or team id
    InputKind inputKind = InputKind::Unknown;
    QString id; // resolved Entra object id; empty until resolved or if not found
    RecipientKind kind = RecipientKind::User;
    QString displayName;
    QString givenName; // the directory's first name: ${givenName} in messages
    QString userPrincipalName;
    QString mail;
    InstallState installState = InstallState::Unknown;
    QString installationId;
    QString chatId;
    DeliveryState deliveryState = DeliveryState::Pending;
    QString detail; // error code/message of the last failure
    RecipientExtra extra;

    // The name to show a person: display name, else UPN, else mail, else input.
    QString bestName() const;

    friend bool operator==(const Recipient &a, const Recipient &b);
    friend bool operator!=(const Recipient &a, const Recipient &b) { return !(a == b); }
};

using RecipientList = QList<Recipient>;

} // namespace herald
