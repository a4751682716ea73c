#include "BenchTenant.h"

#include "graph/Job.h"
#include "graph/RateCategories.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <cstdio>

namespace herald::test {

namespace {

QString freshSecret()
{
    return QStringLiteral("bench-%1").arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0'));
}

QStringList simArgumentsFor(int users, double timeScale, const QStringList &extra)
{
    return QStringList{QStringLiteral("--users"),      QString::number(users),
                       QStringLiteral("--teams"),      QStringLiteral("2"),
                       QStringLiteral("--groups"),     QStringLiteral("1"),
                       QStringLiteral("--time-scale"), QString::number(timeScale)}
    + extra;
}

} // namespace

BenchTenant::BenchTenant(const char *name, int users, double timeScale, const QStringList &simArguments)
    : m_name(name)
    , m_timeScale(timeScale)
    , m_sim(simArgumentsFor(users, timeScale, simArguments), freshSecret())
{
    // The child's per-request log would fill its pipe.
    qputenv("QT_LOGGING_RULES", "herald.*.debug=false");
    graph::rate::defineGraphClasses(m_planner);
    m_planner.setTimeScale(timeScale);
}

BenchTenant::~BenchTenant()
{
    // The client and its token provider talk through m_network: gone first.
    m_graph.reset();
    m_tokens.reset();
}

bool BenchTenant::start()
{
    if (!m_sim.start(120000)) {
        std::fprintf(stderr, "%s: %s\n", m_name, qPrintable(m_sim.errorString()));
        return false;
    }
    QObject::connect(&m_sim.process(), &QProcess::readyReadStandardError, &m_sim.process(),
                     [this] { m_sim.process().readAllStandardError(); });
    const QJsonObject ready = m_sim.ready();
    auth::ClientCredentialsSettings settings;
    settings.loginBase = m_sim.baseUrl();
    settings.tenant = ready.value(QStringLiteral("tenantId")).toString();
    settings.clientId = ready.value(QStringLiteral("clientId")).toString();
    m_tokens = std::make_unique<auth::ClientSecretTokenProvider>(&m_network, settings, m_sim.secret());
    m_tokens->setTimeScale(m_timeScale);
    m_graph = std::make_unique<graph::GraphClient>(&m_network, m_sim.baseUrl(), m_tokens.get(), &m_planner);
    return true;
}

QJsonObject BenchTenant::stats()
{
    return simCall("GET", QStringLiteral("/_sim/stats"));
}

void BenchTenant::resetStats()
{
    simCall("POST", QStringLiteral("/_sim/reset-stats"));
}

QJsonObject BenchTenant::simCall(const QByteArray &method, const QString &path)
{
    QUrl url = m_sim.baseUrl();
    url.setPath(path);
    QNetworkReply *reply = m_network.sendCustomRequest(QNetworkRequest(url), method);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    return QJsonDocument::fromJson(reply->readAll()).object();
}

bool runToEnd(graph::Job *job)
{
    QEventLoop loop;
    job->setAutoDelete(false);
    QObject::connect(job, &graph::Job::finished, &loop, &QEventLoop::quit);
    job->start();
    if (!job->isFinished())
        loop.exec();
    return job->succeeded();
}

} // namespace herald::test
