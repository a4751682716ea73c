#include "config/SecretSource.h"

#include <QCoreApplication>
#include <QDebug>

namespace herald::config {

namespace {

// Only CredentialResolver's members translate here; lupdate files them under that class.
QString tr(const char *text)
{
    return QCoreApplication::translate("herald::config::CredentialResolver", text);
}

// State shared by the steps of one CredentialResolver::resolve() call.
struct Resolution
{
    SecretSource *source = nullptr;
    ConnectionSettings settings;
    CredentialResolver::Needs needs;
    CredentialResolver::Callback done;
    CredentialResolver::Result result;
};

void fail(const std::shared_ptr<Resolution> &r, SecretKind kind)
{
    r->result.ok = false;
    r->result.credentials = {};
    r->result.error = CredentialResolver::missingSecretMessage(kind, r->settings.profile, *r->source);
    r->done(r->result);
}

void succeed(const std::shared_ptr<Resolution> &r)
{
    r->result.ok = true;
    r->done(r->result);
}

void resolveBot(const std::shared_ptr<Resolution> &r)
{
    if (!r->needs.bot) {
        succeed(r);
        return;
    }
    r->source->lookup(SecretKind::Bot, r->settings.profile, [r](std::optional<QString> secret) {
        if (secret && !secret->isEmpty()) {
            r->result.credentials.botSecret = *secret;
            succeed(r);
            return;
        }
        // The bot is the Graph app: the same credential serves both.
        if (r->settings.effectiveBotId() == r->settings.clientId) {
            if (!r->result.credentials.clientSecret.isEmpty()) {
                r->result.credentials.botSecret = r->result.credentials.clientSecret;
                succeed(r);
                return;
            }
            if (r->settings.usesCertificate()) {
                succeed(r);
                return;
            }
            r->source->lookup(SecretKind::Client, r->settings.profile, [r](std::optional<QString> client) {
                if (!client || client->isEmpty()) {
                    fail(r, SecretKind::Client);
                    return;
                }
                r->result.credentials.botSecret = *client;
                succeed(r);
            });
            return;
        }
        fail(r, SecretKind::Bot);
    });
}

} // namespace

EnvironmentSecretSource::EnvironmentSecretSource(QProcessEnvironment env)
    : m_env(std::move(env))
{
}

QString EnvironmentSecretSource::variableName(SecretKind kind)
{
    switch (kind) {
    case SecretKind::Client:
        return QStringLiteral("HERALD_CLIENT_SECRET");
    case SecretKind::Bot:
        return QStringLiteral("HERALD_BOT_SECRET");
    case SecretKind::RefreshToken:
        break;
    }
    return {};
}

void EnvironmentSecretSource::lookup(SecretKind kind, const QString &, Callback done)
{
    const QString name = variableName(kind);
    if (!name.isEmpty() && m_env.contains(name) && !m_env.value(name).isEmpty())
        done(m_env.value(name));
    else
        done(std::nullopt);
}

void MemorySecretSource::set(SecretKind kind, const QString &secret)
{
    (kind == SecretKind::Client ? m_client : kind == SecretKind::Bot ? m_bot : m_refresh) = secret;
}

void MemorySecretSource::lookup(SecretKind kind, const QString &, Callback done)
{
    done(kind == SecretKind::Client ? m_client : kind == SecretKind::Bot ? m_bot : m_refresh);
}

QString SecretChain::unavailableReason() const
{
    for (const auto &source : m_sources) {
        const QString reason = source->unavailableReason();
        if (!reason.isEmpty())
            return reason;
    }
    return {};
}

void SecretChain::append(std::unique_ptr<SecretSource> source)
{
    m_sources.push_back(std::move(source));
}

void SecretChain::lookup(SecretKind kind, const QString &profile, Callback done)
{
    lookupFrom(0, kind, profile, std::move(done));
}

void SecretChain::lookupFrom(std::size_t index, SecretKind kind, const QString &profile, Callback done)
{
    if (index >= m_sources.size()) {
        done(std::nullopt);
        return;
    }
    m_sources[index]->lookup(kind, profile,
                             [this, index, kind, profile, done](std::optional<QString> secret) {
                                 if (secret)
                                     done(std::move(secret));
                                 else
                                     lookupFrom(index + 1, kind, profile, done);
                             });
}

QDebug operator<<(QDebug debug, const Credentials &credentials)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "Credentials(client: " << (credentials.clientSecret.isEmpty() ? "none" : "<redacted>")
                    << ", bot: " << (credentials.botSecret.isEmpty() ? "none" : "<redacted>")
                    << ", refresh token: " << (credentials.refreshToken.isEmpty() ? "none" : "<redacted>")
                    << ')';
    return debug;
}

QString CredentialResolver::missingSecretMessage(SecretKind kind, const QString &profile,
                                                 const SecretSource &source)
{
    QString message = missingSecretMessage(kind, profile);
    const QString reason = source.unavailableReason();
    if (!reason.isEmpty())
        message += QStringLiteral(". ") + reason;
    return message;
}

QString CredentialResolver::missingSecretMessage(SecretKind kind, const QString &profile)
{
    if (kind == SecretKind::RefreshToken)
        return tr("no delegated sign-in for profile '%1': sign in with `herald-cli --profile %1 login`, or "
                  "use "
                  "a client secret or certificate instead")
            .arg(profile);
    const QString variable = EnvironmentSecretSource::variableName(kind);
    const QString what = kind == SecretKind::Client ? tr("client secret (Graph application)")
                                                    : tr("bot secret (Bot Framework app)");
    // `read -rs` keeps the secret out of the shell history and off the screen.
    QString message = tr("no %1 for profile '%2'. Provide it in the environment, e.g. "
                         "`read -rs %3 && export %3`")
                          .arg(what, profile, variable);
    message
        += tr(", or store it in the keychain: `herald-cli --profile %1 secret set --kind %2`")
               .arg(profile, kind == SecretKind::Client ? QStringLiteral("client") : QStringLiteral("bot"));
    if (kind == SecretKind::Client)
        message += tr(", or authenticate with a certificate: --cert FILE");
    return message;
}

void CredentialResolver::resolve(SecretSource &source, const ConnectionSettings &settings, Needs needs,
                                 Callback done)
{
    auto r = std::make_shared<Resolution>();
    r->source = &source;
    r->settings = settings;
    r->needs = needs;
    r->done = std::move(done);

    if (!needs.graph || settings.usesCertificate()) {
        resolveBot(r);
        return;
    }
    if (settings.usesDelegated()) {
        source.lookup(SecretKind::RefreshToken, settings.profile, [r](std::optional<QString> token) {
            if (!token || token->isEmpty()) {
                fail(r, SecretKind::RefreshToken);
                return;
            }
            r->result.credentials.refreshToken = *token;
            resolveBot(r);
        });
        return;
    }
    source.lookup(SecretKind::Client, settings.profile, [r](std::optional<QString> secret) {
        if (!secret || secret->isEmpty()) {
            fail(r, SecretKind::Client);
            return;
        }
        r->result.credentials.clientSecret = *secret;
        resolveBot(r);
    });
}

} // namespace herald::config
