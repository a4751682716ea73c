#include "Session.h"

#include "UiLogging.h"
#include "auth/TokenFactory.h"
#include "bot/BotEndpoints.h"
#include "bot/BotRate.h"
#include "graph/Endpoints.h"
#include "graph/GraphClient.h"
#include "graph/RateCategories.h"
#include "graph/RatePlanner.h"
#include "install/AppLookup.h"

#include <QNetworkAccessManager>

namespace herald::ui {

Session::Session(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
}

Session::~Session()
{
    close();
}

void Session::close()
{
    if (m_job)
        m_job->abort();
    if (m_client)
        m_client->cancelAll();
    delete m_bot;
    delete m_botPlanner;
    delete m_botTokens;
    delete m_client;
    delete m_planner;
    delete m_tokens;
    m_app = {};
}

void Session::open(const Profile &profile, const config::Credentials &credentials)
{
    close();
    m_profile = profile;
    const config::ConnectionSettings &settings = profile.settings;

    // Built like herald-cli's GraphSession/BotSession (auth::TokenFactory),
    // so both front ends authenticate, pace and retry the same way.
    graph::GraphError error;
    std::unique_ptr<auth::TokenProvider> tokens
        = auth::makeGraphTokenProvider(m_network, settings, credentials, &error);
    if (!tokens) {
        setState(State::Failed, error.toString());
        return;
    }
    tokens->setParent(this);
    m_tokens = tokens.release();

    m_planner = new graph::RatePlanner(this);
    graph::rate::defineGraphClasses(*m_planner);
    m_planner->setTimeScale(settings.timeScale);

    const QUrl base = settings.graphUrl.isEmpty() ? graph::graphBaseUrl(settings.cloud) : settings.graphUrl;
    m_client = new graph::GraphClient(m_network, base, m_tokens, m_planner, this);
    if (settings.concurrency > 0)
        m_client->setMaxInFlight(settings.concurrency);
    if (m_client->configError().isError()) {
        setState(State::Failed, m_client->configError().toString());
        return;
    }
    openBot(credentials);
    signIn();
}

void Session::openBot(const config::Credentials &credentials)
{
    const config::ConnectionSettings &settings = m_profile.settings;
    m_botError.clear();
    const QUrl serviceUrl
        = settings.botServiceUrl.isEmpty() ? bot::defaultServiceUrl(settings.cloud) : settings.botServiceUrl;
    if (serviceUrl.isEmpty()) {
        m_botError = tr("Proactive bot messages are not offered in the %1 cloud.")
                         .arg(graph::cloudName(settings.cloud));
        return;
    }
    graph::GraphError error;
    std::unique_ptr<auth::TokenProvider> tokens
        = auth::makeBotTokenProvider(m_network, settings, credentials, &error);
    if (!tokens) {
        m_botError = error.toString();
        return;
    }
    tokens->setParent(this);
    m_botTokens = tokens.release();
    m_botPlanner = new graph::RatePlanner(this);
    bot::rate::defineBotClasses(*m_botPlanner);
    m_botPlanner->setTimeScale(settings.timeScale);
    bot::BotSettings botSettings;
    botSettings.serviceUrl = serviceUrl;
    botSettings.botId = settings.effectiveBotId();
    botSettings.tenantId = settings.tenant;
    if (settings.concurrency > 0)
        botSettings.maxInFlight = settings.concurrency;
    m_bot = new bot::BotConnectorClient(botSettings, m_botTokens, m_botPlanner, this);
    if (m_bot->configError().isError()) {
        m_botError = m_bot->configError().toString();
        delete m_bot;
    }
}

void Session::signIn()
{
    if (!m_client) {
        setState(State::NoProfile);
        return;
    }
    if (m_job)
        m_job->abort();
    if (m_profile.appExternalId.trimmed().isEmpty()) {
        setState(State::Failed,
                 tr("No Teams app chosen for profile %1: choose File › Teams App… and give the "
                    "app's manifest id.")
                     .arg(m_profile.name));
        return;
    }
    setState(State::SigningIn);
    lookUpApp();
}

void Session::lookUpApp()
{
    // The lookup's first request fetches the token: one round trip proves
    // the credentials and finds the app every page needs.
    auto *lookup = install::AppLookup::byExternalId(m_client, m_profile.appExternalId, this);
    m_job = lookup;
    connect(lookup, &graph::Job::finished, this, [this, lookup] {
        if (!lookup->succeeded()) {
            if (lookup->error().kind != graph::GraphError::Kind::Cancelled)
                setState(State::Failed, lookup->error().toString());
            return;
        }
        if (!lookup->found()) {
            setState(State::Failed, lookup->notFoundMessage());
            return;
        }
        m_app = lookup->apps().constFirst();
        qCInfo(lcUi).noquote() << "Signed in to" << m_profile.tenantLabel << "- app" << m_app.displayName
                               << m_app.id;
        setState(State::SignedIn);
    });
    lookup->start();
}

void Session::setState(State state, const QString &error)
{
    if (state == m_state && error == m_error)
        return;
    m_state = state;
    m_error = error;
    if (state == State::Failed)
        qCWarning(lcUi).noquote() << "Sign-in failed:" << error;
    emit stateChanged();
}

} // namespace herald::ui
