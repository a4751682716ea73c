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

namespace {
QString searchTerm(QString term)
{
    term.remove(QLatin1Char('"'));
    term.remove(QLatin1Char('\\'));
    return term.simplified();
}
QString searchClauses(const QStringList &properties, const QString &term)
{
    QStringList clauses;
    for (const QString &property : properties)
        clauses.append(QStringLiteral("\"%1:%2\"").arg(property, term));
    return clauses.join(QStringLiteral(" OR "));
}
} // namespace

QString searchUsers(const QString &term, int pageSize)
{
    const QString clean = searchTerm(term);
    return QStringLiteral("users")
        + odata::Query()
              .search(
                  searchClauses({QStringLiteral("displayName"), QStringLiteral("userPrincipalName")}, clean))
              .select(userFields())
              .top(pageSize)
              .count()
              .toString();
}

QString searchGroups(const QString &term, int pageSize)
{
    return QStringLiteral("groups")
        + odata::Query()
              .search(searchClauses({QStringLiteral("displayName")}, searchTerm(term)))
              .select({QStringLiteral("id"), QStringLiteral("displayName"), QStringLiteral("description")})
              .top(pageSize)
              .count()
              .toString();
}

QString teamsByPrefix(const QString &prefix, int pageSize)
{
    odata::Query query;
    const QString clean = prefix.simplified();
    if (!clean.isEmpty())
        query.filter(QStringLiteral("startswith(displayName,%1)").arg(odata::quote(clean)));
    return QStringLiteral("teams")
        + query.select({QStringLiteral("id"), QStringLiteral("displayName"), QStringLiteral("description")})
              .top(pageSize)
              .toString();
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
    recipient->givenName = text(user, QLatin1StringView("givenName"));
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
