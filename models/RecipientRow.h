#pragma once

// One recipient as the table model stores it. The nine text fields live in
// one UTF-8 buffer with end offsets: one allocation per row instead of eight
// QStrings (24 bytes each plus a UTF-16 heap block). That is what keeps
// 100,000 fully populated rows under the 64 MB budget (design/PERFORMANCE.md).
// Extra CSV columns are not kept here: RecipientTableModel keeps them beside
// the rows that have them (template data, not table data).

#include "directory/Recipient.h"

#include <QByteArray>
#include <array>

namespace herald {

class RecipientRow
{
public:
    enum Field : quint8 {
        Input,
        ObjectId,
        DisplayName,
        UserPrincipalName,
        Mail,
        InstallationId,
        ChatId,
        Detail,
        GivenName,
        FieldCount
    };

    RecipientRow() = default;
    explicit RecipientRow(const Recipient &recipient);

    // The stored fields (extra data not included).
    Recipient toRecipient() const;

    QString text(Field field) const;
    bool isEmpty(Field field) const { return utf8(field).isEmpty(); }
    // Same rule as Recipient::bestName().
    QString bestName() const;

    // Each setter returns whether the value changed.
    bool setText(Field field, QStringView value);
    bool setInstallState(InstallState state);
    bool setDeliveryState(DeliveryState state);

    RecipientKind kind() const { return m_kind; }
    InputKind inputKind() const { return m_inputKind; }
    InstallState installState() const { return m_install; }
    DeliveryState deliveryState() const { return m_delivery; }

    // Bookkeeping for the model's coalesced change notifications.
    bool isDirty() const { return m_flags & DirtyFlag; }
    void setDirty(bool dirty) { m_flags = quint8(dirty ? (m_flags | DirtyFlag) : (m_flags & ~DirtyFlag)); }

private:
    // The input is usually the UPN or the id itself; say so instead of storing it twice.
    enum Flag : quint8 { InputIsUpn = 0x1, InputIsId = 0x2, InputIsMail = 0x4, DirtyFlag = 0x8 };
    static constexpr quint8 aliasFlags = InputIsUpn | InputIsId | InputIsMail;

    QByteArrayView utf8(Field field) const;
    QByteArrayView stored(Field field) const;
    Field inputAlias() const;
    void replaceStored(Field field, QByteArrayView value);

    QByteArray m_text;
    std::array<quint32, FieldCount> m_end{};
    RecipientKind m_kind = RecipientKind::User;
    InputKind m_inputKind = InputKind::Unknown;
    InstallState m_install = InstallState::Unknown;
    DeliveryState m_delivery = DeliveryState::Pending;
    quint8 m_flags = 0;
};

} // namespace herald
