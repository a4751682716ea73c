#pragma once

#include "campaign/TestSend.h"
#include "message/MessageDocument.h"
#include "message/RecipientData.h"

#include <QInputDialog>
#include <QObject>
#include <QPointer>
#include <QStatusBar>
#include <optional>

namespace herald::ui {

class ActivityIndicator;
class Session;

// "Send test to me" on the Compose page: asks who gets the test (UPN or
// object id, pre-filled with the last one used for this profile), then sends
// the message to that user only with campaign::TestSend over the session's
// Graph and bot clients. Progress goes to the activity indicator, the outcome
// to the status bar, a failure also to a message box. Nothing is journaled:
// a test belongs to no campaign.
class TestSendAction : public QObject
{
    Q_OBJECT

signals:
    void finished(const herald::campaign::TestSend::Result &result);

public:
    TestSendAction(Session *session, QWidget *window, QStatusBar *status, ActivityIndicator *activity,
                   QObject *parent = nullptr);
    ~TestSendAction() override;

    // Opens the recipient dialog (window-modal, not blocking); sends on OK.
    void request(const message::MessageDocument &document, const message::RecipientData &previewedAs);
    // Sends now, without the dialog.
    void send(const QString &who);

    bool isBusy() const { return m_send; }
    QInputDialog *dialog() const { return m_dialog; }

    // QSettings key of the last test recipient of `profile` (not a secret).
    static QString settingsKey(const QString &profile);

private:
    void report(const campaign::TestSend::Result &result);

    QPointer<Session> m_session;
    QPointer<QWidget> m_window;
    QPointer<QStatusBar> m_status;
    QPointer<ActivityIndicator> m_activity;
    QPointer<QInputDialog> m_dialog;
    QPointer<campaign::TestSend> m_send;
    std::optional<message::MessageDocument> m_document;
    message::RecipientData m_previewedAs;
    int m_ticket = 0;
};

} // namespace herald::ui
