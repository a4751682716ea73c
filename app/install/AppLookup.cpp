#include "install/AppLookup.h"

#include "graph/GraphClient.h"
#include "graph/GraphPager.h"
#include "graph/GraphRequestJob.h"
#include "install/InstallUrls.h"
#include "install/Logging.h"

#include <QJsonArray>
#include <algorithm>

namespace herald::install {

using graph::GraphError;
using graph::GraphRequest;

AppLookup::AppLookup(graph::GraphClient *client, By by, const QString &value, const QString &owner,
                     QObject *parent)
    : Job(parent)
    , m_client(client)
    , m_by(by)
    , m_value(value.trimmed())
    , m_owner(owner.trimmed())
{
}

AppLookup::~AppLookup()
{
    if (m_current)
        m_current->abort();
}

AppLookup *AppLookup::byExternalId(graph::GraphClient *client, const QString &externalId, QObject *parent)
{
    return new AppLookup(client, By::ExternalId, externalId, {}, parent);
}

AppLookup *AppLookup::byName(graph::GraphClient *client, const QString &displayName, QObject *parent)
{
    return new AppLookup(client, By::Name, displayName, {}, parent);
}

AppLookup *AppLookup::byId(graph::GraphClient *client, const QString &teamsAppId, QObject *parent)
{
    return new AppLookup(client, By::Id, teamsAppId, {}, parent);
}

AppLookup *AppLookup::fromUser(graph::GraphClient *client, const QString &user, const QString &externalId,
                               QObject *parent)
{
    return new AppLookup(client, By::UserInstallation, externalId, user, parent);
}

AppLookup *AppLookup::fromTeam(graph::GraphClient *client, const QString &teamId, const QString &externalId,
                               QObject *parent)
{
    return new AppLookup(client, By::TeamInstallation, externalId, teamId, parent);
}

void AppLookup::doStart()
{
    if (!m_client) {
        finishWithError(GraphError::make(GraphError::Kind::Cancelled, tr("The Graph client is gone.")));
        return;
    }
    if (m_value.isEmpty()) {
        finishWithError(GraphError::make(GraphError::Kind::Config, tr("No app id or name was given.")));
        return;
    }
    switch (m_by) {
    case By::ExternalId:
        get(urls::catalogByExternalId(m_value), &AppLookup::onCatalogAnswer);
        break;
    case By::Name:
        get(urls::catalogByDisplayName(m_value), &AppLookup::onCatalogAnswer);
        break;
    case By::Id:
        get(urls::catalogById(m_value), &AppLookup::onCatalogAnswer);
        break;
    case By::UserInstallation:
        get(urls::installationByExternalId(RecipientKind::User, m_owner, m_value),
            &AppLookup::onInstallationsAnswer);
        break;
    case By::TeamInstallation:
        get(urls::installationByExternalId(RecipientKind::Team, m_owner, m_value),
            &AppLookup::onInstallationsAnswer);
        break;
    }
}

void AppLookup::doAbort()
{
    if (m_current) {
        disconnect(m_current, nullptr, this, nullptr);
        m_current->abort();
    }
}

void AppLookup::get(const QString &url, void (AppLookup::*next)(const QJsonObject &))
{
    graph::GraphRequestJob *job = m_client->send(GraphRequest::get(url));
    m_current = job;
    connect(job, &graph::Job::finished, this, [this, job, next] {
        m_current = nullptr;
        if (!job->succeeded()) {
            finishWithError(job->error());
            return;
        }
        (this->*next)(job->response().object());
    });
    job->start();
}

void AppLookup::onCatalogAnswer(const QJsonObject &body)
{
    for (const QJsonValue &value : body.value(QLatin1String("value")).toArray())
        m_apps.append(TeamsApp::fromJson(value.toObject()));
    if (!m_apps.isEmpty()) {
        finishOk();
        return;
    }
    if (m_by == By::ExternalId) {
        // A Store app has no externalId: its catalog id is the manifest id.
        get(urls::catalogById(m_value), &AppLookup::onStoreAnswer);
        return;
    }
    if (m_by == By::Name) {
        listOrganizationApps();
        return;
    }
    finishOk();
}

void AppLookup::onStoreAnswer(const QJsonObject &body)
{
    for (const QJsonValue &value : body.value(QLatin1String("value")).toArray()) {
        const TeamsApp app = TeamsApp::fromJson(value.toObject());
        if (app.distributionMethod.compare(QLatin1String("store"), Qt::CaseInsensitive) == 0)
            m_apps.append(app);
    }
    finishOk();
}

void AppLookup::onInstallationsAnswer(const QJsonObject &body)
{
    for (const QJsonValue &value : body.value(QLatin1String("value")).toArray()) {
        const TeamsApp app = TeamsApp::fromInstallationJson(value.toObject());
        const bool known = std::any_of(m_apps.cbegin(), m_apps.cend(),
                                       [&app](const TeamsApp &other) { return other.id == app.id; });
        if (app.isValid() && !known)
            m_apps.append(app);
    }
    finishOk();
}

void AppLookup::listOrganizationApps()
{
    graph::GraphPager *pager = m_client->pager(GraphRequest::get(urls::catalogOrganizationApps()));
    m_current = pager;
    connect(pager, &graph::GraphPager::page, this, [this](const QJsonArray &items) {
        for (const QJsonValue &value : items)
            m_names.append(value.toObject().value(QLatin1String("displayName")).toString());
    });
    connect(pager, &graph::Job::finished, this, [this, pager] {
        m_current = nullptr;
        if (!pager->succeeded()) {
            // Suggestions are a courtesy: "not found" stays the answer.
            qCWarning(lcInstall) << "could not list the org catalog for suggestions:"
                                 << pager->error().toString();
        }
        m_suggestions = closeMatches(m_value, m_names);
        finishOk();
    });
    pager->start();
}

QString AppLookup::notFoundMessage() const
{
    QString text;
    switch (m_by) {
    case By::ExternalId:
        text = tr("No app with the manifest (external) id '%1' is in the tenant app catalog. Microsoft Graph "
                  "can "
                  "only install apps published to the organization's catalog or the Teams Store.")
                   .arg(m_value);
        break;
    case By::Name:
        text = tr("No app named '%1' is in the tenant app catalog.").arg(m_value);
        if (!m_suggestions.isEmpty())
            text += QLatin1Char(' ') + tr("Close matches: %1.").arg(m_suggestions.join(QLatin1String(", ")));
        break;
    case By::Id:
        text = tr("No app with the catalog id '%1' is in the tenant app catalog.").arg(m_value);
        break;
    case By::UserInstallation:
        text = tr("The app with the manifest id '%1' is not installed for user '%2'.").arg(m_value, m_owner);
        break;
    case By::TeamInstallation:
        text = tr("The app with the manifest id '%1' is not installed in team '%2'.").arg(m_value, m_owner);
        break;
    }
    return text;
}

} // namespace herald::install
