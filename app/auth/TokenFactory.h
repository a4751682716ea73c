#pragma once

// Builds the token providers of a run from its settings and credentials:
// one per audience (Graph, Bot Framework), each caching its token, sharing
// one refresh among concurrent callers and dropping a refused token on 401
// (TokenProvider). The CLI, the GUI and the delivery code all use these.
//
//   graph::GraphError error;
//   auto bot = auth::makeBotTokenProvider(network, settings, credentials, &error);
//   if (!bot) fail(error);            // Config error: says what to fix
//
// Graph: client secret, certificate (--cert) or the delegated sign-in's
// refresh token (settings.usesDelegated()). Bot: {login}/{bot tenant}/oauth2/
// v2.0/token (botframework.com by default) with the cloud's Bot Framework
// scope and the bot secret -- or, when the bot is the Graph app, the client
// secret or the certificate.

#include "auth/TokenProvider.h"
#include "config/ConnectionSettings.h"
#include "config/SecretSource.h"
#include "graph/GraphError.h"

#include <memory>

class QNetworkAccessManager;

namespace herald::graph {
class RequestLog;
}

namespace herald::secrets {
class SecretStore;
}

namespace herald::auth {

struct TokenFactoryOptions
{
    graph::RequestLog *requestLog = nullptr; // --verbose (redacting)
    // Delegated: where a rotated refresh token is saved (the profile's entry).
    secrets::SecretStore *secretStore = nullptr;
};

std::unique_ptr<TokenProvider> makeGraphTokenProvider(QNetworkAccessManager *network,
                                                      const config::ConnectionSettings &settings,
                                                      const config::Credentials &credentials,
                                                      graph::GraphError *error,
                                                      const TokenFactoryOptions &options = {});

std::unique_ptr<TokenProvider> makeBotTokenProvider(QNetworkAccessManager *network,
                                                    const config::ConnectionSettings &settings,
                                                    const config::Credentials &credentials,
                                                    graph::GraphError *error,
                                                    const TokenFactoryOptions &options = {});

} // namespace herald::auth
