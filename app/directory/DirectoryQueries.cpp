#include "directory/DirectoryQueries.h"

#include "graph/OData.h"

namespace herald::directory::query {

namespace odata = graph::odata;

namespace {

const QStringList &userFields()
{
    static const QStringList fields{QStringLiteral("id"), QStringLiteral("displayName"),
                                    QStringLiteral("givenName"), QStringLiteral("userPrincipalName"),
                                    QStringLiteral("mail")};
    return fields;
}

QString text(const QJsonObject &object, QLatin1StringView name)
{
    return object.value(name).toString(); // null (no mailbox) -> empty
}

} // namespace

QString userByKey(const QString &idOrUpn)
{
    return QStringLiteral("users/") + odata::pathSegment(idOrUpn)
        + odata::Query().select(userFields()).toString();
}

QString userByMail(const QString &mail)
{
    return QStringLiteral("users")
        + odata::Query().filter(odata::eq(QStringLiteral("mail"), mail)).select(userFields()).toString();
}

QString teamById(const QString &teamId)
{
    return QStringLiteral("teams/") + odata::pathSegment(teamId)
        + odata::Query().select({QStringLiteral("id"), QStringLiteral("displayName")}).toString();
}

QString groupUsers(const QString &groupId, int pageSize)
{
    return QStringLiteral("groups/") + odata::pathSegment(groupId)
        + QStringLiteral("/transitiveMembers/microsoft.graph.user")
        + odata::Query().select(userFields()).top(pageSize).count().toString();
}

QString allUsers(int pageSize)
{
    return QStringLiteral("users") + odata::Query().select(userFields()).top(pageSize).count().toString();
}

graph::HeaderList countHeaders()
{
    return {{QByteArrayLiteral("ConsistencyLevel"), QByteArrayLiteral("eventual")}};
}

void applyUser(const QJsonObject &user, Recipient *recipient)
{
    recipient->kind = RecipientKind::User;
    recipient->id = text(user, QLatin1StringView("id"));
    const QString displayName = text(user, QLatin1StringView("displayName"));
    if (!displayName.isEmpty()) // else keep a display name column of the list
        recipient->displayName = displayName;
    recipient->userPrincipalName = text(user, QLatin1StringView("userPrincipalName"));
    recipient->mail = text(user, QLatin1StringView("mail"));
    recipient->installState = InstallState::Unknown;
    recipient->detail.clear();
}

void applyTeam(const QJsonObject &team, Recipient *recipient)
{
    recipient->kind = RecipientKind::Team;
    recipient->id = text(team, QLatin1StringView("id"));
    recipient->displayName = text(team, QLatin1StringView("displayName"));
    recipient->installState = InstallState::Unknown;
    recipient->detail.clear();
}

Recipient userFromListing(const QJsonObject &user)
{
    Recipient recipient;
    applyUser(user, &recipient);
    // "recipient" in the output is what the admin would have typed for this person.
    recipient.input = recipient.userPrincipalName.isEmpty() ? recipient.id : recipient.userPrincipalName;
    recipient.inputKind
        = recipient.userPrincipalName.isEmpty() ? InputKind::ObjectId : InputKind::UserPrincipalName;
    return recipient;
}

} // namespace herald::directory::query
