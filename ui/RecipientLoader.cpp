#include "RecipientLoader.h"

#include "ActivityIndicator.h"
#include "ChipBar.h"
#include "RecipientTableModel.h"
#include "Session.h"
#include "directory/RecipientResolver.h"

#include <QLocale>

namespace herald::ui {

namespace {
// Recipients asked for per chunk: big enough to keep Graph's pages full,
// small enough that one append never takes long.
constexpr int kChunk = 2000;
} // namespace

RecipientLoader::RecipientLoader(Session *session, RecipientTableModel *model, ChipBar *chips,
                                 QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_model(model)
    , m_chips(chips)
{
    connect(chips, &ChipBar::removeRequested, this, &RecipientLoader::removeSource);
}

RecipientLoader::~RecipientLoader()
{
    for (const auto &resolver : std::as_const(m_resolvers)) {
        if (resolver)
            resolver->abort();
    }
}

QString RecipientLoader::keyOf(const Recipient &recipient)
{
    return recipient.id.isEmpty() ? QLatin1Char('?') + recipient.input : recipient.id.toLower();
}

int RecipientLoader::addRecipients(const QString &label, const RecipientList &recipients)
{
    const int chipId = m_nextId++;
    m_sources.insert(chipId, Source{label, {}, 0, false});
    m_chips->addChip(chipId, label);
    append(chipId, recipients);
    refreshChip(chipId);
    emit sourceFinished(chipId, m_sources.value(chipId).added);
    return chipId;
}

int RecipientLoader::addSource(const QString &label, const directory::RecipientSource &source)
{
    const int chipId = m_nextId++;
    m_sources.insert(chipId, Source{label, {}, 0, true});
    m_chips->addChip(chipId, label);
    refreshChip(chipId);
    if (!m_session || !m_session->isReady()) {
        m_problems.append(tr("%1: not signed in.").arg(label));
        emit problem(m_problems.constLast());
        finishResolver(chipId);
        return chipId;
    }
    auto *resolver = new directory::RecipientResolver(m_session->graph(), source, this);
    m_resolvers.insert(chipId, resolver);
    if (m_activity)
        m_tickets.insert(chipId, m_activity->begin(tr("Adding %1…").arg(label)));
    connect(resolver, &directory::RecipientResolver::resolved, this,
            [this, chipId, resolver](const RecipientList &chunk) {
                append(chipId, chunk);
                refreshChip(chipId);
                if (resolver->buffered() == 0)
                    resolver->fetchMore(kChunk);
            });
    connect(resolver, &directory::RecipientResolver::problem, this, [this, label](const QString &message) {
        m_problems.append(tr("%1: %2").arg(label, message));
        emit problem(m_problems.constLast());
    });
    connect(resolver, &graph::Job::finished, this, [this, chipId, resolver, label] {
        if (resolver->error().isError() && resolver->error().kind != graph::GraphError::Kind::Cancelled) {
            m_problems.append(tr("%1 was cut short: %2").arg(label, resolver->error().toString()));
            emit problem(m_problems.constLast());
        }
        finishResolver(chipId);
    });
    const bool wasBusy = isBusy();
    resolver->fetchMore(kChunk);
    resolver->start();
    if (!wasBusy)
        emit busyChanged(true);
    return chipId;
}

void RecipientLoader::finishResolver(int chipId)
{
    m_resolvers.remove(chipId);
    if (m_activity && m_tickets.contains(chipId))
        m_activity->end(m_tickets.take(chipId));
    auto it = m_sources.find(chipId);
    if (it != m_sources.end()) {
        it->resolving = false;
        refreshChip(chipId);
        emit sourceFinished(chipId, it->added);
    }
    if (!isBusy())
        emit busyChanged(false);
}

void RecipientLoader::append(int chipId, const RecipientList &recipients)
{
    auto it = m_sources.find(chipId);
    if (it == m_sources.end())
        return;
    RecipientList fresh;
    fresh.reserve(recipients.size());
    for (const Recipient &recipient : recipients) {
        const QString key = keyOf(recipient);
        it->keys.insert(key);
        ++it->added;
        const int existing = recipient.id.isEmpty() ? -1 : m_model->rowForId(recipient.id);
        if (existing >= 0) {
            // Already in the table through another source; a CSV still brings its columns.
            if (!recipient.extra.isEmpty())
                m_model->setExtra(existing, recipient.extra);
            continue;
        }
        fresh.append(recipient);
    }
    m_model->appendRecipients(fresh);
}

void RecipientLoader::refreshChip(int chipId)
{
    const Source source = m_sources.value(chipId);
    QString text = source.label;
    if (source.added > 1 || source.resolving)
        text += QStringLiteral(" · ") + QLocale().toString(source.added);
    if (source.resolving)
        text += QStringLiteral("…");
    m_chips->setChipText(chipId, text);
}

void RecipientLoader::removeSource(int chipId)
{
    if (auto resolver = m_resolvers.value(chipId))
        resolver->abort();
    if (m_resolvers.contains(chipId))
        finishResolver(chipId);
    const Source removed = m_sources.take(chipId);
    m_chips->removeChip(chipId);
    QSet<QString> keptByOthers;
    for (const Source &other : std::as_const(m_sources))
        keptByOthers.unite(other.keys);
    QList<int> rows;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row, 0);
        Recipient r;
        r.id = index.data(RecipientTableModel::ObjectIdRole).toString();
        r.input = index.data(RecipientTableModel::InputRole).toString();
        const QString key = keyOf(r);
        if (removed.keys.contains(key) && !keptByOthers.contains(key))
            rows.append(row);
    }
    m_model->removeRecipients(rows);
}

void RecipientLoader::clear()
{
    for (int chipId : m_sources.keys())
        removeSource(chipId);
    m_problems.clear();
}

} // namespace herald::ui
