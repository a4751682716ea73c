// Send benchmarks (PERFORMANCE.md) against a herald-sim process, throttling
// on, through exactly what `herald-cli send --all-users` runs: the directory
// intake (resolver, chat id cache, optional install) feeding the
// CampaignRunner (journal write-ahead, rate planner, Bot Connector client).
//
//   build/bin/bench_send [--users N] [--time-scale K] [--scenario known|scratch|both] [--in-flight N]
//
//   known    every user has the app and a known chat id (the cache is filled
//            first, untimed, with `chats --via chats`'s resolver): one send
//            per user at the bot's 50 requests/s.   ideal = N / (50 K), target <= 1.05
//   scratch  ~30 % have the app, nothing is cached: install (409 = already
//            there) -> create-conversation-with-message, side by side.
//            ideal = N / (30 K) (the install quota), target <= 1.15
// Also prints the share of requests answered 429 (target <= 1 %) and the
// journal's commits. Exits non-zero when a user got no final state.

#include "SimProcess.h"
#include "auth/ClientSecretTokenProvider.h"
#include "bot/BotConnectorClient.h"
#include "bot/BotRate.h"
#include "campaign/ActivitySource.h"
#include "campaign/CampaignRunner.h"
#include "campaign/CampaignStore.h"
#include "campaign/RecipientIntake.h"
#include "directory/RecipientResolver.h"
#include "graph/GraphClient.h"
#include "graph/RateCategories.h"
#include "graph/RatePlanner.h"
#include "install/ChatIdCache.h"
#include "install/ChatResolver.h"
#include "install/ResolverRecipientFeed.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <cstdio>

using namespace herald;

namespace {

struct Options
{
    int users = 10000;
    double timeScale = 20;
    QString scenario = QStringLiteral("both");
    int inFlight = 16; // herald-cli's default (--concurrency)
};

Options parse(QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Send benchmarks against herald-sim."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("users"), QStringLiteral("Users in the simulated tenant."),
                      QStringLiteral("n"), QStringLiteral("10000")});
    parser.addOption({QStringLiteral("time-scale"), QStringLiteral("Simulator time scale K."),
                      QStringLiteral("k"), QStringLiteral("20")});
    parser.addOption({QStringLiteral("scenario"), QStringLiteral("known, scratch or both."),
                      QStringLiteral("name"), QStringLiteral("both")});
    parser.addOption({QStringLiteral("in-flight"),
                      QStringLiteral("Sends claimed and unanswered at once (--concurrency)."),
                      QStringLiteral("n"), QStringLiteral("16")});
    parser.process(app);
    Options o;
    o.inFlight = std::max(1, parser.value(QStringLiteral("in-flight")).toInt());
    o.users = std::max(1, parser.value(QStringLiteral("users")).toInt());
    o.timeScale = std::max(0.01, parser.value(QStringLiteral("time-scale")).toDouble());
    o.scenario = parser.value(QStringLiteral("scenario"));
    return o;
}

QJsonObject simCall(QNetworkAccessManager &network, const QUrl &base, const QString &what, bool post = false)
{
    QUrl url = base;
    url.setPath(QStringLiteral("/_sim/") + what);
    QNetworkRequest request(url);
    QNetworkReply *reply = post ? network.post(request, QByteArray()) : network.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    return QJsonDocument::fromJson(reply->readAll()).object();
}

void runUntil(graph::Job *job)
{
    QEventLoop loop;
    QObject::connect(job, &graph::Job::finished, &loop, &QEventLoop::quit);
    job->start();
    if (!job->isFinished())
        loop.exec();
}

struct Result
{
    double elapsed = 0;
    double ideal = 0;
    double share429 = 0;
    qint64 requests = 0;
    int counts[campaign::journalStateCount] = {};
    qint64 stateChanges = 0;
    bool ok = false;
};

Result runScenario(const Options &o, bool known)
{
    Result result;
    const QString secret
        = QStringLiteral("bench-%1").arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0'));
    test::SimProcess sim({QStringLiteral("--users"), QString::number(o.users), QStringLiteral("--teams"),
                          QStringLiteral("2"), QStringLiteral("--groups"), QStringLiteral("1"),
                          QStringLiteral("--installed"), known ? QStringLiteral("1") : QStringLiteral("0.3"),
                          QStringLiteral("--unlicensed"), QStringLiteral("0"),
                          QStringLiteral("--policy-blocked"), QStringLiteral("0"),
                          QStringLiteral("--bot-blocked"), QStringLiteral("0"),
                          QStringLiteral("--time-scale"), QString::number(o.timeScale)},
                         secret);
    if (!sim.start(120000)) {
        std::fprintf(stderr, "bench_send: %s\n", qPrintable(sim.errorString()));
        return result;
    }
    QObject::connect(&sim.process(), &QProcess::readyReadStandardError, &sim.process(),
                     [&sim] { sim.process().readAllStandardError(); });
    const QJsonObject ready = sim.ready();
    const QUrl base = sim.baseUrl();
    const QString tenant = ready.value(QStringLiteral("tenantId")).toString();
    const QString clientId = ready.value(QStringLiteral("clientId")).toString();
    const QString appId = ready.value(QStringLiteral("appId")).toString();
    QTemporaryDir dataDir;

    // The same wiring as herald-cli (GraphSession, BotSession).
    QNetworkAccessManager network;
    auth::ClientCredentialsSettings graphIdentity{base, tenant, clientId, auth::GraphScope};
    auth::ClientSecretTokenProvider graphTokens(&network, graphIdentity, secret);
    graphTokens.setTimeScale(o.timeScale);
    graph::RatePlanner graphPlanner;
    graph::rate::defineGraphClasses(graphPlanner);
    graphPlanner.setTimeScale(o.timeScale);
    graph::GraphClient graphClient(&network, base, &graphTokens, &graphPlanner);

    auth::ClientCredentialsSettings botIdentity{base, auth::BotFrameworkTenant, clientId,
                                                auth::BotFrameworkScope};
    auth::ClientSecretTokenProvider botTokens(&network, botIdentity, secret);
    botTokens.setTimeScale(o.timeScale);
    graph::RatePlanner botPlanner;
    bot::rate::defineBotClasses(botPlanner);
    botPlanner.setTimeScale(o.timeScale);
    bot::BotSettings botSettings;
    QUrl botUrl = base;
    botUrl.setPath(QStringLiteral("/bot/"));
    botSettings.serviceUrl = botUrl;
    botSettings.botId = clientId;
    botSettings.tenantId = tenant;
    bot::BotConnectorClient botClient(botSettings, &botTokens, &botPlanner);

    directory::RecipientSource everyone;
    everyone.allUsers = true;
    if (known) {
        // Untimed: learn every chat id, as `herald-cli chats --via chats` would.
        auto *resolver = new install::ChatResolver(&graphClient,
                                                   new install::ResolverRecipientFeed(&graphClient, everyone),
                                                   appId, install::ChatResolver::Via::Chats);
        auto cache = std::make_unique<install::ChatIdCache>(dataDir.path(), tenant, appId);
        cache->open();
        resolver->setCache(std::move(cache));
        resolver->setAutoDelete(false);
        runUntil(resolver);
        delete resolver;
    }
    simCall(network, base, QStringLiteral("reset-stats"), true);

    campaign::CampaignStore store(campaign::CampaignStore::databasePath(dataDir.path()));
    QString error;
    if (!store.open(campaign::CampaignStore::Mode::ReadWrite, &error)) {
        std::fprintf(stderr, "bench_send: %s\n", qPrintable(error));
        return result;
    }
    campaign::CampaignSpec spec;
    spec.name = known ? QStringLiteral("known") : QStringLiteral("scratch");
    spec.tenant = tenant;
    spec.teamsAppId = appId;
    spec.botId = clientId;
    spec.messageName = QStringLiteral("bench.json");
    const qint64 id = store.create(spec);
    auto activities = std::make_shared<campaign::FixedActivitySource>(
        QJsonObject{{QStringLiteral("type"), QStringLiteral("message")},
                    {QStringLiteral("text"), QStringLiteral("The office is closed on **Friday**.")},
                    {QStringLiteral("textFormat"), QStringLiteral("markdown")}});

    QElapsedTimer timer;
    timer.start();
    campaign::DirectoryIntake::Options intakeOptions;
    intakeOptions.teamsAppId = appId;
    intakeOptions.installMissing = !known;
    auto cache = std::make_unique<install::ChatIdCache>(dataDir.path(), tenant, appId);
    cache->open();
    auto *intake = new campaign::DirectoryIntake(&graphClient,
                                                 new install::ResolverRecipientFeed(&graphClient, everyone),
                                                 std::move(cache), intakeOptions);
    campaign::CampaignRunner::Options runOptions;
    runOptions.maxInFlight = o.inFlight;
    campaign::CampaignRunner runner(&store, id, &botClient, activities, runOptions);
    runner.setIntake(intake);
    QEventLoop loop;
    QObject::connect(&runner, &campaign::CampaignRunner::finished, &loop, &QEventLoop::quit);
    runner.start();
    loop.exec();
    result.elapsed = double(timer.nsecsElapsed()) / 1e9;
    const campaign::CampaignProgress p = runner.progress();
    for (int i = 0; i < campaign::journalStateCount; ++i)
        result.counts[i] = p.counts[i];
    result.stateChanges = store.stateChanges();
    const QJsonObject stats = simCall(network, base, QStringLiteral("stats"));
    result.requests = qint64(stats.value(QStringLiteral("requestsTotal")).toDouble());
    const double throttled = stats.value(QStringLiteral("throttledTotal")).toDouble();
    result.share429 = result.requests > 0 ? throttled / double(result.requests) : 0;
    result.ideal = double(o.users) / ((known ? bot::rate::kSendsPerSecond : 30.0) * o.timeScale);
    result.ok = runner.result() == campaign::CampaignRunner::Result::Finished && p.total == o.users
        && p.counts[int(campaign::JournalState::Sent)] == o.users;
    if (!result.ok)
        std::fprintf(stderr, "bench_send: %s: result %d, %lld of %d sent: %s\n", qPrintable(spec.name),
                     int(runner.result()), qint64(p.counts[int(campaign::JournalState::Sent)]), o.users,
                     qPrintable(runner.errorString()));
    sim.stop();
    return result;
}

void print(const char *name, const Options &o, const Result &r, const char *target)
{
    std::printf("%-8s %7d %10.3f %10.3f %8.3f %8s %9.2f%% %6s %8lld %8d %8d\n", name, o.users, r.elapsed,
                r.ideal, r.elapsed / r.ideal, target, r.share429 * 100.0, "<=1%", r.requests,
                r.counts[int(campaign::JournalState::Sent)],
                r.counts[int(campaign::JournalState::Unconfirmed)]);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const Options o = parse(app);
    qputenv("QT_LOGGING_RULES", "herald.*.debug=false");
    const bool known = o.scenario == QLatin1String("known") || o.scenario == QLatin1String("both");
    const bool scratch = o.scenario == QLatin1String("scratch") || o.scenario == QLatin1String("both");
    if (!known && !scratch) {
        std::fprintf(stderr, "bench_send: --scenario must be known, scratch or both\n");
        return 2;
    }
    std::printf("send benchmarks, herald-sim --time-scale %g (throttling on), %d in flight\n", o.timeScale,
                o.inFlight);
    std::printf("%-8s %7s %10s %10s %8s %8s %10s %6s %8s %8s %8s\n", "scenario", "N", "elapsed_s", "ideal_s",
                "ratio", "target", "429_share", "target", "requests", "sent", "unconf");
    bool ok = true;
    if (known) {
        const Result r = runScenario(o, true);
        print("known", o, r, "<=1.05");
        ok = ok && r.ok;
    }
    if (scratch) {
        const Result r = runScenario(o, false);
        print("scratch", o, r, "<=1.15");
        ok = ok && r.ok;
    }
    std::fflush(stdout);
    return ok ? 0 : 1;
}
