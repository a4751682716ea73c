// Install benchmark (PERFORMANCE.md, "install for N users"): the
// InstallRunner -- exactly what `herald-cli install --all-users` runs --
// for every user of a herald-sim process with throttling on and ~30 % of the
// users already having the app (those answer 409).
//
//   build/bin/bench_install [--users N] [--time-scale K] [--installed F]
//
// Prints N, elapsed, ideal = N / (30 * K) (one POST per user at the
// documented 30 requests/s), their ratio (target <= 1.10) and the share of
// requests answered 429 (target <= 1 %), from /_sim/stats. The users are
// streamed from the directory while installing (RecipientResolver,
// --all-users), and that time is counted. Exits non-zero when a user got no
// result or the simulator cannot be started.

#include "BenchTenant.h"
#include "directory/RecipientResolver.h"
#include "graph/GraphClient.h"
#include "install/InstallRunner.h"
#include "install/ResolverRecipientFeed.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <cstdio>
#include <map>

using namespace herald;

namespace {

constexpr double kInstallPostsPerSecond = 30; // API-NOTES "Throttling": POST .../installedApps

struct Options
{
    int users = 10000;
    double timeScale = 20;
    double installed = 0.3;
};

Options parse(QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Install benchmark against herald-sim."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("users"), QStringLiteral("Users in the simulated tenant."),
                      QStringLiteral("n"), QStringLiteral("10000")});
    parser.addOption({QStringLiteral("time-scale"), QStringLiteral("Simulator time scale K."),
                      QStringLiteral("k"), QStringLiteral("20")});
    parser.addOption({QStringLiteral("installed"), QStringLiteral("Share of users who already have the app."),
                      QStringLiteral("f"), QStringLiteral("0.3")});
    parser.process(app);
    Options options;
    options.users = std::max(1, parser.value(QStringLiteral("users")).toInt());
    options.timeScale = std::max(0.01, parser.value(QStringLiteral("time-scale")).toDouble());
    options.installed = std::clamp(parser.value(QStringLiteral("installed")).toDouble(), 0.0, 1.0);
    return options;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const Options options = parse(app);

    herald::test::BenchTenant tenant("bench_install", options.users, options.timeScale,
                                     {QStringLiteral("--installed"), QString::number(options.installed)});
    if (!tenant.start())
        return 2;
    graph::GraphClient &client = tenant.graph();

    install::TeamsApp app_;
    app_.id = tenant.appId();
    directory::RecipientSource source;
    source.allUsers = true;
    auto *runner = new install::InstallRunner(&client, new install::ResolverRecipientFeed(&client, source),
                                              app_, install::InstallRunner::Operation::Install);
    runner->setAutoDelete(false);
    std::map<install::Outcome, qint64> outcomes;
    QObject::connect(runner, &install::RecipientPipeline::resultReady, &app,
                     [&outcomes](const install::RecipientResult &r) { ++outcomes[r.outcome]; });
    QEventLoop loop;
    QObject::connect(runner, &graph::Job::finished, &loop, &QEventLoop::quit);
    QElapsedTimer timer;
    timer.start();
    runner->start();
    if (!runner->isFinished())
        loop.exec();
    const double elapsed = double(timer.nsecsElapsed()) / 1e9;
    const bool ok = runner->succeeded();
    if (!ok)
        std::fprintf(stderr, "bench_install: install failed: %s\n", qPrintable(runner->error().toString()));
    const qint64 results = runner->done();
    delete runner;

    const QJsonObject stats = tenant.stats();
    const double requests = stats.value(QStringLiteral("requestsTotal")).toDouble();
    const double throttled = stats.value(QStringLiteral("throttledTotal")).toDouble();
    const double share = requests > 0 ? throttled / requests : 0;
    const double ideal = double(options.users) / (kInstallPostsPerSecond * options.timeScale);
    const double ratio = elapsed / ideal;

    std::printf("install for every user, herald-sim --time-scale %g --installed %g\n", options.timeScale,
                options.installed);
    std::printf("%-10s %10s %10s %8s %8s %10s %8s %9s\n", "N", "elapsed_s", "ideal_s", "ratio", "target",
                "429_share", "target", "results");
    std::printf("%-10d %10.3f %10.3f %8.3f %8s %9.2f%% %8s %9lld\n", options.users, elapsed, ideal, ratio,
                "<=1.10", share * 100.0, "<=1%", results);
    std::printf("(installed %lld, already_installed %lld, blocked %lld, not_found %lld, failed %lld; "
                "requests %.0f, 429 %.0f, $batch %.0f)\n",
                outcomes[install::Outcome::Installed], outcomes[install::Outcome::AlreadyInstalled],
                outcomes[install::Outcome::Blocked], outcomes[install::Outcome::NotFound],
                outcomes[install::Outcome::Failed], requests, throttled,
                stats.value(QStringLiteral("requests")).toObject().value(QStringLiteral("batch")).toDouble());
    std::fflush(stdout);
    tenant.stop();
    return (ok && results == options.users && outcomes[install::Outcome::Failed] == 0) ? 0 : 1;
}
