#include "bot/TenantId.h"

#include "auth/TokenClaims.h"
#include "auth/TokenProvider.h"
#include "bot/BotLogging.h"
#include "directory/IdentifierShape.h"
#include "graph/JobAbort.h"

namespace herald::bot {

using graph::GraphError;

TenantIdJob::TenantIdJob(const QString &configured, auth::TokenProvider *graphTokens, QObject *parent)
    : graph::Job(parent)
    , m_configured(configured.trimmed())
    , m_tokens(graphTokens)
{
}

TenantIdJob::~TenantIdJob()
{
    if (!isFinished())
        doAbort();
}

void TenantIdJob::doStart()
{
    if (isObjectId(m_configured)) {
        m_tenantId = m_configured.toLower();
        finishOk();
        return;
    }
    if (!m_tokens) {
        finishWithError(GraphError::make(
            GraphError::Kind::Config,
            tr("The Bot Connector needs the tenant id (a GUID), and '%1' is not one; Herald reads it from a "
               "Graph token, which this run does not have. Give --tenant as the tenant id (Entra admin "
               "center > Overview > Tenant ID).")
                .arg(m_configured)));
        return;
    }
    m_tokenJob = m_tokens->requestToken();
    connect(m_tokenJob, &graph::Job::finished, this, &TenantIdJob::onToken);
    m_tokenJob->start();
}

void TenantIdJob::onToken()
{
    auth::TokenJob *job = m_tokenJob;
    m_tokenJob = nullptr;
    if (!job || !job->succeeded()) {
        GraphError error
            = job ? job->error() : GraphError::make(GraphError::Kind::Auth, tr("No Graph token."));
        finishWithError(error);
        return;
    }
    const QString tid = auth::tenantIdOfToken(job->accessToken());
    if (!isObjectId(tid)) {
        finishWithError(GraphError::make(
            GraphError::Kind::Config,
            tr("The Graph token for '%1' names no tenant id (tid claim), which the Bot Connector needs. Give "
               "--tenant as the tenant id (Entra admin center > Overview > Tenant ID).")
                .arg(m_configured)));
        return;
    }
    m_tenantId = tid.toLower();
    qCDebug(lcBot) << "tenant" << m_configured << "is" << m_tenantId;
    finishOk();
}

void TenantIdJob::doAbort()
{
    graph::abortChild(m_tokenJob, this);
}

} // namespace herald::bot
