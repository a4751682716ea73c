// Status sweep benchmark (PERFORMANCE.md, first row): every user's install
// state for the org app, through the BatchScheduler and the RatePlanner,
// against a herald-sim process with throttling on.
//
//   build/bin/bench_graph_sweep [--users N] [--time-scale K] [--in-flight M]
//
// Prints N, elapsed, ideal = N / (30 * K), their ratio (target <= 1.10) and
// the share of sub-requests answered 429 (target <= 1 %). Exits non-zero
// when a result is missing or the simulator cannot be started.

#include "BenchTenant.h"
#include "graph/BatchScheduler.h"
#include "graph/GraphClient.h"
#include "graph/GraphPager.h"
#include "graph/OData.h"
#include "graph/RatePlanner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QTimer>
#include <cstdio>

using namespace herald;
using namespace herald::graph;

namespace {

constexpr double kInstalledAppsGetPerSecond = 30; // API-NOTES "Throttling"

struct Options
{
    int users = 10000;
    double timeScale = 20;
    int inFlight = 4;
    double margin = -1; // planner safety margin (fraction); < 0: the planner's default
    qint64 slackUs = -1; // planner slack (µs real time); < 0: the planner's default
};

Options parse(QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Status sweep benchmark against herald-sim."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("users"), QStringLiteral("Users in the simulated tenant."),
                      QStringLiteral("n"), QStringLiteral("10000")});
    parser.addOption({QStringLiteral("time-scale"), QStringLiteral("Simulator time scale K."),
                      QStringLiteral("k"), QStringLiteral("20")});
    parser.addOption({QStringLiteral("in-flight"), QStringLiteral("$batch requests kept in flight."),
                      QStringLiteral("m"), QStringLiteral("4")});
    parser.addOption({QStringLiteral("margin"),
                      QStringLiteral("Planner safety margin, fraction of a window."), QStringLiteral("f")});
    parser.addOption({QStringLiteral("slack-us"),
                      QStringLiteral("Planner slack per window, µs of real time."), QStringLiteral("us")});
    parser.process(app);
    Options options;
    options.users = std::max(1, parser.value(QStringLiteral("users")).toInt());
    options.timeScale = std::max(0.01, parser.value(QStringLiteral("time-scale")).toDouble());
    options.inFlight = std::max(1, parser.value(QStringLiteral("in-flight")).toInt());
    if (parser.isSet(QStringLiteral("margin")))
        options.margin = parser.value(QStringLiteral("margin")).toDouble();
    if (parser.isSet(QStringLiteral("slack-us")))
        options.slackUs = parser.value(QStringLiteral("slack-us")).toLongLong();
    return options;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const Options options = parse(app);

    herald::test::BenchTenant tenant("bench_graph_sweep", options.users, options.timeScale);
    if (!tenant.start())
        return 2;
    const QString appId = tenant.appId();
    RatePlanner &planner = tenant.planner();
    if (options.margin >= 0 || options.slackUs >= 0) {
        planner.setSafetyMargin(options.margin >= 0 ? options.margin : planner.safetyMarginFraction(),
                                options.slackUs >= 0 ? options.slackUs : planner.safetySlackUs());
    }
    GraphClient &client = tenant.graph();

    // Directory first (not timed): the ids to sweep.
    QStringList ids;
    ids.reserve(options.users);
    GraphPager *pager = client.pager(GraphRequest::get(
        QStringLiteral("users") + odata::Query().select({QStringLiteral("id")}).top(999).toString()));
    QObject::connect(pager, &GraphPager::page, &app, [&ids](const QJsonArray &items) {
        for (const QJsonValue &item : items)
            ids << item.toObject().value(QStringLiteral("id")).toString();
    });
    if (!herald::test::runToEnd(pager)) {
        std::fprintf(stderr, "bench_graph_sweep: loading users failed: %s\n",
                     qPrintable(pager->error().toString()));
        return 2;
    }
    delete pager;
    tenant.resetStats();

    // The sweep.
    BatchScheduler *sweep = client.batch();
    sweep->setMaxBatchesInFlight(options.inFlight);
    sweep->setExpectedTotal(ids.size());
    int next = 0;
    qint64 answered = 0;
    qint64 installed = 0;
    qint64 failed = 0;
    QObject::connect(sweep, &BatchScheduler::wantMore, &app, [&](int count) {
        for (int i = 0; i < count && next < ids.size(); ++i, ++next) {
            BatchItem item;
            item.id = ids.at(next);
            item.url = QStringLiteral("users/%1/teamwork/installedApps").arg(odata::pathSegment(item.id))
                + odata::Query()
                      .expand(QStringLiteral("teamsApp"))
                      .filter(odata::eq(QStringLiteral("teamsApp/id"), appId))
                      .toString();
            sweep->append(item);
        }
        if (next == ids.size())
            sweep->closeInput();
    });
    QObject::connect(sweep, &BatchScheduler::resultReady, &app, [&](const BatchResult &result) {
        if (result.ok()) {
            ++answered;
            installed += result.body.toObject().value(QStringLiteral("value")).toArray().isEmpty() ? 0 : 1;
        } else if (result.status == 404) {
            ++answered; // no Teams licence: a definite answer too
        } else {
            ++failed;
            if (failed <= 5)
                std::fprintf(stderr, "  %s: %s\n", qPrintable(result.id),
                             qPrintable(result.error.toString()));
        }
    });
    QElapsedTimer timer;
    timer.start();
    const bool ok = herald::test::runToEnd(sweep);
    const double elapsed = double(timer.nsecsElapsed()) / 1e9;
    const int batches = sweep->batchesSent();
    if (!ok)
        std::fprintf(stderr, "bench_graph_sweep: sweep failed: %s\n", qPrintable(sweep->error().toString()));
    delete sweep;

    const QJsonObject stats = tenant.stats();
    const double subRequests = stats.value(QStringLiteral("requests"))
                                   .toObject()
                                   .value(QStringLiteral("installedApps.get"))
                                   .toDouble();
    const double throttled = stats.value(QStringLiteral("throttledTotal")).toDouble();
    const double share = subRequests > 0 ? throttled / subRequests : 0;
    const double ideal = double(ids.size()) / (kInstalledAppsGetPerSecond * options.timeScale);
    const double ratio = elapsed / ideal;
    const qint64 missing = qint64(ids.size()) - answered;

    std::printf("status sweep, herald-sim --time-scale %g, %d $batch in flight\n", options.timeScale,
                options.inFlight);
    std::printf("%-10s %10s %10s %8s %8s %10s %8s %9s %9s\n", "N", "elapsed_s", "ideal_s", "ratio", "target",
                "429_share", "target", "batches", "missing");
    std::printf("%-10lld %10.3f %10.3f %8.3f %8s %9.2f%% %8s %9d %9lld\n", qint64(ids.size()), elapsed, ideal,
                ratio, "<=1.10", share * 100.0, "<=1%", batches, missing);
    std::printf("(installed: %lld, sub-requests: %.0f, 429: %.0f)\n", installed, subRequests, throttled);
    std::fflush(stdout);
    tenant.stop();
    return (ok && missing == 0 && ids.size() == options.users) ? 0 : 1;
}
