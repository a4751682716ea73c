#pragma once

#include "Session.h"
#include "campaign/CampaignCreateJob.h"
#include "campaign/CampaignLock.h"
#include "campaign/CampaignRunner.h"
#include "campaign/CampaignStore.h"
#include "directory/Recipient.h"
#include "message/MessageDocument.h"

#include <QObject>
#include <QPointer>
#include <memory>
#include <optional>

namespace herald::ui {

// Sends and resumes campaigns for the Send and History pages with the
// delivery core herald-cli uses: the journal (campaign::CampaignStore in the
// profile's data directory), campaign::CampaignRunner over the session's
// BotConnectorClient, campaign::DirectoryIntake for recipients (install
// missing first when asked), and a CampaignLock so a campaign is never sent
// by two processes at once. One campaign at a time.
//
// A new campaign is journaled (its row and recipient list, one transaction)
// by a campaign::CampaignCreateJob on a worker thread -- 100,000 recipients
// would hold the window for most of a second -- and sending starts when that
// has committed. Meanwhile isPreparing() (and isRunning(): nothing else
// starts, closing asks first); stop() cancels the create.
class CampaignController : public QObject
{
    Q_OBJECT

signals:
    // True from startNew() (while preparing) or resume() until the run ends.
    void runningChanged(bool running);
    // The new campaign is being written to the journal (true), or that is
    // over (false: sending has started, or finished() follows).
    void preparingChanged(bool preparing);
    void pausedChanged(bool paused);
    void progressChanged(const herald::campaign::CampaignProgress &progress);
    void rowChanged(const herald::campaign::JournalRow &row);
    void problem(const QString &message);
    // Once per run; `message` says how it ended and what to do next.
    void finished(herald::campaign::CampaignRunner::Result result, const QString &message);
    void campaignsChanged();

public:
    explicit CampaignController(Session *session, QObject *parent = nullptr);
    ~CampaignController() override;

    // The journal of the session's profile, opened on first use.
    campaign::CampaignStore *store(QString *error = nullptr);
    QList<campaign::CampaignInfo> campaigns();
    // Stopped or crashed (still `running` with no process) campaigns with
    // recipients left to send.
    QList<campaign::CampaignInfo> resumable();

    // A new campaign for `recipients` (from the table). True: it is being
    // journaled (isPreparing()); sending starts once that has committed, or
    // finished() says why not (the journal's error; nothing half-written).
    // False with *error when it cannot be started at all.
    bool startNew(const QString &name, const message::MessageDocument &document,
                  const RecipientList &recipients, bool installMissing, QString *error);
    // Carries on with a journaled campaign: pending rows, retryable failed
    // ones, and with `retryUnconfirmed` also the unconfirmed ones.
    bool resume(qint64 campaignId, bool retryUnconfirmed, QString *error);

    void pause();
    void resumeSending();
    // Claims nothing more; finished() once the sends in flight are answered.
    void stop();

    bool isRunning() const { return m_runner || m_create; }
    bool isPreparing() const { return m_create; }
    bool isPaused() const { return m_runner && m_runner->isPaused(); }
    qint64 currentCampaign() const { return m_campaign; }
    QString currentName() const { return m_name; }
    campaign::CampaignProgress progress() const;

    static DeliveryState deliveryState(campaign::JournalState state);

private:
    // `ready`: the recipients as the table has them (a new campaign); without
    // it the journaled source is resolved again (a resume).
    // `announce`: emit runningChanged(true) (not after preparing, which did).
    bool run(const campaign::CampaignInfo &info, const message::MessageDocument &document,
             bool retryUnconfirmed, QString *error, const RecipientList *ready = nullptr,
             bool announce = true);
    void onCreated();
    void endPreparing(campaign::CampaignRunner::Result result, const QString &message);
    void onFinished();

    QPointer<Session> m_session;
    std::unique_ptr<campaign::CampaignStore> m_store;
    QString m_storePath;
    std::unique_ptr<campaign::CampaignLock> m_lock;
    QPointer<campaign::CampaignRunner> m_runner;
    // While a new campaign is being journaled: the job, and what run() needs then.
    QPointer<campaign::CampaignCreateJob> m_create;
    std::optional<message::MessageDocument> m_createDocument;
    RecipientList m_createRecipients;
    bool m_stopAfterCreate = false;
    qint64 m_campaign = 0;
    QString m_name;
    bool m_newCampaign = false;
};

} // namespace herald::ui
