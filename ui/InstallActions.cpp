#include "InstallActions.h"

#include "ActivityIndicator.h"
#include "ProgressPanel.h"
#include "RecipientExport.h"
#include "RecipientTableModel.h"
#include "RecipientTableView.h"
#include "Session.h"
#include "UiLogging.h"
#include "install/InstallRunner.h"
#include "install/RecipientFeed.h"
#include "install/StatusSweep.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QLocale>
#include <QMessageBox>
#include <QSaveFile>
#include <QStandardPaths>

namespace herald::ui {

InstallActions::InstallActions(Session *session, RecipientTableView *table, ProgressPanel *panel,
                               QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_table(table)
    , m_model(table->model())
    , m_panel(panel)
    , m_dialogParent(dialogParent)
{
    createActions();
    connect(session, &Session::stateChanged, this, &InstallActions::updateEnabled);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &InstallActions::updateEnabled);
    connect(m_model, &QAbstractItemModel::modelReset, this, &InstallActions::updateEnabled);
    connect(table, &RecipientTableView::selectionChanged, this, &InstallActions::updateEnabled);
    connect(table, &RecipientTableView::contentsChanged, this, &InstallActions::updateEnabled);
    connect(panel, &ProgressPanel::cancelRequested, this, &InstallActions::cancel);
    connect(panel, &ProgressPanel::retryRequested, this, &InstallActions::retry);
    updateEnabled();
}

InstallActions::~InstallActions()
{
    if (m_pipeline)
        m_pipeline->abort();
}

void InstallActions::createActions()
{
    auto make = [this](const QString &text, const QString &name, const QKeySequence &shortcut,
                       const QString &tip) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WindowShortcut);
        action->setToolTip(
            shortcut.isEmpty() ? tip : tr("%1 (%2)").arg(tip, shortcut.toString(QKeySequence::NativeText)));
        action->setStatusTip(tip);
        return action;
    };
    m_status = make(tr("Check status"), QStringLiteral("actionCheckStatus"), QKeySequence(Qt::Key_F5),
                    tr("Ask Microsoft Graph whether the app is installed for these recipients"));
    m_install = make(tr("Install"), QStringLiteral("actionInstall"), QKeySequence(Qt::CTRL | Qt::Key_I),
                     tr("Install the app for these recipients (people who have it are left alone)"));
    m_upgrade = make(tr("Upgrade"), QStringLiteral("actionUpgrade"), QKeySequence(Qt::CTRL | Qt::Key_U),
                     tr("Upgrade the app to the catalog's newest version for these recipients"));
    m_uninstall = make(tr("Uninstall…"), QStringLiteral("actionUninstall"), {},
                       tr("Remove the app for these recipients"));
    m_copy = make(tr("Copy"), QStringLiteral("actionCopy"), QKeySequence::Copy,
                  tr("Copy the selected rows as tab-separated text"));
    // Ctrl+C belongs to whatever has focus (line edits copy text); the table
    // turns it into copyRequested(), so the menu entry only shows the key.
    m_copy->setShortcutContext(Qt::WidgetShortcut);
    connect(m_table, &RecipientTableView::copyRequested, m_copy, &QAction::trigger);
    m_export = make(tr("Export CSV…"), QStringLiteral("actionExportCsv"),
                    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), tr("Save the rows as a CSV file"));
    m_remove = make(tr("Remove"), QStringLiteral("actionRemove"), QKeySequence::Delete,
                    tr("Take the selected recipients off the list"));
    m_remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_table->addAction(m_remove);

    connect(m_status, &QAction::triggered, this, [this] { trigger(Operation::Status); });
    connect(m_install, &QAction::triggered, this, [this] { trigger(Operation::Install); });
    connect(m_upgrade, &QAction::triggered, this, [this] { trigger(Operation::Upgrade); });
    connect(m_uninstall, &QAction::triggered, this, [this] { trigger(Operation::Uninstall); });
    connect(m_copy, &QAction::triggered, this, [this] { copyRows(m_table->targetSourceRows()); });
    connect(m_export, &QAction::triggered, this, [this] {
        const QString path
            = QFileDialog::getSaveFileName(m_dialogParent, tr("Export recipients"),
                                           QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                                               + QStringLiteral("/recipients.csv"),
                                           tr("CSV files (*.csv)"));
        if (path.isEmpty())
            return;
        QString error;
        if (!exportRows(m_table->targetSourceRows(), path, &error))
            QMessageBox::warning(m_dialogParent, tr("Export recipients"), error);
    });
    connect(m_remove, &QAction::triggered, this, [this] {
        if (!isRunning())
            m_model->removeRecipients(m_table->selectedSourceRows());
    });
}

QList<QAction *> InstallActions::tableActions() const
{
    return {m_status, m_install, m_upgrade, m_uninstall, nullptr, m_copy, m_export, m_remove};
}

void InstallActions::updateEnabled()
{
    const bool ready = m_session && m_session->isReady();
    const bool rows = m_model->rowCount() > 0;
    const bool idle = !isRunning();
    for (QAction *action : {m_status, m_install, m_upgrade, m_uninstall})
        action->setEnabled(ready && rows && idle);
    m_copy->setEnabled(rows);
    m_export->setEnabled(rows);
    m_remove->setEnabled(idle && m_table->hasSelection());
}

QString InstallActions::titleFor(Operation operation)
{
    switch (operation) {
    case Operation::Status:
        return tr("Checking install status");
    case Operation::Install:
        return tr("Installing");
    case Operation::Upgrade:
        return tr("Upgrading");
    case Operation::Uninstall:
        return tr("Uninstalling");
    }
    return {};
}

void InstallActions::trigger(Operation operation)
{
    const QList<int> rows = m_table->targetSourceRows();
    if (rows.isEmpty())
        return;
    if (operation == Operation::Uninstall) {
        const auto answer = QMessageBox::question(
            m_dialogParent, tr("Uninstall the app"),
            tr("Remove %1 for %2 recipients? They will no longer get messages from it until it is installed "
               "again.")
                .arg(m_session->app().displayName, QLocale().toString(rows.size())),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return;
    }
    run(operation, rows);
}

bool InstallActions::run(Operation operation, const QList<int> &rows)
{
    if (isRunning() || !m_session || !m_session->isReady())
        return false;
    RecipientList recipients;
    recipients.reserve(rows.size());
    m_pendingIds.clear();
    for (int row : rows) {
        Recipient recipient = m_model->recipient(row);
        if (recipient.id.isEmpty())
            continue; // not in the directory: nothing to ask Graph about
        m_pendingIds.insert(recipient.id);
        recipients.append(std::move(recipient));
    }
    if (recipients.isEmpty())
        return false;

    m_operation = operation;
    m_cancelled = false;
    m_lostConnection = false;
    m_transportFailures = 0;
    m_transportError.clear();
    const qint64 total = recipients.size();
    auto *feed = new install::ListRecipientFeed(std::move(recipients));
    if (operation == Operation::Status) {
        m_pipeline = new install::StatusSweep(m_session->graph(), feed, m_session->app().id, this);
    } else {
        const auto op = operation == Operation::Install ? install::InstallRunner::Operation::Install
            : operation == Operation::Upgrade           ? install::InstallRunner::Operation::Upgrade
                                                        : install::InstallRunner::Operation::Uninstall;
        auto *runner = new install::InstallRunner(m_session->graph(), feed, m_session->app(), op, this);
        runner->setCloud(m_session->profile().settings.cloud);
        m_pipeline = runner;
    }
    connect(m_pipeline, &install::RecipientPipeline::resultReady, this, &InstallActions::onResult);
    connect(m_pipeline, &install::RecipientPipeline::progress, m_panel,
            [this](qint64 done, qint64) { m_panel->setProgress(done); });
    connect(m_pipeline, &graph::Job::finished, this, &InstallActions::onFinished);
    m_panel->begin(titleFor(operation), total);
    if (m_activity)
        m_activityTicket = m_activity->begin(titleFor(operation) + QStringLiteral("…"));
    qCInfo(lcUi) << "Starting" << titleFor(operation) << "for" << total << "recipients";
    m_pipeline->start();
    updateEnabled();
    emit runningChanged(true);
    return true;
}

void InstallActions::onResult(const install::RecipientResult &result)
{
    // No HTTP answer at all (connection refused, dropped, timed out): the
    // service said nothing about this recipient, so the row keeps what it
    // had and the recipient stays pending for Retry.
    const bool transport = result.httpStatus == 0
        && (result.outcome == install::Outcome::Error || result.outcome == install::Outcome::Failed);
    if (transport) {
        if (m_transportError.isEmpty())
            m_transportError = result.detail;
        // Many in a row: the network is down; stop instead of failing
        // every remaining recipient one batch at a time.
        if (++m_transportFailures >= kTransportFailureLimit && m_pipeline && !m_lostConnection) {
            m_lostConnection = true;
            m_pipeline->abort();
        }
        return;
    }
    m_transportFailures = 0;
    m_pendingIds.remove(result.recipient.id);
    RecipientUpdate update = result.update();
    if (!update.detail)
        update.detail = QString(); // a success clears the last failure
    m_model->updateById(result.recipient.id, update);
}

void InstallActions::cancel()
{
    if (!m_pipeline)
        return;
    m_cancelled = true;
    m_pipeline->abort();
}

void InstallActions::retry()
{
    QList<int> rows;
    for (const QString &id : std::as_const(m_pendingIds)) {
        const int row = m_model->rowForId(id);
        if (row >= 0)
            rows.append(row);
    }
    std::sort(rows.begin(), rows.end());
    run(m_operation, rows);
}

void InstallActions::onFinished()
{
    install::RecipientPipeline *pipeline = m_pipeline;
    m_pipeline = nullptr;
    if (m_activity && m_activityTicket) {
        m_activity->end(m_activityTicket);
        m_activityTicket = 0;
    }
    const graph::GraphError error = pipeline ? pipeline->error() : graph::GraphError{};
    const QLocale locale;
    m_model->flush();
    if (m_lostConnection || (!error.isError() && !m_transportError.isEmpty())) {
        // Shown once, here; the rows keep what they had.
        m_panel->fail(tr("Microsoft Graph could not be reached (%1); %2 recipients were not reached.")
                          .arg(m_transportError, locale.toString(m_pendingIds.size())),
                      !m_pendingIds.isEmpty());
    } else if (error.kind == graph::GraphError::Kind::Cancelled || m_cancelled) {
        m_panel->finish(
            tr("Cancelled; %1 recipients not reached.").arg(locale.toString(m_pendingIds.size())));
    } else if (error.isError()) {
        // Shown once, here; the rows keep what they had.
        m_panel->fail(error.toString(), !m_pendingIds.isEmpty());
    } else {
        m_panel->setTitle(m_operation == Operation::Status        ? tr("Install status checked")
                              : m_operation == Operation::Install ? tr("Installed")
                              : m_operation == Operation::Upgrade ? tr("Upgraded")
                                                                  : tr("Uninstalled"));
        m_panel->finish(tr("Done: %1 recipients.").arg(locale.toString(pipeline ? pipeline->done() : 0)));
        m_pendingIds.clear();
    }
    updateEnabled();
    emit runningChanged(false);
    emit finished(error);
}

void InstallActions::copyRows(const QList<int> &rows) const
{
    QApplication::clipboard()->setText(recipientexport::tabSeparated(*m_model, rows));
}

bool InstallActions::exportRows(const QList<int> &rows, const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(recipientexport::csv(*m_model, rows).toUtf8());
    if (!file.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace herald::ui
