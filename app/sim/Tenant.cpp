#include "sim/Tenant.h"

#include "sim/TenantJson.h"

#include <QJsonArray>
#include <algorithm>

namespace herald::sim {

Tenant::Tenant(const QString &tenantId, const QString &domain)
    : m_tenantId(tenantId)
    , m_domain(domain)
{
}

int Tenant::addUser(const SimUser &user)
{
    const int index = int(m_users.size());
    m_users.append(user);
    m_userInstalls.append(QVector<SimInstallation>());
    m_userById.insert(user.id.toLower(), index);
    m_userByUpn.insert(user.userPrincipalName.toLower(), index);
    m_userOrder.clear();
    return index;
}

int Tenant::addGroup(const SimGroup &group)
{
    const int index = int(m_groups.size());
    m_groups.append(group);
    m_groupById.insert(group.id.toLower(), index);
    if (group.isTeam) {
        m_teams.append(index);
        m_teamByChannel.insert(group.generalChannelId, index);
    }
    return index;
}

int Tenant::addApp(const SimCatalogApp &app)
{
    const int index = int(m_apps.size());
    m_apps.append(app);
    m_appById.insert(app.id.toLower(), index);
    return index;
}

int Tenant::findUser(const QString &idOrUpn) const
{
    const QString key = idOrUpn.toLower();
    const auto byId = m_userById.constFind(key);
    if (byId != m_userById.constEnd())
        return byId.value();
    return m_userByUpn.value(key, -1);
}

const QVector<int> &Tenant::usersOrderedBy(const QString &property) const
{
    auto it = m_userOrder.find(property);
    if (it == m_userOrder.end()) {
        QVector<int> order(m_users.size());
        for (int i = 0; i < order.size(); ++i)
            order[i] = i;
        const bool byUpn = property == QLatin1String("userPrincipalName");
        std::stable_sort(order.begin(), order.end(), [this, byUpn](int a, int b) {
            const SimUser &x = m_users.at(a);
            const SimUser &y = m_users.at(b);
            return (byUpn ? x.userPrincipalName.compare(y.userPrincipalName, Qt::CaseInsensitive)
                          : x.displayName.compare(y.displayName, Qt::CaseInsensitive))
                < 0;
        });
        it = m_userOrder.insert(property, order);
    }
    return it.value();
}

int Tenant::findGroup(const QString &id) const
{
    return m_groupById.value(id.toLower(), -1);
}

int Tenant::findTeam(const QString &id) const
{
    const int index = findGroup(id);
    return index >= 0 && m_groups.at(index).isTeam ? index : -1;
}

int Tenant::findTeamByChannel(const QString &channelId) const
{
    return m_teamByChannel.value(channelId, -1);
}

QVector<int> Tenant::transitiveUserMembers(int group) const
{
    // Breadth-first over nested groups; each user once, in discovery order.
    QVector<int> users;
    QVector<bool> seenUser(m_users.size(), false);
    QVector<bool> seenGroup(m_groups.size(), false);
    QVector<int> queue{group};
    seenGroup[group] = true;
    for (qsizetype i = 0; i < queue.size(); ++i) {
        const SimGroup &g = m_groups.at(queue.at(i));
        for (int u : g.memberUsers) {
            if (!seenUser.at(u)) {
                seenUser[u] = true;
                users.append(u);
            }
        }
        for (int nested : g.memberGroups) {
            if (!seenGroup.at(nested)) {
                seenGroup[nested] = true;
                queue.append(nested);
            }
        }
    }
    return users;
}

int Tenant::findApp(const QString &catalogId) const
{
    return m_appById.value(catalogId.toLower(), -1);
}

int Tenant::findAppByBotId(const QString &botId) const
{
    for (int i = 0; i < appCount(); ++i) {
        if (!m_apps.at(i).botId.isEmpty() && m_apps.at(i).botId.compare(botId, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

int Tenant::userInstallOf(int user, int app) const
{
    const auto &installs = m_userInstalls.at(user);
    for (int i = 0; i < installs.size(); ++i) {
        if (installs.at(i).app == app)
            return i;
    }
    return -1;
}

bool Tenant::installForUser(int user, int app)
{
    if (userInstallOf(user, app) >= 0)
        return false;
    m_userInstalls[user].append({app, m_apps.at(app).definition.version});
    return true;
}

bool Tenant::uninstallForUser(int user, int app)
{
    const int pos = userInstallOf(user, app);
    if (pos < 0)
        return false;
    m_userInstalls[user].remove(pos);
    return true;
}

int Tenant::teamInstallOf(int group, int app) const
{
    const auto &installs = m_groups.at(group).installs;
    for (int i = 0; i < installs.size(); ++i) {
        if (installs.at(i).app == app)
            return i;
    }
    return -1;
}

bool Tenant::installForTeam(int group, int app)
{
    if (teamInstallOf(group, app) >= 0)
        return false;
    m_groups[group].installs.append({app, m_apps.at(app).definition.version});
    return true;
}

bool Tenant::uninstallForTeam(int group, int app)
{
    const int pos = teamInstallOf(group, app);
    if (pos < 0)
        return false;
    m_groups[group].installs.remove(pos);
    return true;
}

QString Tenant::installationId(const QString &ownerId, const QString &appId)
{
    // Mirrors the ids in the Graph docs (teamsAppInstallation examples):
    // base64("{ownerId}##{teamsAppId}").
    return QString::fromLatin1((ownerId + QStringLiteral("##") + appId).toUtf8().toBase64());
}

bool Tenant::parseInstallationId(const QString &installationId, QString *ownerId, QString *appId)
{
    const auto decoded
        = QByteArray::fromBase64Encoding(installationId.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return false;
    const QString text = QString::fromUtf8(*decoded);
    const qsizetype sep = text.indexOf(QStringLiteral("##"));
    if (sep <= 0)
        return false;
    *ownerId = text.left(sep);
    *appId = text.mid(sep + 2);
    return !appId->isEmpty();
}

QString Tenant::personalChatId(const QString &userId, const QString &botId)
{
    return QStringLiteral("19:%1_%2@unq.gbl.spaces").arg(userId, botId);
}

bool Tenant::parsePersonalChatId(const QString &chatId, QString *userId, QString *botId)
{
    static const QString prefix = QStringLiteral("19:");
    static const QString suffix = QStringLiteral("@unq.gbl.spaces");
    if (!chatId.startsWith(prefix) || !chatId.endsWith(suffix))
        return false;
    const QString middle = chatId.mid(prefix.size(), chatId.size() - prefix.size() - suffix.size());
    const qsizetype sep = middle.indexOf(QLatin1Char('_'));
    if (sep <= 0)
        return false;
    *userId = middle.left(sep);
    *botId = middle.mid(sep + 1);
    return !botId->isEmpty();
}

QJsonObject Tenant::dump() const
{
    QJsonArray users;
    for (int i = 0; i < userCount(); ++i) {
        const SimUser &u = m_users.at(i);
        QJsonObject o = json::user(u, {});
        o.insert(QStringLiteral("department"), u.department);
        o.insert(QStringLiteral("accountEnabled"), u.accountEnabled);
        QJsonArray installed;
        for (const auto &inst : m_userInstalls.at(i))
            installed.append(m_apps.at(inst.app).id);
        o.insert(QStringLiteral("sim"),
                 QJsonObject{{QStringLiteral("teamsLicensed"), u.teamsLicensed},
                             {QStringLiteral("policyBlocked"), u.policyBlocked},
                             {QStringLiteral("botBlocked"), u.botBlocked},
                             {QStringLiteral("installedApps"), installed}});
        users.append(o);
    }
    QJsonArray groups;
    for (const SimGroup &g : m_groups) {
        QJsonObject o = json::group(g, m_domain);
        QJsonArray members, nested, owners, installed;
        for (int u : g.memberUsers)
            members.append(m_users.at(u).id);
        for (int n : g.memberGroups)
            nested.append(m_groups.at(n).id);
        for (int u : g.ownerUsers)
            owners.append(m_users.at(u).id);
        for (const auto &inst : g.installs)
            installed.append(m_apps.at(inst.app).id);
        o.insert(QStringLiteral("sim"),
                 QJsonObject{{QStringLiteral("memberUsers"), members},
                             {QStringLiteral("memberGroups"), nested},
                             {QStringLiteral("owners"), owners},
                             {QStringLiteral("generalChannelId"), g.generalChannelId},
                             {QStringLiteral("installedApps"), installed}});
        groups.append(o);
    }
    QJsonArray apps;
    for (const SimCatalogApp &a : m_apps) {
        QJsonObject o = json::teamsApp(a, true);
        o.insert(QStringLiteral("sim"),
                 QJsonObject{{QStringLiteral("botId"), a.botId},
                             {QStringLiteral("webApplicationId"), a.webApplicationId}});
        apps.append(o);
    }
    return QJsonObject{{QStringLiteral("tenantId"), m_tenantId},
                       {QStringLiteral("domain"), m_domain},
                       {QStringLiteral("orgAppId"), m_orgApp >= 0 ? m_apps.at(m_orgApp).id : QString()},
                       {QStringLiteral("users"), users},
                       {QStringLiteral("groups"), groups},
                       {QStringLiteral("appCatalog"), apps}};
}

} // namespace herald::sim
