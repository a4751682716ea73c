#include "CliTestSupport.h"
#include "cli/GlobalOptions.h"
#include "cli/HelpText.h"
#include "core/Version.h"

#include <QTest>

using namespace herald::cli;

class TestHelpText : public QObject
{
    Q_OBJECT

private slots:
    void generalListsEveryGlobalOption();
    void generalListsCommands();
    void generalWithoutCommands();
    void commandHelp();
    void linesFitTheWidth();
    void wrap();
};

void TestHelpText::generalListsEveryGlobalOption()
{
    const QString text = HelpText::general(CommandRegistry());
    // CLI.md's table, one by one.
    for (const char *option :
         {"--profile NAME", "--tenant ID", "--client-id ID", "--bot-id ID", "--bot-tenant ID", "--cloud NAME",
          "--graph-url URL", "--login-url URL", "--bot-service-url URL", "--cert FILE", "--format FORMAT",
          "--data-dir DIR", "--concurrency N", "--quiet", "--verbose", "-h, --help", "--version", "--demo"})
        QVERIFY2(text.contains(QLatin1String(option)), option);
    QVERIFY(!text.contains(QLatin1String("--time-scale"))); // hidden
    QVERIFY(text.contains(QLatin1String("Connection options:")));
    QVERIFY(text.contains(QLatin1String("Output options:")));
    QVERIFY(text.contains(QLatin1String("HERALD_CLIENT_SECRET")));
    QVERIFY(text.contains(QLatin1String("Exit codes:")));
    QVERIFY(text.startsWith(QStringLiteral("herald-cli %1").arg(herald::versionString())));
}

void TestHelpText::generalListsCommands()
{
    CommandRegistry registry;
    test::addInert(registry, test::probeSpec());
    test::addInert(registry, test::findSpec());
    const QString text = HelpText::general(registry);
    const int commands = int(text.indexOf(QLatin1String("Commands:")));
    QVERIFY(commands > 0);
    const int probe = int(text.indexOf(QLatin1String("\n  probe ")));
    const int find = int(text.indexOf(QLatin1String("\n  app find ")));
    QVERIFY(probe > commands);
    QVERIFY(find > probe); // registration order
    QVERIFY(text.contains(QLatin1String("Per recipient install state (test double).")));
    QVERIFY(text.contains(QLatin1String("herald-cli probe --app 1234 --all-users"))); // its example
    QVERIFY(!text.contains(QLatin1String("(none in this build)")));
    // Command summaries and option descriptions start in the same column.
    const QStringList lines = text.split(QLatin1Char('\n'));
    auto column = [&lines](const QString &start, const QString &description) {
        for (const QString &line : lines) {
            if (line.startsWith(start))
                return int(line.indexOf(description));
        }
        return -1;
    };
    QCOMPARE(column(QStringLiteral("  probe"), QStringLiteral("Per recipient")),
             column(QStringLiteral("  --tenant ID"), QStringLiteral("Tenant id")));
    QCOMPARE(column(QStringLiteral("  --quiet"), QStringLiteral("No progress")),
             column(QStringLiteral("  --tenant ID"), QStringLiteral("Tenant id")));
}

void TestHelpText::generalWithoutCommands()
{
    QVERIFY(HelpText::general(CommandRegistry()).contains(QLatin1String("(none in this build)")));
}

void TestHelpText::commandHelp()
{
    const CommandSpec spec = test::probeSpec();
    const QString text = HelpText::command(spec);
    QVERIFY(text.startsWith(
        QLatin1String("Usage: herald-cli [GLOBAL OPTIONS] probe --app ID RECIPIENTS [--dry-run]\n")));
    QVERIFY(text.contains(QLatin1String("Looks at every recipient.\n\nSecond paragraph.")));
    QVERIFY(text.contains(QLatin1String("--dry-run")));
    QVERIFY(text.contains(QLatin1String("--limit N")));
    QVERIFY(text.contains(QLatin1String("App (one of, required):")));
    QVERIFY(text.contains(QLatin1String("--app TEAMS_APP_ID")));
    QVERIFY(text.contains(QLatin1String("--app-external-id ID")));
    QVERIFY(text.contains(QLatin1String("Recipients (any mix, at least one; deduplicated):")));
    for (const char *option :
         {"--user UPN_OR_ID", "--users FILE", "--group ID", "--all-users", "--team ID", "--teams FILE"})
        QVERIFY2(text.contains(QLatin1String(option)), option);
    QVERIFY(text.contains(QLatin1String("installed, not_installed")));
    QVERIFY(text.contains(QLatin1String("herald-cli probe --app 1234 --all-users")));
    QVERIFY(!text.contains(QLatin1String("--tenant ID"))); // globals live in the general help

    const QString find = HelpText::command(test::findSpec());
    QVERIFY(!find.contains(QLatin1String("Recipients")));
    QVERIFY(!find.contains(QLatin1String("--app ")));
    QVERIFY(find.contains(QLatin1String("--external-id ID")));
}

void TestHelpText::linesFitTheWidth()
{
    CommandRegistry registry;
    test::addInert(registry, test::probeSpec());
    for (const QString &text : {HelpText::general(registry), HelpText::command(test::probeSpec())}) {
        for (const QString &line : text.split(QLatin1Char('\n'))) {
            // Example command lines may be longer; prose and option rows wrap.
            if (!line.startsWith(QLatin1String("  herald-cli ")) && !line.startsWith(QLatin1String("Usage:")))
                QVERIFY2(line.size() <= HelpText::kWidth, qPrintable(line));
        }
    }
}

void TestHelpText::wrap()
{
    QCOMPARE(HelpText::wrap(QStringLiteral("aaa bbb ccc"), 9, 2), QStringLiteral("aaa bbb\n  ccc"));
    QCOMPARE(HelpText::wrap(QStringLiteral("one"), 80, 4), QStringLiteral("one"));
    QCOMPARE(HelpText::rows({{QStringLiteral("a"), QStringLiteral("first")},
                             {QStringLiteral("bbb"), QStringLiteral("second")}}),
             QStringLiteral("  a    first\n  bbb  second\n"));
}

QTEST_GUILESS_MAIN(TestHelpText)
#include "tst_helptext.moc"
