#include "cli/commands/CheckCommand.h"

#include "auth/Preflight.h"
#include "auth/TokenFactory.h"
#include "cli/CommandContext.h"
#include "cli/commands/CommandErrors.h"
#include "cli/commands/GraphSession.h"

namespace herald::cli {

using auth::PreflightCheck;

CheckCommand::~CheckCommand()
{
    markFinished();
    if (m_preflight)
        m_preflight->abort();
}

CommandSpec CheckCommand::spec()
{
    CommandSpec s;
    s.name = QStringLiteral("check");
    s.summary = tr("Preflight: token, granted permissions, app in the catalog, bot token; says what to fix.");
    s.synopsis = QStringLiteral("[--app ID]");
    s.description
        = tr("Each check is one record (check, state, detail, fix). A missing permission names what "
             "to grant in Entra and the tenant's admin-consent URL. Exit code 3 when a token, a "
             "permission or the bot credential is the problem.");
    s.groups = OptionGroup::App;
    s.needs = Need::GraphCredentials | Need::BotCredentials;
    s.states = {QStringLiteral("ok"), QStringLiteral("warning"), QStringLiteral("skipped"),
                QStringLiteral("missing"), QStringLiteral("failed")};
    s.examples = {QStringLiteral("check --app 6a1b2c3d-0000-4000-8000-000000000001"),
                  QStringLiteral("--profile work check --format json")};
    s.validate = [](const CommandInput &input) -> QString {
        if (!input.app.externalId.isEmpty())
            return tr("check takes the catalog id: --app ID (find it with `app find --external-id`)");
        return {};
    };
    return s;
}

void CheckCommand::start(CommandContext &context)
{
    m_context = &context;
    graph::GraphError error;
    m_session = GraphSession::create(context, this, &error);
    if (!m_session) {
        done(reportError(context, error));
        return;
    }
    auth::TokenFactoryOptions options;
    options.requestLog = context.requestLog();
    graph::GraphError botError;
    std::unique_ptr<auth::TokenProvider> bot = auth::makeBotTokenProvider(
        &context.network(), context.settings(), context.credentials(), &botError, options);
    if (bot) {
        bot->setParent(this);
        m_bot = bot.release();
    }
    m_preflight = new auth::Preflight(m_session->client(), m_session->tokens(), m_bot, context.settings(),
                                      context.input().app.teamsAppId, this);
    connect(m_preflight, &graph::Job::finished, this, &CheckCommand::onFinished);
    m_preflight->start();
}

void CheckCommand::onFinished()
{
    auth::Preflight *preflight = m_preflight;
    if (!preflight || hasFinished())
        return;
    if (!preflight->succeeded()) {
        done(reportError(*m_context, preflight->error()));
        return;
    }
    m_context->setFields(
        {QStringLiteral("check"), QStringLiteral("state"), QStringLiteral("detail"), QStringLiteral("fix")});
    bool needsConsent = false;
    for (const PreflightCheck &check : preflight->checks()) {
        m_context->writeRecord({check.id, PreflightCheck::stateName(check.state), check.detail, check.fix});
        needsConsent = needsConsent || check.needsConsent();
    }
    if (needsConsent)
        m_context->note(tr("Admin consent for this tenant: %1").arg(preflight->adminConsentUrl().toString()));
    if (preflight->hasAuthProblem())
        done(ExitCode::Auth);
    else
        done(preflight->hasProblem() ? ExitCode::SomeFailed : ExitCode::Success);
}

void CheckCommand::cancel()
{
    if (m_preflight) {
        disconnect(m_preflight, nullptr, this, nullptr);
        m_preflight->abort();
    }
    done(ExitCode::Interrupted);
}

void CheckCommand::done(ExitCode code)
{
    finishOnce(code);
}

} // namespace herald::cli
