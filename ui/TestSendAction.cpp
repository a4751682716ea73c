#include "TestSendAction.h"

#include "ActivityIndicator.h"
#include "Session.h"
#include "UiLogging.h"
#include "campaign/MessageActivitySource.h"

#include <QInputDialog>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

namespace herald::ui {

using Outcome = campaign::TestSend::Outcome;

TestSendAction::TestSendAction(Session *session, QWidget *window, QStatusBar *status,
                               ActivityIndicator *activity, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_window(window)
    , m_status(status)
    , m_activity(activity)
{
}

TestSendAction::~TestSendAction()
{
    if (m_send)
        m_send->abort();
    if (m_activity && m_ticket)
        m_activity->end(m_ticket);
}

QString TestSendAction::settingsKey(const QString &profile)
{
    return QStringLiteral("TestSend/%1/recipient").arg(profile);
}

void TestSendAction::request(const message::MessageDocument &document,
                             const message::RecipientData &previewedAs)
{
    if (m_send || m_dialog) {
        if (m_dialog)
            m_dialog->raise();
        return;
    }
    m_document = document;
    m_previewedAs = previewedAs;
    const QString profile = m_session ? m_session->profile().name : QString();
    auto *dialog = new QInputDialog(m_window);
    dialog->setObjectName(QStringLiteral("testRecipientDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Send test"));
    dialog->setLabelText(tr("Send this message, and only this one, to (user principal name or "
                            "object id):"));
    dialog->setTextValue(QSettings().value(settingsKey(profile)).toString());
    dialog->setOkButtonText(tr("Send test"));
    dialog->setWindowModality(Qt::WindowModal);
    m_dialog = dialog;
    connect(dialog, &QInputDialog::textValueSelected, this, [this, profile](const QString &text) {
        const QString who = text.trimmed();
        if (who.isEmpty()) {
            if (m_status)
                m_status->showMessage(tr("No test sent: give a user principal name or object id."), 8000);
            return;
        }
        QSettings().setValue(settingsKey(profile), who);
        send(who);
    });
    dialog->open();
}

void TestSendAction::send(const QString &who)
{
    if (m_send || !m_document)
        return;
    if (!m_session || !m_session->isReady() || !m_session->bot()) {
        QString why = tr("Sign in first.");
        if (m_session && m_session->isReady())
            why = m_session->botError().isEmpty() ? tr("The bot cannot send with this profile.")
                                                  : m_session->botError();
        campaign::TestSend::Result result;
        result.recipient.input = who;
        result.outcome = Outcome::Error;
        result.detail = why;
        report(result);
        return;
    }
    auto activities = std::make_shared<campaign::MessageActivitySource>(*m_document);
    auto *job = new campaign::TestSend(m_session->graph(), m_session->bot(), activities, who, this);
    // The CSV columns of the recipient previewed (the directory has none of
    // them); directory fields are the test recipient's own.
    QJsonObject extra = m_previewedAs.fields();
    for (const QString &field : message::RecipientData::standardFields())
        extra.remove(field);
    job->setExtraFields(extra);
    m_send = job;
    if (m_activity)
        m_ticket = m_activity->begin(tr("Sending a test to %1…").arg(who));
    if (m_status)
        m_status->showMessage(tr("Sending a test to %1…").arg(who));
    connect(job, &campaign::TestSend::problem, this, [](const QString &p) { qCInfo(lcUi) << p; });
    connect(job, &campaign::TestSend::finished, this, [this, job](const campaign::TestSend::Result &r) {
        job->deleteLater();
        report(r);
    });
    job->start();
}

void TestSendAction::report(const campaign::TestSend::Result &result)
{
    if (m_activity && m_ticket)
        m_activity->end(std::exchange(m_ticket, 0));
    const QString who
        = result.recipient.bestName().isEmpty() ? result.recipient.input : result.recipient.bestName();
    QString text;
    switch (result.outcome) {
    case Outcome::Sent:
        text = tr("Test sent to %1 (not journaled, part of no campaign).").arg(who);
        break;
    case Outcome::BlockedByUser:
        text = tr("Test not sent: %1 has blocked the bot.").arg(who);
        break;
    case Outcome::NotInstalled:
        text = tr("Test not sent: the app is not installed for %1; install it first.").arg(who);
        break;
    case Outcome::NotFound:
        text = tr("Test not sent: %1 was not found in the directory.").arg(result.recipient.input);
        break;
    case Outcome::Unconfirmed:
        text = tr("Test to %1 unconfirmed: the answer was lost, it may have arrived.").arg(who);
        break;
    case Outcome::Failed:
    case Outcome::BindFailed:
    case Outcome::Error:
        text = tr("Test to %1 failed.").arg(who);
        break;
    }
    QString detail = result.detail;
    if (detail.isEmpty() && result.error.isError())
        detail = result.error.toString();
    const QString full = detail.isEmpty() ? text : tr("%1 %2").arg(text, detail);
    if (m_status)
        m_status->showMessage(full, 15000);
    if (!result.sent()) {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Send test"), text, QMessageBox::Ok, m_window);
        box->setObjectName(QStringLiteral("testSendFailure"));
        box->setInformativeText(detail);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    emit finished(result);
}

} // namespace herald::ui
