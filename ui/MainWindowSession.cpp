// MainWindow and the session: the header's sign-in state, and the demo
// tenant's profile.

#include "ActivityIndicator.h"
#include "DemoBanner.h"
#include "DemoSession.h"
#include "HeaderBar.h"
#include "MainWindow.h"
#include "Session.h"
#include "TenantIndicator.h"

#include <QStatusBar>

namespace herald::ui {

void MainWindow::refreshSession()
{
    Session *s = session();
    TenantIndicator *indicator = m_header->tenantIndicator();
    const Session::Profile &profile = s->profile();
    const QString label = profile.tenantLabel.isEmpty() ? profile.name : profile.tenantLabel;
    switch (s->state()) {
    case Session::State::NoProfile:
        if (!profile.demo)
            indicator->showSignedOut(profile.name.isEmpty() ? QStringLiteral("default") : profile.name);
        indicator->setToolTip({});
        break;
    case Session::State::SigningIn:
        indicator->showTenant(label, tr("Signing in…"));
        indicator->setToolTip({});
        break;
    case Session::State::SignedIn:
        indicator->showTenant(label,
                              profile.demo ? tr("Simulated tenant (demo) · signed in")
                                           : tr("Profile %1 · signed in").arg(profile.name));
        indicator->setToolTip(tr("App: %1 (%2)").arg(s->app().displayName, s->app().id));
        break;
    case Session::State::Failed:
        indicator->showTenant(label, tr("Sign-in failed"));
        indicator->setToolTip(s->errorString());
        statusBar()->showMessage(tr("Sign-in failed: %1").arg(s->errorString()));
        break;
    }
}

void MainWindow::attachDemo(DemoSession *demo)
{
    m_demoBanner->showStarting();
    m_header->tenantIndicator()->showTenant(tr("Demo tenant"), tr("Starting…"));

    auto begin = [this, demo] {
        if (demo->state() == DemoSession::State::Running || demo->state() == DemoSession::State::Starting)
            return;
        const int ticket = m_activity->begin(tr("Starting the simulated tenant…"));
        auto finish = [this, ticket] { m_activity->end(ticket); };
        connect(demo, &DemoSession::started, m_activity, finish, Qt::SingleShotConnection);
        connect(demo, &DemoSession::failed, m_activity, finish, Qt::SingleShotConnection);
        demo->start();
    };

    auto onStarted = [this, demo] {
        const DemoTenant &tenant = demo->tenant();
        m_demoBanner->showRunning(tenant.host, tenant.port, tenant.timeScale);
        // The demo's profile: the simulator's endpoints and identities; its
        // generated secret stays in memory.
        Session::Profile profile;
        profile.name = tr("demo");
        profile.tenantLabel = tenant.tenantDomain;
        profile.demo = true;
        profile.appExternalId = tenant.appExternalId;
        profile.settings.profile = QStringLiteral("demo");
        profile.settings.tenant = tenant.tenantId;
        profile.settings.clientId = tenant.clientId;
        profile.settings.graphUrl = tenant.graphUrl;
        profile.settings.loginUrl = tenant.loginUrl;
        profile.settings.botServiceUrl = tenant.botServiceUrl;
        profile.settings.timeScale = tenant.timeScale;
        // Demo data (journal, chat ids) apart from real tenants' data.
        profile.settings.dataDir = config::ConnectionSettings::defaultDataDir() + QStringLiteral("/demo");
        session()->open(profile, config::Credentials(demo->clientSecret(), demo->clientSecret()));
    };
    connect(demo, &DemoSession::started, this, onStarted);
    if (demo->state() == DemoSession::State::Running) {
        onStarted(); // a second window on a running demo tenant
        return;
    }
    connect(demo, &DemoSession::failed, this, [this](const QString &error) {
        m_demoBanner->showFailed(error);
        m_header->tenantIndicator()->showSignedOut(QStringLiteral("default"));
    });

    if (m_painted)
        begin();
    else
        connect(this, &MainWindow::firstPainted, demo, begin, Qt::SingleShotConnection);
}

} // namespace herald::ui
