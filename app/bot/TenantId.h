#pragma once

// TenantIdJob: the tenant id (a GUID) that Bot Connector payloads carry.
//
// Create-conversation (1:1 or channel) names the tenant in `tenantId` and
// `channelData.tenant.id`; the service expects the tenant's id there (Teams
// "Send proactive messages": "obtain the user's unique ID and tenant ID";
// Bot Framework ConversationParameters.tenantId: "the tenant ID in which the
// conversation should be created"). An admin may have typed a verified
// domain (contoso.onmicrosoft.com) as --tenant, which the identity platform
// accepts but the Bot Connector does not. The id comes from the `tid` claim
// of an app-only Graph token of that tenant (auth/TokenClaims.h) -- the
// token is needed for the run anyway, so this costs no extra request.
//
//   configured is a GUID         -> that GUID, at once (nothing to resolve)
//   else, with Graph tokens      -> `tid` of a Graph token
//   else                         -> a Config error saying to give the GUID

#include "graph/Job.h"

#include <QPointer>
#include <QString>

namespace herald::auth {
class TokenJob;
class TokenProvider;
} // namespace herald::auth

namespace herald::bot {

class TenantIdJob : public graph::Job
{
    Q_OBJECT

public:
    TenantIdJob(const QString &configured, auth::TokenProvider *graphTokens, QObject *parent = nullptr);
    ~TenantIdJob() override;

    // The tenant's GUID (lower case), after a successful finish.
    QString tenantId() const { return m_tenantId; }

private:
    void doStart() override;
    void doAbort() override;
    void onToken();

    QString m_configured;
    QPointer<auth::TokenProvider> m_tokens;
    QPointer<auth::TokenJob> m_tokenJob;
    QString m_tenantId;
};

} // namespace herald::bot
