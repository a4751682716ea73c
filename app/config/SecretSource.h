#pragma once

// Where client and bot secrets come from. Secrets never travel on the command
// line or through files: the environment now, the OS keychain later (a
// KeychainSecretSource appended to a SecretChain). Lookups are asynchronous
// because keychain backends are; a source may also answer at once.

#include "config/ConnectionSettings.h"

#include <QProcessEnvironment>
#include <QString>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QDebug;

namespace herald::config {

// Client: the Graph app's client secret; Bot: the bot's (Bot Framework
// app) secret; RefreshToken: the delegated sign-in's refresh token
// (`herald-cli login`), never in the environment.
enum class SecretKind { Client, Bot, RefreshToken };

class SecretSource
{
public:
    using Callback = std::function<void(std::optional<QString> secret)>;

    virtual ~SecretSource() = default;
    // Calls `done` exactly once, possibly before returning: the secret, or
    // nullopt when this source has none for that profile.
    virtual void lookup(SecretKind kind, const QString &profile, Callback done) = 0;
    // Why this source could not be asked at all (no keychain backend, keychain
    // locked), for the "missing secret" message; empty when it answered.
    virtual QString unavailableReason() const { return {}; }
};

// HERALD_CLIENT_SECRET / HERALD_BOT_SECRET (profile-independent).
class EnvironmentSecretSource : public SecretSource
{
public:
    explicit EnvironmentSecretSource(QProcessEnvironment env = QProcessEnvironment::systemEnvironment());

    // Empty for RefreshToken: it never comes from the environment.
    static QString variableName(SecretKind kind);
    void lookup(SecretKind kind, const QString &profile, Callback done) override;

private:
    QProcessEnvironment m_env;
};

// Secrets held in this process only (the demo's generated simulator secret).
class MemorySecretSource : public SecretSource
{
public:
    void set(SecretKind kind, const QString &secret);
    void lookup(SecretKind kind, const QString &profile, Callback done) override;

private:
    std::optional<QString> m_client;
    std::optional<QString> m_bot;
    std::optional<QString> m_refresh;
};

// Asks each source in order; the first one that has the secret wins.
class SecretChain : public SecretSource
{
public:
    void append(std::unique_ptr<SecretSource> source);
    void lookup(SecretKind kind, const QString &profile, Callback done) override;
    QString unavailableReason() const override; // the first source's reason

private:
    void lookupFrom(std::size_t index, SecretKind kind, const QString &profile, Callback done);
    std::vector<std::unique_ptr<SecretSource>> m_sources;
};

// The secrets one run needs. QDebug output is redacted.
struct Credentials
{
    Credentials() = default;
    Credentials(QString client, QString bot, QString refresh = QString())
        : clientSecret(std::move(client))
        , botSecret(std::move(bot))
        , refreshToken(std::move(refresh))
    {
    }

    QString clientSecret; // empty when a certificate is used
    QString botSecret; // empty when not needed
    QString refreshToken; // delegated sign-in only
};
QDebug operator<<(QDebug debug, const Credentials &credentials);

// Works out which secrets a run needs and fetches them:
// - Graph: the client secret, unless --cert is given;
//   with a delegated profile, the refresh token from `herald-cli login`;
// - Bot: HERALD_BOT_SECRET; when the bot id equals the client id it falls
//   back to the client secret (or to the certificate).
class CredentialResolver
{
public:
    struct Needs
    {
        bool graph = false;
        bool bot = false;
    };
    struct Result
    {
        bool ok = false;
        Credentials credentials;
        QString error; // for the user: which secret is missing and how to provide it
    };
    using Callback = std::function<void(const Result &result)>;

    // `source` must outlive the lookup.
    static void resolve(SecretSource &source, const ConnectionSettings &settings, Needs needs, Callback done);
    static QString missingSecretMessage(SecretKind kind, const QString &profile);
    // The same, followed by the source's unavailableReason() when it has one.
    static QString missingSecretMessage(SecretKind kind, const QString &profile, const SecretSource &source);
};

} // namespace herald::config
