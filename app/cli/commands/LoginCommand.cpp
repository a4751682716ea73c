#include "cli/commands/LoginCommand.h"

#include "auth/DelegatedSignIn.h"
#include "auth/RefreshTokenProvider.h"
#include "cli/CommandContext.h"
#include "cli/commands/CommandErrors.h"
#include "config/Clouds.h"
#include "secrets/SecretStore.h"

#include <QProcess>
#include <QProcessEnvironment>

namespace herald::cli {

namespace {
const QString kNoBrowser = QStringLiteral("no-browser");
const QString kPort = QStringLiteral("port");
const QString kTimeout = QStringLiteral("timeout");

// The CLI has no QtGui: on Linux desktops xdg-open opens the default browser.
void openBrowser(const QUrl &url)
{
#if defined(Q_OS_MACOS)
    QProcess::startDetached(QStringLiteral("open"), {url.toString(QUrl::FullyEncoded)});
#elif defined(Q_OS_WIN)
    QProcess::startDetached(
        QStringLiteral("rundll32"),
        {QStringLiteral("url.dll,FileProtocolHandler"), url.toString(QUrl::FullyEncoded)});
#else
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (env.contains(QStringLiteral("DISPLAY")) || env.contains(QStringLiteral("WAYLAND_DISPLAY")))
        QProcess::startDetached(QStringLiteral("xdg-open"), {url.toString(QUrl::FullyEncoded)});
#endif
}
} // namespace

LoginCommand::~LoginCommand()
{
    markFinished();
    if (m_signIn)
        m_signIn->abort();
}

CommandSpec LoginCommand::spec()
{
    CommandSpec s;
    s.name = QStringLiteral("login");
    s.summary = tr(
        "Delegated sign-in in the browser (auth code + PKCE); the refresh token is kept in the keychain.");
    s.synopsis = QStringLiteral("[--no-browser] [--port N] [--timeout SECONDS]");
    s.description
        = tr("Prints the sign-in URL and opens it in the default browser; the browser comes back to "
             "http://localhost:PORT (register http://localhost as a redirect URI under Mobile and "
             "desktop applications). Afterwards `profile save --auth delegated` makes the profile use "
             "this sign-in instead of a client secret.");
    s.options = {{kNoBrowser, tr("Only print the URL (for machines without a browser).")},
                 {kPort, tr("Loopback port for the redirect (default: any free port)."), QStringLiteral("N")},
                 {kTimeout, tr("How long to wait for the browser, in seconds (default 300)."),
                  QStringLiteral("SECONDS")}};
    s.examples = {QStringLiteral("--profile me --tenant contoso.onmicrosoft.com --client-id ID login"),
                  QStringLiteral("--profile me login --no-browser")};
    s.validate = [](const CommandInput &input) -> QString {
        bool ok = true;
        if (input.isSet(kPort) && (input.value(kPort).toUInt(&ok) > 65535 || !ok))
            return tr("--port must be a port number (0-65535)");
        if (input.isSet(kTimeout) && (input.value(kTimeout).toInt(&ok) < 1 || !ok))
            return tr("--timeout must be a number of seconds, at least 1");
        return {};
    };
    return s;
}

void LoginCommand::start(CommandContext &context)
{
    m_context = &context;
    const config::ConnectionSettings &settings = context.settings();
    const QStringList missing = settings.missingIdentity();
    if (!missing.isEmpty()) {
        context.error(missing.join(QLatin1String("; ")));
        done(ExitCode::Usage);
        return;
    }
    auth::DelegatedSignIn::Settings s;
    s.loginBase = config::effectiveLoginUrl(settings);
    s.tenant = settings.tenant;
    s.clientId = settings.clientId;
    s.scope = auth::delegatedScope(graph::graphDefaultScope(settings.cloud));
    s.port = quint16(context.input().value(kPort).toUInt());
    if (context.input().isSet(kTimeout))
        s.timeoutMs = context.input().value(kTimeout).toInt() * 1000;
    m_signIn = new auth::DelegatedSignIn(s, this);
    const bool browser = !context.input().isSet(kNoBrowser);
    connect(m_signIn, &auth::DelegatedSignIn::authorizationUrlReady, this, [this, browser](const QUrl &url) {
        // Shown even with --quiet: without it nobody can sign in.
        m_context->error(tr("open this URL in a browser to sign in (waiting for the redirect to %1):\n%2")
                             .arg(m_signIn->redirectUri().toString(), url.toString(QUrl::FullyEncoded)));
        if (browser)
            openBrowser(url);
    });
    connect(m_signIn, &graph::Job::finished, this, &LoginCommand::onSignedIn);
    m_signIn->start();
}

void LoginCommand::onSignedIn()
{
    auth::DelegatedSignIn *signIn = m_signIn;
    if (!signIn || hasFinished())
        return;
    if (!signIn->succeeded()) {
        const ExitCode code = reportError(*m_context, signIn->error());
        done(code == ExitCode::Usage || code == ExitCode::Interrupted ? code : ExitCode::Auth);
        return;
    }
    if (signIn->refreshToken().isEmpty()) {
        m_context->error(tr("signed in, but no refresh token was issued: the app registration must allow the "
                            "offline_access permission"));
        done(ExitCode::Auth);
        return;
    }
    m_store = new secrets::SecretStore(this);
    const QString profile = m_context->settings().profile;
    auto *job = m_store->write(profile, config::SecretKind::RefreshToken, signIn->refreshToken());
    connect(job, &graph::Job::finished, this, [this, job, profile] {
        if (hasFinished())
            return;
        if (!job->succeeded()) {
            m_context->error(job->error().message + QLatin1Char(' ') + job->error().hint);
            done(ExitCode::Auth);
            return;
        }
        m_context->note(
            tr("Signed in. The refresh token is stored in the keychain for profile '%1'. Use it with "
               "`herald-cli --profile %1 profile save --auth delegated`.")
                .arg(profile));
        done(ExitCode::Success);
    });
    job->start();
}

void LoginCommand::cancel()
{
    if (m_signIn) {
        disconnect(m_signIn, nullptr, this, nullptr);
        m_signIn->abort();
    }
    done(ExitCode::Interrupted);
}

void LoginCommand::done(ExitCode code)
{
    finishOnce(code);
}

} // namespace herald::cli
