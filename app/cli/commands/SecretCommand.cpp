#include "cli/commands/SecretCommand.h"

#include "cli/CommandContext.h"
#include "config/SecretSource.h"
#include "secrets/SecretStore.h"

#include <QFile>
#include <QProcessEnvironment>
#include <QTextStream>
#include <cstdio>
#include <iostream>
#include <string>

#ifdef Q_OS_UNIX
#include <termios.h>
#include <unistd.h>
#endif

namespace herald::cli {

using config::SecretKind;
using secrets::SecretJob;
using secrets::SecretStore;

namespace {

const QString kKind = QStringLiteral("kind");

QString kindLabel(SecretKind kind)
{
    switch (kind) {
    case SecretKind::Client:
        return SecretCommand::tr("client secret");
    case SecretKind::Bot:
        return SecretCommand::tr("bot secret");
    case SecretKind::RefreshToken:
        return SecretCommand::tr("delegated sign-in (refresh token)");
    }
    return {};
}

// Keychain trouble is an authentication problem for CLI.md: exit 3.
ExitCode reportKeychainError(CommandContext &context, const graph::GraphError &error)
{
    context.error(error.hint.isEmpty() ? error.message : error.message + QLatin1Char(' ') + error.hint);
    return ExitCode::Auth;
}

std::function<QString(const CommandInput &)> kindValidator(bool allowRefresh)
{
    return [allowRefresh](const CommandInput &input) -> QString {
        if (!input.isSet(kKind))
            return SecretCommand::tr("--kind is required: client or bot");
        const auto kind = secrets::kindFromName(input.value(kKind));
        if (!kind || (*kind == SecretKind::RefreshToken && !allowRefresh))
            return allowRefresh
                ? SecretCommand::tr("unknown --kind '%1': use client, bot or refresh-token")
                      .arg(input.value(kKind))
                : SecretCommand::tr("unknown --kind '%1': use client or bot").arg(input.value(kKind));
        return {};
    };
}

} // namespace

SecretCommand::SecretCommand(Mode mode, QObject *parent)
    : Command(parent)
    , m_mode(mode)
{
}

SecretCommand::~SecretCommand()
{
    markFinished();
}

CommandSpec SecretCommand::setSpec()
{
    CommandSpec s;
    s.name = QStringLiteral("secret set");
    s.summary = tr("Store the client or bot secret of the profile in the OS keychain (read from stdin).");
    s.synopsis = QStringLiteral("--kind client|bot");
    s.description = tr("The secret is read from standard input, without echo on a terminal; it never goes on "
                       "the command line. It is stored under the profile (--profile) in the OS keychain "
                       "(Secret Service, macOS Keychain, Windows Credential Manager), never in a file.");
    s.options = {{kKind, tr("Which secret: client (the Graph app) or bot (the Bot Framework app)."),
                  QStringLiteral("KIND")}};
    s.examples = {QStringLiteral("secret set --kind client"),
                  QStringLiteral("--profile work secret set --kind bot < bot-secret.txt")};
    s.validate = kindValidator(false);
    return s;
}

CommandSpec SecretCommand::clearSpec()
{
    CommandSpec s;
    s.name = QStringLiteral("secret clear");
    s.summary = tr("Remove a secret of the profile from the OS keychain.");
    s.synopsis = QStringLiteral("--kind client|bot|refresh-token");
    s.options = {{kKind, tr("Which secret: client, bot or refresh-token (the delegated sign-in)."),
                  QStringLiteral("KIND")}};
    s.examples = {QStringLiteral("secret clear --kind client")};
    s.validate = kindValidator(true);
    return s;
}

CommandSpec SecretCommand::statusSpec()
{
    CommandSpec s;
    s.name = QStringLiteral("secret status");
    s.summary = tr("Say which secrets of the profile are stored (never prints them).");
    s.description = tr("One record per kind: whether the keychain holds it and whether the environment "
                       "variable that takes precedence is set.");
    s.examples
        = {QStringLiteral("secret status"), QStringLiteral("--profile work secret status --format json")};
    return s;
}

void SecretCommand::start(CommandContext &context)
{
    m_context = &context;
    m_store = new SecretStore(this);
    switch (m_mode) {
    case Mode::Set:
        startSet();
        break;
    case Mode::Clear:
        startClear();
        break;
    case Mode::Status:
        context.setFields(
            {QStringLiteral("kind"), QStringLiteral("keychain"), QStringLiteral("environment")});
        m_statusIndex = 0;
        statusNext();
        break;
    }
}

std::optional<QString> SecretCommand::readSecretFromStdin(const QString &prompt, QTextStream &err,
                                                          QString *error)
{
    std::string line;
#ifdef Q_OS_UNIX
    if (::isatty(STDIN_FILENO) == 1) {
        err << prompt;
        err.flush();
        termios saved{};
        const bool haveTerm = ::tcgetattr(STDIN_FILENO, &saved) == 0;
        if (haveTerm) {
            termios quiet = saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        }
        std::getline(std::cin, line);
        if (haveTerm)
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        err << '\n';
        err.flush();
    } else
#endif
    {
        Q_UNUSED(prompt);
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly)) {
            *error = tr("cannot read standard input");
            return std::nullopt;
        }
        line = in.readAll().toStdString();
    }
    QString secret = QString::fromStdString(line);
    if (secret.endsWith(QLatin1Char('\n')))
        secret.chop(1);
    if (secret.endsWith(QLatin1Char('\r')))
        secret.chop(1);
    if (secret.isEmpty()) {
        *error = tr("no secret on standard input: type it at the prompt, or pipe it in (e.g. "
                    "`herald-cli secret set --kind client < file`)");
        return std::nullopt;
    }
    if (secret.contains(QLatin1Char('\n')) || secret.contains(QLatin1Char('\r'))) {
        *error = tr("the secret on standard input has several lines: give only the secret's value");
        return std::nullopt;
    }
    return secret;
}

void SecretCommand::startSet()
{
    const SecretKind kind = *secrets::kindFromName(m_context->input().value(kKind));
    const QString profile = m_context->settings().profile;
    QString problem;
    QTextStream err(stderr);
    const auto secret = readSecretFromStdin(
        tr("%1 for profile '%2' (input hidden): ").arg(kindLabel(kind), profile), err, &problem);
    if (!secret) {
        m_context->error(problem);
        done(ExitCode::Usage);
        return;
    }
    SecretJob *job = m_store->write(profile, kind, *secret);
    connect(job, &graph::Job::finished, this, [this, job, kind, profile] {
        if (hasFinished())
            return;
        if (!job->succeeded()) {
            done(reportKeychainError(*m_context, job->error()));
            return;
        }
        m_context->note(tr("Stored the %1 for profile '%2' in the keychain.").arg(kindLabel(kind), profile));
        const QString variable = config::EnvironmentSecretSource::variableName(kind);
        if (!variable.isEmpty() && qEnvironmentVariableIsSet(variable.toLatin1().constData()))
            m_context->warn(
                tr("%1 is set in this environment and takes precedence over the keychain.").arg(variable));
        done(ExitCode::Success);
    });
    job->start();
}

void SecretCommand::startClear()
{
    const SecretKind kind = *secrets::kindFromName(m_context->input().value(kKind));
    const QString profile = m_context->settings().profile;
    SecretJob *job = m_store->remove(profile, kind);
    connect(job, &graph::Job::finished, this, [this, job, kind, profile] {
        if (hasFinished())
            return;
        if (!job->succeeded()) {
            done(reportKeychainError(*m_context, job->error()));
            return;
        }
        if (job->status() == SecretJob::Status::NotFound)
            m_context->note(tr("No %1 was stored for profile '%2'.").arg(kindLabel(kind), profile));
        else
            m_context->note(
                tr("Removed the %1 of profile '%2' from the keychain.").arg(kindLabel(kind), profile));
        done(ExitCode::Success);
    });
    job->start();
}

void SecretCommand::statusNext()
{
    static const SecretKind kinds[] = {SecretKind::Client, SecretKind::Bot, SecretKind::RefreshToken};
    if (m_statusIndex >= int(std::size(kinds))) {
        done(ExitCode::Success);
        return;
    }
    const SecretKind kind = kinds[m_statusIndex++];
    SecretJob *job = m_store->read(m_context->settings().profile, kind);
    connect(job, &graph::Job::finished, this, [this, job, kind] {
        if (hasFinished())
            return;
        if (!job->succeeded()) {
            done(reportKeychainError(*m_context, job->error()));
            return;
        }
        const QString variable = config::EnvironmentSecretSource::variableName(kind);
        QString environment = QStringLiteral("-");
        if (!variable.isEmpty())
            environment = (qEnvironmentVariableIsEmpty(variable.toLatin1().constData()) ? tr("%1 not set")
                                                                                        : tr("%1 set"))
                              .arg(variable);
        m_context->writeRecord(
            {secrets::kindName(kind), job->found() ? tr("stored") : tr("not stored"), environment});
        statusNext();
    });
    job->start();
}

void SecretCommand::cancel()
{
    done(ExitCode::Interrupted);
}

void SecretCommand::done(ExitCode code)
{
    finishOnce(code);
}

} // namespace herald::cli
