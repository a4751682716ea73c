#include "config/SecretSource.h"

#include <QDebug>
#include <QTest>
#include <QTimer>

using namespace herald::config;

namespace {

const QString kClient = QStringLiteral("9f0c7a4e-2b1d-4c3e-8a5f-6d7e8f901234");
const QString kOtherBot = QStringLiteral("11111111-2222-3333-4444-555555555555");

ConnectionSettings settingsFor(const QString &botId = {}, const QString &cert = {})
{
    ConnectionSettings s;
    s.tenant = QStringLiteral("contoso.com");
    s.clientId = kClient;
    s.botId = botId;
    s.certFile = cert;
    return s;
}

QProcessEnvironment envWith(const QString &client, const QString &bot)
{
    QProcessEnvironment env;
    if (!client.isNull())
        env.insert(QStringLiteral("HERALD_CLIENT_SECRET"), client);
    if (!bot.isNull())
        env.insert(QStringLiteral("HERALD_BOT_SECRET"), bot);
    return env;
}

// Runs a resolution to completion (the environment source answers at once).
CredentialResolver::Result resolve(SecretSource &source, const ConnectionSettings &settings, bool graph,
                                   bool bot)
{
    CredentialResolver::Result out;
    int calls = 0;
    CredentialResolver::resolve(source, settings, {graph, bot}, [&](const CredentialResolver::Result &r) {
        out = r;
        ++calls;
    });
    if (calls != 1)
        qFatal("resolver called back %d times", calls);
    return out;
}

// Answers on the event loop, like a keychain backend.
class DeferredSource : public SecretSource
{
public:
    void lookup(SecretKind kind, const QString &, Callback done) override
    {
        ++lookups;
        QTimer::singleShot(0, [kind, done] {
            done(kind == SecretKind::Client ? std::optional<QString>(QStringLiteral("deferred-client"))
                                            : std::nullopt);
        });
    }
    int lookups = 0;
};

} // namespace

class TestSecretSource : public QObject
{
    Q_OBJECT

private slots:
    void environment();
    void resolver_data();
    void resolver();
    void missingMessageSaysHow();
    void chainOrder();
    void deferredSource();
    void debugOutputIsRedacted();
};

void TestSecretSource::environment()
{
    EnvironmentSecretSource source(envWith(QStringLiteral("c-secret"), QString()));
    std::optional<QString> got;
    source.lookup(SecretKind::Client, QStringLiteral("default"), [&](std::optional<QString> s) { got = s; });
    QCOMPARE(got.value_or(QString()), QStringLiteral("c-secret"));
    source.lookup(SecretKind::Bot, QStringLiteral("default"), [&](std::optional<QString> s) { got = s; });
    QVERIFY(!got);

    // An empty variable is no secret.
    EnvironmentSecretSource empty(envWith(QStringLiteral(""), QString()));
    got = QStringLiteral("x");
    empty.lookup(SecretKind::Client, QStringLiteral("default"), [&](std::optional<QString> s) { got = s; });
    QVERIFY(!got);
}

void TestSecretSource::resolver_data()
{
    QTest::addColumn<QString>("clientEnv");
    QTest::addColumn<QString>("botEnv");
    QTest::addColumn<QString>("botId");
    QTest::addColumn<QString>("cert");
    QTest::addColumn<bool>("graph");
    QTest::addColumn<bool>("bot");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("client");
    QTest::addColumn<QString>("botSecret");
    QTest::addColumn<QString>("missing"); // variable named in the error

    const QString none;
    QTest::newRow("nothing needed") << none << none << none << none << false << false << true << ""
                                    << ""
                                    << "";
    QTest::newRow("graph from env") << "cs" << none << none << none << true << false << true << "cs"
                                    << ""
                                    << "";
    QTest::newRow("graph missing") << none << none << none << none << true << false << false << ""
                                   << ""
                                   << "HERALD_CLIENT_SECRET";
    QTest::newRow("graph via cert") << none << none << none << "/x.pem" << true << false << true << ""
                                    << ""
                                    << "";
    QTest::newRow("bot same app falls back to client")
        << "cs" << none << none << none << true << true << true << "cs"
        << "cs"
        << "";
    QTest::newRow("bot same app explicit bot secret") << "cs"
                                                      << "bs" << none << none << true << true << true << "cs"
                                                      << "bs"
                                                      << "";
    QTest::newRow("bot only, same app") << "cs" << none << none << none << false << true << true << ""
                                        << "cs"
                                        << "";
    QTest::newRow("bot other app needs its own")
        << "cs" << none << kOtherBot << none << true << true << false << ""
        << ""
        << "HERALD_BOT_SECRET";
    QTest::newRow("bot other app") << "cs"
                                   << "bs" << kOtherBot << none << true << true << true << "cs"
                                   << "bs"
                                   << "";
    QTest::newRow("bot only, nothing") << none << none << none << none << false << true << false << ""
                                       << ""
                                       << "HERALD_CLIENT_SECRET";
    QTest::newRow("bot same app with cert") << none << none << none << "/x.pem" << true << true << true << ""
                                            << ""
                                            << "";
}

void TestSecretSource::resolver()
{
    QFETCH(QString, clientEnv);
    QFETCH(QString, botEnv);
    QFETCH(QString, botId);
    QFETCH(QString, cert);
    QFETCH(bool, graph);
    QFETCH(bool, bot);
    QFETCH(bool, ok);
    QFETCH(QString, client);
    QFETCH(QString, botSecret);
    QFETCH(QString, missing);

    EnvironmentSecretSource source(envWith(clientEnv, botEnv));
    const auto result = resolve(source, settingsFor(botId, cert), graph, bot);
    QCOMPARE(result.ok, ok);
    QCOMPARE(result.credentials.clientSecret, client);
    QCOMPARE(result.credentials.botSecret, botSecret);
    if (!ok)
        QVERIFY2(result.error.contains(missing), qPrintable(result.error));
    else
        QVERIFY(result.error.isEmpty());
}

void TestSecretSource::missingMessageSaysHow()
{
    const QString client
        = CredentialResolver::missingSecretMessage(SecretKind::Client, QStringLiteral("work"));
    QVERIFY(client.contains(QLatin1String("HERALD_CLIENT_SECRET")));
    QVERIFY(client.contains(QLatin1String("'work'")));
    QVERIFY(client.contains(QLatin1String("--cert")));
    const QString bot = CredentialResolver::missingSecretMessage(SecretKind::Bot, QStringLiteral("default"));
    QVERIFY(bot.contains(QLatin1String("HERALD_BOT_SECRET")));
}

void TestSecretSource::chainOrder()
{
    auto first = std::make_unique<MemorySecretSource>();
    first->set(SecretKind::Bot, QStringLiteral("from-memory"));
    SecretChain chain;
    chain.append(std::move(first));
    chain.append(std::make_unique<EnvironmentSecretSource>(
        envWith(QStringLiteral("from-env"), QStringLiteral("env-bot"))));
    std::optional<QString> got;
    chain.lookup(SecretKind::Bot, QStringLiteral("default"), [&](std::optional<QString> s) { got = s; });
    QCOMPARE(*got, QStringLiteral("from-memory"));
    chain.lookup(SecretKind::Client, QStringLiteral("default"), [&](std::optional<QString> s) { got = s; });
    QCOMPARE(*got, QStringLiteral("from-env"));

    SecretChain empty;
    got = QStringLiteral("x");
    empty.lookup(SecretKind::Client, QStringLiteral("default"), [&](std::optional<QString> s) { got = s; });
    QVERIFY(!got);
}

void TestSecretSource::deferredSource()
{
    DeferredSource source;
    std::optional<CredentialResolver::Result> result;
    CredentialResolver::resolve(source, settingsFor(), {true, true},
                                [&](const CredentialResolver::Result &r) { result = r; });
    QVERIFY(!result); // nothing until the event loop runs
    QTRY_VERIFY(result.has_value());
    QVERIFY(result->ok);
    QCOMPARE(result->credentials.clientSecret, QStringLiteral("deferred-client"));
    QCOMPARE(result->credentials.botSecret, QStringLiteral("deferred-client"));
}

void TestSecretSource::debugOutputIsRedacted()
{
    Credentials credentials{QStringLiteral("top-secret-1"), QStringLiteral("top-secret-2")};
    QString text;
    QDebug(&text) << credentials;
    QVERIFY(!text.contains(QLatin1String("top-secret")));
    QVERIFY(text.contains(QLatin1String("redacted")));
}

QTEST_GUILESS_MAIN(TestSecretSource)
#include "tst_secretsource.moc"
