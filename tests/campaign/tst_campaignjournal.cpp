// What a campaign journals up front, at the level of the core: the recipient
// list (inputs) and the tenant GUID.
//  - the inputs table: round trip, written in one commit with the campaign,
//    a schema-1 journal migrated, what a resume reads (JournalRecipientFeed)
//    including an older journal's file that is never read again;
//  - the runner settles the tenant GUID before anything is sent, journals
//    it, and refuses to carry on a campaign of another tenant;
//  - size and time of a 100,000-recipient GUI campaign (options vs. inputs).
// Network parts run over real HTTP against the in-process herald-sim.

#include "SimFixture.h"
#include "auth/ClientSecretTokenProvider.h"
#include "bot/BotConnectorClient.h"
#include "bot/BotRate.h"
#include "campaign/ActivitySource.h"
#include "campaign/CampaignRunner.h"
#include "campaign/CampaignStore.h"
#include "campaign/JournalRecipientFeed.h"
#include "graph/GraphClient.h"
#include "graph/RateCategories.h"
#include "graph/RatePlanner.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <ctime>

using namespace herald;
using namespace herald::campaign;
using herald::test::SimFixture;

namespace {

JournalInput userInput(const QString &input, const QString &id = {})
{
    JournalInput in;
    in.input = input;
    in.userId = id;
    in.inputKind = input.contains(QLatin1Char('@')) ? InputKind::UserPrincipalName : InputKind::ObjectId;
    return in;
}

CampaignSpec specNamed(const QString &name, const QJsonObject &options)
{
    CampaignSpec spec;
    spec.name = name;
    spec.tenant = QStringLiteral("contoso.onmicrosoft.com");
    spec.messageName = QStringLiteral("m.md");
    spec.messageSource = "Hello";
    spec.options = options;
    return spec;
}

QJsonObject withInputs(qint64 count, const directory::RecipientSource &directory = {})
{
    return {{source::kSource, sourceToJson(directory)}, {source::kInputs, count}};
}

// The schema of Herald's first journal (user_version 1), for the migration test.
const char *const kSchemaOne[] = {
    "CREATE TABLE campaigns (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, tenant TEXT NOT NULL, app "
    "TEXT NOT NULL, bot TEXT NOT NULL, message_name TEXT NOT NULL, message BLOB NOT NULL, options TEXT NOT "
    "NULL, state TEXT NOT NULL, intake_done INTEGER NOT NULL DEFAULT 0, run INTEGER NOT NULL DEFAULT 0, "
    "created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)",
    "CREATE TABLE recipients (campaign INTEGER NOT NULL REFERENCES campaigns(id), seq INTEGER NOT NULL, key "
    "TEXT NOT NULL, recipient TEXT NOT NULL, user_id TEXT NOT NULL, kind TEXT NOT NULL, display_name TEXT "
    "NOT NULL, data TEXT NOT NULL, chat_id TEXT NOT NULL, payload_hash TEXT NOT NULL, state TEXT NOT NULL, "
    "attempts INTEGER NOT NULL DEFAULT 0, retryable INTEGER NOT NULL DEFAULT 0, last_error TEXT NOT NULL "
    "DEFAULT '', http_status INTEGER NOT NULL DEFAULT 0, activity_id TEXT NOT NULL DEFAULT '', last_run "
    "INTEGER NOT NULL DEFAULT 0, updated_at INTEGER NOT NULL, PRIMARY KEY (campaign, seq)) WITHOUT ROWID",
    "CREATE UNIQUE INDEX recipients_key ON recipients (campaign, key)",
    "CREATE INDEX recipients_state ON recipients (campaign, state, seq)",
    "INSERT INTO campaigns (name, tenant, app, bot, message_name, message, options, state, created_at, "
    "updated_at) VALUES ('old', 'contoso.onmicrosoft.com', 'app', 'bot', 'm.md', 'Hi', "
    "'{\"source\":{\"users\":[\"a@contoso.com\"],\"usersFile\":\"/gone/people.csv\"}}', 'stopped', 1, 1)",
    "PRAGMA user_version=1",
};

} // namespace

class TestCampaignJournal : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void inputsRoundTrip();
    void campaignAndInputsAreOneCommit();
    void schemaOneIsMigrated();
    void schemaTwoIsMigrated();
    void resumeLeavesOutJournaledInputs();
    void olderJournalNeverReadsTheFileAgain();
    void feedResolvesAndKeepsCsvColumns();
    void runnerJournalsTheTenantGuid();
    void runnerRefusesAnotherTenantsCampaign();
    void hundredThousandRecipientsKeepOptionsSmall();

private:
    std::unique_ptr<SimFixture> startSim();
    qint64 botCreates();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CampaignStore> m_store;
    std::unique_ptr<SimFixture> m_sim;
    QNetworkAccessManager m_network;
};

void TestCampaignJournal::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<CampaignStore>(CampaignStore::databasePath(m_dir->path()));
    QVERIFY(m_store->open(CampaignStore::Mode::ReadWrite));
}

void TestCampaignJournal::cleanup()
{
    m_store.reset();
    m_sim.reset();
    m_dir.reset();
}

std::unique_ptr<SimFixture> TestCampaignJournal::startSim()
{
    sim::SimOptions o = SimFixture::defaultOptions();
    o.installedFraction = 1.0;
    o.botBlockedFraction = 0;
    o.unlicensedFraction = 0;
    o.timeScale = 20;
    auto sim = std::make_unique<SimFixture>(o);
    if (!sim->start())
        return nullptr;
    return sim;
}

qint64 TestCampaignJournal::botCreates()
{
    return qint64(m_sim->server()
                      .stats()
                      .value(QStringLiteral("requests"))
                      .toObject()
                      .value(QStringLiteral("bot.create"))
                      .toDouble());
}

void TestCampaignJournal::inputsRoundTrip()
{
    JournalInputs inputs;
    JournalInput csv = userInput(QStringLiteral("ann@contoso.com"));
    csv.extra = RecipientExtra({QStringLiteral("office"), QStringLiteral("floor")},
                               {QStringLiteral("Oslo"), QStringLiteral("3")});
    inputs << csv;
    JournalInput gui = userInput(QStringLiteral("bob@contoso.com"),
                                 QStringLiteral("0b0b0b0b-1111-2222-3333-444455556666"));
    gui.displayName = QStringLiteral("Bob Ó'Brien");
    gui.givenName = QStringLiteral("Bob");
    gui.mail = QStringLiteral("bob@contoso.com");
    inputs << gui;
    JournalInput team;
    team.kind = RecipientKind::Team;
    team.input = QStringLiteral("1a1a1a1a-1111-2222-3333-444455556666");
    inputs << team;
    const qint64 id = m_store->create(specNamed(QStringLiteral("c"), withInputs(inputs.size())), inputs);
    QVERIFY2(id > 0, qPrintable(m_store->lastError()));
    QCOMPARE(m_store->inputCount(id), 3);
    JournalInputs back;
    QVERIFY(m_store->forEachInput(id, [&back](const JournalInput &in) { back << in; }));
    QCOMPARE(back.size(), 3);
    QCOMPARE(back.at(0).seq, 1);
    QCOMPARE(back.at(0).input, csv.input);
    QCOMPARE(back.at(0).inputKind, InputKind::UserPrincipalName);
    QCOMPARE(back.at(0).extra, csv.extra);
    QCOMPARE(back.at(1).userId, gui.userId);
    QCOMPARE(back.at(1).displayName, gui.displayName);
    QCOMPARE(back.at(1).givenName, gui.givenName);
    QCOMPARE(back.at(1).toRecipient().givenName, gui.givenName);
    QCOMPARE(back.at(1).mail, gui.mail);
    QCOMPARE(back.at(2).kind, RecipientKind::Team);
    QCOMPARE(back.at(2).toRecipient().input, team.input);
}

void TestCampaignJournal::campaignAndInputsAreOneCommit()
{
    JournalInputs inputs;
    for (int i = 0; i < 20000; ++i)
        inputs << userInput(QStringLiteral("user%1@contoso.com").arg(i));
    // Room for the campaign row but not for its list: nothing may be left.
    QVERIFY(m_store->setMaxPageCount(40));
    QCOMPARE(m_store->create(specNamed(QStringLiteral("big"), withInputs(inputs.size())), inputs), 0);
    QVERIFY2(m_store->lastErrorWasDiskFull(), qPrintable(m_store->lastError()));
    QVERIFY(!m_store->find(QStringLiteral("big")));
    QVERIFY(m_store->setMaxPageCount(1000000));
    QVERIFY(m_store->create(specNamed(QStringLiteral("big"), withInputs(inputs.size())), inputs) > 0);
}

void TestCampaignJournal::schemaOneIsMigrated()
{
    m_store.reset();
    const QString path = m_dir->filePath(QStringLiteral("old/campaigns.sqlite"));
    QDir().mkpath(QFileInfo(path).absolutePath());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        for (const char *sql : kSchemaOne)
            QVERIFY2(q.exec(QString::fromLatin1(sql)), qPrintable(q.lastError().text()));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v1"));
    {
        // A reader (report, campaigns) reads it as it is, without writing.
        CampaignStore reader(path);
        QVERIFY(reader.open(CampaignStore::Mode::ReadOnly));
        const auto old = reader.find(QStringLiteral("old"));
        QVERIFY2(old, qPrintable(reader.lastError()));
        QVERIFY(old->spec.tenantId.isEmpty());
        QCOMPARE(reader.inputCount(old->id), 0);
    }
    CampaignStore store(path);
    QVERIFY2(store.open(CampaignStore::Mode::ReadWrite), qPrintable(store.lastError()));
    const auto old = store.find(QStringLiteral("old"));
    QVERIFY(old);
    QVERIFY(store.setTenantId(old->id, QStringLiteral("9f0c7a4e-2b1d-4c3e-8a5f-6d7e8f901234")));
    QCOMPARE(store.campaign(old->id)->spec.tenantId, QStringLiteral("9f0c7a4e-2b1d-4c3e-8a5f-6d7e8f901234"));
    QVERIFY(
        store.create(specNamed(QStringLiteral("new"), withInputs(1)), {userInput(QStringLiteral("x@y.z"))})
        > 0);
}

// Schema 2 kept the recipient list without first names: read-only it reads
// as it is (no given_name), read-write it gains the column and keeps its rows.
void TestCampaignJournal::schemaTwoIsMigrated()
{
    m_store.reset();
    const QString path = m_dir->filePath(QStringLiteral("v2/campaigns.sqlite"));
    QDir().mkpath(QFileInfo(path).absolutePath());
    {
        CampaignStore current(path);
        QVERIFY2(current.open(CampaignStore::Mode::ReadWrite), qPrintable(current.lastError()));
        QVERIFY(current.create(specNamed(QStringLiteral("two"), withInputs(1)),
                               {userInput(QStringLiteral("ann@contoso.com"))})
                > 0);
    }
    {
        // What a journal written by schema 2 looks like.
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v2"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY2(q.exec(QStringLiteral("ALTER TABLE inputs DROP COLUMN given_name")),
                 qPrintable(q.lastError().text()));
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version=2")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v2"));
    {
        CampaignStore reader(path);
        QVERIFY(reader.open(CampaignStore::Mode::ReadOnly));
        const auto two = reader.find(QStringLiteral("two"));
        QVERIFY2(two, qPrintable(reader.lastError()));
        JournalInputs back;
        QVERIFY2(reader.forEachInput(two->id, [&back](const JournalInput &in) { back << in; }),
                 qPrintable(reader.lastError()));
        QCOMPARE(back.size(), 1);
        QCOMPARE(back.at(0).input, QStringLiteral("ann@contoso.com"));
        QVERIFY(back.at(0).givenName.isEmpty());
    }
    CampaignStore store(path);
    QVERIFY2(store.open(CampaignStore::Mode::ReadWrite), qPrintable(store.lastError()));
    JournalInput bob = userInput(QStringLiteral("bob@contoso.com"));
    bob.givenName = QStringLiteral("Bob");
    const qint64 id = store.create(specNamed(QStringLiteral("three"), withInputs(1)), {bob});
    QVERIFY2(id > 0, qPrintable(store.lastError()));
    JournalInputs back;
    QVERIFY(store.forEachInput(id, [&back](const JournalInput &in) { back << in; }));
    QCOMPARE(back.size(), 1);
    QCOMPARE(back.at(0).givenName, QStringLiteral("Bob"));
    QCOMPARE(store.inputCount(store.find(QStringLiteral("two"))->id), 1);
}

void TestCampaignJournal::resumeLeavesOutJournaledInputs()
{
    directory::RecipientSource group;
    group.groups << QStringLiteral("2c2c2c2c-1111-2222-3333-444455556666");
    JournalInputs inputs{userInput(QStringLiteral("a@contoso.com")),
                         userInput(QStringLiteral("B@contoso.com")),
                         userInput(QStringLiteral("c@contoso.com"))};
    inputs[2].extra = RecipientExtra({QStringLiteral("office")}, {QStringLiteral("Oslo")});
    const qint64 id = m_store->create(specNamed(QStringLiteral("c"), withInputs(3, group)), inputs);
    QVERIFY(id > 0);
    JournalRecipientFeed::Plan plan;
    QStringList notes;
    // First run: everything is looked up, in order; the group is listed.
    QVERIFY(JournalRecipientFeed::planFor(*m_store, *m_store->campaign(id), &plan, &notes));
    QCOMPARE(plan.lookups.users,
             (QStringList{QStringLiteral("a@contoso.com"), QStringLiteral("B@contoso.com"),
                          QStringLiteral("c@contoso.com")}));
    QCOMPARE(plan.lookups.groups, group.groups);
    QVERIFY(plan.lookups.usersFile.isEmpty());
    QCOMPARE(plan.extras.value(QStringLiteral("c@contoso.com")), inputs[2].extra);
    QVERIFY(notes.isEmpty());

    // b was journaled (as the resolver gives it: the input as typed) before a crash.
    JournalRow row;
    row.key = QStringLiteral("0b0b0b0b-1111-2222-3333-444455556666");
    row.recipient = QStringLiteral("B@contoso.com");
    JournalRows rows{row};
    QVERIFY(m_store->addRows(id, rows));
    QVERIFY(m_store->beginRun(id) > 0);
    QVERIFY(JournalRecipientFeed::planFor(*m_store, *m_store->campaign(id), &plan, &notes));
    QCOMPARE(plan.lookups.users,
             (QStringList{QStringLiteral("a@contoso.com"), QStringLiteral("c@contoso.com")}));
    QCOMPARE(plan.skipped, 1);
    // The group is a directory query, listed again: the admin is told what that means.
    QCOMPARE(notes.size(), 1);
    QVERIFY2(notes.first().contains(QLatin1String("--group")), qPrintable(notes.first()));
}

void TestCampaignJournal::olderJournalNeverReadsTheFileAgain()
{
    // An older Herald journaled only the file's path; the file is there now,
    // with other people in it: it must not be read.
    const QString file = m_dir->filePath(QStringLiteral("people.txt"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("new.person@contoso.com\n");
    f.close();
    directory::RecipientSource given;
    given.usersFile = file;
    given.users << QStringLiteral("typed@contoso.com");
    const qint64 id
        = m_store->create(specNamed(QStringLiteral("old"), {{source::kSource, sourceToJson(given)}}));
    QVERIFY(id > 0);
    QVERIFY(m_store->beginRun(id) > 0);
    JournalRecipientFeed::Plan plan;
    QStringList notes;
    QVERIFY(JournalRecipientFeed::planFor(*m_store, *m_store->campaign(id), &plan, &notes));
    QCOMPARE(plan.lookups.users,
             QStringList{QStringLiteral("typed@contoso.com")}); // journaled in the options
    QVERIFY(plan.lookups.usersFile.isEmpty());
    QCOMPARE(notes.size(), 1);
    QVERIFY2(notes.first().contains(file) && notes.first().contains(QLatin1String("NOT read again")),
             qPrintable(notes.first()));
}

void TestCampaignJournal::feedResolvesAndKeepsCsvColumns()
{
    m_sim = startSim();
    QVERIFY(m_sim);
    auth::ClientCredentialsSettings identity{m_sim->baseUrl(), m_sim->tenantId(), m_sim->clientId(),
                                             auth::GraphScope};
    auth::ClientSecretTokenProvider tokens(&m_network, identity, m_sim->secret());
    graph::RatePlanner planner;
    graph::rate::defineGraphClasses(planner);
    planner.setTimeScale(20);
    graph::GraphClient client(&m_network, m_sim->baseUrl(), &tokens, &planner);
    const sim::SimUser &first = m_sim->tenant().user(0);
    const sim::SimUser &second = m_sim->tenant().user(1);

    JournalInput looked = userInput(first.userPrincipalName);
    looked.extra = RecipientExtra({QStringLiteral("office")}, {QStringLiteral("Oslo")});
    JournalInput ready = userInput(second.id, second.id); // as the GUI journals its table
    ready.displayName = QStringLiteral("From the table");
    const qint64 id = m_store->create(specNamed(QStringLiteral("c"), withInputs(2)), {looked, ready});
    JournalRecipientFeed::Plan plan;
    QStringList notes;
    QVERIFY(JournalRecipientFeed::planFor(*m_store, *m_store->campaign(id), &plan, &notes));
    QCOMPARE(plan.resolved.size(), 1);

    JournalRecipientFeed feed(&client, plan);
    RecipientList got;
    QSignalSpy finished(&feed, &install::RecipientFeed::finished);
    QSignalSpy total(&feed, &install::RecipientFeed::totalKnown);
    connect(&feed, &install::RecipientFeed::chunk, this, [&](const RecipientList &chunk) {
        got += chunk;
        feed.fetchMore(10);
    });
    feed.start();
    feed.fetchMore(10);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
    QCOMPARE(got.size(), 2);
    QCOMPARE(got.at(0).id, second.id); // the table's recipient, no lookup
    QCOMPARE(got.at(0).displayName, QStringLiteral("From the table"));
    QCOMPARE(got.at(1).id, first.id); // looked up
    QCOMPARE(got.at(1).extra.value(u"office"), QStringLiteral("Oslo")); // its CSV column, from the journal
    QVERIFY(!total.isEmpty());
    QCOMPARE(total.last().first().toLongLong(), 2);
}

void TestCampaignJournal::runnerJournalsTheTenantGuid()
{
    m_sim = startSim();
    QVERIFY(m_sim);
    // The admin typed the domain; only a Graph token says the GUID.
    auth::ClientCredentialsSettings graphIdentity{m_sim->baseUrl(), m_sim->options().tenantDomain,
                                                  m_sim->clientId(), auth::GraphScope};
    auth::ClientSecretTokenProvider graphTokens(&m_network, graphIdentity, m_sim->secret());
    auth::ClientCredentialsSettings botIdentity{m_sim->baseUrl(), auth::BotFrameworkTenant, m_sim->clientId(),
                                                auth::BotFrameworkScope};
    auth::ClientSecretTokenProvider botTokens(&m_network, botIdentity, m_sim->secret());
    graph::RatePlanner planner;
    bot::rate::defineBotClasses(planner);
    planner.setTimeScale(20);
    bot::BotSettings settings;
    settings.serviceUrl = m_sim->server().botServiceUrl();
    settings.botId = m_sim->clientId();
    settings.tenantId = m_sim->options().tenantDomain;
    bot::BotConnectorClient client(settings, &botTokens, &planner);
    client.setTenantLookup(&graphTokens);

    const qint64 id = m_store->create(specNamed(QStringLiteral("c"), withInputs(0)));
    auto activities = std::make_shared<FixedActivitySource>(QJsonObject{
        {QStringLiteral("type"), QStringLiteral("message")}, {QStringLiteral("text"), QStringLiteral("Hi")}});
    JournalRows rows;
    for (int i = 0; i < 5; ++i) {
        JournalRow row;
        row.key = m_sim->tenant().user(i).id;
        row.recipient = row.key;
        row.userId = row.key;
        row.payloadHash = activities->bind({}).hash;
        rows << row;
    }
    QVERIFY(m_store->addRows(id, rows));
    CampaignRunner runner(m_store.get(), id, &client, activities, {});
    QSignalSpy finished(&runner, &CampaignRunner::finished);
    runner.start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
    QCOMPARE(int(runner.result()), int(CampaignRunner::Result::Finished));
    QCOMPARE(runner.progress().counts[int(JournalState::Sent)], 5);
    QCOMPARE(runner.tenantId(), m_sim->tenantId().toLower());
    QCOMPARE(m_store->campaign(id)->spec.tenantId, m_sim->tenantId().toLower());
}

void TestCampaignJournal::runnerRefusesAnotherTenantsCampaign()
{
    m_sim = startSim();
    QVERIFY(m_sim);
    auth::ClientCredentialsSettings botIdentity{m_sim->baseUrl(), auth::BotFrameworkTenant, m_sim->clientId(),
                                                auth::BotFrameworkScope};
    auth::ClientSecretTokenProvider botTokens(&m_network, botIdentity, m_sim->secret());
    graph::RatePlanner planner;
    bot::rate::defineBotClasses(planner);
    bot::BotSettings settings;
    settings.serviceUrl = m_sim->server().botServiceUrl();
    settings.botId = m_sim->clientId();
    settings.tenantId = m_sim->tenantId();
    bot::BotConnectorClient client(settings, &botTokens, &planner);

    CampaignSpec spec = specNamed(QStringLiteral("elsewhere"), withInputs(0));
    spec.tenantId = QStringLiteral("0b0b0b0b-1111-2222-3333-444455556666");
    const qint64 id = m_store->create(spec);
    auto activities = std::make_shared<FixedActivitySource>(QJsonObject{
        {QStringLiteral("type"), QStringLiteral("message")}, {QStringLiteral("text"), QStringLiteral("Hi")}});
    JournalRow row;
    row.key = m_sim->tenant().user(0).id;
    row.recipient = row.userId = row.key;
    row.payloadHash = activities->bind({}).hash;
    JournalRows rows{row};
    QVERIFY(m_store->addRows(id, rows));
    CampaignRunner runner(m_store.get(), id, &client, activities, {});
    QSignalSpy finished(&runner, &CampaignRunner::finished);
    runner.start();
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(int(runner.result()), int(CampaignRunner::Result::ConfigError));
    QVERIFY2(runner.errorString().contains(spec.tenantId), qPrintable(runner.errorString()));
    QCOMPARE(botCreates(), 0);
    bool pendingStill = false;
    m_store->forEachRow(id, [&](const JournalRow &r) { pendingStill = r.state == JournalState::Pending; });
    QVERIFY(pendingStill);
}

void TestCampaignJournal::hundredThousandRecipientsKeepOptionsSmall()
{
    // A GUI campaign for 100,000 recipients from its table. Before: every id
    // in the options blob (read back by every campaign list). Now: the
    // inputs table, written with the campaign; options stay small.
    constexpr int kCount = 100000;
    RecipientList table;
    table.reserve(kCount);
    for (int i = 0; i < kCount; ++i) {
        Recipient r;
        r.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        r.input = QStringLiteral("user%1@contoso.onmicrosoft.com").arg(i);
        r.userPrincipalName = r.input;
        r.displayName = QStringLiteral("User %1").arg(i);
        table << r;
    }
    // Before: the old options shape, in a journal of its own.
    QJsonArray ids;
    for (const Recipient &r : table)
        ids.append(r.id);
    const QJsonObject oldOptions{{QStringLiteral("source"), QJsonObject{{QStringLiteral("users"), ids}}}};
    const qint64 oldOptionsBytes = QJsonDocument(oldOptions).toJson(QJsonDocument::Compact).size();
    QTemporaryDir beforeDir;
    qint64 beforeFile = 0;
    double beforeListMs = 0;
    double beforeCreateMs = 0;
    double beforeCreateCpuMs = 0;
    {
        CampaignStore before(CampaignStore::databasePath(beforeDir.path()));
        QVERIFY(before.open(CampaignStore::Mode::ReadWrite));
        QElapsedTimer t;
        t.start();
        const std::clock_t cpu = std::clock();
        QVERIFY(before.create(specNamed(QStringLiteral("gui"), oldOptions)) > 0);
        beforeCreateMs = double(t.nsecsElapsed()) / 1e6;
        beforeCreateCpuMs = double(std::clock() - cpu) * 1000.0 / CLOCKS_PER_SEC;
        t.restart();
        QCOMPARE(before.list().size(), 1);
        beforeListMs = double(t.nsecsElapsed()) / 1e6;
    }
    beforeFile = QFileInfo(CampaignStore::databasePath(beforeDir.path())).size()
        + QFileInfo(CampaignStore::databasePath(beforeDir.path()) + QStringLiteral("-wal")).size();

    JournalInputs inputs;
    inputs.reserve(kCount);
    for (const Recipient &r : table)
        inputs << JournalInput::from(r);
    QElapsedTimer t;
    t.start();
    const std::clock_t cpu = std::clock();
    const qint64 id = m_store->create(specNamed(QStringLiteral("gui"), withInputs(kCount)), inputs);
    const double createMs = double(t.nsecsElapsed()) / 1e6;
    const double createCpuMs = double(std::clock() - cpu) * 1000.0 / CLOCKS_PER_SEC;
    QVERIFY(id > 0);
    t.restart();
    const QList<CampaignInfo> listed = m_store->list();
    const double listMs = double(t.nsecsElapsed()) / 1e6;
    QCOMPARE(listed.size(), 1);
    const qint64 optionsBytes
        = QJsonDocument(listed.first().spec.options).toJson(QJsonDocument::Compact).size();
    t.restart();
    qint64 read = 0;
    QVERIFY(m_store->forEachInput(id, [&read](const JournalInput &) { ++read; }));
    const double readMs = double(t.nsecsElapsed()) / 1e6;
    QCOMPARE(read, kCount);
    m_store.reset(); // checkpoint: the -wal goes into the file
    const QString path = CampaignStore::databasePath(m_dir->path());
    const qint64 afterFile = QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
    qInfo("100,000 GUI recipients: options %lld bytes before, %lld after; journal %.1f MB before "
          "(options only), %.1f MB after (inputs table); list() %.1f ms before, %.1f ms after; "
          "create %.0f ms wall / %.0f ms CPU before, %.0f ms wall / %.0f ms CPU after (with inputs); reading "
          "them back %.0f ms",
          oldOptionsBytes, optionsBytes, double(beforeFile) / 1e6, double(afterFile) / 1e6, beforeListMs,
          listMs, beforeCreateMs, beforeCreateCpuMs, createMs, createCpuMs, readMs);
    QVERIFY(oldOptionsBytes > 3000000);
    QVERIFY(optionsBytes < 200);
}

QTEST_GUILESS_MAIN(TestCampaignJournal)
#include "tst_campaignjournal.moc"
