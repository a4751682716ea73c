// RecipientResolver against an in-process herald-sim over real HTTP.

#include "SimFixture.h"
#include "auth/ClientSecretTokenProvider.h"
#include "directory/RecipientResolver.h"
#include "graph/GraphClient.h"
#include "graph/RateCategories.h"
#include "graph/RatePlanner.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <functional>
#include <memory>

using namespace herald;
using herald::directory::RecipientResolver;
using herald::directory::RecipientSource;

namespace {

constexpr double TimeScale = 10; // the documented limits, ten times faster
constexpr int Users = 1500;

// Counts what goes over the wire: directory pages asked for, replies open.
class CountingNetwork : public QNetworkAccessManager
{
public:
    int userPages = 0; // GET /v1.0/users (first pages and nextLinks)
    int memberPages = 0; // GET .../transitiveMembers/microsoft.graph.user
    int open = 0; // replies not finished yet

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request,
                                 QIODevice *outgoingData) override
    {
        const QString path = request.url().path();
        if (op == GetOperation && path.endsWith(QLatin1String("/v1.0/users")))
            ++userPages;
        if (op == GetOperation && path.endsWith(QLatin1String("/transitiveMembers/microsoft.graph.user")))
            ++memberPages;
        QNetworkReply *reply = QNetworkAccessManager::createRequest(op, request, outgoingData);
        ++open;
        connect(reply, &QNetworkReply::finished, this, [this] { --open; });
        return reply;
    }
};

// What a consumer saw of one resolve: it pulls `step` more whenever all it
// asked for has arrived (a consumer that processes instantly).
struct Outcome
{
    RecipientList recipients;
    QStringList problems;
    QList<qint64> totals;
    graph::GraphError error;
    bool finished = false;
    qint64 rejected = -1; // RecipientResolver::rejected() at the end
    int signalsAfterFinish = 0;
    int chunks = 0;
    bool chunkOverRequest = false; // a chunk larger than what was outstanding
    qsizetype maxBuffered = 0;

    QStringList ids() const
    {
        QStringList out;
        for (const Recipient &r : recipients)
            out.append(r.id);
        return out;
    }
    QString allProblems() const { return problems.join(QLatin1Char('\n')); }
};

using ChunkHook = std::function<void(RecipientResolver *, const RecipientList &)>;

RecipientSource usersSource(const QStringList &users)
{
    RecipientSource source;
    source.users = users;
    return source;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(content);
    return path;
}

} // namespace

class TestRecipientResolver : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void singleUserByUpn();
    void singleUserById();
    void upnsWithApostropheAndHash();
    void unknownUsersAreNotDropped();
    void mailAddresses();
    void lookupsKeepInputOrder();
    void csvListWithExtraColumnsAndProblems();
    void nestedGroupResolvesToTransitiveUsers();
    void missingGroupIsAProblemAndTheRestContinues();
    void allUsersArePulledPageByPage();
    void duplicatesAcrossSourcesAreMerged();
    void teams();
    void abortStopsEverything_data();
    void abortStopsEverything();
    void authenticationFailureIsFatal();

private:
    Outcome resolve(const RecipientSource &source, int step = 100, int pageSize = 999,
                    const ChunkHook &hook = {}, graph::GraphClient *client = nullptr);
    QSet<QString> transitiveUserIds(int group) const;
    const sim::SimUser &user(int index) const { return m_sim->tenant().user(index); }

    std::unique_ptr<test::SimFixture> m_sim;
    std::unique_ptr<CountingNetwork> m_network;
    std::unique_ptr<graph::RatePlanner> m_planner;
    std::unique_ptr<auth::ClientSecretTokenProvider> m_tokens;
    std::unique_ptr<graph::GraphClient> m_client;
    QTemporaryDir m_dir;
    int m_apostrophe = -1; // o'brien-style UPN
    int m_guest = -1; // #EXT# UPN
    int m_aliased = -1; // mail differs from the UPN
};

void TestRecipientResolver::initTestCase()
{
    QVERIFY(m_dir.isValid());
    sim::SimOptions options = test::SimFixture::defaultOptions();
    options.users = Users;
    options.groups = 8;
    options.teams = 6;
    options.timeScale = TimeScale;
    m_sim = std::make_unique<test::SimFixture>(options);

    sim::Tenant &tenant = m_sim->tenant();
    const QString domain = tenant.domain();
    sim::SimUser special;
    special.id = QStringLiteral("0a1b2c3d-0000-4000-8000-00000000a001");
    special.displayName = QStringLiteral("Siobhán O'Brien");
    special.givenName = QStringLiteral("Siobhán");
    special.userPrincipalName = QStringLiteral("siobhan.o'brien@") + domain;
    special.mail = special.userPrincipalName;
    m_apostrophe = tenant.addUser(special);
    special.id = QStringLiteral("0a1b2c3d-0000-4000-8000-00000000a002");
    special.displayName = QStringLiteral("Ann Guest");
    special.givenName = QStringLiteral("Ann");
    special.userPrincipalName = QStringLiteral("ann_fabrikam.com#EXT#@") + domain;
    special.mail = QStringLiteral("ann@fabrikam.com");
    m_guest = tenant.addUser(special);
    special.id = QStringLiteral("0a1b2c3d-0000-4000-8000-00000000a003");
    special.displayName = QStringLiteral("Chris Alias");
    special.givenName = QStringLiteral("Chris");
    special.userPrincipalName = QStringLiteral("c.alias@") + domain;
    special.mail = QStringLiteral("chris@contoso.com"); // a vanity domain: not a UPN
    m_aliased = tenant.addUser(special);

    QVERIFY2(m_sim->start(), qPrintable(m_sim->errorString()));

    m_network = std::make_unique<CountingNetwork>();
    m_planner = std::make_unique<graph::RatePlanner>();
    graph::rate::defineGraphClasses(*m_planner);
    m_planner->setTimeScale(TimeScale);
    auth::ClientCredentialsSettings settings;
    settings.loginBase = m_sim->server().loginUrl();
    settings.tenant = m_sim->tenantId();
    settings.clientId = m_sim->clientId();
    m_tokens = std::make_unique<auth::ClientSecretTokenProvider>(m_network.get(), settings, m_sim->secret());
    m_tokens->setTimeScale(TimeScale);
    m_client = std::make_unique<graph::GraphClient>(m_network.get(), m_sim->server().graphUrl(),
                                                    m_tokens.get(), m_planner.get());
}

void TestRecipientResolver::cleanupTestCase()
{
    if (m_client)
        m_client->cancelAll();
    m_client.reset();
    m_tokens.reset();
}

Outcome TestRecipientResolver::resolve(const RecipientSource &source, int step, int pageSize,
                                       const ChunkHook &hook, graph::GraphClient *client)
{
    Outcome out;
    auto resolver = std::make_unique<RecipientResolver>(client ? client : m_client.get(), source);
    resolver->setAutoDelete(false); // kept so a late signal would still be seen
    resolver->setPageSize(pageSize);
    RecipientResolver *r = resolver.get();
    qint64 asked = step;
    qint64 received = 0;
    QObject context;
    connect(r, &RecipientResolver::resolved, &context, [&, r](const RecipientList &chunk) {
        if (out.finished)
            ++out.signalsAfterFinish;
        ++out.chunks;
        if (chunk.size() > asked - received)
            out.chunkOverRequest = true;
        out.maxBuffered = std::max(out.maxBuffered, r->buffered());
        received += chunk.size();
        out.recipients.append(chunk);
        if (hook)
            hook(r, chunk);
        if (received >= asked && !r->isFinished()) {
            asked = received + step;
            r->fetchMore(step);
        }
    });
    connect(r, &RecipientResolver::problem, &context, [&](const QString &message) {
        if (out.finished)
            ++out.signalsAfterFinish;
        out.problems.append(message);
    });
    connect(r, &RecipientResolver::totalKnown, &context, [&](qint64 total) {
        if (out.finished)
            ++out.signalsAfterFinish;
        out.totals.append(total);
    });
    connect(r, &graph::Job::finished, &context, [&, r] {
        if (out.finished)
            ++out.signalsAfterFinish;
        out.finished = true;
        out.error = r->error();
        out.rejected = r->rejected();
    });
    r->fetchMore(step);
    r->start();
    // The callers check out.finished.
    (void)QTest::qWaitFor([&] { return out.finished; }, 60000);
    return out;
}

QSet<QString> TestRecipientResolver::transitiveUserIds(int group) const
{
    // Walked here from the tenant's raw membership, not with the simulator's
    // own flattening, so the two are compared rather than copied.
    const sim::Tenant &tenant = m_sim->tenant();
    QSet<QString> ids;
    QSet<int> seen;
    QList<int> queue{group};
    while (!queue.isEmpty()) {
        const int g = queue.takeFirst();
        if (seen.contains(g))
            continue;
        seen.insert(g);
        for (int u : tenant.group(g).memberUsers)
            ids.insert(tenant.user(u).id);
        for (int nested : tenant.group(g).memberGroups)
            queue.append(nested);
    }
    return ids;
}

void TestRecipientResolver::singleUserByUpn()
{
    const sim::SimUser &u = user(5);
    const Outcome out = resolve(usersSource({u.userPrincipalName}));
    QVERIFY(out.finished);
    QVERIFY2(!out.error.isError(), qPrintable(out.error.toString()));
    QCOMPARE(out.recipients.size(), 1);
    const Recipient &r = out.recipients.first();
    QCOMPARE(r.id, u.id);
    QCOMPARE(r.input, u.userPrincipalName);
    QCOMPARE(r.inputKind, InputKind::UserPrincipalName);
    QCOMPARE(r.kind, RecipientKind::User);
    QCOMPARE(r.displayName, u.displayName);
    QCOMPARE(r.userPrincipalName, u.userPrincipalName);
    QCOMPARE(r.mail, u.mail);
    QCOMPARE(r.installState, InstallState::Unknown);
    QVERIFY(out.problems.isEmpty());
    QCOMPARE(out.totals, QList<qint64>{1});
    QCOMPARE(out.signalsAfterFinish, 0);
}

void TestRecipientResolver::singleUserById()
{
    const sim::SimUser &u = user(17);
    const Outcome out = resolve(usersSource({u.id}));
    QVERIFY2(out.finished && !out.error.isError(), qPrintable(out.error.toString()));
    QCOMPARE(out.recipients.size(), 1);
    QCOMPARE(out.recipients.first().id, u.id);
    QCOMPARE(out.recipients.first().inputKind, InputKind::ObjectId);
    QCOMPARE(out.recipients.first().userPrincipalName, u.userPrincipalName);
    QCOMPARE(out.recipients.first().displayName, u.displayName);
}

void TestRecipientResolver::upnsWithApostropheAndHash()
{
    const sim::SimUser &apostrophe = user(m_apostrophe);
    const sim::SimUser &guest = user(m_guest);
    const Outcome out = resolve(usersSource({apostrophe.userPrincipalName, guest.userPrincipalName}));
    QVERIFY2(out.finished && !out.error.isError(), qPrintable(out.error.toString()));
    QCOMPARE(out.recipients.size(), 2);
    QCOMPARE(out.recipients.at(0).id, apostrophe.id);
    QCOMPARE(out.recipients.at(0).displayName, apostrophe.displayName);
    QCOMPARE(out.recipients.at(1).id, guest.id);
    QCOMPARE(out.recipients.at(1).userPrincipalName, guest.userPrincipalName);
}

void TestRecipientResolver::unknownUsersAreNotDropped()
{
    const QString unknownUpn = QStringLiteral("nobody.here@") + m_sim->tenant().domain();
    const QString unknownId = QStringLiteral("deadbeef-0000-4000-8000-000000000000");
    const Outcome out = resolve(usersSource({unknownUpn, user(3).userPrincipalName, unknownId}));
    QVERIFY2(out.finished && !out.error.isError(), qPrintable(out.error.toString()));
    QCOMPARE(out.recipients.size(), 3);
    const Recipient &missing = out.recipients.at(0);
    QCOMPARE(missing.input, unknownUpn);
    QCOMPARE(missing.installState, InstallState::NotFound);
    QVERIFY(missing.id.isEmpty());
    QCOMPARE(missing.detail, QStringLiteral("no user '%1' in this tenant").arg(unknownUpn));
    QCOMPARE(out.recipients.at(1).id, user(3).id);
    QCOMPARE(out.recipients.at(2).input, unknownId);
    QCOMPARE(out.recipients.at(2).installState, InstallState::NotFound);
}

void TestRecipientResolver::mailAddresses()
{
    const sim::SimUser &aliased = user(m_aliased);
    const sim::SimUser &guest = user(m_guest);
    // As --user: the UPN lookup misses, the mail lookup finds the person.
    Outcome out = resolve(usersSource({aliased.mail, guest.mail}));
    QVERIFY2(out.finished && !out.error.isError(), qPrintable(out.error.toString()));
    QCOMPARE(out.recipients.size(), 2);
    QCOMPARE(out.recipients.at(0).id, aliased.id);
    QCOMPARE(out.recipients.at(0).input, aliased.mail);
    QCOMPARE(out.recipients.at(0).userPrincipalName, aliased.userPrincipalName);
    QCOMPARE(out.recipients.at(1).id, guest.id);

    // As a list's mail column, including a mail with an apostrophe (OData quoting)
    // that nobody has.
    const QString path = writeFile(m_dir, QStringLiteral("mail.csv"),
                                   "mail,Team\n" + aliased.mail.toUtf8() + ",Blue\no'neil@contoso.com,Red\n");
    RecipientSource source;
    source.usersFile = path;
    out = resolve(source);
    QVERIFY2(out.finished && !out.error.isError(), qPrintable(out.error.toString()));
    QCOMPARE(out.recipients.size(), 2);
    QCOMPARE(out.recipients.at(0).id, aliased.id);
    QCOMPARE(out.recipients.at(0).inputKind, InputKind::Mail);
    QCOMPARE(out.recipients.at(0).extra.value(u"Team"), QStringLiteral("Blue"));
    QCOMPARE(out.recipients.at(1).installState, InstallState::NotFound);
    QCOMPARE(out.recipients.at(1).detail, QStringLiteral("no user 'o'neil@contoso.com' in this tenant"));
}

void TestRecipientResolver::lookupsKeepInputOrder()
{
    // Several $batch requests whose answers the simulator returns out of order.
    QStringList inputs;
    QStringList expected;
    for (int i = 0; i < 70; ++i) {
        const sim::SimUser &u = user((i * 37) % Users);
        inputs.append(i % 2 ? u.id : u.userPrincipalName);
        expected.append(u.id);
    }
    const Outcome out = resolve(usersSource(inputs), 30);
    QVERIFY2(out.finished && !out.error.isError(), qPrintable(out.error.toString()));
    QCOMPARE(out.ids(), expected);
    QVERIFY(!out.chunkOverRequest);
    QVERIFY(out.maxBuffered <= 30);
}

void TestRecipientResolver::csvListWithExtraColumnsAndProblems()
{
    const sim::SimUser &a = user(10);
    const sim::SimUser &b = user(11);
    const QByteArray csv = "userPrincipalName,Greeting,Region\n" // line 1
        + a.userPrincipalName.toUtf8()
        + ",Hello A,EU\n" // line 2
          "not an address,Hi,US\n" // line 3: unusable
        + a.userPrincipalName.toUpper().toUtf8() + ",Again,EU\n" // line 4: duplicate
        + b.userPrincipalName.toUtf8()
        + ",Hello B,APAC\n" // line 5
          "ghost@"
        + m_sim->tenant().domain().toUtf8() + ",Boo,EU\n"; // line 6: unknown
    RecipientSource source;
    source.usersFile = writeFile(m_dir, QStringLiteral("users.csv"), csv);
    const Outcome out = resolve(source);
    QVERIFY2(out.finished && !out.error.isError(), qPrintable(out.error.toString()));

    QCOMPARE(out.recipients.size(), 3);
    QCOMPARE(out.recipients.at(0).id, a.id);
    QCOMPARE(out.recipients.at(0).extra.columns(),
             (QStringList{QStringLiteral("Greeting"), QStringLiteral("Region")}));
    QCOMPARE(out.recipients.at(0).extra.values(),
             (QStringList{QStringLiteral("Hello A"), QStringLiteral("EU")}));
    QCOMPARE(out.recipients.at(1).id, b.id);
    QCOMPARE(out.recipients.at(1).extra.value(u"region"), QStringLiteral("APAC"));
    QCOMPARE(out.recipients.at(2).installState, InstallState::NotFound);
    QCOMPARE(out.recipients.at(2).extra.value(u"Greeting"), QStringLiteral("Boo"));

    QCOMPARE(out.problems.size(), 2);
    QVERIFY2(out.problems.at(0).startsWith(source.usersFile + QStringLiteral(": line 3")),
             qPrintable(out.allProblems()));
    QVERIFY2(out.problems.at(1).startsWith(source.usersFile + QStringLiteral(": line 4")),
             qPrintable(out.allProblems()));
    QCOMPARE(out.totals, QList<qint64>{3});
    QCOMPARE(out.rejected, qint64(1)); // line 3; the duplicate is only a warning
}

void TestRecipientResolver::nestedGroupResolvesToTransitiveUsers()
{
    const sim::Tenant &tenant = m_sim->tenant();
    int group = -1;
    for (int g = 0; g < tenant.groupCount() && group < 0; ++g) {
        if (!tenant.group(g).isTeam && !tenant.group(g).memberGroups.isEmpty())
            group = g;
    }
    QVERIFY(group >= 0);
    const QSet<QString> expected = transitiveUserIds(group);
    QVERIFY2(expected.size() > tenant.group(group).memberUsers.size() + 100, "the nesting must matter");

    RecipientSource source;
    source.groups = {tenant.group(group).id};
    const int pagesBefore = m_network->memberPages;
    const Outcome out = resolve(source, 100, 100);
    QVERIFY2(out.finished && !out.error.isError(), qPrintable(out.error.toString()));
    const QStringList ids = out.ids();
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()), expected);
    QCOMPARE(ids.size(), expected.size()); // each once
    QCOMPARE(out.totals, QList<qint64>{expected.size()});
    QCOMPARE(m_network->memberPages - pagesBefore, (expected.size() + 99) / 100);
    for (const Recipient &r : out.recipients) {
        QCOMPARE(r.kind, RecipientKind::User);
        QVERIFY(!r.userPrincipalName.isEmpty());
        QCOMPARE(r.input, r.userPrincipalName);
    }
}

void TestRecipientResolver::missingGroupIsAProblemAndTheRestContinues()
{
    const sim::Tenant &tenant = m_sim->tenant();
    int group = -1;
    for (int g = 0; g < tenant.groupCount() && group < 0; ++g) {
        if (!tenant.group(g).isTeam && tenant.group(g).memberGroups.isEmpty())
            group = g;
    }
    QVERIFY(group >= 0);
    const QString notAGroup = user(42).id; // an object, but a user
    RecipientSource source;
    source.users = {user(7).userPrincipalName};
    source.groups = {notAGroup, QStringLiteral("sales"), tenant.group(group).id};
    const Outcome out = resolve(source);
    QVERIFY2(out.finished && !out.error.isError(), qPrintable(out.error.toString()));

    QSet<QString> expected = transitiveUserIds(group);
    expected.insert(user(7).id);
    const QStringList ids = out.ids();
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()), expected);
    QCOMPARE(out.recipients.first().id, user(7).id); // --user values before groups
    QVERIFY2(out.allProblems().contains(QStringLiteral("group '%1' not found: ").arg(notAGroup)),
             qPrintable(out.allProblems()));
    QVERIFY2(out.allProblems().contains(QStringLiteral("group 'sales' not found")),
             qPrintable(out.allProblems()));
    QCOMPARE(out.rejected, qint64(2));
}

void TestRecipientResolver::allUsersArePulledPageByPage()
{
    constexpr int Step = 50;
    constexpr int Page = 200;
    const sim::Tenant &tenant = m_sim->tenant();
    const int users = tenant.userCount();
    RecipientSource source;
    source.allUsers = true;

    const int pagesBefore = m_network->userPages;
    int pagesAhead = 0; // pages fetched beyond what the consumer took plus one
    const Outcome out = resolve(source, Step, Page, [&](RecipientResolver *r, const RecipientList &) {
        // Whatever came from the service so far was delivered or is buffered:
        // no page is fetched before the consumer needs it.
        const qint64 fetched = r->delivered() + r->buffered();
        const int pages = m_network->userPages - pagesBefore;
        const int needed = int((fetched + Page - 1) / Page) + 1; // + the one that may be on its way
        pagesAhead = std::max(pagesAhead, pages - needed);
    });
    QVERIFY2(out.finished && !out.error.isError(), qPrintable(out.error.toString()));

    QSet<QString> expected;
    for (int i = 0; i < users; ++i)
        expected.insert(tenant.user(i).id);
    const QStringList ids = out.ids();
    QCOMPARE(ids.size(), users); // every user exactly once
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()), expected);
    QCOMPARE(out.totals, QList<qint64>{users});

    QVERIFY(!out.chunkOverRequest); // never more than asked for
    QVERIFY2(out.maxBuffered <= std::max(Step, Page), qPrintable(QString::number(out.maxBuffered)));
    QVERIFY(out.chunks >= users / Step);
    QCOMPARE(pagesAhead, 0);
    QCOMPARE(m_network->userPages - pagesBefore, (users + Page - 1) / Page);
}

void TestRecipientResolver::duplicatesAcrossSourcesAreMerged()
{
    const sim::Tenant &tenant = m_sim->tenant();
    int group = -1;
    for (int g = 0; g < tenant.groupCount() && group < 0; ++g) {
        if (!tenant.group(g).isTeam && tenant.group(g).memberUsers.size() > 2)
            group = g;
    }
    QVERIFY(group >= 0);
    const QSet<QString> members = transitiveUserIds(group);
    const sim::SimUser &member = tenant.user(tenant.group(group).memberUsers.at(0));
    const sim::SimUser &other = tenant.user(tenant.group(group).memberUsers.at(1));
    QVERIFY(members.contains(member.id) && members.contains(other.id));

    RecipientSource source;
    // Same person by UPN and by id, another member by id: 3 duplicates of the group.
    source.users = {member.userPrincipalName, member.id, other.id};
    source.groups = {tenant.group(group).id};
    const Outcome out = resolve(source);
    QVERIFY2(out.finished && !out.error.isError(), qPrintable(out.error.toString()));
    const QStringList ids = out.ids();
    QCOMPARE(ids.size(), members.size());
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()), members);
    QCOMPARE(out.recipients.at(0).input, member.userPrincipalName); // the first naming wins
    QCOMPARE(out.recipients.at(1).input, other.id);
    QCOMPARE(out.problems, QStringList{QStringLiteral("3 duplicate recipients merged")});
    QCOMPARE(out.totals, QList<qint64>{3 + members.size()});
}

void TestRecipientResolver::teams()
{
    const sim::Tenant &tenant = m_sim->tenant();
    QVERIFY(tenant.teams().size() >= 3);
    const sim::SimGroup &first = tenant.group(tenant.teams().at(0));
    const sim::SimGroup &second = tenant.group(tenant.teams().at(1));
    const sim::SimGroup &third = tenant.group(tenant.teams().at(2));
    const QString unknown = QStringLiteral("deadbeef-0000-4000-8000-0000000000ee");

    RecipientSource source;
    source.teamsFile = writeFile(m_dir, QStringLiteral("teams.txt"),
                                 second.id.toUtf8() + "\n" + third.id.toUtf8() + "\nnot-a-team\n");
    source.teams = {first.id, unknown, third.id};
    const Outcome out = resolve(source);
    QVERIFY2(out.finished && !out.error.isError(), qPrintable(out.error.toString()));

    QCOMPARE(out.recipients.size(), 4); // second, third, first, unknown (third merged)
    QCOMPARE(out.recipients.at(0).id, second.id);
    QCOMPARE(out.recipients.at(0).displayName, second.displayName);
    QCOMPARE(out.recipients.at(1).id, third.id);
    QCOMPARE(out.recipients.at(2).id, first.id);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(out.recipients.at(i).kind, RecipientKind::Team);
        QCOMPARE(out.recipients.at(i).installState, InstallState::Unknown);
    }
    const Recipient &missing = out.recipients.at(3);
    QCOMPARE(missing.kind, RecipientKind::Team);
    QCOMPARE(missing.input, unknown);
    QCOMPARE(missing.installState, InstallState::NotFound);
    QCOMPARE(missing.detail, QStringLiteral("no team '%1' in this tenant").arg(unknown));
    QVERIFY2(out.allProblems().contains(source.teamsFile + QStringLiteral(": line 3")),
             qPrintable(out.allProblems()));
    QVERIFY(out.problems.contains(QStringLiteral("1 duplicate recipient merged")));
}

void TestRecipientResolver::abortStopsEverything_data()
{
    QTest::addColumn<bool>("paged");
    QTest::newRow("lookups in $batch") << false;
    QTest::newRow("paged listing") << true;
}

void TestRecipientResolver::abortStopsEverything()
{
    QFETCH(bool, paged);
    RecipientSource source;
    if (paged) {
        source.allUsers = true;
    } else {
        for (int i = 0; i < 400; ++i)
            source.users.append(user(i).id);
    }

    Outcome out;
    auto resolver = std::make_unique<RecipientResolver>(m_client.get(), source);
    resolver->setAutoDelete(false);
    resolver->setPageSize(100);
    RecipientResolver *r = resolver.get();
    QObject context;
    int openAfterAbort = -1;
    connect(r, &RecipientResolver::resolved, &context, [&](const RecipientList &chunk) {
        if (out.finished)
            ++out.signalsAfterFinish;
        out.recipients.append(chunk);
        if (out.recipients.size() >= 40 && !r->isFinished()) {
            r->abort(); // mid-way, from a handler, with requests in flight
            openAfterAbort = m_network->open;
        }
    });
    connect(r, &RecipientResolver::problem, &context, [&] { out.signalsAfterFinish += out.finished; });
    connect(r, &RecipientResolver::totalKnown, &context, [&] { out.signalsAfterFinish += out.finished; });
    connect(r, &graph::Job::finished, &context, [&] {
        out.signalsAfterFinish += out.finished;
        out.finished = true;
        out.error = r->error();
        out.rejected = r->rejected();
    });
    r->fetchMore(1000);
    r->start();
    QVERIFY(QTest::qWaitFor([&] { return out.finished; }, 60000));
    QCOMPARE(out.error.kind, graph::GraphError::Kind::Cancelled);
    QVERIFY(out.recipients.size() >= 40);
    QVERIFY(out.recipients.size() < source.users.size() + (paged ? Users : 0));
    QCOMPARE(openAfterAbort, 0); // nothing left on the wire

    // Let the event loop run through a whole other resolve: a late answer or a
    // queued emission of the aborted one would arrive meanwhile.
    r->fetchMore(100);
    const Outcome other = resolve(usersSource({user(1).id, user(2).id}));
    QVERIFY(other.finished && !other.error.isError());
    QCOMPARE(out.signalsAfterFinish, 0);
    QVERIFY(r->isFinished());
}

void TestRecipientResolver::authenticationFailureIsFatal()
{
    auth::ClientCredentialsSettings settings;
    settings.loginBase = m_sim->server().loginUrl();
    settings.tenant = m_sim->tenantId();
    settings.clientId = m_sim->clientId();
    auth::ClientSecretTokenProvider wrong(m_network.get(), settings, QStringLiteral("not-the-secret"));
    graph::GraphClient client(m_network.get(), m_sim->server().graphUrl(), &wrong, m_planner.get());

    RecipientSource source = usersSource({user(1).id, user(2).userPrincipalName});
    source.allUsers = true;
    const Outcome out = resolve(source, 100, 999, {}, &client);
    QVERIFY(out.finished);
    QCOMPARE(out.error.kind, graph::GraphError::Kind::Auth);
    QVERIFY(out.recipients.isEmpty());
    QCOMPARE(out.signalsAfterFinish, 0);
}

QTEST_GUILESS_MAIN(TestRecipientResolver)
#include "tst_recipientresolver.moc"
