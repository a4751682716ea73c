#include "sim/TenantGenerator.h"

#include "sim/NameLists.h"

#include <QRandomGenerator>
#include <algorithm>
#include <cmath>

namespace herald::sim {

namespace {

QString guid(QRandomGenerator &rng)
{
    quint32 words[4];
    rng.fillRange(words, 4);
    // Version 4 / RFC 4122 variant bits, so the ids look like Entra object ids.
    words[1] = (words[1] & 0xffff0fffu) | 0x00004000u;
    words[2] = (words[2] & 0x3fffffffu) | 0x80000000u;
    const QString hex = QStringLiteral("%1%2%3%4")
                            .arg(words[0], 8, 16, QLatin1Char('0'))
                            .arg(words[1], 8, 16, QLatin1Char('0'))
                            .arg(words[2], 8, 16, QLatin1Char('0'))
                            .arg(words[3], 8, 16, QLatin1Char('0'));
    return hex.left(8) + QLatin1Char('-') + hex.mid(8, 4) + QLatin1Char('-') + hex.mid(12, 4)
        + QLatin1Char('-') + hex.mid(16, 4) + QLatin1Char('-') + hex.mid(20);
}

QString hex32(QRandomGenerator &rng)
{
    quint32 words[4];
    rng.fillRange(words, 4);
    QString out;
    for (quint32 w : words)
        out += QStringLiteral("%1").arg(w, 8, 16, QLatin1Char('0'));
    return out;
}

// UPN local parts are ASCII: strip diacritics (José -> jose), drop spaces.
QString asciiLocalPart(const QString &name)
{
    QString out;
    for (const QChar c : name.normalized(QString::NormalizationForm_KD)) {
        if (c == QLatin1Char(' '))
            continue;
        if (c.unicode() == 0x0141 || c.unicode() == 0x0142) { // Ł has no decomposition
            out += QLatin1Char('l');
            continue;
        }
        if (c.unicode() < 128)
            out += c.toLower();
    }
    return out;
}

int share(double fraction, int total)
{
    return std::clamp(int(std::lround(std::clamp(fraction, 0.0, 1.0) * total)), 0, total);
}

// A permutation that is partially re-shuffled to draw k distinct indices in O(k).
class Sampler
{
public:
    Sampler(int n, QRandomGenerator &rng)
        : m_rng(rng)
    {
        m_perm.resize(n);
        for (int i = 0; i < n; ++i)
            m_perm[i] = i;
    }
    QVector<int> draw(int k)
    {
        k = std::min(k, int(m_perm.size()));
        for (int i = 0; i < k; ++i)
            std::swap(m_perm[i], m_perm[i + int(m_rng.bounded(quint32(m_perm.size() - i)))]);
        QVector<int> result(m_perm.cbegin(), m_perm.cbegin() + k);
        std::sort(result.begin(), result.end());
        return result;
    }

private:
    QRandomGenerator &m_rng;
    QVector<int> m_perm;
};

SimCatalogApp makeApp(const QString &id, const QString &externalId, const QString &name,
                      const QString &distribution, const QString &botId, const QString &version,
                      const QString &description)
{
    SimCatalogApp app;
    app.id = id;
    app.externalId = externalId;
    app.displayName = name;
    app.distributionMethod = distribution;
    app.botId = botId;
    app.definition = {QString(),
                      version,
                      name,
                      description,
                      description,
                      QStringLiteral("published"),
                      QStringLiteral("2024-02-12T09:30:00Z")};
    return app;
}

void addCatalog(Tenant &tenant, const SimOptions &options, QRandomGenerator &ids, QVector<int> *storeDefaults)
{
    // The organisation's bot: its catalog id is a GUID distinct from the manifest
    // (external) id; its bot and webApplicationInfo are the client's Entra app.
    SimCatalogApp org = makeApp(guid(ids), options.appExternalId, options.appDisplayName,
                                QStringLiteral("organization"), options.clientId, QStringLiteral("1.4.0"),
                                QStringLiteral("Company announcements from Contoso."));
    org.webApplicationId = options.clientId;
    tenant.setOrgApp(tenant.addApp(org));

    tenant.addApp(makeApp(guid(ids), guid(ids), QStringLiteral("Contoso Expenses"),
                          QStringLiteral("organization"), QString(), QStringLiteral("2.1.0"),
                          QStringLiteral("Submit and approve expenses.")));
    // Store apps: catalog id == manifest id, as Graph's teamsApp docs describe.
    const struct
    {
        const char *id;
        const char *name;
        bool bot;
    } store[] = {
        {"7c316234-ded0-4f95-8a83-8453d0876592", "Approvals", false},
        {"com.microsoft.teamspace.tab.planner", "Tasks by Planner and To Do", false},
        {"1542629c-01b3-4a6d-8f76-1938b779e48d", "Polly", true},
        {"42f6c1da-a241-483a-a3cc-4f5be9185951", "Shifts", false},
    };
    for (const auto &s : store) {
        const QString id = QString::fromLatin1(s.id);
        const int index = tenant.addApp(makeApp(id, id, QString::fromLatin1(s.name), QStringLiteral("store"),
                                                s.bot ? guid(ids) : QString(), QStringLiteral("1.0.3"),
                                                QString::fromLatin1(s.name)));
        if (storeDefaults->size() < 2 && !s.bot)
            storeDefaults->append(index);
    }
    // A sideloaded app: visible in the catalog, but Graph cannot install it.
    tenant.addApp(makeApp(guid(ids), guid(ids), QStringLiteral("Herald Dev Build"),
                          QStringLiteral("sideloaded"), guid(ids), QStringLiteral("0.9.0"),
                          QStringLiteral("Developer build of the bot.")));
}

void addUsers(Tenant &tenant, const SimOptions &options, QRandomGenerator &names, QRandomGenerator &ids)
{
    static const QStringList offices{QStringLiteral("London"), QStringLiteral("Seattle"),
                                     QStringLiteral("Dublin"), QStringLiteral("Singapore"),
                                     QStringLiteral("Munich"), QStringLiteral("São Paulo")};
    static const QStringList languages{QStringLiteral("en-US"), QStringLiteral("en-GB"),
                                       QStringLiteral("de-DE"), QStringLiteral("fr-FR"),
                                       QStringLiteral("pt-BR"), QStringLiteral("ja-JP")};
    const QStringList &given = names::givenNames();
    const QStringList &family = names::surnames();
    QHash<QString, int> localPartUses;
    localPartUses.reserve(options.users);
    for (int i = 0; i < options.users; ++i) {
        SimUser u;
        u.id = guid(ids);
        u.givenName = given.at(int(names.bounded(quint32(given.size()))));
        u.surname = family.at(int(names.bounded(quint32(family.size()))));
        u.displayName = u.givenName + QLatin1Char(' ') + u.surname;
        const QString base = asciiLocalPart(u.givenName) + QLatin1Char('.') + asciiLocalPart(u.surname);
        int &uses = localPartUses[base];
        QString local = base;
        while (
            uses > 0
            && tenant.upnTaken(local + QString::number(uses + 1) + QLatin1Char('@') + options.tenantDomain))
            ++uses;
        if (uses > 0)
            local += QString::number(uses + 1);
        ++uses;
        u.userPrincipalName = local + QLatin1Char('@') + options.tenantDomain;
        // About 2% have no mailbox (mail is null), as service accounts do.
        u.mail = names.bounded(100) < 2 ? QString() : u.userPrincipalName;
        u.jobTitle = names::jobTitles().at(int(names.bounded(quint32(names::jobTitles().size()))));
        u.department = names::departments().at(int(names.bounded(quint32(names::departments().size()))));
        u.officeLocation = offices.at(int(names.bounded(quint32(offices.size()))));
        u.preferredLanguage = languages.at(int(names.bounded(quint32(languages.size()))));
        u.accountEnabled = names.bounded(100) >= 2;
        tenant.addUser(u);
    }
}

void assignUserState(Tenant &tenant, const SimOptions &options, QRandomGenerator &flags,
                     const QVector<int> &storeDefaults)
{
    const int n = tenant.userCount();
    Sampler sampler(n, flags);
    // Exact shares: unlicensed, then policy-blocked and installed among the rest.
    const int unlicensed = share(options.unlicensedFraction, n);
    const int blocked = std::min(share(options.policyBlockedFraction, n), n - unlicensed);
    const int installed = std::min(share(options.installedFraction, n), n - unlicensed - blocked);
    QVector<int> order = sampler.draw(n);
    std::shuffle(order.begin(), order.end(), flags);
    for (int k = 0; k < n; ++k) {
        SimUser &u = tenant.mutableUser(order.at(k));
        if (k < unlicensed)
            u.teamsLicensed = false;
        else if (k < unlicensed + blocked)
            u.policyBlocked = true;
        else if (k < unlicensed + blocked + installed)
            tenant.installForUser(order.at(k), tenant.orgApp());
    }
    for (int u : sampler.draw(share(options.botBlockedFraction, n)))
        tenant.mutableUser(u).botBlocked = true;
    for (int u = 0; u < n; ++u) {
        if (!tenant.user(u).teamsLicensed)
            continue;
        for (int app : storeDefaults)
            tenant.installForUser(u, app);
    }
}

void addGroupsAndTeams(Tenant &tenant, const SimOptions &options, QRandomGenerator &rng,
                       QRandomGenerator &ids, const QVector<int> &storeDefaults)
{
    const int n = tenant.userCount();
    Sampler sampler(n, rng);
    const QStringList &departments = names::departments();
    const int firstGroup = tenant.groupCount();
    for (int i = 0; i < options.groups; ++i) {
        SimGroup g;
        g.id = guid(ids);
        const QString base
            = i == 0 ? QStringLiteral("All Staff") : departments.at((i - 1) % departments.size());
        g.displayName = i > departments.size() ? base + QLatin1Char(' ') + QString::number(i) : base;
        g.description = QStringLiteral("Members of %1").arg(g.displayName);
        g.mailNickname = asciiLocalPart(g.displayName).replace(QLatin1Char('\''), QString());
        g.visibility = QStringLiteral("Private");
        g.createdDateTime = QStringLiteral("2021-0%1-1%2T08:00:00Z").arg(1 + i % 9).arg(i % 10);
        const int size = n == 0 ? 0 : std::clamp(n / std::max(1, options.groups) + 2, 1, std::min(n, 2000));
        g.memberUsers = sampler.draw(i == 0 ? std::min(size, 5) : size);
        tenant.addGroup(g);
    }
    // Nesting forms a DAG (a group only contains later groups): "All Staff"
    // contains the first departments, and every third group contains the next one.
    for (int i = 0; i < options.groups; ++i) {
        SimGroup &g = tenant.mutableGroup(firstGroup + i);
        if (i == 0) {
            for (int j = 1; j < std::min(options.groups, 4); ++j)
                g.memberGroups.append(firstGroup + j);
        } else if (i % 3 == 1 && i + 1 < options.groups) {
            g.memberGroups.append(firstGroup + i + 1);
        }
    }
    const QStringList &topics = names::teamTopics();
    const int teamsWithApp = share(options.installedFraction, options.teams);
    for (int i = 0; i < options.teams; ++i) {
        SimGroup t;
        t.isTeam = true;
        t.id = guid(ids);
        t.displayName = topics.at(i % topics.size());
        if (i >= topics.size())
            t.displayName += QLatin1Char(' ') + QString::number(i / topics.size() + 1);
        t.description = QStringLiteral("Team for %1").arg(t.displayName);
        t.mailNickname = asciiLocalPart(t.displayName);
        t.visibility = i % 4 == 0 ? QStringLiteral("Public") : QStringLiteral("Private");
        t.createdDateTime = QStringLiteral("2022-0%1-2%2T10:00:00Z").arg(1 + i % 9).arg(i % 10);
        t.generalChannelId = QStringLiteral("19:%1@thread.tacv2").arg(hex32(ids));
        t.memberUsers = sampler.draw(n == 0 ? 0 : 3 + int(rng.bounded(quint32(std::min(n, 40)))));
        for (int k = 0; k < std::min<int>(2, t.memberUsers.size()); ++k)
            t.ownerUsers.append(t.memberUsers.at(k));
        const int index = tenant.addGroup(t);
        for (int app : storeDefaults.mid(1))
            tenant.installForTeam(index, app);
        if (i < teamsWithApp)
            tenant.installForTeam(index, tenant.orgApp());
    }
}

} // namespace

std::unique_ptr<Tenant> TenantGenerator::generate(const SimOptions &options)
{
    auto tenant = std::make_unique<Tenant>(options.tenantId, options.tenantDomain);
    // Independent streams, so changing one option (say, the installed share)
    // does not reshuffle names or ids.
    QRandomGenerator ids(options.seed);
    QRandomGenerator names(options.seed ^ 0x5bd1e995u);
    QRandomGenerator flags(options.seed ^ 0x27d4eb2du);
    QRandomGenerator groups(options.seed ^ 0x165667b1u);
    QVector<int> storeDefaults;
    addCatalog(*tenant, options, ids, &storeDefaults);
    addUsers(*tenant, options, names, ids);
    assignUserState(*tenant, options, flags, storeDefaults);
    addGroupsAndTeams(*tenant, options, groups, ids, storeDefaults);
    return tenant;
}

} // namespace herald::sim
