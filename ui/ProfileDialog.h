#pragma once

// ProfileDialog: create and edit connection profiles (config::ProfileStore),
// store their secrets in the OS keychain, sign in with the browser, and run
// the preflight checks.
//
// Public API (for the main window):
//   ProfileDialog(config::ProfileStore *store, QWidget *parent = nullptr);
//   void setSecretStore(secrets::SecretStore *store); // default: its own (service "Herald")
//   void setNetwork(QNetworkAccessManager *network);  // default: its own
//   void setAppId(const QString &teamsAppId);         // "Run checks" also checks the catalog
//   void selectProfile(const QString &name);          // "" = a new profile
//   QString currentProfile() const;
//   signal profileSaved(const QString &name);
// Everything runs asynchronously; the dialog never blocks the event loop.
// Secrets typed here go straight to the keychain and are cleared from the
// field; they are never written to the profile file.

#include "config/ConnectionSettings.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;

namespace herald::auth {
class DelegatedSignIn;
class Preflight;
} // namespace herald::auth
namespace herald::config {
class ProfileStore;
}
namespace herald::secrets {
class SecretStore;
}

namespace herald::ui {

class PreflightView;

class ProfileDialog : public QDialog
{
    Q_OBJECT

signals:
    void profileSaved(const QString &name);

public:
    explicit ProfileDialog(config::ProfileStore *store, QWidget *parent = nullptr);
    ~ProfileDialog() override;

    void setSecretStore(secrets::SecretStore *store);
    void setNetwork(QNetworkAccessManager *network);
    void setAppId(const QString &teamsAppId) { m_appId = teamsAppId; }
    void selectProfile(const QString &name);
    QString currentProfile() const;

    // The settings the form describes (not yet saved); problems go to *problems.
    config::ConnectionSettings formSettings(QStringList *problems = nullptr) const;
    PreflightView *preflightView() const { return m_preflightView; }
    QString statusText() const;

    // Actions, also reachable from the buttons (public for tests and menus).
    bool save();
    void storeSecret(bool bot);
    void signIn();
    void runChecks();

private:
    void reloadNames();
    void loadInto(const config::ConnectionSettings &settings);
    void updateState();
    void setStatus(const QString &text);
    void startPreflight(const config::ConnectionSettings &settings, const QString &clientSecret,
                        const QString &botSecret, const QString &refreshToken);

    config::ProfileStore *m_store;
    QString m_appId;
    QPointer<secrets::SecretStore> m_secrets;
    QPointer<QNetworkAccessManager> m_network;

    QComboBox *m_profile = nullptr;
    QLineEdit *m_tenant = nullptr;
    QLineEdit *m_clientId = nullptr;
    QLineEdit *m_botId = nullptr;
    QLineEdit *m_botTenant = nullptr;
    QComboBox *m_cloud = nullptr;
    QLabel *m_cloudNotice = nullptr;
    QComboBox *m_auth = nullptr;
    QLineEdit *m_certFile = nullptr;
    QPushButton *m_browseCert = nullptr;
    QLineEdit *m_clientSecret = nullptr;
    QLineEdit *m_botSecret = nullptr;
    QGroupBox *m_endpoints = nullptr;
    QLineEdit *m_graphUrl = nullptr;
    QLineEdit *m_loginUrl = nullptr;
    QLineEdit *m_botServiceUrl = nullptr;
    QPushButton *m_signIn = nullptr;
    QPushButton *m_check = nullptr;
    QLabel *m_status = nullptr;
    PreflightView *m_preflightView = nullptr;

    QPointer<auth::DelegatedSignIn> m_signInJob;
    QPointer<auth::Preflight> m_preflight;
    QPointer<QObject> m_checkSession; // owns the token providers and Graph client of a check run
};

} // namespace herald::ui
