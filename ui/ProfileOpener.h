#pragma once

#include "config/ProfileStore.h"
#include "config/SecretSource.h"
#include "secrets/SecretStore.h"

#include <QObject>
#include <QPointer>
#include <memory>

class QWidget;

namespace herald::ui {

class Session;

// Opens a saved profile (config::ProfileStore, shared with herald-cli) in
// the session: its settings, its secrets from the environment or the OS
// keychain (the CLI's order), and the bot app's manifest id, which the GUI
// remembers per profile. Also opens the profile dialog (ui/ProfileDialog).
class ProfileOpener : public QObject
{
    Q_OBJECT

signals:
    void failed(const QString &message);

public:
    ProfileOpener(Session *session, QWidget *dialogParent, QObject *parent = nullptr);
    ~ProfileOpener() override;

    // The profile used last time, if it still exists.
    void openLast();
    void open(const QString &name);
    void showProfiles();
    // Asks for the app's manifest id (external id) of the current profile.
    void askAppId();

    static QString appIdKey(const QString &profile);

private:
    QPointer<Session> m_session;
    QWidget *m_dialogParent;
    config::ProfileStore m_store;
    secrets::SecretStore *m_keychain = nullptr;
    config::SecretChain m_secrets;
};

} // namespace herald::ui
