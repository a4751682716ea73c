#pragma once

#include "TablePage.h"
#include "message/MessageDocument.h"

#include <functional>
#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace herald {
class RecipientTableModel;
}
namespace herald::campaign {
struct CampaignProgress;
struct JournalRow;
} // namespace herald::campaign

namespace herald::ui {

class CampaignController;
class ProgressPanel;
class Session;

// Send: the message, a campaign name, "install the app first where it is
// missing", and Send… with a confirmation that counts the recipients by
// state. While sending: progress (sent / failed / remaining, rate, ETA),
// Pause and Stop, each recipient's delivery state in the shared table.
// Stopped or interrupted campaigns are offered for resuming.
class SendPage : public TablePage
{
    Q_OBJECT

public:
    // Gives the composer's current message, or nullopt with *error.
    using MessageProvider = std::function<std::optional<message::MessageDocument>(QString *error)>;

    SendPage(Session *session, CampaignController *campaigns, RecipientTableModel *model,
             QWidget *parent = nullptr);

    // The Compose page hands its message over through this (until then the
    // page loads a message file).
    void setMessageProvider(MessageProvider provider);
    void setMessage(const message::MessageDocument &document);

    // What the confirmation counts, by install state of the table's rows.
    struct Summary
    {
        int willSend = 0; // installed, or not checked (sent with create-conversation)
        int notInstalled = 0;
        int blocked = 0; // policy blocks the app
        int notFound = 0; // not in the directory / no Teams licence
    };
    Summary summary() const;

    QLineEdit *nameEdit() const { return m_name; }
    QCheckBox *installMissingBox() const { return m_installMissing; }
    QPushButton *sendButton() const { return m_send; }
    QPushButton *pauseButton() const { return m_pause; }
    QPushButton *resumeButton() const { return m_resume; }
    ProgressPanel *progressPanel() const { return m_progress; }
    QString resumeText() const;
    QString statusText() const;

    // Send without the confirmation (tests; the dialog calls it too). True:
    // the campaign is being prepared (CampaignController::startNew), and
    // sends when journaled; false with *error when it cannot start.
    bool startSending(bool installMissing, QString *error);

public slots:
    void confirmAndSend();
    void refreshResumable();
    // The message line and the Send button (the composer calls it on changes).
    void refreshEnabled();

private:
    std::optional<message::MessageDocument> currentMessage(QString *error) const;
    void loadMessageFile();
    void onProgress(const campaign::CampaignProgress &progress);
    void onRow(const campaign::JournalRow &row);
    static QString describe(const message::MessageDocument &document);

    Session *m_session;
    CampaignController *m_campaigns;
    RecipientTableModel *m_model;
    MessageProvider m_provider;
    std::optional<message::MessageDocument> m_document;
    QLabel *m_message = nullptr;
    QPushButton *m_openMessage = nullptr;
    QLineEdit *m_name = nullptr;
    QCheckBox *m_installMissing = nullptr;
    QPushButton *m_send = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_resumeLabel = nullptr;
    QPushButton *m_resume = nullptr;
    qint64 m_resumeId = 0;
    ProgressPanel *m_progress = nullptr;
    QPushButton *m_pause = nullptr;
};

} // namespace herald::ui
