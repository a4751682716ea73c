#pragma once

#include "ActivityIndicator.h"
#include "Session.h"
#include "directory/Recipient.h"
#include "graph/GraphError.h"
#include "install/RecipientPipeline.h"

#include <QObject>
#include <QPointer>
#include <QSet>

class QAction;
class QWidget;

namespace herald {
class RecipientTableModel;
}
namespace herald::install {
class RecipientPipeline;
struct RecipientResult;
} // namespace herald::install

namespace herald::ui {

class ActivityIndicator;
class ProgressPanel;
class RecipientTableView;
class Session;

// The table's actions -- Check status, Install, Upgrade, Uninstall, Copy,
// Export CSV, Remove -- run through the same core services as herald-cli
// (install::StatusSweep, install::InstallRunner). Results stream into the
// table model as they arrive. The rows acted on are the selection, or every
// row the filter shows when nothing is selected.
//
// One operation at a time. An operation that fails (network down, auth)
// leaves the table as it is, says so once in the progress panel and offers
// Retry for the recipients it had not reached.
class InstallActions : public QObject
{
    Q_OBJECT

signals:
    void runningChanged(bool running);
    void finished(const herald::graph::GraphError &error);

public:
    enum class Operation { Status, Install, Upgrade, Uninstall };

    InstallActions(Session *session, RecipientTableView *table, ProgressPanel *panel, QWidget *dialogParent,
                   QObject *parent = nullptr);
    ~InstallActions() override;

    void setActivityIndicator(ActivityIndicator *activity) { m_activity = activity; }

    QAction *checkStatusAction() const { return m_status; }
    QAction *installAction() const { return m_install; }
    QAction *upgradeAction() const { return m_upgrade; }
    QAction *uninstallAction() const { return m_uninstall; }
    QAction *copyAction() const { return m_copy; }
    QAction *exportAction() const { return m_export; }
    QAction *removeAction() const { return m_remove; }
    QList<QAction *> tableActions() const; // with nullptr separators

    // Runs `operation` on these source rows (no confirmation).
    bool run(Operation operation, const QList<int> &rows);
    void cancel();
    void retry();
    bool isRunning() const { return m_pipeline; }

    // Copies the rows (tab-separated with a header) to the clipboard.
    void copyRows(const QList<int> &rows) const;
    // Writes the rows as CSV; false with *error.
    bool exportRows(const QList<int> &rows, const QString &path, QString *error) const;

private:
    void createActions();
    void updateEnabled();
    void trigger(Operation operation);
    void onResult(const install::RecipientResult &result);
    void onFinished();
    static QString titleFor(Operation operation);

    // Two $batch requests' worth of recipients without any answer.
    static constexpr int kTransportFailureLimit = 40;

    QPointer<Session> m_session;
    RecipientTableView *m_table;
    RecipientTableModel *m_model;
    ProgressPanel *m_panel;
    QWidget *m_dialogParent;
    QPointer<ActivityIndicator> m_activity;
    QPointer<install::RecipientPipeline> m_pipeline;
    Operation m_operation = Operation::Status;
    QSet<QString> m_pendingIds; // sent to the run, no answer yet
    QString m_transportError; // first "could not reach Graph" of this run
    int m_transportFailures = 0; // in a row, without an answer in between
    bool m_lostConnection = false;
    int m_activityTicket = 0;
    bool m_cancelled = false;

    QAction *m_status = nullptr;
    QAction *m_install = nullptr;
    QAction *m_upgrade = nullptr;
    QAction *m_uninstall = nullptr;
    QAction *m_copy = nullptr;
    QAction *m_export = nullptr;
    QAction *m_remove = nullptr;
};

} // namespace herald::ui
