#include "directory/LookupFeed.h"

#include "directory/DirectoryQueries.h"
#include "directory/IdentifierShape.h"
#include "graph/BatchScheduler.h"
#include "graph/GraphClient.h"

#include <QJsonArray>

namespace herald::directory {

namespace {

// The address to try when a UPN lookup found nothing: the list's mail column,
// else the entry itself when it could be a mail address.
QString fallbackMail(const Recipient &recipient)
{
    if (recipient.kind != RecipientKind::User || recipient.inputKind != InputKind::UserPrincipalName)
        return {};
    if (!recipient.mail.isEmpty() && recipient.mail.compare(recipient.input, Qt::CaseInsensitive) != 0)
        return recipient.mail;
    return looksLikeMail(recipient.input) ? recipient.input : QString();
}

} // namespace

LookupFeed::LookupFeed(graph::GraphClient *client, RecipientList entries, QObject *parent)
    : ResolveFeed(parent)
    , m_client(client)
    , m_entries(std::move(entries))
{
}

LookupFeed::~LookupFeed()
{
    if (!isFinished())
        stopBatch();
}

void LookupFeed::doStart()
{
    if (m_entries.isEmpty()) {
        finishOk();
        return;
    }
    if (!m_client) {
        finishWithError(
            graph::GraphError::make(graph::GraphError::Kind::Cancelled, tr("The Graph client is gone.")));
        return;
    }
    m_batch = m_client->batch();
    m_batch->setExpectedTotal(m_entries.size());
    // Input is pushed as the consumer asks (sendMore), so wantMore() is not
    // needed: the scheduler pumps on every append().
    connect(m_batch, &graph::BatchScheduler::resultReady, this, &LookupFeed::onResult);
    connect(m_batch, &graph::Job::finished, this, [this] {
        graph::BatchScheduler *batch = m_batch;
        m_batch = nullptr;
        // Input is closed only after the last answer, so an end here is a
        // fatal error of the scheduler (token, configuration, cancelled).
        if (!isFinished())
            finishWithError(batch->error());
    });
    m_batch->start();
    sendMore();
}

void LookupFeed::setWanted(int count)
{
    m_wanted = std::max(0, count);
    if (isStarted() && !isFinished())
        sendMore();
}

void LookupFeed::sendMore()
{
    while (m_batch && int(m_open.size()) < m_wanted && m_nextToSend < m_entries.size()) {
        const qint64 seq = m_nextToSend++;
        Slot slot;
        slot.recipient = std::move(m_entries[seq]);
        if (slot.recipient.kind == RecipientKind::Team) {
            slot.step = Step::Team;
        } else if (slot.recipient.inputKind == InputKind::Mail) {
            slot.step = Step::ByMail;
            slot.mail = slot.recipient.input;
        }
        send(seq, slot);
        m_open.emplace(seq, std::move(slot));
    }
}

void LookupFeed::send(qint64 seq, const Slot &slot)
{
    graph::BatchItem item;
    item.id = QString::number(seq);
    const Recipient &recipient = slot.recipient;
    switch (slot.step) {
    case Step::ByKey:
        item.url = query::userByKey(recipient.input);
        break;
    case Step::ByMail:
        item.url = query::userByMail(slot.mail);
        break;
    case Step::Team:
        item.url = query::teamById(recipient.input);
        break;
    }
    m_batch->append(item);
}

void LookupFeed::onResult(const graph::BatchResult &result)
{
    bool ok = false;
    const qint64 seq = result.id.toLongLong(&ok);
    const auto it = m_open.find(seq);
    if (!ok || it == m_open.end() || it->second.settled)
        return;
    Slot &slot = it->second;
    Recipient &recipient = slot.recipient;

    if (!result.ok()) {
        settleFailure(&slot, seq, result.error);
        return;
    }
    const QJsonObject body = result.body.toObject();
    switch (slot.step) {
    case Step::ByKey:
        query::applyUser(body, &recipient);
        break;
    case Step::Team:
        query::applyTeam(body, &recipient);
        break;
    case Step::ByMail: {
        const QJsonArray users = body.value(QLatin1StringView("value")).toArray();
        if (users.size() == 1) {
            query::applyUser(users.first().toObject(), &recipient);
        } else if (users.isEmpty()) {
            recipient.installState = InstallState::NotFound;
            recipient.detail = notFound(recipient);
        } else {
            // Mail addresses are unique in a tenant; if not, guessing would
            // message the wrong person.
            recipient.installState = InstallState::Error;
            recipient.detail = tr("mail '%1' belongs to %2 users").arg(slot.mail).arg(users.size());
        }
        break;
    }
    }
    slot.settled = true;
    deliverInOrder();
}

void LookupFeed::settleFailure(Slot *slot, qint64 seq, const graph::GraphError &error)
{
    if (isFatal(error)) {
        stopBatch();
        finishWithError(error);
        return;
    }
    Recipient &recipient = slot->recipient;
    if (error.httpStatus == 404) {
        const QString mail = slot->step == Step::ByKey ? fallbackMail(recipient) : QString();
        if (!mail.isEmpty()) {
            slot->mail = mail;
            slot->step = Step::ByMail;
            send(seq, *slot);
            return;
        }
        recipient.installState = InstallState::NotFound;
        recipient.detail = notFound(recipient);
    } else {
        recipient.installState = InstallState::Error;
        recipient.detail = error.toString();
    }
    slot->settled = true;
    deliverInOrder();
}

void LookupFeed::deliverInOrder()
{
    RecipientList out;
    while (!m_open.empty() && m_open.begin()->first == m_nextToDeliver && m_open.begin()->second.settled) {
        out.append(std::move(m_open.begin()->second.recipient));
        m_open.erase(m_open.begin());
        ++m_nextToDeliver;
    }
    if (out.isEmpty())
        return;
    m_wanted = std::max(0, m_wanted - int(out.size()));
    const bool last = m_open.empty() && m_nextToSend == m_entries.size();
    emit delivered(out);
    if (isFinished())
        return; // aborted from a handler
    if (last) {
        // Every answer is in: let the scheduler end on its own.
        if (m_batch) {
            disconnect(m_batch, nullptr, this, nullptr);
            m_batch->closeInput();
            m_batch = nullptr;
        }
        m_entries.clear();
        finishOk();
    }
}

QString LookupFeed::notFound(const Recipient &recipient) const
{
    return recipient.kind == RecipientKind::Team ? tr("no team '%1' in this tenant").arg(recipient.input)
                                                 : tr("no user '%1' in this tenant").arg(recipient.input);
}

void LookupFeed::stopBatch()
{
    if (!m_batch)
        return;
    graph::BatchScheduler *batch = m_batch;
    m_batch = nullptr;
    disconnect(batch, nullptr, this, nullptr);
    batch->abort();
}

void LookupFeed::doAbort()
{
    stopBatch();
    m_open.clear();
}

} // namespace herald::directory
