#include "cli/GlobalOptions.h"

#include "config/ProfileStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace herald::cli {

using config::ConnectionSettings;

namespace {

// lupdate files a tr() outside a class under the enclosing namespace: same context here.
QString tr(const char *text)
{
    return QCoreApplication::translate("herald::cli", text);
}

QCommandLineOption hidden(QCommandLineOption option)
{
    option.setFlags(QCommandLineOption::HiddenFromHelp);
    return option;
}

} // namespace

ProfileLookup builtinProfiles()
{
    return [](const QString &name, QString *error) -> std::optional<ConnectionSettings> {
        if (name == ConnectionSettings::defaultProfile())
            return ConnectionSettings{};
        if (error)
            *error = tr("profile '%1' not found: stored profiles are not supported yet; give the connection "
                        "options (--tenant, --client-id, ...) on the command line")
                         .arg(name);
        return std::nullopt;
    };
}

ProfileLookup storedProfiles(const QString &fileName)
{
    return [fileName](const QString &name, QString *error) -> std::optional<ConnectionSettings> {
        const config::ProfileStore store(fileName);
        if (name == ConnectionSettings::defaultProfile() && !store.contains(name))
            return ConnectionSettings{};
        return store.load(name, error);
    };
}

QList<QCommandLineOption> GlobalOptions::options()
{
    return {
        // Connection
        {QStringLiteral("profile"), tr("Named profile from the config file (default: default)."),
         QStringLiteral("NAME")},
        {QStringLiteral("tenant"), tr("Tenant id or verified domain."), QStringLiteral("ID")},
        {QStringLiteral("client-id"), tr("Entra application (client) id used for Graph."),
         QStringLiteral("ID")},
        {QStringLiteral("bot-id"), tr("The bot's Microsoft App id (default: the client id)."),
         QStringLiteral("ID")},
        {QStringLiteral("bot-tenant"), tr("Tenant that issues the bot token (default: botframework.com)."),
         QStringLiteral("ID")},
        {QStringLiteral("cloud"), tr("National cloud: global, usgov, usgovdod or china (default: global)."),
         QStringLiteral("NAME")},
        {QStringLiteral("graph-url"),
         tr("Override the Graph base, e.g. http://127.0.0.1:8080 (the client appends /v1.0)."),
         QStringLiteral("URL")},
        {QStringLiteral("login-url"),
         tr("Override the identity authority base (token endpoint: URL/TENANT/oauth2/v2.0/token)."),
         QStringLiteral("URL")},
        {QStringLiteral("bot-service-url"), tr("Override the Bot Connector service URL."),
         QStringLiteral("URL")},
        {QStringLiteral("cert"),
         tr("PEM file with certificate and private key: authenticate with a client assertion instead "
            "of a secret."),
         QStringLiteral("FILE")},
        // Output
        {QStringLiteral("format"),
         tr("Output format: table, csv or json (default: table); json prints one "
            "object per line."),
         QStringLiteral("FORMAT")},
        {QStringLiteral("quiet"), tr("No progress on stderr.")},
        {QStringLiteral("verbose"), tr("Log requests on stderr (secrets redacted).")},
        // Run
        {QStringLiteral("data-dir"),
         tr("Where the campaign database lives (default: $XDG_DATA_HOME/herald, or $HERALD_DATA_DIR)."),
         QStringLiteral("DIR")},
        {QStringLiteral("concurrency"),
         tr("Upper bound on requests in flight (default: chosen by the rate planner)."), QStringLiteral("N")},
        {QStringLiteral("demo"),
         tr("Start a simulated tenant in this process and run against it (alone: a short scenario).")},
        {{QStringLiteral("h"), QStringLiteral("help")},
         tr("Show help (after a command: that command's help).")},
        {QStringLiteral("version"), tr("Show the version.")},
        // Simulator only: every limit runs N times faster.
        hidden({QStringLiteral("time-scale"), QString(), QStringLiteral("N")}),
    };
}

QStringList GlobalOptions::valueOptionNames()
{
    QStringList names;
    for (const QCommandLineOption &option : options()) {
        if (!option.valueName().isEmpty())
            names += option.names();
    }
    return names;
}

QList<GlobalOptions::HelpGroup> GlobalOptions::helpGroups()
{
    return {
        {tr("Connection"),
         {QStringLiteral("profile"), QStringLiteral("tenant"), QStringLiteral("client-id"),
          QStringLiteral("bot-id"), QStringLiteral("bot-tenant"), QStringLiteral("cloud"),
          QStringLiteral("graph-url"), QStringLiteral("login-url"), QStringLiteral("bot-service-url"),
          QStringLiteral("cert")}},
        {tr("Output"), {QStringLiteral("format"), QStringLiteral("quiet"), QStringLiteral("verbose")}},
        {tr("Other"),
         {QStringLiteral("data-dir"), QStringLiteral("concurrency"), QStringLiteral("demo"),
          QStringLiteral("h"), QStringLiteral("version")}},
    };
}

GlobalOptions GlobalOptions::fromParser(const QCommandLineParser &parser, const QProcessEnvironment &env,
                                        const ProfileLookup &profiles, QStringList *problems)
{
    GlobalOptions g;
    g.help = parser.isSet(QStringLiteral("help"));
    g.version = parser.isSet(QStringLiteral("version"));
    g.demo = parser.isSet(QStringLiteral("demo"));
    g.quiet = parser.isSet(QStringLiteral("quiet"));
    g.verbose = parser.isSet(QStringLiteral("verbose"));
    if (g.quiet && g.verbose)
        problems->append(tr("--quiet and --verbose contradict each other: give one of them"));

    const QString profile = parser.isSet(QStringLiteral("profile")) ? parser.value(QStringLiteral("profile"))
                                                                    : ConnectionSettings::defaultProfile();
    QString profileError;
    // `profile save` creates (or repairs) the profile it names: a missing or
    // unusable one starts from empty settings there, and only there.
    const QStringList words = parser.positionalArguments();
    const bool savingProfile = words.size() >= 2 && words.at(0) == QLatin1String("profile")
        && words.at(1) == QLatin1String("save") && config::ProfileStore::checkName(profile).isEmpty();
    if (const auto stored
        = profiles ? profiles(profile, &profileError) : std::optional<ConnectionSettings>{}) {
        g.settings = *stored;
    } else if (savingProfile) {
        g.settings = ConnectionSettings{};
    } else {
        problems->append(profileError.isEmpty() ? tr("profile '%1' not found").arg(profile) : profileError);
    }
    ConnectionSettings &s = g.settings;
    s.profile = profile;

    auto text = [&parser](const char *name, QString &target) {
        if (parser.isSet(QLatin1String(name)))
            target = parser.value(QLatin1String(name)).trimmed();
    };
    auto url = [&parser, problems](const char *name, QUrl &target) {
        if (!parser.isSet(QLatin1String(name)))
            return;
        const QString value = parser.value(QLatin1String(name)).trimmed();
        target = QUrl(value, QUrl::StrictMode);
        if (value.isEmpty())
            problems->append(tr("--%1 needs a URL").arg(QLatin1String(name)));
    };
    text("tenant", s.tenant);
    text("client-id", s.clientId);
    text("bot-id", s.botId);
    text("bot-tenant", s.botTenant);
    text("cert", s.certFile);
    url("graph-url", s.graphUrl);
    url("login-url", s.loginUrl);
    url("bot-service-url", s.botServiceUrl);

    if (parser.isSet(QStringLiteral("cloud"))) {
        const QString name = parser.value(QStringLiteral("cloud"));
        if (const auto cloud = config::cloudFromName(name))
            s.cloud = *cloud;
        else
            problems->append(tr("unknown --cloud '%1': use one of %2")
                                 .arg(name, config::cloudNames().join(QLatin1String(", "))));
    }

    if (parser.isSet(QStringLiteral("data-dir")))
        s.dataDir = parser.value(QStringLiteral("data-dir"));
    else if (const QString fromEnv = ConnectionSettings::dataDirFromEnvironment(env); !fromEnv.isEmpty())
        s.dataDir = fromEnv;

    if (parser.isSet(QStringLiteral("concurrency"))) {
        bool ok = false;
        const int n = parser.value(QStringLiteral("concurrency")).toInt(&ok);
        if (!ok || n < 1)
            problems->append(tr("--concurrency '%1' must be a whole number of requests, at least 1")
                                 .arg(parser.value(QStringLiteral("concurrency"))));
        else
            s.concurrency = n;
    }
    if (parser.isSet(QStringLiteral("time-scale"))) {
        bool ok = false;
        const double scale = parser.value(QStringLiteral("time-scale")).toDouble(&ok);
        if (!ok || !(scale > 0))
            problems->append(tr("--time-scale must be a number greater than 0"));
        else
            s.timeScale = scale;
    }

    if (parser.isSet(QStringLiteral("format"))) {
        const QString name = parser.value(QStringLiteral("format"));
        if (const auto format = outputFormatFromName(name))
            g.format = *format;
        else
            problems->append(tr("unknown --format '%1': use table, csv or json").arg(name));
    }

    // Settings-level checks (ids, URLs and the http:// rule).
    for (const QString &problem : s.validate()) {
        if (!problems->contains(problem))
            problems->append(problem);
    }
    return g;
}

} // namespace herald::cli
