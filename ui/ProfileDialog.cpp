#include "ProfileDialog.h"

#include "FocusChain.h"
#include "PreflightView.h"
#include "auth/DelegatedSignIn.h"
#include "auth/Preflight.h"
#include "auth/RefreshTokenProvider.h"
#include "auth/TokenFactory.h"
#include "config/Clouds.h"
#include "config/ProfileStore.h"
#include "graph/GraphClient.h"
#include "graph/RateCategories.h"
#include "graph/RatePlanner.h"
#include "secrets/SecretStore.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QVBoxLayout>

namespace herald::ui {

using config::AuthMethod;
using config::ConnectionSettings;
using config::SecretKind;

ProfileDialog::ProfileDialog(config::ProfileStore *store, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
{
    setWindowTitle(tr("Connection profiles"));
    // Wide enough for the fields' hints ("empty: botframework.com (multi-tenant bot)").
    setMinimumWidth(fontMetrics().averageCharWidth() * 76);
    auto *layout = new QVBoxLayout(this);

    auto *top = new QHBoxLayout;
    m_profile = new QComboBox(this);
    m_profile->setEditable(true);
    m_profile->setAccessibleName(tr("Profile name"));
    auto *remove = new QPushButton(tr("&Delete"), this);
    // Enter in a field saves (the default button below); it must never delete.
    remove->setAutoDefault(false);
    auto *profileLabel = new QLabel(tr("&Profile:"), this);
    profileLabel->setBuddy(m_profile);
    top->addWidget(profileLabel);
    top->addWidget(m_profile, 1);
    top->addWidget(remove);
    layout->addLayout(top);

    auto *identity = new QGroupBox(tr("Tenant and app"), this);
    auto *form = new QFormLayout(identity);
    m_tenant = new QLineEdit(identity);
    m_tenant->setPlaceholderText(tr("contoso.onmicrosoft.com or the tenant id"));
    m_clientId = new QLineEdit(identity);
    m_clientId->setPlaceholderText(tr("Application (client) id"));
    m_botId = new QLineEdit(identity);
    m_botId->setPlaceholderText(tr("empty: the client id"));
    m_botTenant = new QLineEdit(identity);
    m_botTenant->setPlaceholderText(tr("empty: botframework.com (multi-tenant bot)"));
    m_cloud = new QComboBox(identity);
    for (const QString &name : config::cloudNames()) {
        const auto cloud = config::cloudFromName(name);
        m_cloud->addItem(config::cloudInfo(*cloud).displayName, name);
    }
    m_cloudNotice = new QLabel(identity);
    m_cloudNotice->setWordWrap(true);
    m_cloudNotice->hide();
    // A row label given as text gets its field as buddy: Alt+letter and the
    // screen reader's name both come from it.
    form->addRow(tr("&Tenant:"), m_tenant);
    form->addRow(tr("&Client id:"), m_clientId);
    form->addRow(tr("&Bot id:"), m_botId);
    form->addRow(tr("Bot te&nant:"), m_botTenant);
    form->addRow(tr("Cl&oud:"), m_cloud);
    form->addRow(QString(), m_cloudNotice);
    layout->addWidget(identity);

    auto *credentials = new QGroupBox(tr("Sign-in"), this);
    auto *cform = new QFormLayout(credentials);
    m_auth = new QComboBox(credentials);
    m_auth->addItem(tr("Client secret (stored in the keychain)"), QStringLiteral("secret"));
    m_auth->addItem(tr("Certificate"), QStringLiteral("certificate"));
    m_auth->addItem(tr("Signed-in administrator (browser)"), QStringLiteral("delegated"));
    auto *certRow = new QHBoxLayout;
    m_certFile = new QLineEdit(credentials);
    m_certFile->setPlaceholderText(tr("PEM file with the certificate and its private key"));
    m_browseCert = new QPushButton(tr("Bro&wse\u2026"), credentials);
    certRow->addWidget(m_certFile, 1);
    certRow->addWidget(m_browseCert);
    auto secretRow = [credentials](QLineEdit *&edit, const QString &placeholder, QPushButton *&button,
                                   const QString &buttonText) {
        auto *row = new QHBoxLayout;
        edit = new QLineEdit(credentials);
        edit->setEchoMode(QLineEdit::Password);
        edit->setPlaceholderText(placeholder);
        button = new QPushButton(buttonText, credentials);
        row->addWidget(edit, 1);
        row->addWidget(button);
        return row;
    };
    QPushButton *storeClient = nullptr;
    QPushButton *storeBot = nullptr;
    cform->addRow(tr("&Method:"), m_auth);
    // Rows holding a layout get no buddy by themselves.
    const auto labelFor = [credentials](const QString &text, QWidget *buddy) {
        auto *label = new QLabel(text, credentials);
        label->setBuddy(buddy);
        return label;
    };
    QHBoxLayout *clientRow
        = secretRow(m_clientSecret, tr("the secret's Value"), storeClient, tr("Store in &keychain"));
    QHBoxLayout *botRow
        = secretRow(m_botSecret, tr("only when the bot is another app"), storeBot, tr("Store &in keychain"));
    storeClient->setAccessibleName(tr("Store the client secret in the keychain"));
    storeBot->setAccessibleName(tr("Store the bot secret in the keychain"));
    cform->addRow(labelFor(tr("Certi&ficate:"), m_certFile), certRow);
    cform->addRow(labelFor(tr("Client s&ecret:"), m_clientSecret), clientRow);
    cform->addRow(labelFor(tr("Bot &secret:"), m_botSecret), botRow);
    m_signIn = new QPushButton(tr("Si&gn in with browser"), credentials);
    cform->addRow(QString(), m_signIn);
    layout->addWidget(credentials);

    auto *endpoints = new QGroupBox(tr("Endpoint o&verrides (optional)"), this);
    m_endpoints = endpoints;
    endpoints->setCheckable(true);
    endpoints->setChecked(false);
    auto *eform = new QFormLayout(endpoints);
    m_graphUrl = new QLineEdit(endpoints);
    m_loginUrl = new QLineEdit(endpoints);
    m_botServiceUrl = new QLineEdit(endpoints);
    eform->addRow(tr("Gr&aph:"), m_graphUrl);
    eform->addRow(tr("&Login:"), m_loginUrl);
    eform->addRow(tr("Bot Connecto&r:"), m_botServiceUrl);
    layout->addWidget(endpoints);

    m_check = new QPushButton(tr("R&un checks"), this);
    m_preflightView = new PreflightView(this);
    layout->addWidget(m_check, 0, Qt::AlignLeft);
    layout->addWidget(m_preflightView, 1);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Save)->setDefault(true);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, [this] { save(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(remove, &QPushButton::clicked, this, [this] {
        QString error;
        if (m_store->remove(currentProfile(), &error)) {
            setStatus(
                tr("Deleted profile '%1'. Its keychain entries stay until removed.").arg(currentProfile()));
            reloadNames();
        } else {
            setStatus(error);
        }
    });
    connect(m_profile, &QComboBox::textActivated, this, [this](const QString &name) { selectProfile(name); });
    connect(m_cloud, &QComboBox::currentIndexChanged, this, [this] { updateState(); });
    connect(m_auth, &QComboBox::currentIndexChanged, this, [this] { updateState(); });
    connect(m_browseCert, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Certificate and key (PEM)"), QString(),
                                                          tr("PEM files (*.pem *.crt *.key);;All files (*)"));
        if (!file.isEmpty())
            m_certFile->setText(file);
    });
    connect(storeClient, &QPushButton::clicked, this, [this] { storeSecret(false); });
    connect(storeBot, &QPushButton::clicked, this, [this] { storeSecret(true); });
    connect(m_signIn, &QPushButton::clicked, this, &ProfileDialog::signIn);
    connect(m_check, &QPushButton::clicked, this, &ProfileDialog::runChecks);
    connect(endpoints, &QGroupBox::toggled, this, [this](bool on) {
        if (!on) {
            m_graphUrl->clear();
            m_loginUrl->clear();
            m_botServiceUrl->clear();
        }
    });

    reloadNames();
    const QStringList names = m_store->names();
    selectProfile(names.isEmpty() ? ConnectionSettings::defaultProfile() : names.first());
    focus::orderByLayout(this);
}

ProfileDialog::~ProfileDialog()
{
    if (m_signInJob)
        m_signInJob->abort();
    if (m_preflight)
        m_preflight->abort();
}

void ProfileDialog::setSecretStore(secrets::SecretStore *store)
{
    m_secrets = store;
}

void ProfileDialog::setNetwork(QNetworkAccessManager *network)
{
    m_network = network;
}

QString ProfileDialog::currentProfile() const
{
    return m_profile->currentText().trimmed();
}

QString ProfileDialog::statusText() const
{
    return m_status->text();
}

void ProfileDialog::setStatus(const QString &text)
{
    m_status->setText(text);
}

void ProfileDialog::reloadNames()
{
    const QString current = currentProfile();
    m_profile->clear();
    m_profile->addItems(m_store->names());
    m_profile->setCurrentText(current);
}

void ProfileDialog::selectProfile(const QString &name)
{
    QString error;
    ConnectionSettings settings;
    if (const auto loaded = m_store->contains(name) ? m_store->load(name, &error) : std::nullopt)
        settings = *loaded;
    else if (!error.isEmpty())
        setStatus(error);
    settings.profile = name;
    loadInto(settings);
}

void ProfileDialog::loadInto(const ConnectionSettings &s)
{
    m_profile->setCurrentText(s.profile);
    m_tenant->setText(s.tenant);
    m_clientId->setText(s.clientId);
    m_botId->setText(s.botId);
    m_botTenant->setText(s.botTenant);
    m_cloud->setCurrentIndex(m_cloud->findData(config::cloudName(s.cloud)));
    m_auth->setCurrentIndex(m_auth->findData(config::authMethodName(s.authMethod())));
    m_certFile->setText(s.certFile);
    m_graphUrl->setText(s.graphUrl.toString());
    m_loginUrl->setText(s.loginUrl.toString());
    m_botServiceUrl->setText(s.botServiceUrl.toString());
    m_endpoints->setChecked(!s.graphUrl.isEmpty() || !s.loginUrl.isEmpty() || !s.botServiceUrl.isEmpty());
    m_preflightView->clear();
    updateState();
}

void ProfileDialog::updateState()
{
    const QString method = m_auth->currentData().toString();
    m_certFile->setEnabled(method == QLatin1String("certificate"));
    m_browseCert->setEnabled(method == QLatin1String("certificate"));
    m_clientSecret->setEnabled(method == QLatin1String("secret"));
    m_signIn->setEnabled(method == QLatin1String("delegated"));
    const auto cloud = config::cloudFromName(m_cloud->currentData().toString());
    const QString notice = cloud ? config::proactiveInstallNotice(*cloud) : QString();
    m_cloudNotice->setText(notice);
    m_cloudNotice->setVisible(!notice.isEmpty());
}

ConnectionSettings ProfileDialog::formSettings(QStringList *problems) const
{
    ConnectionSettings s;
    s.profile = currentProfile();
    s.tenant = m_tenant->text().trimmed();
    s.clientId = m_clientId->text().trimmed();
    s.botId = m_botId->text().trimmed();
    s.botTenant = m_botTenant->text().trimmed();
    s.cloud = config::cloudFromName(m_cloud->currentData().toString()).value_or(config::Cloud::Global);
    const QString method = m_auth->currentData().toString();
    if (method == QLatin1String("certificate"))
        s.certFile = m_certFile->text().trimmed();
    s.delegated = method == QLatin1String("delegated");
    auto url = [](const QLineEdit *edit) {
        const QString text = edit->text().trimmed();
        return text.isEmpty() ? QUrl() : QUrl(text, QUrl::StrictMode);
    };
    s.graphUrl = url(m_graphUrl);
    s.loginUrl = url(m_loginUrl);
    s.botServiceUrl = url(m_botServiceUrl);
    if (problems) {
        *problems = s.validate();
        if (const QString name = config::ProfileStore::checkName(s.profile); !name.isEmpty())
            problems->prepend(name);
        if (method == QLatin1String("certificate") && s.certFile.isEmpty())
            problems->append(tr("choose the certificate file"));
    }
    return s;
}

bool ProfileDialog::save()
{
    QStringList problems;
    const ConnectionSettings s = formSettings(&problems);
    QString error;
    if (!problems.isEmpty() || !m_store->save(s, &error)) {
        setStatus(problems.isEmpty() ? error : problems.join(QLatin1String("; ")));
        return false;
    }
    setStatus(tr("Saved profile '%1'.").arg(s.profile));
    reloadNames();
    emit profileSaved(s.profile);
    return true;
}

void ProfileDialog::storeSecret(bool bot)
{
    QLineEdit *edit = bot ? m_botSecret : m_clientSecret;
    const QString secret = edit->text();
    // Out of the widget at once, whatever happens next.
    edit->clear();
    if (secret.isEmpty()) {
        setStatus(tr("Type the secret first."));
        return;
    }
    if (!m_secrets)
        m_secrets = new secrets::SecretStore(this);
    const QString profile = currentProfile();
    auto *job = m_secrets->write(profile, bot ? SecretKind::Bot : SecretKind::Client, secret);
    connect(job, &graph::Job::finished, this, [this, job, bot, profile] {
        if (job->succeeded())
            setStatus(bot ? tr("Stored the bot secret of '%1' in the keychain.").arg(profile)
                          : tr("Stored the client secret of '%1' in the keychain.").arg(profile));
        else
            setStatus(job->error().message + QLatin1Char(' ') + job->error().hint);
    });
    job->start();
}

void ProfileDialog::signIn()
{
    QStringList problems;
    const ConnectionSettings s = formSettings(&problems);
    problems += s.missingIdentity();
    if (!problems.isEmpty()) {
        setStatus(problems.join(QLatin1String("; ")));
        return;
    }
    if (m_signInJob)
        m_signInJob->abort();
    auth::DelegatedSignIn::Settings settings;
    settings.loginBase = config::effectiveLoginUrl(s);
    settings.tenant = s.tenant;
    settings.clientId = s.clientId;
    settings.scope = auth::delegatedScope(graph::graphDefaultScope(s.cloud));
    m_signInJob = new auth::DelegatedSignIn(settings, this);
    connect(m_signInJob, &auth::DelegatedSignIn::authorizationUrlReady, this, [this](const QUrl &url) {
        setStatus(tr("Finish signing in in your browser. If it did not open, visit: %1").arg(url.toString()));
        QDesktopServices::openUrl(url);
    });
    auth::DelegatedSignIn *job = m_signInJob;
    const QString profile = s.profile;
    connect(job, &graph::Job::finished, this, [this, job, profile] {
        if (!job->succeeded()) {
            setStatus(job->error().toString());
            return;
        }
        if (!m_secrets)
            m_secrets = new secrets::SecretStore(this);
        auto *write = m_secrets->write(profile, SecretKind::RefreshToken, job->refreshToken());
        connect(write, &graph::Job::finished, this, [this, write, profile] {
            setStatus(write->succeeded()
                          ? tr("Signed in; the sign-in of '%1' is kept in the keychain.").arg(profile)
                          : write->error().message + QLatin1Char(' ') + write->error().hint);
        });
        write->start();
    });
    job->start();
}

void ProfileDialog::runChecks()
{
    QStringList problems;
    const ConnectionSettings s = formSettings(&problems);
    problems += s.missingIdentity();
    if (!problems.isEmpty()) {
        m_preflightView->showError(problems.join(QLatin1String("; ")));
        return;
    }
    if (m_preflight)
        m_preflight->abort();
    m_preflightView->showRunning();
    if (!m_secrets)
        m_secrets = new secrets::SecretStore(this);
    // Same order as herald-cli: the environment, then the keychain.
    auto chain = std::make_shared<config::SecretChain>();
    chain->append(std::make_unique<config::EnvironmentSecretSource>());
    chain->append(std::make_unique<secrets::KeychainSecretSource>(m_secrets));
    QPointer<ProfileDialog> self(this);
    config::CredentialResolver::resolve(
        *chain, s, {true, true}, [self, chain, s](const config::CredentialResolver::Result &result) {
            if (!self)
                return;
            if (!result.ok) {
                self->m_preflightView->showError(result.error);
                return;
            }
            self->startPreflight(s, result.credentials.clientSecret, result.credentials.botSecret,
                                 result.credentials.refreshToken);
        });
}

void ProfileDialog::startPreflight(const ConnectionSettings &s, const QString &clientSecret,
                                   const QString &botSecret, const QString &refreshToken)
{
    delete m_checkSession;
    auto *session = new QObject(this);
    m_checkSession = session;
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    const config::Credentials credentials(clientSecret, botSecret, refreshToken);
    auth::TokenFactoryOptions options;
    options.secretStore = m_secrets;
    graph::GraphError error;
    auto graphTokens = auth::makeGraphTokenProvider(m_network, s, credentials, &error, options);
    if (!graphTokens) {
        m_preflightView->showError(error.toString());
        return;
    }
    auth::TokenProvider *tokens = graphTokens.release();
    tokens->setParent(session);
    graph::GraphError botError;
    auth::TokenProvider *bot = nullptr;
    if (auto made = auth::makeBotTokenProvider(m_network, s, credentials, &botError, options)) {
        bot = made.release();
        bot->setParent(session);
    }
    auto *planner = new graph::RatePlanner(session);
    graph::rate::defineGraphClasses(*planner);
    auto *client = new graph::GraphClient(m_network, config::effectiveGraphUrl(s), tokens, planner, session);
    if (client->configError().isError()) {
        m_preflightView->showError(client->configError().toString());
        return;
    }
    // Without an app id (setAppId) the catalog check is skipped.
    m_preflight = new auth::Preflight(client, tokens, bot, s, m_appId, session);
    auth::Preflight *preflight = m_preflight;
    connect(preflight, &graph::Job::finished, this, [this, preflight] {
        if (!preflight->succeeded())
            m_preflightView->showError(preflight->error().toString());
        else
            m_preflightView->showChecks(preflight->checks(), preflight->adminConsentUrl());
    });
    preflight->start();
}

} // namespace herald::ui
