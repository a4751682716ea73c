#include "Session.h"

#include "UiLogging.h"
#include "auth/ClientSecretTokenProvider.h"
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
    delete m_client;
    delete m_planner;
    delete m_tokens;
    m_app = {};
}

void Session::open(const Profile &profile, const QString &clientSecret)
{
    close();
    m_profile = profile;
    m_secret = clientSecret;
    const config::ConnectionSettings &settings = profile.settings;

    // Built like herald-cli's GraphSession, so both front ends pace and
    // retry the same way.
    auth::ClientCredentialsSettings identity;
    identity.loginBase
        = settings.loginUrl.isEmpty() ? graph::loginBaseUrl(settings.cloud) : settings.loginUrl;
    identity.tenant = settings.tenant;
    identity.clientId = settings.clientId;
    identity.scope = graph::graphDefaultScope(settings.cloud);
    auto *tokens = new auth::ClientSecretTokenProvider(m_network, identity, clientSecret, this);
    tokens->setTimeScale(settings.timeScale);
    m_tokens = tokens;

    m_planner = new graph::RatePlanner(this);
    graph::rate::defineGraphClasses(*m_planner);
    m_planner->setTimeScale(settings.timeScale);

    const QUrl base = settings.graphUrl.isEmpty() ? graph::graphBaseUrl(settings.cloud) : settings.graphUrl;
    m_client = new graph::GraphClient(m_network, base, tokens, m_planner, this);
    if (settings.concurrency > 0)
        m_client->setMaxInFlight(settings.concurrency);
    if (m_client->configError().isError()) {
        setState(State::Failed, m_client->configError().toString());
        return;
    }
    signIn();
}

void Session::signIn()
{
    if (!m_client) {
        setState(State::NoProfile);
        return;
    }
    if (m_job)
        m_job->abort();
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
