#include "RecipientRow.h"

#include <cstring>

namespace herald {

namespace {

void copyBytes(char *out, const char *in, qsizetype size)
{
    if (size > 0)
        std::memcpy(out, in, size_t(size));
}

} // namespace

RecipientRow::RecipientRow(const Recipient &recipient)
    : m_kind(recipient.kind)
    , m_inputKind(recipient.inputKind)
    , m_install(recipient.installState)
    , m_delivery(recipient.deliveryState)
{
    const std::array<const QString *, FieldCount> sources{
        &recipient.input,       &recipient.id,
        &recipient.displayName, &recipient.userPrincipalName,
        &recipient.mail,        &recipient.installationId,
        &recipient.chatId,      &recipient.detail,
        &recipient.givenName};
    if (!recipient.input.isEmpty()) {
        if (recipient.input == recipient.userPrincipalName)
            m_flags |= InputIsUpn;
        else if (recipient.input == recipient.id)
            m_flags |= InputIsId;
        else if (recipient.input == recipient.mail)
            m_flags |= InputIsMail;
    }
    std::array<QByteArray, FieldCount> parts;
    qsizetype total = 0;
    for (int i = 0; i < FieldCount; ++i) {
        if (i == Input && (m_flags & aliasFlags))
            continue;
        parts[i] = sources[i]->toUtf8();
        total += parts[i].size();
    }
    if (total > 0)
        m_text = QByteArray(total, Qt::Uninitialized);
    quint32 end = 0;
    for (int i = 0; i < FieldCount; ++i) {
        copyBytes(m_text.data() + end, parts[i].constData(), parts[i].size());
        end += quint32(parts[i].size());
        m_end[i] = end;
    }
}

Recipient RecipientRow::toRecipient() const
{
    Recipient r;
    r.input = text(Input);
    r.inputKind = m_inputKind;
    r.id = text(ObjectId);
    r.kind = m_kind;
    r.displayName = text(DisplayName);
    r.givenName = text(GivenName);
    r.userPrincipalName = text(UserPrincipalName);
    r.mail = text(Mail);
    r.installState = m_install;
    r.installationId = text(InstallationId);
    r.chatId = text(ChatId);
    r.deliveryState = m_delivery;
    r.detail = text(Detail);
    return r;
}

QByteArrayView RecipientRow::stored(Field field) const
{
    const quint32 start = field == 0 ? 0 : m_end[field - 1];
    return QByteArrayView(m_text.constData() + start, qsizetype(m_end[field] - start));
}

RecipientRow::Field RecipientRow::inputAlias() const
{
    if (m_flags & InputIsUpn)
        return UserPrincipalName;
    if (m_flags & InputIsId)
        return ObjectId;
    if (m_flags & InputIsMail)
        return Mail;
    return Input;
}

QByteArrayView RecipientRow::utf8(Field field) const
{
    return stored(field == Input ? inputAlias() : field);
}

QString RecipientRow::text(Field field) const
{
    return QString::fromUtf8(utf8(field));
}

QString RecipientRow::bestName() const
{
    for (Field field : {DisplayName, UserPrincipalName, Mail}) {
        if (!isEmpty(field))
            return text(field);
    }
    return text(Input);
}

void RecipientRow::replaceStored(Field field, QByteArrayView value)
{
    const quint32 start = field == 0 ? 0 : m_end[field - 1];
    const quint32 end = m_end[field];
    const qsizetype tail = m_text.size() - qsizetype(end);
    const qsizetype size = qsizetype(start) + value.size() + tail;
    // A fresh exact-size buffer: QByteArray::replace() would keep growth slack
    // in every row that ever changed.
    QByteArray text;
    if (size > 0) {
        text = QByteArray(size, Qt::Uninitialized);
        copyBytes(text.data(), m_text.constData(), start);
        copyBytes(text.data() + start, value.data(), value.size());
        copyBytes(text.data() + start + value.size(), m_text.constData() + end, tail);
    }
    const qint64 delta = value.size() - qint64(end - start);
    for (int i = field; i < FieldCount; ++i)
        m_end[i] = quint32(qint64(m_end[i]) + delta);
    m_text = std::move(text);
}

bool RecipientRow::setText(Field field, QStringView value)
{
    const QByteArray bytes = value.toUtf8();
    if (utf8(field) == QByteArrayView(bytes))
        return false;
    if (field == Input) {
        m_flags &= quint8(~aliasFlags);
        replaceStored(Input, bytes);
        return true;
    }
    if ((m_flags & aliasFlags) && inputAlias() == field) {
        // The input keeps what the admin typed even when the aliased field changes.
        const QByteArray input = stored(field).toByteArray();
        m_flags &= quint8(~aliasFlags);
        replaceStored(Input, input);
    }
    replaceStored(field, bytes);
    return true;
}

bool RecipientRow::setInstallState(InstallState state)
{
    if (m_install == state)
        return false;
    m_install = state;
    return true;
}

bool RecipientRow::setDeliveryState(DeliveryState state)
{
    if (m_delivery == state)
        return false;
    m_delivery = state;
    return true;
}

} // namespace herald
