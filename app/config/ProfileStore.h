#pragma once

// Named connection profiles (tenant, client id, bot id, bot tenant, cloud,
// endpoint overrides, auth method, certificate path) in an INI file under
// the platform's config location: ~/.config/herald/profiles.conf on Linux
// ($XDG_CONFIG_HOME). Shared by herald and herald-cli.
//
// No secret is ever written here: ConnectionSettings has no secret field,
// and the store writes a fixed list of keys. Secrets live in the keychain
// (secrets/SecretStore) under the profile's name.

#include "config/ConnectionSettings.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace herald::config {

class ProfileStore
{
public:
    // fileName empty = defaultFileName().
    explicit ProfileStore(const QString &fileName = QString());

    static QString defaultFileName();
    QString fileName() const { return m_fileName; }

    // A profile name is also a keychain key and a settings group: letters,
    // digits, '.', '_' and '-', at most 64. Empty = valid, else the problem.
    static QString checkName(const QString &name);

    QStringList names() const; // sorted
    bool contains(const QString &name) const;
    // nullopt with *error when the profile does not exist or is unusable
    // (unknown cloud, bad URL) -- the message names the file and the key.
    std::optional<ConnectionSettings> load(const QString &name, QString *error) const;
    // Validates (ConnectionSettings::validate) and writes settings.profile.
    bool save(const ConnectionSettings &settings, QString *error);
    bool remove(const QString &name, QString *error);

private:
    QString m_fileName;
};

} // namespace herald::config
