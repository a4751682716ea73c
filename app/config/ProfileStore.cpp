#include "config/ProfileStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>

namespace herald::config {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("herald::config::ProfileStore", text);
}

// The only keys ever written. Keeping them in one list makes "no secret in
// the file" a property of this table.
namespace key {
const QString tenant = QStringLiteral("tenant");
const QString clientId = QStringLiteral("clientId");
const QString botId = QStringLiteral("botId");
const QString botTenant = QStringLiteral("botTenant");
const QString cloud = QStringLiteral("cloud");
const QString graphUrl = QStringLiteral("graphUrl");
const QString loginUrl = QStringLiteral("loginUrl");
const QString botServiceUrl = QStringLiteral("botServiceUrl");
const QString auth = QStringLiteral("auth");
const QString certFile = QStringLiteral("certFile");
const QString dataDir = QStringLiteral("dataDir");
} // namespace key

// Profiles are groups "profile.NAME": QSettings keeps a group "General"
// for itself in INI files, and a prefix keeps any name safe.
QString groupOf(const QString &name)
{
    return QStringLiteral("profile.") + name;
}

} // namespace

ProfileStore::ProfileStore(const QString &fileName)
    : m_fileName(fileName.isEmpty() ? defaultFileName() : fileName)
{
}

QString ProfileStore::defaultFileName()
{
    // GenericConfigLocation: $XDG_CONFIG_HOME on Linux; both front ends
    // (application names "herald" and "herald-cli") share the file.
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
        .filePath(QStringLiteral("herald/profiles.conf"));
}

QString ProfileStore::checkName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    if (pattern.match(name).hasMatch())
        return {};
    return tr("profile name '%1' is not usable: use 1 to 64 letters, digits, '.', '_' or '-'").arg(name);
}

QStringList ProfileStore::names() const
{
    QSettings settings(m_fileName, QSettings::IniFormat);
    QStringList names;
    const QString prefix = QStringLiteral("profile.");
    for (const QString &group : settings.childGroups()) {
        if (group.startsWith(prefix))
            names << group.mid(prefix.size());
    }
    names.sort();
    return names;
}

bool ProfileStore::contains(const QString &name) const
{
    return names().contains(name);
}

std::optional<ConnectionSettings> ProfileStore::load(const QString &name, QString *error) const
{
    if (const QString problem = checkName(name); !problem.isEmpty()) {
        *error = problem;
        return std::nullopt;
    }
    QSettings settings(m_fileName, QSettings::IniFormat);
    if (settings.status() == QSettings::FormatError) {
        *error = tr("the profile file %1 is not a valid settings file: fix or delete it").arg(m_fileName);
        return std::nullopt;
    }
    if (!settings.childGroups().contains(groupOf(name))) {
        *error = tr("profile '%1' not found in %2: save one with `herald-cli profile save --profile %1 "
                    "--tenant ID --client-id ID`, or give the connection options on the command line")
                     .arg(name, m_fileName);
        return std::nullopt;
    }
    settings.beginGroup(groupOf(name));
    ConnectionSettings s;
    s.profile = name;
    s.tenant = settings.value(key::tenant).toString();
    s.clientId = settings.value(key::clientId).toString();
    s.botId = settings.value(key::botId).toString();
    s.botTenant = settings.value(key::botTenant).toString();
    s.certFile = settings.value(key::certFile).toString();
    s.dataDir = settings.value(key::dataDir).toString();
    QStringList problems;
    const QString cloud = settings.value(key::cloud).toString();
    if (!cloud.isEmpty()) {
        if (const auto parsed = cloudFromName(cloud))
            s.cloud = *parsed;
        else
            problems << tr("unknown cloud '%1' (use one of %2)")
                            .arg(cloud, cloudNames().join(QLatin1String(", ")));
    }
    const QString auth = settings.value(key::auth).toString();
    if (!auth.isEmpty()) {
        const auto method = authMethodFromName(auth);
        if (!method)
            problems << tr("unknown auth method '%1' (use secret, certificate or delegated)").arg(auth);
        else if (*method == AuthMethod::Certificate && s.certFile.isEmpty())
            problems << tr("auth method 'certificate' needs a certFile");
        else
            s.delegated = *method == AuthMethod::Delegated;
    }
    auto url = [&settings](const QString &k) {
        const QString text = settings.value(k).toString();
        return text.isEmpty() ? QUrl() : QUrl(text, QUrl::StrictMode);
    };
    s.graphUrl = url(key::graphUrl);
    s.loginUrl = url(key::loginUrl);
    s.botServiceUrl = url(key::botServiceUrl);
    problems += s.validate();
    if (!problems.isEmpty()) {
        *error = tr("profile '%1' in %2 is not usable: %3")
                     .arg(name, m_fileName, problems.join(QLatin1String("; ")));
        return std::nullopt;
    }
    return s;
}

bool ProfileStore::save(const ConnectionSettings &s, QString *error)
{
    if (const QString problem = checkName(s.profile); !problem.isEmpty()) {
        *error = problem;
        return false;
    }
    const QStringList problems = s.validate();
    if (!problems.isEmpty()) {
        *error = problems.join(QLatin1String("; "));
        return false;
    }
    QDir().mkpath(QFileInfo(m_fileName).absolutePath());
    QSettings settings(m_fileName, QSettings::IniFormat);
    settings.remove(groupOf(s.profile));
    settings.beginGroup(groupOf(s.profile));
    auto put = [&settings](const QString &k, const QString &value) {
        if (!value.isEmpty())
            settings.setValue(k, value);
    };
    put(key::tenant, s.tenant);
    put(key::clientId, s.clientId);
    put(key::botId, s.botId);
    put(key::botTenant, s.botTenant);
    settings.setValue(key::cloud, cloudName(s.cloud));
    put(key::graphUrl, s.graphUrl.toString());
    put(key::loginUrl, s.loginUrl.toString());
    put(key::botServiceUrl, s.botServiceUrl.toString());
    settings.setValue(key::auth, authMethodName(s.authMethod()));
    put(key::certFile, s.certFile);
    put(key::dataDir, s.dataDir);
    settings.endGroup();
    settings.sync();
    if (settings.status() != QSettings::NoError) {
        *error = tr("cannot write the profile file %1: check that its folder is writable").arg(m_fileName);
        return false;
    }
    return true;
}

bool ProfileStore::remove(const QString &name, QString *error)
{
    QSettings settings(m_fileName, QSettings::IniFormat);
    if (!settings.childGroups().contains(groupOf(name))) {
        *error = tr("profile '%1' not found in %2").arg(name, m_fileName);
        return false;
    }
    settings.remove(groupOf(name));
    settings.sync();
    if (settings.status() != QSettings::NoError) {
        *error = tr("cannot write the profile file %1").arg(m_fileName);
        return false;
    }
    return true;
}

} // namespace herald::config
