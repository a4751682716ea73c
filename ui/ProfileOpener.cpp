#include "ProfileOpener.h"

#include "ProfileDialog.h"
#include "Session.h"

#include <QInputDialog>
#include <QSettings>

namespace herald::ui {

namespace {
const QString kLastProfileKey = QStringLiteral("Session/profile");
}

ProfileOpener::ProfileOpener(Session *session, QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_dialogParent(dialogParent)
{
    m_keychain = new secrets::SecretStore(this);
    m_secrets.append(std::make_unique<config::EnvironmentSecretSource>());
    m_secrets.append(std::make_unique<secrets::KeychainSecretSource>(m_keychain));
}

ProfileOpener::~ProfileOpener() = default;

QString ProfileOpener::appIdKey(const QString &profile)
{
    return QStringLiteral("Profiles/%1/appExternalId").arg(profile);
}

void ProfileOpener::openLast()
{
    const QString name = QSettings().value(kLastProfileKey).toString();
    if (!name.isEmpty() && m_store.contains(name))
        open(name);
}

void ProfileOpener::open(const QString &name)
{
    QString error;
    const std::optional<config::ConnectionSettings> settings = m_store.load(name, &error);
    if (!settings) {
        emit failed(error);
        return;
    }
    QSettings().setValue(kLastProfileKey, name);
    config::CredentialResolver::Needs needs;
    needs.graph = true;
    needs.bot = true;
    QPointer<ProfileOpener> self(this);
    // The keychain answers asynchronously; the window goes on meanwhile.
    config::CredentialResolver::resolve(
        m_secrets, *settings, needs,
        [self, name, settings](const config::CredentialResolver::Result &result) {
            if (!self || !self->m_session)
                return;
            if (!result.ok) {
                emit self->failed(result.error);
                return;
            }
            Session::Profile profile;
            profile.name = name;
            profile.tenantLabel = settings->tenant;
            profile.settings = *settings;
            profile.appExternalId = QSettings().value(appIdKey(name)).toString();
            if (profile.appExternalId.isEmpty()) {
                emit self->failed(
                    tr("Profile %1 does not say which Teams app to use yet: choose File › Teams "
                       "App… and give the app's manifest id.")
                        .arg(name));
            }
            self->m_session->open(profile, result.credentials);
        });
}

void ProfileOpener::showProfiles()
{
    auto *dialog = new ProfileDialog(&m_store, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setSecretStore(m_keychain);
    if (m_session) {
        dialog->setNetwork(m_session->network());
        if (m_session->app().isValid())
            dialog->setAppId(m_session->app().id);
        if (!m_session->profile().demo)
            dialog->selectProfile(m_session->profile().name);
    }
    connect(dialog, &ProfileDialog::profileSaved, this, &ProfileOpener::open);
    dialog->open();
}

void ProfileOpener::askAppId()
{
    if (!m_session || m_session->profile().demo || m_session->profile().name.isEmpty())
        return;
    const QString name = m_session->profile().name;
    bool ok = false;
    const QString id
        = QInputDialog::getText(m_dialogParent, tr("Teams app"),
                                tr("Manifest id (external id) of your organisation's bot app "
                                   "for profile %1:")
                                    .arg(name),
                                QLineEdit::Normal, QSettings().value(appIdKey(name)).toString(), &ok)
              .trimmed();
    if (!ok || id.isEmpty())
        return;
    QSettings().setValue(appIdKey(name), id);
    open(name);
}

} // namespace herald::ui
