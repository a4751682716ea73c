#include "sim/TenantJson.h"

#include <QJsonArray>
#include <QUrl>

namespace herald::sim::json {

namespace {

QJsonValue stringOrNull(const QString &value)
{
    return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

} // namespace

const QStringList &userProperties()
{
    static const QStringList list{
        QStringLiteral("id"),
        QStringLiteral("displayName"),
        QStringLiteral("givenName"),
        QStringLiteral("surname"),
        QStringLiteral("userPrincipalName"),
        QStringLiteral("mail"),
        QStringLiteral("jobTitle"),
        QStringLiteral("department"),
        QStringLiteral("officeLocation"),
        QStringLiteral("preferredLanguage"),
        QStringLiteral("accountEnabled"),
        QStringLiteral("businessPhones"),
        QStringLiteral("mobilePhone"),
    };
    return list;
}

const QStringList &userDefaultProperties()
{
    static const QStringList list{
        QStringLiteral("businessPhones"),
        QStringLiteral("displayName"),
        QStringLiteral("givenName"),
        QStringLiteral("jobTitle"),
        QStringLiteral("mail"),
        QStringLiteral("mobilePhone"),
        QStringLiteral("officeLocation"),
        QStringLiteral("preferredLanguage"),
        QStringLiteral("surname"),
        QStringLiteral("userPrincipalName"),
        QStringLiteral("id"),
    };
    return list;
}

QString userString(const SimUser &u, const QString &property)
{
    if (property == QLatin1String("id"))
        return u.id;
    if (property == QLatin1String("displayName"))
        return u.displayName;
    if (property == QLatin1String("givenName"))
        return u.givenName;
    if (property == QLatin1String("surname"))
        return u.surname;
    if (property == QLatin1String("userPrincipalName"))
        return u.userPrincipalName;
    if (property == QLatin1String("mail"))
        return u.mail;
    if (property == QLatin1String("jobTitle"))
        return u.jobTitle;
    if (property == QLatin1String("department"))
        return u.department;
    if (property == QLatin1String("officeLocation"))
        return u.officeLocation;
    if (property == QLatin1String("preferredLanguage"))
        return u.preferredLanguage;
    if (property == QLatin1String("accountEnabled"))
        return u.accountEnabled ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

QJsonObject userProperty(const SimUser &u, const QString &property, QJsonObject &&into)
{
    if (property == QLatin1String("accountEnabled"))
        into.insert(property, u.accountEnabled);
    else if (property == QLatin1String("businessPhones"))
        into.insert(property, QJsonArray());
    else if (property == QLatin1String("mobilePhone"))
        into.insert(property, QJsonValue::Null);
    else
        into.insert(property, stringOrNull(userString(u, property)));
    return std::move(into);
}

QJsonObject user(const SimUser &u, const QStringList &select)
{
    QJsonObject o;
    for (const QString &property : select.isEmpty() ? userDefaultProperties() : select)
        o = userProperty(u, property, std::move(o));
    return o;
}

const QStringList &groupProperties()
{
    static const QStringList list{
        QStringLiteral("id"),
        QStringLiteral("displayName"),
        QStringLiteral("description"),
        QStringLiteral("mail"),
        QStringLiteral("mailNickname"),
        QStringLiteral("mailEnabled"),
        QStringLiteral("securityEnabled"),
        QStringLiteral("groupTypes"),
        QStringLiteral("visibility"),
        QStringLiteral("createdDateTime"),
        QStringLiteral("resourceProvisioningOptions"),
    };
    return list;
}

QJsonObject group(const SimGroup &g, const QString &domain)
{
    QJsonArray provisioning;
    if (g.isTeam)
        provisioning.append(QStringLiteral("Team"));
    const bool unified = g.isTeam;
    return QJsonObject{
        {QStringLiteral("id"), g.id},
        {QStringLiteral("displayName"), g.displayName},
        {QStringLiteral("description"), stringOrNull(g.description)},
        {QStringLiteral("mail"), g.mailNickname + QLatin1Char('@') + domain},
        {QStringLiteral("mailNickname"), g.mailNickname},
        {QStringLiteral("mailEnabled"), unified},
        {QStringLiteral("securityEnabled"), !unified},
        {QStringLiteral("groupTypes"), unified ? QJsonArray{QStringLiteral("Unified")} : QJsonArray()},
        {QStringLiteral("visibility"), g.visibility},
        {QStringLiteral("createdDateTime"), g.createdDateTime},
        {QStringLiteral("resourceProvisioningOptions"), provisioning},
    };
}

QJsonObject selectFields(const QJsonObject &full, const QStringList &select)
{
    if (select.isEmpty())
        return full;
    QJsonObject o;
    o.insert(QStringLiteral("id"), full.value(QStringLiteral("id")));
    for (const QString &property : select) {
        if (full.contains(property))
            o.insert(property, full.value(property));
    }
    return o;
}

QJsonObject team(const SimGroup &g, const QString &tenantId)
{
    return QJsonObject{
        {QStringLiteral("id"), g.id},
        {QStringLiteral("displayName"), g.displayName},
        {QStringLiteral("description"), stringOrNull(g.description)},
        {QStringLiteral("internalId"), g.generalChannelId},
        {QStringLiteral("visibility"), g.visibility.toLower()},
        {QStringLiteral("isArchived"), false},
        {QStringLiteral("tenantId"), tenantId},
        {QStringLiteral("createdDateTime"), g.createdDateTime},
        {QStringLiteral("webUrl"),
         QStringLiteral("https://teams.microsoft.com/l/team/%1/conversations?groupId=%2&tenantId=%3")
             .arg(QString::fromLatin1(QUrl::toPercentEncoding(g.generalChannelId)), g.id, tenantId)},
    };
}

QJsonObject conversationMember(const SimGroup &teamGroup, const SimUser &u, bool owner,
                               const QString &tenantId)
{
    // Membership ids look like base64 of a composite key in the Graph docs.
    const QString id = QString::fromLatin1(
        (QStringLiteral("MCMjMiMj") + teamGroup.id + QStringLiteral("##") + u.id).toUtf8().toBase64());
    return QJsonObject{
        {QStringLiteral("@odata.type"), QStringLiteral("#microsoft.graph.aadUserConversationMember")},
        {QStringLiteral("id"), id},
        {QStringLiteral("roles"), owner ? QJsonArray{QStringLiteral("owner")} : QJsonArray()},
        {QStringLiteral("displayName"), u.displayName},
        {QStringLiteral("visibleHistoryStartDateTime"), QStringLiteral("0001-01-01T00:00:00Z")},
        {QStringLiteral("userId"), u.id},
        {QStringLiteral("email"), stringOrNull(u.mail)},
        {QStringLiteral("tenantId"), tenantId},
    };
}

QString appDefinitionId(const SimCatalogApp &app)
{
    return QString::fromLatin1((app.id + QStringLiteral("##") + app.definition.version + QStringLiteral("##")
                                + app.definition.publishingState.left(1).toUpper()
                                + app.definition.publishingState.mid(1))
                                   .toUtf8()
                                   .toBase64());
}

QJsonObject appDefinition(const SimCatalogApp &app)
{
    return QJsonObject{
        {QStringLiteral("id"), appDefinitionId(app)},
        {QStringLiteral("teamsAppId"), app.id},
        {QStringLiteral("azureADAppId"), stringOrNull(app.webApplicationId)},
        {QStringLiteral("displayName"), app.definition.displayName},
        {QStringLiteral("version"), app.definition.version},
        {QStringLiteral("publishingState"), app.definition.publishingState},
        {QStringLiteral("shortDescription"), app.definition.shortDescription},
        {QStringLiteral("description"), app.definition.description},
        {QStringLiteral("lastModifiedDateTime"), app.definition.lastModifiedDateTime},
        {QStringLiteral("createdBy"), QJsonValue::Null},
    };
}

QJsonObject teamsApp(const SimCatalogApp &app, bool withDefinitions)
{
    QJsonObject o{
        {QStringLiteral("id"), app.id},
        {QStringLiteral("externalId"), stringOrNull(app.externalId)},
        {QStringLiteral("displayName"), app.displayName},
        {QStringLiteral("distributionMethod"), app.distributionMethod},
    };
    if (withDefinitions)
        o.insert(QStringLiteral("appDefinitions"), QJsonArray{appDefinition(app)});
    return o;
}

} // namespace herald::sim::json
