#pragma once

#include "ActivityIndicator.h"
#include "Session.h"
#include "directory/Recipient.h"
#include "directory/RecipientResolver.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

namespace herald {
class RecipientTableModel;
}
namespace herald::directory {
class RecipientResolver;
struct RecipientSource;
} // namespace herald::directory

namespace herald::ui {

class ActivityIndicator;
class ChipBar;
class Session;

// Puts chosen recipients into the table, one chip per source: a picked
// user or team directly, a group (nested members), a CSV file or every user
// through the directory's RecipientResolver (the same one herald-cli's
// --group/--users/--all-users use), streamed in chunks so 100,000 users
// never freeze the window. A recipient already in the table is not added
// twice. Removing a chip removes the rows only that source brought.
class RecipientLoader : public QObject
{
    Q_OBJECT

signals:
    void busyChanged(bool busy);
    // A problem that is not a recipient (a bad CSV line, a lost connection).
    void problem(const QString &message);
    void sourceFinished(int chipId, qint64 added);

public:
    RecipientLoader(Session *session, RecipientTableModel *model, ChipBar *chips, QObject *parent = nullptr);
    ~RecipientLoader() override;

    void setActivityIndicator(ActivityIndicator *activity) { m_activity = activity; }

    // Returns the chip id.
    int addRecipients(const QString &label, const RecipientList &recipients);
    int addSource(const QString &label, const directory::RecipientSource &source);
    void removeSource(int chipId);
    void clear();

    bool isBusy() const { return !m_resolvers.isEmpty(); }
    int sourceCount() const { return int(m_sources.size()); }
    QStringList problems() const { return m_problems; }

private:
    struct Source
    {
        QString label;
        QSet<QString> keys; // object id, or "?" + input for recipients not found
        qint64 added = 0;
        bool resolving = false;
    };

    static QString keyOf(const Recipient &recipient);
    void append(int chipId, const RecipientList &recipients);
    void refreshChip(int chipId);
    void finishResolver(int chipId);

    QPointer<Session> m_session;
    RecipientTableModel *m_model;
    ChipBar *m_chips;
    QPointer<ActivityIndicator> m_activity;
    QHash<int, Source> m_sources;
    QHash<int, QPointer<directory::RecipientResolver>> m_resolvers;
    QHash<int, int> m_tickets;
    QStringList m_problems;
    int m_nextId = 1;
};

} // namespace herald::ui
