#include "SimFixture.h"

#include <QUrlQuery>

namespace herald::test {

sim::SimOptions SimFixture::defaultOptions()
{
    sim::SimOptions options;
    options.users = 200;
    options.teams = 6;
    options.groups = 6;
    options.seed = 7;
    // A fixed test secret; never a real credential.
    options.clientSecret = QStringLiteral("test-secret~value.0123456789abcdefghij");
    return options;
}

SimFixture::SimFixture(const sim::SimOptions &options)
    : m_server(std::make_unique<sim::SimServer>(options))
{
}

SimFixture::~SimFixture() = default;

bool SimFixture::start()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

QString SimFixture::errorString() const
{
    return m_server->errorString();
}

QUrl SimFixture::url(const QString &prefix, const QString &pathAndQuery) const
{
    // Tests write OData queries readably ($filter=startswith(displayName,'a'));
    // QUrl's tolerant parser percent-encodes what must be encoded.
    return QUrl(baseUrl().toString() + prefix + pathAndQuery, QUrl::TolerantMode);
}

QUrl SimFixture::graph(const QString &pathAndQuery) const
{
    return url(QStringLiteral("/v1.0"), pathAndQuery);
}

QUrl SimFixture::tokenUrl(const QString &tenant) const
{
    return url(QStringLiteral("/") + (tenant.isEmpty() ? tenantId() : tenant),
               QStringLiteral("/oauth2/v2.0/token"));
}

QUrl SimFixture::bot(const QString &pathAndQuery) const
{
    return url(QStringLiteral("/bot"), pathAndQuery);
}

QUrl SimFixture::simUrl(const QString &pathAndQuery) const
{
    return url(QStringLiteral("/_sim"), pathAndQuery);
}

static QByteArray fetchToken(HttpProbe &probe, const QUrl &url, const QString &clientId,
                             const QString &secret, const QString &scope)
{
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
    form.addQueryItem(QStringLiteral("client_id"), clientId);
    form.addQueryItem(QStringLiteral("client_secret"), secret);
    form.addQueryItem(QStringLiteral("scope"), scope);
    const ProbeReply reply = probe.postForm(url, form);
    return reply.status == 200 ? reply.json().value(QStringLiteral("access_token")).toString().toLatin1()
                               : QByteArray();
}

QByteArray SimFixture::graphToken()
{
    return fetchToken(m_probe, tokenUrl(), clientId(), secret(),
                      QStringLiteral("https://graph.microsoft.com/.default"));
}

QByteArray SimFixture::botToken(const QString &authority)
{
    return fetchToken(m_probe, tokenUrl(authority), clientId(), secret(),
                      QStringLiteral("https://api.botframework.com/.default"));
}

QJsonObject SimFixture::statsOverHttp()
{
    HttpProbe probe(m_probe.manager());
    return probe.get(simUrl(QStringLiteral("/stats"))).json();
}

} // namespace herald::test
