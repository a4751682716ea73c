// herald-sim: a simulated Microsoft 365 tenant (Graph, identity platform, Bot
// Connector) on a loopback port. Prints one JSON "ready" line on stdout.

#include "sim/SimServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

using herald::sim::SimOptions;
using herald::sim::SimServer;

namespace {

int g_signalFd[2] = {-1, -1};

void onSignal(int)
{
    // Only async-signal-safe work here: wake the event loop through a socket.
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalFd[0], &byte, 1);
}

// Quits the application on SIGTERM/SIGINT, the way Qt's "Calling Qt Functions
// From Unix Signal Handlers" recommends.
bool watchTerminationSignals(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFd) != 0)
        return false;
    auto *notifier = new QSocketNotifier(g_signalFd[1], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [&app, notifier] {
        notifier->setEnabled(false);
        char byte = 0;
        [[maybe_unused]] const auto got = ::read(g_signalFd[1], &byte, 1);
        app.quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return ::sigaction(SIGTERM, &action, nullptr) == 0 && ::sigaction(SIGINT, &action, nullptr) == 0;
}

[[noreturn]] void fail(const QString &message)
{
    std::fprintf(stderr, "herald-sim: %s\n", qPrintable(message));
    std::exit(2);
}

double fraction(const QCommandLineParser &parser, const QString &name, double fallback)
{
    if (!parser.isSet(name))
        return fallback;
    bool ok = false;
    const double value = parser.value(name).toDouble(&ok);
    if (!ok || value < 0 || value > 1)
        fail(QCoreApplication::translate("main", "--%1 must be a number between 0 and 1").arg(name));
    return value;
}

long long integer(const QCommandLineParser &parser, const QString &name, long long fallback, long long min,
                  long long max)
{
    if (!parser.isSet(name))
        return fallback;
    bool ok = false;
    const long long value = parser.value(name).toLongLong(&ok);
    if (!ok || value < min || value > max)
        fail(QCoreApplication::translate("main", "--%1 must be an integer from %2 to %3")
                 .arg(name)
                 .arg(min)
                 .arg(max));
    return value;
}

bool writeSecretFile(const QString &path, const QString &secret)
{
    QFile file(path);
    // Created 0600; an existing file is narrowed to 0600 before the secret goes in.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate,
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return false;
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return false;
    return file.write(secret.toUtf8()) == secret.toUtf8().size() && file.flush();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("herald-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HERALD_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main",
        "A simulated Microsoft 365 tenant (Graph, token endpoint, Bot Connector) on 127.0.0.1.\n"
        "The accepted client secret is read from HERALD_SIM_CLIENT_SECRET; when unset, one is "
        "generated and written only to --secret-file."));
    parser.addHelpOption();
    parser.addVersionOption();
    const auto opt = [&parser](const char *name, const char *help, const char *valueName = nullptr) {
        parser.addOption(
            valueName
                ? QCommandLineOption(QString::fromLatin1(name), QCoreApplication::translate("main", help),
                                     QString::fromLatin1(valueName))
                : QCommandLineOption(QString::fromLatin1(name), QCoreApplication::translate("main", help)));
    };
    opt("port", "Port to listen on (0 = a free port).", "port");
    opt("users", "Number of users.", "n");
    opt("teams", "Number of teams.", "n");
    opt("groups", "Number of groups (besides teams).", "n");
    opt("seed", "Seed of the generated tenant.", "n");
    opt("installed", "Share of users who already have the app.", "fraction");
    opt("unlicensed", "Share of users without a Teams licence.", "fraction");
    opt("policy-blocked", "Share of users whose app permission policy blocks the app.", "fraction");
    opt("bot-blocked", "Share of users who blocked the bot.", "fraction");
    opt("time-scale", "Run every documented limit this many times faster.", "k");
    opt("no-throttling", "Do not apply the service limits.");
    opt("token-ttl", "Access token lifetime in simulated seconds.", "seconds");
    opt("roles", "Comma-separated app roles in issued Graph tokens (default: all Herald needs).", "roles");
    opt("scopes", "Comma-separated delegated permissions consented for the app (default: all Herald needs).",
        "scopes");
    opt("client-cert", "PEM certificate uploaded to the app: client assertions are verified against it.", "file");
    opt("latency", "Added latency per answer, simulated ms.", "ms");
    opt("latency-jitter", "Uniform jitter on top of --latency, simulated ms.", "ms");
    opt("fault-seed", "Seed of the fault sequence.", "n");
    opt("fault-503", "Share of requests answered 503 without effect.", "fraction");
    opt("fault-drop-before", "Share of connections dropped before the effect.", "fraction");
    opt("fault-drop-after", "Share of connections dropped after the effect.", "fraction");
    opt("dump", "Write the tenant as JSON to this file, then keep serving.", "file");
    opt("secret-file", "Write a generated client secret to this file (mode 0600).", "file");
    parser.process(app);
    if (!parser.positionalArguments().isEmpty())
        fail(QCoreApplication::translate("main", "unexpected argument '%1'")
                 .arg(parser.positionalArguments().first()));

    SimOptions options;
    options.users = int(integer(parser, QStringLiteral("users"), options.users, 0, 2000000));
    options.teams = int(integer(parser, QStringLiteral("teams"), options.teams, 0, 100000));
    options.groups = int(integer(parser, QStringLiteral("groups"), options.groups, 0, 100000));
    options.seed = quint32(integer(parser, QStringLiteral("seed"), options.seed, 0, 0xffffffffLL));
    options.installedFraction = fraction(parser, QStringLiteral("installed"), options.installedFraction);
    options.unlicensedFraction = fraction(parser, QStringLiteral("unlicensed"), options.unlicensedFraction);
    options.policyBlockedFraction
        = fraction(parser, QStringLiteral("policy-blocked"), options.policyBlockedFraction);
    options.botBlockedFraction = fraction(parser, QStringLiteral("bot-blocked"), options.botBlockedFraction);
    if (parser.isSet(QStringLiteral("time-scale"))) {
        bool ok = false;
        options.timeScale = parser.value(QStringLiteral("time-scale")).toDouble(&ok);
        if (!ok || options.timeScale <= 0 || options.timeScale > 100000)
            fail(QCoreApplication::translate("main", "--time-scale must be a positive number"));
    }
    options.throttling = !parser.isSet(QStringLiteral("no-throttling"));
    options.tokenTtlSeconds
        = int(integer(parser, QStringLiteral("token-ttl"), options.tokenTtlSeconds, 1, 86400 * 7));
    if (parser.isSet(QStringLiteral("roles")))
        options.roles = parser.value(QStringLiteral("roles")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (parser.isSet(QStringLiteral("scopes")))
        options.delegatedScopes
            = parser.value(QStringLiteral("scopes")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (parser.isSet(QStringLiteral("client-cert"))) {
        QFile certFile(parser.value(QStringLiteral("client-cert")));
        if (!certFile.open(QIODevice::ReadOnly))
            fail(QCoreApplication::translate("main", "cannot read --client-cert %1").arg(certFile.fileName()));
        options.clientCertificatePem = certFile.readAll();
    }
    options.faults.latencyMs = int(integer(parser, QStringLiteral("latency"), 0, 0, 600000));
    options.faults.latencyJitterMs = int(integer(parser, QStringLiteral("latency-jitter"), 0, 0, 600000));
    options.faults.seed
        = quint32(integer(parser, QStringLiteral("fault-seed"), options.faults.seed, 0, 0xffffffffLL));
    options.faults.serviceUnavailable = fraction(parser, QStringLiteral("fault-503"), 0);
    options.faults.dropBeforeEffect = fraction(parser, QStringLiteral("fault-drop-before"), 0);
    options.faults.dropAfterEffect = fraction(parser, QStringLiteral("fault-drop-after"), 0);
    if (options.faults.serviceUnavailable + options.faults.dropBeforeEffect + options.faults.dropAfterEffect
        > 1)
        fail(QCoreApplication::translate("main", "the fault shares add up to more than 1"));
    const quint16 port = quint16(integer(parser, QStringLiteral("port"), 0, 0, 65535));

    const QString secretFromEnv = qEnvironmentVariable("HERALD_SIM_CLIENT_SECRET");
    options.clientSecret = secretFromEnv; // empty: SimServer generates one

    if (!watchTerminationSignals(app))
        fail(QCoreApplication::translate("main", "cannot install signal handlers"));

    SimServer server(options);
    if (secretFromEnv.isEmpty() && parser.isSet(QStringLiteral("secret-file"))
        && !writeSecretFile(parser.value(QStringLiteral("secret-file")), server.options().clientSecret)) {
        fail(QCoreApplication::translate("main", "cannot write the secret file %1")
                 .arg(parser.value(QStringLiteral("secret-file"))));
    }
    if (!server.listen(QHostAddress::LocalHost, port))
        fail(server.errorString());
    if (parser.isSet(QStringLiteral("dump"))) {
        QFile file(parser.value(QStringLiteral("dump")));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
            || file.write(QJsonDocument(server.dump()).toJson(QJsonDocument::Indented)) < 0) {
            fail(QCoreApplication::translate("main", "cannot write %1").arg(file.fileName()));
        }
    }
    QJsonObject ready = server.info();
    ready.insert(QStringLiteral("ready"), true);
    ready.insert(QStringLiteral("port"), server.port());
    std::fprintf(stdout, "%s\n", QJsonDocument(ready).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    return app.exec();
}
