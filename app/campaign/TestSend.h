#pragma once

// TestSend: one message, bound with one user's data, sent to that user only
// through the Bot Connector (create-conversation with the message). It is
// never journaled and belongs to no campaign: it is how an admin checks a
// message before sending it to everyone. Used by `herald-cli send --test-to`
// and the GUI's "Send test to me".
//
// The recipient (UPN or object id) is resolved through Graph first; the
// message is bound with the resolved directory fields, plus `extraFields`
// for the ones the directory does not have (CSV columns of a previewed
// recipient in the GUI).

#include "bot/BotConnectorClient.h"
#include "directory/Recipient.h"
#include "graph/GraphClient.h"
#include "graph/GraphError.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <memory>

namespace herald::install {
class RecipientFeed;
}

namespace herald::campaign {

class ActivitySource;

class TestSend : public QObject
{
    Q_OBJECT

public:
    enum class Outcome : quint8 {
        Sent,
        BlockedByUser,
        NotInstalled,
        Failed, // the Bot Connector refused; see detail
        Unconfirmed, // the answer was lost: it may have arrived
        NotFound, // the recipient does not resolve to a user
        BindFailed, // the message does not bind for this user; see detail
        Error, // Graph/Bot request error before any outcome; see error
    };

    struct Result
    {
        Outcome outcome = Outcome::Error;
        Recipient recipient; // as resolved (input only when not found)
        QString conversationId;
        QString detail; // why it was not sent, for people
        graph::GraphError error; // set for Error (and a Bot auth failure)
        bool sent() const { return outcome == Outcome::Sent; }
    };

signals:
    // Entries that could not be resolved, for people.
    void problem(const QString &message);
    // Once the recipient resolved, right before the message leaves.
    void sending(const herald::Recipient &recipient);
    // Exactly once per start().
    void finished(const herald::campaign::TestSend::Result &result);

public:
    TestSend(graph::GraphClient *graph, bot::BotConnectorClient *bot,
             std::shared_ptr<const ActivitySource> activities, const QString &who, QObject *parent = nullptr);
    ~TestSend() override;

    // Fields bound too where the directory has none (never override it).
    void setExtraFields(const QJsonObject &fields) { m_extra = fields; }

    void start();
    void abort();
    const Result &result() const { return m_result; }

    static QString toName(Outcome outcome); // "sent", "blocked_by_user", ...

private:
    void send(const Recipient &recipient);
    void finish(Outcome outcome, const QString &detail = {}, const graph::GraphError &error = {});

    QPointer<graph::GraphClient> m_graph;
    QPointer<bot::BotConnectorClient> m_bot;
    std::shared_ptr<const ActivitySource> m_activities;
    QString m_who;
    QJsonObject m_extra;
    QPointer<install::RecipientFeed> m_feed;
    QPointer<bot::BotSendJob> m_job;
    Result m_result;
    bool m_done = false;
};

} // namespace herald::campaign
