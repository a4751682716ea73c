#pragma once

#include "auth/TokenProvider.h"
#include "bot/BotConnectorClient.h"
#include "config/ConnectionSettings.h"
#include "config/SecretSource.h"
#include "graph/GraphClient.h"
#include "graph/GraphError.h"
#include "graph/Job.h"
#include "graph/RatePlanner.h"
#include "install/TeamsApp.h"

#include <QObject>
#include <QPointer>

class QNetworkAccessManager;

namespace herald::auth {
class TokenProvider;
}
namespace herald::graph {
class GraphClient;
class Job;
class RatePlanner;
} // namespace herald::graph

namespace herald::ui {

// The connection every page works through: settings of the active profile,
// token provider, rate planner and Graph client (the same pieces herald-cli
// builds per command), and the organisation's bot app from the catalog.
//
// signIn() proves the settings work: it gets a token and looks the app up
// by its manifest id. Pages enable their actions on isReady().
class Session : public QObject
{
    Q_OBJECT

signals:
    void stateChanged();

public:
    enum class State { NoProfile, SigningIn, SignedIn, Failed };

    struct Profile
    {
        QString name; // profile name shown in the header
        QString tenantLabel; // domain or id shown in the header
        config::ConnectionSettings settings;
        QString appExternalId; // manifest id of the organisation's bot
        bool demo = false;
    };

    explicit Session(QObject *parent = nullptr);
    ~Session() override;

    // Replaces the connection (cancelling everything of the old one) and
    // signs in. The secrets stay in memory only.
    void open(const Profile &profile, const config::Credentials &credentials);
    void signIn();
    void close();

    State state() const { return m_state; }
    bool isReady() const { return m_state == State::SignedIn; }
    QString errorString() const { return m_error; }
    const Profile &profile() const { return m_profile; }
    const install::TeamsApp &app() const { return m_app; }
    // The Bot Connector client (bot token, Bot Framework limits); nullptr
    // with botError() when the profile cannot send (no bot secret, ...).
    bot::BotConnectorClient *bot() const { return m_bot; }
    QString botError() const { return m_botError; }

    QNetworkAccessManager *network() const { return m_network; }
    graph::GraphClient *graph() const { return m_client; }
    graph::RatePlanner *planner() const { return m_planner; }

private:
    void setState(State state, const QString &error = {});
    void lookUpApp();
    void openBot(const config::Credentials &credentials);

    QNetworkAccessManager *m_network = nullptr;
    QPointer<auth::TokenProvider> m_tokens;
    QPointer<graph::RatePlanner> m_planner;
    QPointer<graph::GraphClient> m_client;
    QPointer<graph::Job> m_job;
    QPointer<auth::TokenProvider> m_botTokens;
    QPointer<graph::RatePlanner> m_botPlanner;
    QPointer<bot::BotConnectorClient> m_bot;
    QString m_botError;
    Profile m_profile;
    install::TeamsApp m_app;
    State m_state = State::NoProfile;
    QString m_error;
};

} // namespace herald::ui
