#include "directory/Recipient.h"

#include <array>

namespace herald {

namespace {

constexpr std::array<const char *, installStateCount> installNames{"unknown",   "installed", "not_installed",
                                                                   "not_found", "blocked",   "error"};

constexpr std::array<const char *, deliveryStateCount> deliveryNames{
    "pending", "sent", "failed", "blocked_by_user", "not_installed", "not_found", "unconfirmed"};

template <typename Enum, std::size_t N>
std::optional<Enum> parseName(QStringView text, const std::array<const char *, N> &names)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (text == QLatin1StringView(names[i]))
            return static_cast<Enum>(i);
    }
    return std::nullopt;
}

} // namespace

QString toName(RecipientKind kind)
{
    return kind == RecipientKind::Team ? QStringLiteral("team") : QStringLiteral("user");
}

QString toName(InputKind kind)
{
    switch (kind) {
    case InputKind::ObjectId:
        return QStringLiteral("id");
    case InputKind::UserPrincipalName:
        return QStringLiteral("userPrincipalName");
    case InputKind::Mail:
        return QStringLiteral("mail");
    case InputKind::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString toName(InstallState state)
{
    return QLatin1StringView(installNames.at(static_cast<std::size_t>(state)));
}

QString toName(DeliveryState state)
{
    return QLatin1StringView(deliveryNames.at(static_cast<std::size_t>(state)));
}

std::optional<RecipientKind> recipientKindFromName(QStringView text)
{
    if (text == u"user")
        return RecipientKind::User;
    if (text == u"team")
        return RecipientKind::Team;
    return std::nullopt;
}

std::optional<InstallState> installStateFromName(QStringView text)
{
    return parseName<InstallState>(text, installNames);
}

std::optional<DeliveryState> deliveryStateFromName(QStringView text)
{
    return parseName<DeliveryState>(text, deliveryNames);
}

int RecipientExtra::indexOf(QStringView column) const
{
    for (int i = 0; i < m_columns.size(); ++i) {
        if (QStringView(m_columns.at(i)).compare(column, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

QString RecipientExtra::value(QStringView column) const
{
    const int i = indexOf(column);
    return i >= 0 && i < m_values.size() ? m_values.at(i) : QString();
}

QString Recipient::bestName() const
{
    if (!displayName.isEmpty())
        return displayName;
    if (!userPrincipalName.isEmpty())
        return userPrincipalName;
    if (!mail.isEmpty())
        return mail;
    return input;
}

bool operator==(const Recipient &a, const Recipient &b)
{
    return a.input == b.input && a.inputKind == b.inputKind && a.id == b.id && a.kind == b.kind
        && a.displayName == b.displayName && a.givenName == b.givenName && a.userPrincipalName == b.userPrincipalName && a.mail == b.mail
        && a.installState == b.installState && a.installationId == b.installationId && a.chatId == b.chatId
        && a.deliveryState == b.deliveryState && a.detail == b.detail && a.extra == b.extra;
}

} // namespace herald
