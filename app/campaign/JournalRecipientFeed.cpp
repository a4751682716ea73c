#include "campaign/JournalRecipientFeed.h"

#include "campaign/CampaignLogging.h"
#include "campaign/CampaignStore.h"
#include "directory/RecipientListReader.h"
#include "graph/GraphClient.h"
#include "install/ResolverRecipientFeed.h"

#include <QFileInfo>
#include <QJsonArray>

namespace herald::campaign {

namespace {

QStringList fromArray(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &v : value.toArray())
        list << v.toString();
    return list;
}

QString absolute(const QString &path)
{
    return path.isEmpty() ? path : QFileInfo(path).absoluteFilePath();
}

void readList(const QString &path, RecipientKind kind, JournalInputs *into, QStringList *problems)
{
    RecipientListReader reader;
    reader.setKind(kind);
    const RecipientListResult result = reader.readFile(path);
    for (const LineProblem &problem : result.problems)
        problems->append(QStringLiteral("%1: %2").arg(path, problem.toString()));
    for (const Recipient &r : result.recipients)
        into->append(JournalInput::from(r));
}

void takeValues(const QStringList &values, RecipientKind kind, JournalInputs *into)
{
    for (const QString &value : values) {
        if (value.trimmed().isEmpty())
            continue;
        JournalInput in;
        in.kind = kind;
        in.input = value.trimmed();
        into->append(in);
    }
}

} // namespace

QJsonObject sourceToJson(const directory::RecipientSource &source)
{
    return QJsonObject{{QStringLiteral("users"), QJsonArray::fromStringList(source.users)},
                       {QStringLiteral("usersFile"), absolute(source.usersFile)},
                       {QStringLiteral("groups"), QJsonArray::fromStringList(source.groups)},
                       {QStringLiteral("allUsers"), source.allUsers},
                       {QStringLiteral("teams"), QJsonArray::fromStringList(source.teams)},
                       {QStringLiteral("teamsFile"), absolute(source.teamsFile)}};
}

directory::RecipientSource sourceFromJson(const QJsonObject &json)
{
    directory::RecipientSource source;
    source.users = fromArray(json.value(QStringLiteral("users")));
    source.usersFile = json.value(QStringLiteral("usersFile")).toString();
    source.groups = fromArray(json.value(QStringLiteral("groups")));
    source.allUsers = json.value(QStringLiteral("allUsers")).toBool();
    source.teams = fromArray(json.value(QStringLiteral("teams")));
    source.teamsFile = json.value(QStringLiteral("teamsFile")).toString();
    return source;
}

JournalInputs readInputs(const directory::RecipientSource &source, QStringList *problems)
{
    JournalInputs inputs;
    if (!source.usersFile.isEmpty())
        readList(source.usersFile, RecipientKind::User, &inputs, problems);
    takeValues(source.users, RecipientKind::User, &inputs);
    if (!source.teamsFile.isEmpty())
        readList(source.teamsFile, RecipientKind::Team, &inputs, problems);
    takeValues(source.teams, RecipientKind::Team, &inputs);
    return inputs;
}

directory::RecipientSource directoryPart(const directory::RecipientSource &source)
{
    directory::RecipientSource part;
    part.groups = source.groups;
    part.allUsers = source.allUsers;
    part.usersFile = absolute(source.usersFile);
    part.teamsFile = absolute(source.teamsFile);
    return part;
}

bool JournalRecipientFeed::planFor(CampaignStore &store, const CampaignInfo &info, Plan *plan,
                                   QStringList *notes)
{
    *plan = Plan();
    const QJsonObject &options = info.spec.options;
    const directory::RecipientSource given = sourceFromJson(options.value(source::kSource).toObject());
    const bool resumed = info.run > 0 || info.total() > 0;
    bool ok = true;
    const QSet<QString> journaled = resumed ? store.journaledInputs(info.id, &ok) : QSet<QString>();
    if (!ok)
        return false;
    plan->lookups.groups = given.groups;
    plan->lookups.allUsers = given.allUsers;

    if (options.contains(source::kInputs)) {
        // The list as journaled when the campaign was created; the files named
        // in `source` are never read again.
        ok = store.forEachInput(info.id, [plan, &journaled](const JournalInput &in) {
            if (journaled.contains(in.input.toLower())) {
                ++plan->skipped;
                return;
            }
            if (!in.userId.isEmpty()) {
                plan->resolved.append(in.toRecipient());
                return;
            }
            (in.kind == RecipientKind::Team ? plan->lookups.teams : plan->lookups.users).append(in.input);
            if (!in.extra.isEmpty())
                plan->extras.insert(in.input.toLower(), in.extra);
        });
        if (!ok)
            return false;
    } else {
        // A campaign journaled by an older Herald: its --user/--team values
        // (and the GUI's ids) are in the options; a --users/--teams FILE was
        // only named. Reading that file now could message people who were
        // not in it at the start, and miss ones who were: it is not read.
        // The rows journaled so far are sent; the admin is told who is not.
        for (const QString &value : given.users) {
            if (!journaled.contains(value.trimmed().toLower()))
                plan->lookups.users.append(value);
        }
        for (const QString &value : given.teams) {
            if (!journaled.contains(value.trimmed().toLower()))
                plan->lookups.teams.append(value);
        }
        for (const QString &file : {given.usersFile, given.teamsFile}) {
            if (!file.isEmpty())
                notes->append(
                    tr("Campaign '%1' was started by an older Herald that did not journal its recipient "
                       "list, "
                       "and it stopped before every row of %2 was journaled. The %n recipient(s) journaled "
                       "so "
                       "far are sent; %2 is NOT read again (it may have changed since), so rows of it that "
                       "were never journaled get nothing. 'herald-cli report --campaign %1' lists who is "
                       "journaled; send the others a new campaign.",
                       nullptr, info.total())
                        .arg(info.spec.name, file));
        }
    }
    if (resumed && (given.allUsers || !given.groups.isEmpty()))
        notes->append(tr("Campaign '%1' stopped before every member of its %2 was journaled; they are listed "
                         "from the directory again and only those not journaled yet are added: people who "
                         "joined since the campaign started get it too, people who left do not. Nobody "
                         "journaled gets it twice.")
                          .arg(info.spec.name, given.allUsers ? tr("--all-users") : tr("--group")));
    qCDebug(lcCampaign) << "recipients from the journal:" << plan->resolved.size() << "resolved,"
                        << plan->lookups.users.size() + plan->lookups.teams.size() << "to look up,"
                        << plan->skipped << "already journaled";
    return true;
}

JournalRecipientFeed::JournalRecipientFeed(graph::GraphClient *client, Plan plan, QObject *parent)
    : RecipientFeed(parent)
    , m_client(client)
    , m_plan(std::move(plan))
{
}

JournalRecipientFeed::~JournalRecipientFeed()
{
    m_done = true;
    if (m_current)
        m_current->abort();
}

void JournalRecipientFeed::start()
{
    if (m_plan.resolved.isEmpty()) {
        startLookups();
        return;
    }
    m_resolvedCount = m_plan.resolved.size();
    auto *list = new install::ListRecipientFeed(std::move(m_plan.resolved), this);
    m_plan.resolved.clear();
    m_current = list;
    connect(list, &install::RecipientFeed::chunk, this, [this](const RecipientList &recipients) {
        m_asked = 0;
        emit chunk(recipients);
    });
    connect(list, &install::RecipientFeed::totalKnown, this, [this](qint64 total) {
        if (m_plan.lookups.isEmpty())
            emit totalKnown(total + m_plan.skipped);
    });
    connect(list, &install::RecipientFeed::finished, this, [this] { startLookups(); });
    list->start();
    if (m_asked > 0)
        list->fetchMore(m_asked);
}

void JournalRecipientFeed::startLookups()
{
    if (m_done || m_lookupsStarted)
        return;
    m_lookupsStarted = true;
    if (m_current)
        m_current->deleteLater();
    m_current = nullptr;
    if (m_plan.lookups.isEmpty() || !m_client) {
        // Without Graph the rest cannot be looked up: say so (the intake
        // stops and a resume carries on), never finish as if they were none.
        const graph::GraphError error = m_plan.lookups.isEmpty()
            ? graph::GraphError()
            : graph::GraphError::make(
                graph::GraphError::Kind::Config,
                tr("No Graph connection to look up the campaign's other recipients; sign "
                   "in and resume it."));
        m_done = true;
        QMetaObject::invokeMethod(
            this,
            [this, error] {
                emit totalKnown(m_plan.skipped + m_resolvedCount);
                emit finished(error);
            },
            Qt::QueuedConnection);
        return;
    }
    auto *resolver = new install::ResolverRecipientFeed(m_client, m_plan.lookups, this);
    m_plan.lookups = {}; // the resolver has them
    m_current = resolver;
    connect(resolver, &install::RecipientFeed::chunk, this, &JournalRecipientFeed::onLookups);
    connect(resolver, &install::RecipientFeed::problem, this, &RecipientFeed::problem);
    connect(resolver, &install::RecipientFeed::totalKnown, this, [this](qint64 total) {
        emit totalKnown(total < 0 ? -1 : total + m_plan.skipped + m_resolvedCount);
    });
    connect(resolver, &install::RecipientFeed::finished, this, [this](const graph::GraphError &error) {
        m_done = true;
        emit finished(error);
    });
    resolver->start();
    if (m_asked > 0)
        resolver->fetchMore(m_asked);
}

void JournalRecipientFeed::onLookups(const RecipientList &recipients)
{
    m_asked = 0;
    if (m_plan.extras.isEmpty()) {
        emit chunk(recipients);
        return;
    }
    RecipientList withColumns = recipients;
    for (Recipient &r : withColumns) {
        if (r.extra.isEmpty())
            r.extra = m_plan.extras.value(r.input.toLower());
    }
    emit chunk(withColumns);
}

void JournalRecipientFeed::fetchMore(int count)
{
    if (m_done)
        return;
    m_asked = std::max(m_asked, count);
    if (m_current)
        m_current->fetchMore(count);
}

void JournalRecipientFeed::abort()
{
    m_done = true;
    if (m_current)
        m_current->abort();
}

qint64 JournalRecipientFeed::rejected() const
{
    return m_current ? m_current->rejected() : 0;
}

} // namespace herald::campaign
