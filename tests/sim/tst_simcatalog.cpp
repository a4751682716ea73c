// The simulated tenant app catalog.

#include "SimFixture.h"

#include <QJsonArray>
#include <QTest>

using namespace herald::test;

class TestSimCatalog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_sim = std::make_unique<SimFixture>();
        QVERIFY2(m_sim->start(), qPrintable(m_sim->errorString()));
        m_sim->probe().setBearer(m_sim->graphToken());
    }

    void findsOrgBotByExternalId()
    {
        const QString externalId = m_sim->options().appExternalId;
        const ProbeReply r = m_sim->probe().get(m_sim->graph(
            QStringLiteral("/appCatalogs/teamsApps?$filter=externalId eq '%1'&$expand=appDefinitions")
                .arg(externalId)));
        QCOMPARE(r.status, 200);
        const QJsonArray value = r.json().value(QStringLiteral("value")).toArray();
        QCOMPARE(value.size(), 1);
        const QJsonObject app = value.first().toObject();
        QCOMPARE(app.value(QStringLiteral("externalId")).toString(), externalId);
        QCOMPARE(app.value(QStringLiteral("id")).toString(), m_sim->appId());
        QVERIFY(app.value(QStringLiteral("id")).toString() != externalId);
        QCOMPARE(app.value(QStringLiteral("distributionMethod")).toString(), QStringLiteral("organization"));
        QCOMPARE(app.value(QStringLiteral("displayName")).toString(), m_sim->options().appDisplayName);
        const QJsonArray definitions = app.value(QStringLiteral("appDefinitions")).toArray();
        QCOMPARE(definitions.size(), 1);
        const QJsonObject def = definitions.first().toObject();
        QCOMPARE(def.value(QStringLiteral("teamsAppId")).toString(), m_sim->appId());
        QCOMPARE(def.value(QStringLiteral("publishingState")).toString(), QStringLiteral("published"));
        QVERIFY(!def.value(QStringLiteral("version")).toString().isEmpty());
        QVERIFY(!def.value(QStringLiteral("id")).toString().isEmpty());
        QCOMPARE(def.value(QStringLiteral("azureADAppId")).toString(), m_sim->clientId());
    }

    void withoutExpandNoDefinitions()
    {
        const ProbeReply r = m_sim->probe().get(m_sim->graph(QStringLiteral("/appCatalogs/teamsApps")));
        QCOMPARE(r.status, 200);
        const QJsonArray value = r.json().value(QStringLiteral("value")).toArray();
        QVERIFY(value.size() >= 6);
        for (const QJsonValue &v : value)
            QVERIFY(!v.toObject().contains(QStringLiteral("appDefinitions")));
    }

    void storeAppsHaveIdEqualToExternalId()
    {
        const ProbeReply r = m_sim->probe().get(
            m_sim->graph(QStringLiteral("/appCatalogs/teamsApps?$filter=distributionMethod eq 'store'")));
        QCOMPARE(r.status, 200);
        const QJsonArray value = r.json().value(QStringLiteral("value")).toArray();
        QVERIFY(value.size() >= 3);
        for (const QJsonValue &v : value) {
            QCOMPARE(v.toObject().value(QStringLiteral("distributionMethod")).toString(),
                     QStringLiteral("store"));
            QCOMPARE(v.toObject().value(QStringLiteral("id")).toString(),
                     v.toObject().value(QStringLiteral("externalId")).toString());
        }
    }

    void combinedFilter()
    {
        ProbeReply r = m_sim->probe().get(m_sim->graph(
            QStringLiteral(
                "/appCatalogs/teamsApps?$filter=distributionMethod eq 'organization' and displayName eq '%1'")
                .arg(m_sim->options().appDisplayName)));
        QCOMPARE(r.json().value(QStringLiteral("value")).toArray().size(), 1);
        r = m_sim->probe().get(m_sim->graph(
            QStringLiteral("/appCatalogs/teamsApps?$filter=distributionMethod eq 'store' and id eq '%1'")
                .arg(m_sim->appId())));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("value")).toArray().size(), 0);
        r = m_sim->probe().get(m_sim->graph(
            QStringLiteral("/appCatalogs/teamsApps?$filter=distributionMethod eq 'organization'")));
        QCOMPARE(r.json().value(QStringLiteral("value")).toArray().size(), 2); // the bot and another org app
    }

    void sideloadedAppIsListed()
    {
        const ProbeReply r = m_sim->probe().get(m_sim->graph(
            QStringLiteral("/appCatalogs/teamsApps?$filter=distributionMethod eq 'sideloaded'")));
        QCOMPARE(r.json().value(QStringLiteral("value")).toArray().size(), 1);
    }

    void getById()
    {
        ProbeReply r
            = m_sim->probe().get(m_sim->graph(QStringLiteral("/appCatalogs/teamsApps/") + m_sim->appId()));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("externalId")).toString(), m_sim->options().appExternalId);
        r = m_sim->probe().get(
            m_sim->graph(QStringLiteral("/appCatalogs/teamsApps/00000000-0000-0000-0000-000000000000")));
        QCOMPARE(r.status, 404);
    }

    void unsupportedFilterPropertyIs400()
    {
        const ProbeReply r = m_sim->probe().get(
            m_sim->graph(QStringLiteral("/appCatalogs/teamsApps?$filter=color eq 'blue'")));
        QCOMPARE(r.status, 400);
    }

    void needsCatalogRole()
    {
        auto options = SimFixture::defaultOptions();
        options.roles = QStringList{QStringLiteral("User.Read.All")};
        SimFixture sim(options);
        QVERIFY(sim.start());
        sim.probe().setBearer(sim.graphToken());
        const ProbeReply r = sim.probe().get(sim.graph(QStringLiteral("/appCatalogs/teamsApps")));
        QCOMPARE(r.status, 403);
        QVERIFY(r.errorMessage().contains(QStringLiteral("AppCatalog.Read.All")));
    }

private:
    std::unique_ptr<SimFixture> m_sim;
};

QTEST_GUILESS_MAIN(TestSimCatalog)
#include "tst_simcatalog.moc"
