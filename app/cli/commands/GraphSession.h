#pragma once

// The Graph connection of one command run, built from its settings: token
// provider (client secret, certificate or delegated; auth/TokenFactory), rate planner (Graph's documented
// limits, at the run's time scale), Graph client, request log for --verbose. Everything is a child of the
// session, so a command owns it with one pointer.

#include "graph/GraphError.h"

#include <QObject>
#include <QPointer>

namespace herald::auth {
class TokenProvider;
}

namespace herald::graph {
class GraphClient;
class RatePlanner;
} // namespace herald::graph

namespace herald::cli {

class CommandContext;

class GraphSession : public QObject
{
    Q_OBJECT

public:
    // nullptr with *error (a Config error) when the settings cannot work.
    static GraphSession *create(CommandContext &context, QObject *parent, graph::GraphError *error);

    graph::GraphClient *client() const;
    graph::RatePlanner *planner() const;
    auth::TokenProvider *tokens() const;

private:
    explicit GraphSession(QObject *parent);

    QPointer<auth::TokenProvider> m_tokens;
    QPointer<graph::RatePlanner> m_planner;
    QPointer<graph::GraphClient> m_client;
};

} // namespace herald::cli
