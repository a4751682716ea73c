#pragma once

// herald-cli [--profile NAME] login [--no-browser] [--port N] [--timeout SECONDS]
// Delegated sign-in in the browser (auth/DelegatedSignIn: auth code + PKCE,
// loopback redirect). The sign-in URL is always printed on stderr, for
// machines without a browser; the refresh token goes to the keychain under
// the profile. Exit 0 signed in, 3 sign-in or keychain failure.

#include "cli/Command.h"

#include <QPointer>

namespace herald::auth {
class DelegatedSignIn;
}
namespace herald::secrets {
class SecretStore;
}

namespace herald::cli {

class LoginCommand : public Command
{
    Q_OBJECT

public:
    using Command::Command;
    ~LoginCommand() override;
    static CommandSpec spec();

    void start(CommandContext &context) override;
    void cancel() override;

private:
    void onSignedIn();
    void done(ExitCode code);

    CommandContext *m_context = nullptr;
    QPointer<auth::DelegatedSignIn> m_signIn;
    QPointer<secrets::SecretStore> m_store;
};

} // namespace herald::cli
