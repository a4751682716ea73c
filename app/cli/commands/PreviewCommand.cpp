#include "cli/commands/PreviewCommand.h"

#include "cli/CommandContext.h"
#include "cli/commands/CommandErrors.h"
#include "cli/commands/GraphSession.h"
#include "directory/DirectoryQueries.h"
#include "directory/RecipientListReader.h"
#include "graph/GraphClient.h"
#include "graph/GraphRequestJob.h"
#include "message/ActivityBuilder.h"
#include "message/Validator.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace herald::cli {

using message::ActivityBuilder;
using message::RecipientData;
using message::ValidationIssue;
using message::ValidationIssues;

namespace {

const QString kMessage = QStringLiteral("message");
const QString kUser = QStringLiteral("user");
const QString kData = QStringLiteral("data");

bool sameKey(const QJsonValue &a, const QJsonValue &b)
{
    const QString x = a.toString();
    return !x.isEmpty() && x.compare(b.toString(), Qt::CaseInsensitive) == 0;
}

} // namespace

PreviewCommand::~PreviewCommand()
{
    markFinished();
    if (m_job) {
        disconnect(m_job, nullptr, this, nullptr);
        m_job->abort();
    }
}

CommandSpec PreviewCommand::spec()
{
    CommandSpec s;
    s.name = QStringLiteral("preview");
    s.summary = tr("Print the Bot Connector activity a recipient would get.");
    s.synopsis = QStringLiteral("--message FILE [--user UPN_OR_ID] [--data CSV]");
    s.description = tr(
        "FILE is markdown (.md, .txt) or JSON (.json): an Adaptive Card (schema 1.5 at most), an Adaptive "
        "Card template, or a full Activity. The activity is printed on stdout exactly as it would be sent "
        "(indented; --format json prints it on one line, byte for byte). --user looks the user up in the "
        "directory (displayName, givenName, mail, userPrincipalName, id) and adds their row of --data; "
        "--data alone binds its first row; with neither, fields stay unbound. Problems go to stderr; any "
        "error (invalid card, a field this recipient lacks, more than 40 KB) exits with 2.");
    s.options = {{kMessage, tr("The message file."), QStringLiteral("FILE")},
                 {kUser, tr("The recipient, looked up in the directory."), QStringLiteral("UPN_OR_ID")},
                 {kData, tr("Recipients CSV whose extra columns are template data."), QStringLiteral("CSV")}};
    s.examples = {
        QStringLiteral("preview --message notice.md"),
        QStringLiteral("preview --message card.json --data people.csv"),
        QStringLiteral("preview --message card.json --user ann@contoso.com --data people.csv --format json")};
    s.validate = [](const CommandInput &input) -> QString {
        if (input.value(kMessage).isEmpty())
            return tr("preview needs --message FILE");
        return {};
    };
    // The directory is asked only for --user: a message can be checked with no tenant at all.
    s.needsFor = [](const CommandInput &input) {
        return input.isSet(kUser) ? Needs(Need::GraphCredentials) : Needs();
    };
    return s;
}

void PreviewCommand::start(CommandContext &context)
{
    m_context = &context;
    const message::LoadResult loaded = message::MessageDocument::load(context.input().value(kMessage));
    if (!loaded.ok()) {
        reportIssues(loaded.issues);
        done(ExitCode::Usage);
        return;
    }
    m_document = loaded.document;
    if (!loadData()) {
        done(ExitCode::Usage);
        return;
    }
    m_user = context.input().value(kUser).trimmed();
    if (m_user.isEmpty()) {
        if (m_rows.isEmpty()) {
            emitPreview(RecipientData(), false);
        } else {
            if (m_rows.size() > 1)
                context.note(tr("preview for the first row of the CSV (%1); pick another with --user")
                                 .arg(m_rows.first().label()));
            emitPreview(m_rows.first(), true);
        }
        return;
    }
    graph::GraphError error;
    m_session = GraphSession::create(context, this, &error);
    if (!m_session) {
        done(reportError(context, error));
        return;
    }
    lookUpUser(false);
}

bool PreviewCommand::loadData()
{
    const QString path = m_context->input().value(kData);
    if (path.isEmpty())
        return true;
    const RecipientListResult list = RecipientListReader().readFile(path);
    for (const LineProblem &p : list.problems) {
        const QString text = QStringLiteral("%1: %2").arg(path, p.toString());
        if (p.isError() && p.line == 0) {
            m_context->error(text);
            return false;
        }
        m_context->warn(text);
    }
    if (list.recipients.isEmpty()) {
        m_context->error(
            tr("%1: no usable rows; it needs a header with id, userPrincipalName or mail").arg(path));
        return false;
    }
    for (const Recipient &r : list.recipients)
        m_rows.append(RecipientData::fromRecipient(r));
    return true;
}

void PreviewCommand::lookUpUser(bool byMail)
{
    namespace query = directory::query;
    const QString url = byMail ? query::userByMail(m_user) : query::userByKey(m_user);
    m_job = m_session->client()->send(graph::GraphRequest::get(url));
    connect(m_job, &graph::Job::finished, this, [this, byMail, job = m_job] {
        if (hasFinished() || !job)
            return;
        const graph::GraphError &error = job->error();
        if (error.isError()) {
            // A mail address that is not a UPN: ask by mail before giving up.
            if (error.httpStatus == 404 && !byMail && m_user.contains(u'@')) {
                lookUpUser(true);
                return;
            }
            if (error.httpStatus == 404 || error.httpStatus == 400) {
                m_context->error(
                    tr("no user %1 in the directory; give a UPN, mail or object id").arg(m_user));
                done(ExitCode::SomeFailed);
                return;
            }
            done(reportError(*m_context, error));
            return;
        }
        QJsonObject user = job->response().object();
        if (byMail) {
            const QJsonArray found = user.value(QStringLiteral("value")).toArray();
            if (found.isEmpty()) {
                m_context->error(
                    tr("no user %1 in the directory; give a UPN, mail or object id").arg(m_user));
                done(ExitCode::SomeFailed);
                return;
            }
            user = found.first().toObject();
        }
        onUserFound(user);
    });
    m_job->start();
}

std::optional<RecipientData> PreviewCommand::rowFor(const RecipientData &user) const
{
    const QStringList keys{QStringLiteral("id"), QStringLiteral("userPrincipalName"), QStringLiteral("mail")};
    for (const RecipientData &row : m_rows) {
        for (const QString &key : keys) {
            if (sameKey(row.value(key), user.value(key)))
                return row;
        }
    }
    return std::nullopt;
}

void PreviewCommand::onUserFound(const QJsonObject &user)
{
    RecipientData data = RecipientData::fromGraphUser(user);
    if (!m_rows.isEmpty()) {
        if (const std::optional<RecipientData> row = rowFor(data))
            data.merge(*row, RecipientData::Conflict::KeepMine); // the directory is fresher than a CSV
        else
            m_context->warn(tr("%1 is not in %2; only directory fields are bound")
                                .arg(data.label(), m_context->input().value(kData)));
    }
    emitPreview(data, true);
}

void PreviewCommand::emitPreview(const RecipientData &data, bool hasData)
{
    const ActivityBuilder builder(*m_document);
    const message::BoundMessage bound = builder.build(data);

    ValidationIssues issues = message::Validator::checkDocument(*m_document);
    for (ValidationIssue issue : bound.issues) {
        if (issue.category == ValidationIssue::Category::Syntax)
            continue; // already in the document's issues
        if (!hasData && issue.category == ValidationIssue::Category::MissingField)
            continue; // nobody to lack them: one warning below
        if (!hasData)
            issue.recipient.clear();
        issues.append(issue);
    }
    if (!hasData && !bound.missing.isEmpty()) {
        QStringList fields;
        for (const message::MissingField &m : bound.missing)
            fields.append(m.path);
        m_context->warn(tr("no recipient data (give --user or --data), so these stay unbound: %1")
                            .arg(fields.join(QStringLiteral(", "))));
    }
    reportIssues(issues);

    const bool oneLine = m_context->outputFormat() != OutputFormat::Table;
    const QByteArray text
        = oneLine ? bound.json + '\n' : QJsonDocument(bound.activity).toJson(QJsonDocument::Indented);
    m_context->writeText(QString::fromUtf8(text));
    m_context->note(tr("%1 bytes of %2 allowed; sha256 %3")
                        .arg(bound.size())
                        .arg(ActivityBuilder::kMaxPayloadBytes)
                        .arg(QString::fromLatin1(bound.hash)));
    done(message::hasErrors(issues) ? ExitCode::Usage : ExitCode::Success);
}

void PreviewCommand::reportIssues(const ValidationIssues &issues)
{
    const QString file = m_context->input().value(kMessage);
    for (const ValidationIssue &issue : issues) {
        // "notice.json: line 3, column 7: ..." like a compiler, so editors can jump there.
        const QString where = file + QStringLiteral(": ") + issue.toString();
        if (issue.isError())
            m_context->error(where);
        else
            m_context->warn(where);
    }
}

void PreviewCommand::cancel()
{
    if (m_job) {
        disconnect(m_job, nullptr, this, nullptr);
        m_job->abort();
    }
    done(ExitCode::Interrupted);
}

void PreviewCommand::done(ExitCode code)
{
    finishOnce(code);
}

} // namespace herald::cli
