#include "auth/Preflight.h"

#include "auth/TokenClaims.h"
#include "auth/TokenProvider.h"
#include "config/Clouds.h"
#include "graph/GraphClient.h"
#include "install/AppLookup.h"

#include <QJsonArray>
#include <QJsonObject>

namespace herald::auth {

using graph::GraphError;
using State = PreflightCheck::State;

namespace {

QString errorText(const GraphError &error)
{
    return error.toString();
}

} // namespace

QString PreflightCheck::stateName(State state)
{
    switch (state) {
    case State::Ok:
        return QStringLiteral("ok");
    case State::Missing:
        return QStringLiteral("missing");
    case State::Failed:
        return QStringLiteral("failed");
    case State::Warning:
        return QStringLiteral("warning");
    case State::Skipped:
        return QStringLiteral("skipped");
    }
    return {};
}

QList<RequiredPermission> requiredRoles()
{
    return {
        {QStringLiteral("TeamsAppInstallation.ReadWriteSelfForUser.All"),
         {QStringLiteral("TeamsAppInstallation.ReadWriteForUser.All")},
         Preflight::tr("see and install the app for users")},
        {QStringLiteral("TeamsAppInstallation.ReadWriteSelfForTeam.All"),
         {QStringLiteral("TeamsAppInstallation.ReadWriteForTeam.All")},
         Preflight::tr("see and install the app in teams")},
        {QStringLiteral("AppCatalog.Read.All"),
         {QStringLiteral("AppCatalog.ReadWrite.All")},
         Preflight::tr("find the app in the tenant catalog")},
        {QStringLiteral("User.Read.All"),
         {QStringLiteral("Directory.Read.All"), QStringLiteral("User.ReadWrite.All")},
         Preflight::tr("resolve users by UPN or id")},
        {QStringLiteral("GroupMember.Read.All"),
         {QStringLiteral("Group.Read.All"), QStringLiteral("Directory.Read.All")},
         Preflight::tr("expand groups into their members")},
    };
}

// Delegated rows of the pages behind each feature: userteamwork-list-installedapps,
// -post-, -delete-, userteamwork-teamsappinstallation-upgrade (users);
// team-list-installedapps, team-post-, team-delete-, teamsappinstallation-upgrade
// (teams); appcatalogs-list-teamsapps; user-get and user-list (Herald reads
// only basic profile properties: id, displayName, givenName, userPrincipalName,
// mail); group-list-transitivemembers (all on learn.microsoft.com/graph/api/).
QList<RequiredPermission> requiredScopes()
{
    return {
        {QStringLiteral("TeamsAppInstallation.ReadWriteSelfForUser"),
         {QStringLiteral("TeamsAppInstallation.ReadWriteForUser"),
          QStringLiteral("TeamsAppInstallation.ReadWriteAndConsentSelfForUser"),
          QStringLiteral("TeamsAppInstallation.ReadWriteAndConsentForUser")},
         Preflight::tr("see and install the app for users")},
        {QStringLiteral("TeamsAppInstallation.ReadWriteSelfForTeam"),
         {QStringLiteral("TeamsAppInstallation.ReadWriteForTeam"),
          QStringLiteral("TeamsAppInstallation.ReadWriteAndConsentSelfForTeam"),
          QStringLiteral("TeamsAppInstallation.ReadWriteAndConsentForTeam")},
         Preflight::tr("see and install the app in teams")},
        {QStringLiteral("AppCatalog.Read.All"),
         {QStringLiteral("AppCatalog.ReadWrite.All"), QStringLiteral("AppCatalog.Submit")},
         Preflight::tr("find the app in the tenant catalog")},
        {QStringLiteral("User.ReadBasic.All"),
         {QStringLiteral("User.Read.All"), QStringLiteral("User.ReadWrite.All"),
          QStringLiteral("Directory.Read.All")},
         Preflight::tr("resolve users by UPN or id")},
        {QStringLiteral("GroupMember.Read.All"),
         {QStringLiteral("Group.Read.All"), QStringLiteral("Directory.Read.All")},
         Preflight::tr("expand groups into their members")},
    };
}

QStringList rolesOfToken(const QString &accessToken)
{
    QStringList roles;
    for (const QJsonValue &role : tokenClaims(accessToken).value(QStringLiteral("roles")).toArray())
        roles << role.toString();
    return roles;
}

QStringList scopesOfToken(const QString &accessToken)
{
    return tokenClaims(accessToken)
        .value(QStringLiteral("scp"))
        .toString()
        .split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

bool isDelegatedToken(const QString &accessToken)
{
    // access-token-claims-reference: user tokens carry `scp` (and idtyp=user
    // when that optional claim is configured); app-only tokens never do.
    const QJsonObject payload = tokenClaims(accessToken);
    return payload.contains(QStringLiteral("scp"))
        || payload.value(QStringLiteral("idtyp")).toString() == QLatin1String("user");
}

Preflight::Preflight(graph::GraphClient *graph, TokenProvider *graphTokens, TokenProvider *botTokens,
                     const config::ConnectionSettings &settings, const QString &appId, QObject *parent)
    : graph::Job(parent)
    , m_graph(graph)
    , m_graphTokens(graphTokens)
    , m_botTokens(botTokens)
    , m_settings(settings)
    , m_appId(appId)
{
}

QUrl Preflight::adminConsentUrl() const
{
    return config::adminConsentUrl(config::effectiveLoginUrl(m_settings), m_settings.tenant,
                                   m_settings.clientId);
}

bool Preflight::hasAuthProblem() const
{
    for (const PreflightCheck &check : m_checks) {
        if (check.isAuth && (check.state == State::Missing || check.state == State::Failed))
            return true;
    }
    return false;
}

bool Preflight::hasProblem() const
{
    for (const PreflightCheck &check : m_checks) {
        if (check.state == State::Missing || check.state == State::Failed)
            return true;
    }
    return false;
}

void Preflight::add(PreflightCheck check)
{
    m_checks.append(std::move(check));
}

void Preflight::doStart()
{
    m_checks.clear();
    checkGraphToken();
}

void Preflight::doAbort()
{
    if (m_step)
        m_step->abort();
}

void Preflight::checkGraphToken()
{
    if (!m_graphTokens) {
        finishWithError(GraphError::make(GraphError::Kind::Config, tr("No Graph token provider.")));
        return;
    }
    TokenJob *job = m_graphTokens->requestToken();
    m_step = job;
    connect(job, &graph::Job::finished, this, [this, job] {
        PreflightCheck check;
        check.id = QStringLiteral("token");
        check.isAuth = true;
        if (!job->succeeded()) {
            check.state = State::Failed;
            check.detail = tr("No Graph token for app %1 in tenant %2: %3")
                               .arg(m_settings.clientId, m_settings.tenant, job->error().message);
            check.fix = job->error().hint.isEmpty()
                ? tr("Check --tenant, --client-id and the client secret or certificate.")
                : job->error().hint;
            add(check);
            // Without a token nothing else can be checked against Graph.
            checkCloud();
            checkBot();
            return;
        }
        check.state = State::Ok;
        check.detail = isDelegatedToken(job->accessToken())
            ? tr("Delegated Graph token (signed-in user) obtained for app %1 in tenant %2.")
                  .arg(m_settings.clientId, m_settings.tenant)
            : tr("Graph token obtained for app %1 in tenant %2.").arg(m_settings.clientId, m_settings.tenant);
        add(check);
        checkPermissions(job->accessToken());
        checkCatalog();
    });
    job->start();
}

void Preflight::checkPermissions(const QString &token)
{
    m_delegated = isDelegatedToken(token);
    const QStringList granted = m_delegated ? scopesOfToken(token) : rolesOfToken(token);
    const QString consent = adminConsentUrl().toString();
    for (const RequiredPermission &required : m_delegated ? requiredScopes() : requiredRoles()) {
        PreflightCheck check;
        check.id = (m_delegated ? QStringLiteral("scope:") : QStringLiteral("role:")) + required.name;
        check.isAuth = true;
        QString via;
        for (const QString &candidate : QStringList{required.name} + required.alternatives) {
            if (granted.contains(candidate, Qt::CaseInsensitive)) {
                via = candidate;
                break;
            }
        }
        if (!via.isEmpty()) {
            check.state = State::Ok;
            check.detail = via == required.name ? tr("granted") : tr("granted through %1").arg(via);
        } else if (m_delegated) {
            check.state = State::Missing;
            check.detail = tr("not in the signed-in token's scopes: Herald cannot %1").arg(required.feature);
            check.fix
                = tr("Entra admin center > App registrations > %1 > API permissions > Add a permission > "
                     "Microsoft Graph > Delegated permissions > %2; grant admin consent (%3), then sign "
                     "in again with `herald-cli login`")
                      .arg(m_settings.clientId, required.name, consent);
        } else {
            check.state = State::Missing;
            check.detail = tr("not granted: Herald cannot %1").arg(required.feature);
            check.fix
                = tr("Entra admin center > App registrations > %1 > API permissions > Add a permission > "
                     "Microsoft Graph > Application permissions > %2; then grant admin consent: %3")
                      .arg(m_settings.clientId, required.name, consent);
        }
        add(check);
    }
}

void Preflight::checkCatalog()
{
    if (m_appId.isEmpty() || !m_graph) {
        PreflightCheck check;
        check.id = QStringLiteral("catalog");
        check.state = State::Skipped;
        check.detail = tr("No --app given: the catalog was not checked.");
        add(check);
        checkCloud();
        checkBot();
        return;
    }
    install::AppLookup *lookup = install::AppLookup::byId(m_graph, m_appId, this);
    m_step = lookup;
    connect(lookup, &graph::Job::finished, this, [this, lookup] {
        PreflightCheck check;
        check.id = QStringLiteral("catalog");
        if (!lookup->succeeded()) {
            const GraphError &error = lookup->error();
            check.state = State::Failed;
            check.isAuth = error.httpStatus == 401 || error.httpStatus == 403;
            check.detail = tr("The catalog could not be read: %1").arg(errorText(error));
            if (!check.isAuth)
                check.fix = error.hint;
            else if (m_delegated)
                check.fix = tr("Grant AppCatalog.Read.All (delegated) and admin consent (%1), then sign in "
                               "again with `herald-cli login`")
                                .arg(adminConsentUrl().toString());
            else
                check.fix = tr("Grant AppCatalog.Read.All (application) and admin consent: %1")
                                .arg(adminConsentUrl().toString());
        } else if (!lookup->found()) {
            check.state = State::Failed;
            check.detail = lookup->notFoundMessage();
            check.fix = tr("Upload the app to the organisation's catalog (Teams admin center > Manage apps > "
                           "Upload), or pass its catalog id (find it with `herald-cli app find --external-id "
                           "MANIFEST_ID`).");
        } else {
            const install::TeamsApp app = lookup->apps().constFirst();
            check.detail = tr("%1 (%2), version %3, distribution %4")
                               .arg(app.displayName, app.id, app.version, app.distributionMethod);
            if (app.isSideloaded()) {
                check.state = State::Warning;
                check.fix = app.installRefusal();
            } else {
                check.state = State::Ok;
            }
        }
        add(check);
        checkCloud();
        checkBot();
    });
    lookup->start();
}

void Preflight::checkCloud()
{
    PreflightCheck check;
    check.id = QStringLiteral("cloud");
    const config::CloudInfo info = config::cloudInfo(m_settings.cloud);
    const QString notice = config::proactiveInstallNotice(m_settings.cloud);
    check.state = notice.isEmpty() ? State::Ok : State::Warning;
    check.detail = info.displayName;
    check.fix = notice;
    add(check);
}

void Preflight::checkBot()
{
    PreflightCheck check;
    check.id = QStringLiteral("bot");
    check.isAuth = true;
    if (!m_botTokens) {
        check.state = State::Missing;
        check.detail = tr("No bot credentials for bot %1.").arg(m_settings.effectiveBotId());
        check.fix = tr("Set HERALD_BOT_SECRET or store it with `herald-cli secret set --kind bot`.");
        add(check);
        finishOk();
        return;
    }
    TokenJob *job = m_botTokens->requestToken();
    m_step = job;
    connect(job, &graph::Job::finished, this, [this, job, check]() mutable {
        if (job->succeeded()) {
            check.state = State::Ok;
            check.detail = tr("Bot Framework token obtained for bot %1 from %2.")
                               .arg(m_settings.effectiveBotId(), m_settings.effectiveBotTenant());
        } else {
            check.state = State::Failed;
            check.detail = tr("No Bot Framework token for bot %1 from %2: %3")
                               .arg(m_settings.effectiveBotId(), m_settings.effectiveBotTenant(),
                                    job->error().message);
            check.fix = job->error().hint.isEmpty()
                ? tr("Check --bot-id, --bot-tenant (botframework.com for multi-tenant bots, else the bot's "
                     "tenant) and the bot secret.")
                : job->error().hint;
        }
        add(check);
        finishOk();
    });
    job->start();
}

} // namespace herald::auth
