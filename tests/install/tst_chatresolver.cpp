// ChatResolver against the simulated tenant: both documented ways give the
// tenant's 1:1 chat ids, the SQLite cache answers a second run without a
// single request, and a missing Chat.Read.All says how to fix it.

#include "InstallKit.h"
#include "install/ChatIdCache.h"
#include "install/ChatResolver.h"
#include "install/RecipientFeed.h"
#include "sim/Tenant.h"

#include <QTemporaryDir>
#include <QTest>

using namespace herald;
using namespace herald::install;
using herald::test::InstallKit;
using herald::test::runPipeline;

class TestChatResolver : public QObject
{
    Q_OBJECT

private:
    QString botId() { return m_kit.tenant().app(m_kit.tenant().orgApp()).botId; }

    void checkAgainstTenant(const herald::test::PipelineRun &run)
    {
        sim::Tenant &tenant = m_kit.tenant();
        QCOMPARE(run.results.size(), tenant.userCount());
        for (const RecipientResult &r : run.results) {
            const int i = tenant.findUser(r.recipient.id);
            QVERIFY(i >= 0);
            if (!tenant.user(i).teamsLicensed) {
                QCOMPARE(toName(r.outcome), QStringLiteral("not_found"));
            } else if (m_kit.hasOrgApp(i)) {
                QCOMPARE(toName(r.outcome), QStringLiteral("resolved"));
                QCOMPARE(r.chatId, sim::Tenant::personalChatId(r.recipient.id, botId()));
            } else {
                QCOMPARE(toName(r.outcome), QStringLiteral("not_installed"));
                QVERIFY(r.chatId.isEmpty());
            }
        }
    }

    std::unique_ptr<ChatIdCache> openCache()
    {
        auto cache = std::make_unique<ChatIdCache>(m_dir.path(), m_kit.sim().tenantId(), m_kit.appId());
        QString error;
        if (!cache->open(&error))
            qWarning("%s", qPrintable(error));
        return cache;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_kit.start());
    }

    void viaInstalledApps()
    {
        auto *resolver
            = new ChatResolver(m_kit.client(), new ListRecipientFeed(m_kit.allUsers()), m_kit.appId());
        const auto run = runPipeline(resolver);
        QVERIFY2(!run.error.isError(), qPrintable(run.error.toString()));
        checkAgainstTenant(run);
    }

    void viaChatsFilter()
    {
        const qint64 chatsBefore = m_kit.served(QStringLiteral("graph.get"));
        auto *resolver = new ChatResolver(m_kit.client(), new ListRecipientFeed(m_kit.allUsers()),
                                          m_kit.appId(), ChatResolver::Via::Chats);
        const auto run = runPipeline(resolver);
        QVERIFY2(!run.error.isError(), qPrintable(run.error.toString()));
        checkAgainstTenant(run);
        // One users/{id}/chats request per user, and nothing else.
        QCOMPARE(m_kit.served(QStringLiteral("graph.get")) - chatsBefore, qint64(m_kit.tenant().userCount()));
    }

    void teamsAreNotChats()
    {
        auto *resolver = new ChatResolver(m_kit.client(), new ListRecipientFeed({m_kit.allTeams().first()}),
                                          m_kit.appId());
        const auto run = runPipeline(resolver);
        QCOMPARE(run.results.size(), 1);
        QCOMPARE(run.results.first().outcome, Outcome::Failed);
        QVERIFY(run.results.first().detail.contains(QLatin1String("channel")));
    }

    void cachedChatsAreNotResolvedAgain()
    {
        auto *first
            = new ChatResolver(m_kit.client(), new ListRecipientFeed(m_kit.allUsers()), m_kit.appId());
        first->setCache(openCache());
        const auto firstRun = runPipeline(first);
        QVERIFY2(!firstRun.error.isError(), qPrintable(firstRun.error.toString()));
        const int resolved = firstRun.count(Outcome::Resolved);
        QVERIFY(resolved > 0);
        QCOMPARE(openCache()->count(), resolved); // on disk, in the data directory
        QVERIFY(QFile::exists(ChatIdCache::databasePath(m_dir.path())));

        // Second run: only users with the app, all known: no request at all.
        QList<int> installed = m_kit.usersWhere([&](int i) { return m_kit.hasOrgApp(i); });
        const qint64 requestsBefore = m_kit.stat(QStringLiteral("requestsTotal"));
        auto *second
            = new ChatResolver(m_kit.client(), new ListRecipientFeed(m_kit.users(installed)), m_kit.appId());
        second->setCache(openCache());
        second->setAutoDelete(false);
        const auto secondRun = runPipeline(second);
        QVERIFY2(!secondRun.error.isError(), qPrintable(secondRun.error.toString()));
        QCOMPARE(secondRun.count(Outcome::Resolved), installed.size());
        QCOMPARE(second->cacheHits(), installed.size());
        for (const RecipientResult &r : secondRun.results)
            QCOMPARE(r.chatId, sim::Tenant::personalChatId(r.recipient.id, botId()));
        QCOMPARE(m_kit.stat(QStringLiteral("requestsTotal")), requestsBefore);
        delete second;

        // Another app or tenant shares the file but not the rows.
        ChatIdCache other(m_dir.path(), m_kit.sim().tenantId(), QStringLiteral("another-app"));
        QVERIFY(other.open());
        QCOMPARE(other.count(), 0);
    }

    void missingChatReadAllSaysSo()
    {
        sim::SimOptions options = InstallKit::options(20);
        options.roles = QStringList{QStringLiteral("TeamsAppInstallation.ReadWriteSelfForUser.All")};
        InstallKit kit(options);
        QVERIFY(kit.start());
        auto *resolver = new ChatResolver(kit.client(), new ListRecipientFeed(kit.allUsers()), kit.appId(),
                                          ChatResolver::Via::Chats);
        const auto run = runPipeline(resolver);
        QCOMPARE(run.error.kind, graph::GraphError::Kind::Auth);
        QVERIFY2(run.error.hint.contains(QLatin1String("Chat.Read.All")), qPrintable(run.error.hint));

        // The default way needs no Chat.Read.All.
        auto *byInstall = new ChatResolver(kit.client(), new ListRecipientFeed(kit.allUsers()), kit.appId());
        const auto ok = runPipeline(byInstall);
        QVERIFY2(!ok.error.isError(), qPrintable(ok.error.toString()));
    }

private:
    QTemporaryDir m_dir;
    InstallKit m_kit;
};

QTEST_GUILESS_MAIN(TestChatResolver)
#include "tst_chatresolver.moc"
