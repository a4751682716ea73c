// Installing, listing, upgrading and removing apps for users and teams.

#include "SimFixture.h"

#include <QJsonArray>
#include <QTest>
#include <functional>

using namespace herald::test;
using herald::sim::SimUser;
using herald::sim::Tenant;

namespace {

QJsonObject bindBody(const QString &appId)
{
    return {{QStringLiteral("teamsApp@odata.bind"),
             QStringLiteral("https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/") + appId}};
}

} // namespace

class TestSimInstalledApps : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        auto options = SimFixture::defaultOptions();
        options.unlicensedFraction = 0.05;
        options.policyBlockedFraction = 0.05;
        options.throttling = false;
        m_sim = std::make_unique<SimFixture>(options);
        QVERIFY2(m_sim->start(), qPrintable(m_sim->errorString()));
        m_sim->probe().setBearer(m_sim->graphToken());
    }

    void defaultAppsAndFilter()
    {
        const int u = findUser([this](const SimUser &user, int i) {
            return user.teamsLicensed && m_sim->tenant().userInstallOf(i, m_sim->tenant().orgApp()) >= 0;
        });
        QVERIFY(u >= 0);
        const QString id = m_sim->tenant().user(u).id;
        ProbeReply r = m_sim->probe().get(appsUrl(id, QStringLiteral("?$expand=teamsApp")));
        QCOMPARE(r.status, 200);
        const QJsonArray all = r.json().value(QStringLiteral("value")).toArray();
        QVERIFY2(all.size() >= 3, "default Store apps plus the bot");
        for (const QJsonValue &v : all)
            QVERIFY(v.toObject()
                        .value(QStringLiteral("teamsApp"))
                        .toObject()
                        .contains(QStringLiteral("externalId")));
        r = m_sim->probe().get(
            appsUrl(id, QStringLiteral("?$expand=teamsApp&$filter=teamsApp/id eq '%1'").arg(m_sim->appId())));
        QCOMPARE(r.json().value(QStringLiteral("value")).toArray().size(), 1);
        const QJsonObject item = r.json().value(QStringLiteral("value")).toArray().first().toObject();
        QCOMPARE(item.value(QStringLiteral("teamsApp")).toObject().value(QStringLiteral("id")).toString(),
                 m_sim->appId());
        QCOMPARE(item.value(QStringLiteral("id")).toString(), Tenant::installationId(id, m_sim->appId()));
        r = m_sim->probe().get(
            appsUrl(id,
                    QStringLiteral("?$filter=teamsApp/externalId eq '%1'&$expand=teamsAppDefinition")
                        .arg(m_sim->options().appExternalId)));
        QCOMPARE(r.json().value(QStringLiteral("value")).toArray().size(), 1);
        QVERIFY(r.json()
                    .value(QStringLiteral("value"))
                    .toArray()
                    .first()
                    .toObject()
                    .contains(QStringLiteral("teamsAppDefinition")));
    }

    void installThenConflict()
    {
        const int u = installable();
        QVERIFY(u >= 0);
        const QString id = m_sim->tenant().user(u).id;
        ProbeReply r = m_sim->probe().get(
            appsUrl(id, QStringLiteral("?$filter=teamsApp/id eq '%1'").arg(m_sim->appId())));
        QCOMPARE(r.json().value(QStringLiteral("value")).toArray().size(), 0);
        r = m_sim->probe().postJson(appsUrl(id), bindBody(m_sim->appId()));
        QCOMPARE(r.status, 201);
        QVERIFY(r.body.isEmpty());
        r = m_sim->probe().get(
            appsUrl(id, QStringLiteral("?$filter=teamsApp/id eq '%1'").arg(m_sim->appId())));
        QCOMPARE(r.json().value(QStringLiteral("value")).toArray().size(), 1);
        r = m_sim->probe().postJson(appsUrl(id), bindBody(m_sim->appId()));
        QCOMPARE(r.status, 409);
        QCOMPARE(r.errorCode(), QStringLiteral("Conflict"));
        QCOMPARE(m_sim->server().stats().value(QStringLiteral("installs")).toInt(), 1);
    }

    void installByUserPrincipalName()
    {
        const int u = installable();
        QVERIFY(u >= 0);
        const ProbeReply r = m_sim->probe().postJson(appsUrl(m_sim->tenant().user(u).userPrincipalName),
                                                     bindBody(m_sim->appId()));
        QCOMPARE(r.status, 201);
        QVERIFY(m_sim->tenant().userInstallOf(u, m_sim->tenant().orgApp()) >= 0);
    }

    void policyBlockedIs403()
    {
        const int u = findUser([](const SimUser &user, int) { return user.policyBlocked; });
        QVERIFY(u >= 0);
        const ProbeReply r
            = m_sim->probe().postJson(appsUrl(m_sim->tenant().user(u).id), bindBody(m_sim->appId()));
        QCOMPARE(r.status, 403);
        QVERIFY2(r.errorMessage().contains(QStringLiteral("blocked by app permission policy")),
                 qPrintable(r.errorMessage()));
        QCOMPARE(m_sim->tenant().userInstallOf(u, m_sim->tenant().orgApp()), -1);
        QCOMPARE(m_sim->server().stats().value(QStringLiteral("installs")).toInt(), 0);
    }

    void unlicensedAndUnknownAre404()
    {
        const int u = findUser([](const SimUser &user, int) { return !user.teamsLicensed; });
        QVERIFY(u >= 0);
        ProbeReply r = m_sim->probe().postJson(appsUrl(m_sim->tenant().user(u).id), bindBody(m_sim->appId()));
        QCOMPARE(r.status, 404);
        QVERIFY(r.errorMessage().contains(QStringLiteral("license")));
        QCOMPARE(m_sim->probe().get(appsUrl(m_sim->tenant().user(u).id)).status, 404);
        r = m_sim->probe().postJson(appsUrl(QStringLiteral("00000000-0000-4000-8000-000000000000")),
                                    bindBody(m_sim->appId()));
        QCOMPARE(r.status, 404);
    }

    void sideloadedAndForeignAppsCannotBeInstalled()
    {
        const int u = installable();
        const Tenant &tenant = m_sim->tenant();
        int sideloaded = -1;
        int store = -1;
        for (int a = 0; a < tenant.appCount(); ++a) {
            if (tenant.app(a).distributionMethod == QLatin1String("sideloaded"))
                sideloaded = a;
            if (tenant.app(a).distributionMethod == QLatin1String("store") && tenant.userInstallOf(u, a) < 0)
                store = a;
        }
        QVERIFY(sideloaded >= 0 && store >= 0);
        ProbeReply r
            = m_sim->probe().postJson(appsUrl(tenant.user(u).id), bindBody(tenant.app(sideloaded).id));
        QCOMPARE(r.status, 403);
        QVERIFY(r.errorMessage().contains(QStringLiteral("sideloaded")));
        // *Self* permissions only cover the calling app itself.
        r = m_sim->probe().postJson(appsUrl(tenant.user(u).id), bindBody(tenant.app(store).id));
        QCOMPARE(r.status, 403);
        QVERIFY(r.errorMessage().contains(QStringLiteral("TeamsAppInstallation.ReadWriteForUser.All")));
        r = m_sim->probe().postJson(appsUrl(tenant.user(u).id), bindBody(QStringLiteral("no-such-app")));
        QCOMPARE(r.status, 404);
    }

    void malformedBodyIs400()
    {
        const QString id = m_sim->tenant().user(installable()).id;
        QCOMPARE(m_sim->probe().postRaw(appsUrl(id), "{not json", "application/json").status, 400);
        QCOMPARE(m_sim->probe()
                     .postJson(appsUrl(id), QJsonObject{{QStringLiteral("teamsApp"), QStringLiteral("x")}})
                     .status,
                 400);
    }

    void getUpgradeDeleteLifecycle()
    {
        const int u = installable();
        const QString user = m_sim->tenant().user(u).id;
        QCOMPARE(m_sim->probe().postJson(appsUrl(user), bindBody(m_sim->appId())).status, 201);
        const QString installation = Tenant::installationId(user, m_sim->appId());
        ProbeReply r = m_sim->probe().get(
            appsUrl(user, QStringLiteral("/%1?$expand=teamsAppDefinition").arg(installation)));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("id")).toString(), installation);
        QVERIFY(r.json().contains(QStringLiteral("teamsAppDefinition")));
        r = m_sim->probe().postRaw(appsUrl(user, QStringLiteral("/%1/upgrade").arg(installation)), {},
                                   "application/json");
        QCOMPARE(r.status, 204);
        r = m_sim->probe().del(appsUrl(user, QStringLiteral("/") + installation));
        QCOMPARE(r.status, 204);
        QCOMPARE(m_sim->tenant().userInstallOf(u, m_sim->tenant().orgApp()), -1);
        QCOMPARE(m_sim->server().stats().value(QStringLiteral("uninstalls")).toInt(), 1);
        QCOMPARE(m_sim->probe().get(appsUrl(user, QStringLiteral("/") + installation)).status, 404);
        QCOMPARE(m_sim->probe().del(appsUrl(user, QStringLiteral("/") + installation)).status, 404);
        QCOMPARE(m_sim->probe().postJson(appsUrl(user), bindBody(m_sim->appId())).status, 201);
        // An installation id of another user is not found under this user.
        const QString other = m_sim->tenant().user(u == 0 ? 1 : 0).id;
        QCOMPARE(m_sim->probe().get(appsUrl(other, QStringLiteral("/") + installation)).status, 404);
    }

    void chatWithTheBot()
    {
        const int u = installable();
        const int v = findUser([this, u](const SimUser &user, int i) {
            return i != u && user.teamsLicensed
                && m_sim->tenant().userInstallOf(i, m_sim->tenant().orgApp()) >= 0;
        });
        QVERIFY(u >= 0 && v >= 0);
        const QString user = m_sim->tenant().user(u).id;
        QCOMPARE(m_sim->probe().postJson(appsUrl(user), bindBody(m_sim->appId())).status, 201);
        const QString chatUrl = QStringLiteral("/%1/chat").arg(Tenant::installationId(user, m_sim->appId()));
        const ProbeReply first = m_sim->probe().get(appsUrl(user, chatUrl));
        QCOMPARE(first.status, 200);
        const QString chatId = first.json().value(QStringLiteral("id")).toString();
        QVERIFY(chatId.startsWith(QStringLiteral("19:")));
        QVERIFY(chatId.endsWith(QStringLiteral("@unq.gbl.spaces")));
        QCOMPARE(first.json().value(QStringLiteral("chatType")).toString(), QStringLiteral("oneOnOne"));
        QCOMPARE(m_sim->probe().get(appsUrl(user, chatUrl)).json().value(QStringLiteral("id")).toString(),
                 chatId);
        const QString otherUser = m_sim->tenant().user(v).id;
        const ProbeReply other = m_sim->probe().get(appsUrl(
            otherUser, QStringLiteral("/%1/chat").arg(Tenant::installationId(otherUser, m_sim->appId()))));
        QCOMPARE(other.status, 200);
        QVERIFY(other.json().value(QStringLiteral("id")).toString() != chatId);

        // Way 2: the user's chats filtered by installed app.
        const ProbeReply chats = m_sim->probe().get(
            m_sim->graph(QStringLiteral("/users/%1/chats?$filter=installedApps/any(a:a/teamsApp/id eq '%2')")
                             .arg(user, m_sim->appId())));
        QCOMPARE(chats.status, 200);
        const QJsonArray value = chats.json().value(QStringLiteral("value")).toArray();
        QCOMPARE(value.size(), 1);
        QCOMPARE(value.first().toObject().value(QStringLiteral("id")).toString(), chatId);
    }

    void chatsNeedChatReadAll()
    {
        auto options = SimFixture::defaultOptions();
        options.roles = QStringList{QStringLiteral("TeamsAppInstallation.ReadWriteSelfForUser.All")};
        SimFixture sim(options);
        QVERIFY(sim.start());
        sim.probe().setBearer(sim.graphToken());
        const ProbeReply r
            = sim.probe().get(sim.graph(QStringLiteral("/users/%1/chats").arg(sim.tenant().user(0).id)));
        QCOMPARE(r.status, 403);
        QVERIFY(r.errorMessage().contains(QStringLiteral("Chat.Read.All")));
    }

    void teamInstallations()
    {
        const Tenant &tenant = m_sim->tenant();
        int team = -1;
        for (int t : tenant.teams()) {
            if (tenant.teamInstallOf(t, tenant.orgApp()) < 0)
                team = t;
        }
        QVERIFY(team >= 0);
        const QString teamId = tenant.group(team).id;
        const QUrl url = m_sim->graph(QStringLiteral("/teams/%1/installedApps").arg(teamId));
        QCOMPARE(m_sim->probe().postJson(url, bindBody(m_sim->appId())).status, 201);
        QCOMPARE(m_sim->probe().postJson(url, bindBody(m_sim->appId())).status, 409);
        const ProbeReply r = m_sim->probe().get(m_sim->graph(
            QStringLiteral("/teams/%1/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '%2'")
                .arg(teamId, m_sim->appId())));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("value")).toArray().size(), 1);
        QCOMPARE(m_sim->probe()
                     .get(m_sim->graph(QStringLiteral("/teams/%1/installedApps").arg(tenant.group(0).id)))
                     .status,
                 404);
    }

private:
    QUrl appsUrl(const QString &user, const QString &rest = QString()) const
    {
        return m_sim->graph(QStringLiteral("/users/%1/teamwork/installedApps%2").arg(user, rest));
    }

    int findUser(const std::function<bool(const SimUser &, int)> &match) const
    {
        for (int i = 0; i < m_sim->tenant().userCount(); ++i) {
            if (match(m_sim->tenant().user(i), i))
                return i;
        }
        return -1;
    }

    // A licensed user, not blocked by policy, without the bot yet.
    int installable() const
    {
        return findUser([this](const SimUser &user, int i) {
            return user.teamsLicensed && !user.policyBlocked
                && m_sim->tenant().userInstallOf(i, m_sim->tenant().orgApp()) < 0;
        });
    }

    std::unique_ptr<SimFixture> m_sim;
};

QTEST_GUILESS_MAIN(TestSimInstalledApps)
#include "tst_siminstalledapps.moc"
