#pragma once

// RecipientFeed: where a pipeline (StatusSweep, InstallRunner, ChatResolver)
// pulls its recipients from, a chunk at a time, so memory stays bounded by
// what is in flight. Two sources: the directory's RecipientResolver (the
// CLI's --user/--users/--group/--all-users/--team/--teams) and a ready list
// (the GUI's selection, tests).

#include "directory/Recipient.h"
#include "graph/GraphError.h"

#include <QObject>

namespace herald::install {

class RecipientFeed : public QObject
{
    Q_OBJECT

signals:
    void chunk(const herald::RecipientList &recipients);
    // Something that is not a recipient went wrong (a bad CSV line); the rest runs.
    void problem(const QString &message);
    void totalKnown(qint64 total);
    // Once, after the last chunk; an error means the input was cut short.
    void finished(const herald::graph::GraphError &error);

public:
    using QObject::QObject;

    virtual void start() = 0;
    // About `count` more recipients, answered with chunk() (now or later).
    virtual void fetchMore(int count) = 0;
    // Stops; emits nothing more.
    virtual void abort() = 0;
    // Entries given that could not be used at all (each told with problem()).
    virtual qint64 rejected() const { return 0; }
};

// Hands out a list in the chunks asked for, always from the event loop (as
// a resolver would).
class ListRecipientFeed : public RecipientFeed
{
    Q_OBJECT

public:
    explicit ListRecipientFeed(RecipientList recipients, QObject *parent = nullptr);

    void start() override;
    void fetchMore(int count) override;
    void abort() override;

private:
    void deliver();

    RecipientList m_recipients;
    qsizetype m_next = 0;
    int m_wanted = 0;
    bool m_started = false;
    bool m_scheduled = false;
    bool m_done = false;
};

} // namespace herald::install
