// herald-cli entry point: wires stdio, signals and the demo simulator into a
// CliRunner and runs the event loop until the command has finished.

#include "cli/CliRunner.h"
#include "cli/CommandRegistry.h"
#include "cli/Commands.h"
#include "cli/SignalNotifier.h"
#include "cli/SimDemoEnvironment.h"
#include "cli/commands/AuthSetup.h"
#include "core/ProcessHardening.h"
#include "core/Translations.h"
#include "secrets/SecretStore.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>
#include <cstdio>
#include <unistd.h>

int main(int argc, char *argv[])
{
    // Secrets and tokens live in this process: no core dumps of it.
    herald::hardenProcessAgainstCrashDumps();
    // Nobody may be there to answer a keychain unlock prompt: fail after
    // HERALD_KEYCHAIN_TIMEOUT seconds instead of hanging.
    herald::secrets::SecretStore::setBoundedWaits(true);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("herald-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Herald"));
    // Messages in the user's language (LANGUAGE, LC_ALL, LANG); English when there is no translation.
    herald::installTranslations();

    // Unbuffered devices: the text streams decide when to flush (per record,
    // per progress redraw), so nothing lingers in a second buffer.
    QFile stdoutFile;
    QFile stderrFile;
    stdoutFile.open(STDOUT_FILENO, QIODevice::WriteOnly | QIODevice::Unbuffered);
    stderrFile.open(STDERR_FILENO, QIODevice::WriteOnly | QIODevice::Unbuffered);
    QTextStream out(&stdoutFile);
    QTextStream err(&stderrFile);

    herald::cli::CliIo io;
    io.out = &out;
    io.err = &err;
    io.outIsTerminal = ::isatty(STDOUT_FILENO) == 1;
    io.errIsTerminal = ::isatty(STDERR_FILENO) == 1;

    herald::cli::CommandRegistry registry;
    herald::cli::registerCommands(registry);

    herald::cli::CliRunner runner(registry, io);
    // Saved profiles, and secrets from the environment then the keychain.
    herald::cli::useStoredProfilesAndKeychain(runner);
    runner.setDemoEnvironmentFactory([] {
        return std::make_unique<herald::cli::SimDemoEnvironment>(herald::cli::SimDemoEnvironment::defaults());
    });
    // A rotated refresh token may still be on its way into the keychain.
    QObject::connect(&runner, &herald::cli::CliRunner::finished, &app, [&app](int code) {
        herald::secrets::SecretStore::whenWritesDone(&app, [code] { QCoreApplication::exit(code); });
    });

    if (const auto immediate = runner.start(QCoreApplication::arguments()))
        return *immediate;

    // Only a command that runs needs the handlers; --help stays instant.
    herald::cli::SignalNotifier interrupts;
    runner.watch(&interrupts);
    return QCoreApplication::exec();
}
