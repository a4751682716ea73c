#pragma once

// The Bot Connector connection of one command run: bot token provider
// (auth/TokenFactory: bot tenant, Bot Framework scope, bot secret), a rate
// planner with the Bot Connector's documented limits at the run's time
// scale, and the BotConnectorClient for --bot-service-url (or the cloud's
// service URL). Everything is a child of the session.

#include "auth/TokenProvider.h"
#include "bot/BotConnectorClient.h"
#include "graph/GraphError.h"
#include "graph/RatePlanner.h"

#include <QObject>
#include <QPointer>

namespace herald::cli {

class CommandContext;

class BotSession : public QObject
{
    Q_OBJECT

public:
    // nullptr with *error (Config or Auth) when the settings cannot work.
    static BotSession *create(CommandContext &context, QObject *parent, graph::GraphError *error);

    bot::BotConnectorClient *client() const { return m_client; }
    graph::RatePlanner *planner() const { return m_planner; }
    auth::TokenProvider *tokens() const { return m_tokens; }

private:
    explicit BotSession(QObject *parent);

    QPointer<auth::TokenProvider> m_tokens;
    QPointer<graph::RatePlanner> m_planner;
    QPointer<bot::BotConnectorClient> m_client;
};

} // namespace herald::cli
