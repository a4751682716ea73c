#include "SendPage.h"

#include "CampaignController.h"
#include "Icons.h"
#include "ProgressPanel.h"
#include "RecipientTableModel.h"
#include "Session.h"

#include <QCheckBox>
#include <QDateTime>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace herald::ui {

using campaign::JournalState;

SendPage::SendPage(Session *session, CampaignController *campaigns, RecipientTableModel *model,
                   QWidget *parent)
    : TablePage(parent)
    , m_session(session)
    , m_campaigns(campaigns)
    , m_model(model)
{
    setObjectName(QStringLiteral("page_send"));

    m_resumeLabel = new QLabel(this);
    m_resumeLabel->setObjectName(QStringLiteral("resumeText"));
    m_resumeLabel->setWordWrap(true);
    // Alt+R is the Recipients menu.
    m_resume = new QPushButton(tr("Res&ume"), this);
    m_resume->setObjectName(QStringLiteral("resumeCampaign"));
    auto *resumeBox = new QFrame(this);
    resumeBox->setObjectName(QStringLiteral("resumeBox"));
    resumeBox->setFrameShape(QFrame::StyledPanel);
    auto *resumeLayout = new QHBoxLayout(resumeBox);
    resumeLayout->addWidget(m_resumeLabel, 1);
    resumeLayout->addWidget(m_resume);
    resumeBox->hide();
    controls()->addWidget(resumeBox);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("sendMessage"));
    m_message->setWordWrap(true);
    m_openMessage = new QPushButton(tr("Open &message file…"), this);
    m_openMessage->setObjectName(QStringLiteral("openMessage"));
    m_openMessage->setToolTip(tr("A markdown (.md) or Adaptive Card (.json) file"));
    auto *messageRow = new QHBoxLayout;
    messageRow->addWidget(m_message, 1);
    messageRow->addWidget(m_openMessage);

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("campaignName"));
    m_name->setText(
        tr("Announcement %1").arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
    m_name->setAccessibleName(tr("Campaign name"));
    m_installMissing = new QCheckBox(tr("&Install the app first where it is missing"), this);
    m_installMissing->setObjectName(QStringLiteral("installMissingFirst"));
    m_send = new QPushButton(tr("&Send…"), this);
    m_send->setObjectName(QStringLiteral("send"));
    m_send->setDefault(true);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("sendStatus"));
    m_status->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Message:"), messageRow);
    m_message->setAccessibleName(tr("Message"));
    auto *nameLabel = new QLabel(tr("Campaign &name:"), this);
    nameLabel->setBuddy(m_name);
    form->addRow(nameLabel, m_name);
    auto *sendRow = new QHBoxLayout;
    sendRow->addWidget(m_installMissing, 1);
    sendRow->addWidget(m_send);
    form->addRow(QString(), sendRow);
    controls()->addLayout(form);
    controls()->addWidget(m_status);

    m_progress = new ProgressPanel(this);
    m_progress->setObjectName(QStringLiteral("sendProgress"));
    m_progress->cancelButton()->setText(tr("S&top"));
    // The table's progress panel below has its own Dismiss (Alt+D).
    m_progress->dismissButton()->setText(tr("Cl&ose"));
    m_pause = new QPushButton(tr("&Pause"), this);
    m_pause->setObjectName(QStringLiteral("pauseSending"));
    m_progress->addButton(m_pause);
    controls()->addWidget(m_progress);

    connect(m_openMessage, &QPushButton::clicked, this, &SendPage::loadMessageFile);
    connect(m_send, &QPushButton::clicked, this, &SendPage::confirmAndSend);
    connect(m_name, &QLineEdit::returnPressed, this, &SendPage::confirmAndSend);
    connect(m_progress, &ProgressPanel::cancelRequested, m_campaigns, &CampaignController::stop);
    connect(m_pause, &QPushButton::clicked, this, [this] {
        if (m_campaigns->isPaused())
            m_campaigns->resumeSending();
        else
            m_campaigns->pause();
    });
    connect(m_campaigns, &CampaignController::pausedChanged, this,
            [this](bool paused) { m_pause->setText(paused ? tr("&Continue") : tr("&Pause")); });
    connect(m_resume, &QPushButton::clicked, this, [this] {
        QString error;
        if (!m_campaigns->resume(m_resumeId, false, &error))
            m_status->setText(error);
    });
    connect(m_campaigns, &CampaignController::runningChanged, this, [this](bool running) {
        if (running) {
            // A new campaign is journaled first (a worker thread; busy bar,
            // Stop cancels it), then sends.
            m_progress->begin(m_campaigns->isPreparing() ? tr("Preparing the campaign…")
                                                         : tr("Sending “%1”").arg(m_campaigns->currentName()),
                              -1);
            m_status->clear();
        }
        m_pause->setText(tr("&Pause"));
        m_pause->setVisible(running);
        m_pause->setEnabled(running && !m_campaigns->isPreparing());
        refreshEnabled();
        refreshResumable();
    });
    connect(m_campaigns, &CampaignController::preparingChanged, this, [this](bool preparing) {
        if (preparing)
            return; // runningChanged did the rest
        // Sending now -- or not, and finished() puts why under this title,
        // as for a run that stops.
        m_progress->setTitle(tr("Sending “%1”").arg(m_campaigns->currentName()));
        m_pause->setEnabled(m_campaigns->isRunning());
    });
    connect(m_campaigns, &CampaignController::progressChanged, this, &SendPage::onProgress);
    connect(m_campaigns, &CampaignController::rowChanged, this, &SendPage::onRow);
    connect(m_campaigns, &CampaignController::problem, this,
            [this](const QString &p) { m_status->setText(p); });
    connect(m_campaigns, &CampaignController::finished, this,
            [this](campaign::CampaignRunner::Result result, const QString &message) {
                if (result == campaign::CampaignRunner::Result::Finished
                    || result == campaign::CampaignRunner::Result::Stopped)
                    m_progress->finish(message);
                else
                    m_progress->fail(message, false);
            });
    connect(m_campaigns, &CampaignController::campaignsChanged, this, &SendPage::refreshResumable);
    connect(session, &Session::stateChanged, this, [this] {
        refreshEnabled();
        refreshResumable();
    });
    connect(model, &QAbstractItemModel::rowsInserted, this, &SendPage::refreshEnabled);
    connect(model, &QAbstractItemModel::modelReset, this, &SendPage::refreshEnabled);
    refreshEnabled();
}

void SendPage::setMessageProvider(MessageProvider provider)
{
    m_provider = std::move(provider);
    m_openMessage->setVisible(!m_provider);
    refreshEnabled();
}

void SendPage::setMessage(const message::MessageDocument &document)
{
    m_document = document;
    refreshEnabled();
}

std::optional<message::MessageDocument> SendPage::currentMessage(QString *error) const
{
    if (m_provider)
        return m_provider(error);
    if (!m_document)
        *error = tr("Write the message on the Compose page, or open a message file.");
    return m_document;
}

void SendPage::loadMessageFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open message"), QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
        tr("Messages (*.md *.markdown *.txt *.json);;All files (*)"));
    if (path.isEmpty())
        return;
    message::LoadResult loaded = message::MessageDocument::load(path);
    if (!loaded.document) {
        QStringList problems;
        for (const auto &issue : loaded.issues)
            problems.append(issue.toString());
        QMessageBox::warning(
            this, tr("Open message"),
            tr("%1 cannot be sent:\n%2").arg(QFileInfo(path).fileName(), problems.join('\n')));
        return;
    }
    setMessage(*loaded.document);
}

QString SendPage::describe(const message::MessageDocument &document)
{
    // "Markdown, 0.3 KB — “Planned maintenance this Saturday”"
    const QByteArray source = document.source().trimmed();
    const bool json = source.startsWith('{');
    QString first;
    if (!json) {
        for (const QByteArray &line : source.split('\n')) {
            first = QString::fromUtf8(line).remove(QLatin1Char('*')).remove(QLatin1Char('#')).trimmed();
            if (!first.isEmpty())
                break;
        }
    }
    QString text
        = tr("%1, %2").arg(json ? tr("Adaptive Card") : tr("Markdown text"),
                           QLocale().formattedDataSize(source.size(), 1, QLocale::DataSizeTraditionalFormat));
    if (!first.isEmpty())
        text += tr(" — “%1”").arg(first.left(80));
    return text;
}

SendPage::Summary SendPage::summary() const
{
    const QList<int> counts = m_model->installStateCounts();
    Summary s;
    s.willSend = counts.at(int(InstallState::Installed)) + counts.at(int(InstallState::Unknown))
        + counts.at(int(InstallState::Error));
    s.notInstalled = counts.at(int(InstallState::NotInstalled));
    s.blocked = counts.at(int(InstallState::Blocked));
    s.notFound = counts.at(int(InstallState::NotFound));
    return s;
}

void SendPage::confirmAndSend()
{
    QString error;
    if (!currentMessage(&error)) {
        m_status->setText(error);
        return;
    }
    const Summary s = summary();
    const QLocale locale;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Send the announcement"),
                                tr("Send “%1” to %2 recipients from %3?")
                                    .arg(m_name->text().toHtmlEscaped(), locale.toString(m_model->rowCount()),
                                         m_session->app().displayName.toHtmlEscaped()),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("sendConfirm"));
    // Our SVG glyph, drawn at the screen's pixel ratio (the style's question
    // mark is a 32 px bitmap, blurred at 200 %).
    box->setIconPixmap(icons::glyph(QStringLiteral("send"), palette(), QPalette::Highlight).pixmap(48, 48));
    box->setTextFormat(Qt::RichText);
    box->setInformativeText(
        tr("<table>"
           "<tr><td>Will be sent</td><td align=right>&nbsp;%1</td></tr>"
           "<tr><td>App not installed</td><td align=right>&nbsp;%2</td></tr>"
           "<tr><td>Blocked by policy</td><td align=right>&nbsp;%3</td></tr>"
           "<tr><td>Not found / no Teams licence</td><td align=right>&nbsp;%4</td></tr></table>"
           "<p>People without the app are recorded as not installed unless it is installed first. "
           "Everything is journaled: nobody gets the message twice.</p>")
            .arg(locale.toString(s.willSend), locale.toString(s.notInstalled), locale.toString(s.blocked),
                 locale.toString(s.notFound)));
    auto *install = new QCheckBox(
        tr("&Install the app first for the %1 without it").arg(locale.toString(s.notInstalled)), box);
    install->setChecked(m_installMissing->isChecked());
    install->setEnabled(s.notInstalled > 0 || s.willSend > 0);
    box->setCheckBox(install);
    QPushButton *send = box->addButton(tr("Send"), QMessageBox::AcceptRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(send);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, send, install](int) {
        if (box->clickedButton() != send)
            return;
        m_installMissing->setChecked(install->isChecked());
        QString error;
        if (!startSending(install->isChecked(), &error))
            m_status->setText(error);
    });
    box->open();
}

bool SendPage::startSending(bool installMissing, QString *error)
{
    const std::optional<message::MessageDocument> document = currentMessage(error);
    if (!document)
        return false;
    QList<int> rows;
    rows.reserve(m_model->rowCount());
    for (int r = 0; r < m_model->rowCount(); ++r)
        rows.append(r);
    // A new campaign starts everyone at pending.
    for (int r : std::as_const(rows)) {
        RecipientUpdate update;
        update.deliveryState = DeliveryState::Pending;
        m_model->updateRow(r, update);
    }
    return m_campaigns->startNew(m_name->text(), *document, m_model->recipients(rows), installMissing, error);
}

void SendPage::onProgress(const campaign::CampaignProgress &p)
{
    m_progress->setTotal(p.total);
    m_progress->setProgress(p.done);
    const QLocale locale;
    const int sent = p.counts[int(JournalState::Sent)];
    const int failed = p.counts[int(JournalState::Failed)];
    const int other = p.counts[int(JournalState::NotInstalled)] + p.counts[int(JournalState::NotFound)]
        + p.counts[int(JournalState::BlockedByUser)] + p.counts[int(JournalState::Unconfirmed)];
    m_progress->setDetail(tr("Sent %1 · failed %2 · not delivered %3 · remaining %4")
                              .arg(locale.toString(sent), locale.toString(failed), locale.toString(other),
                                   locale.toString(qMax<qint64>(0, p.total - p.done))));
}

void SendPage::onRow(const campaign::JournalRow &row)
{
    RecipientUpdate update;
    update.deliveryState = CampaignController::deliveryState(row.state);
    // What a delivery says about the install: a message in the 1:1 chat
    // means the app is there (installed first, or already); "not in the
    // conversation roster" means it is not.
    if (row.state == JournalState::Sent)
        update.installState = InstallState::Installed;
    else if (row.state == JournalState::NotInstalled)
        update.installState = InstallState::NotInstalled;
    if (!row.chatId.isEmpty())
        update.chatId = row.chatId;
    if (campaign::isFinal(row.state))
        update.detail = row.lastError;
    m_model->updateById(row.userId, update);
}

void SendPage::refreshEnabled()
{
    const bool running = m_campaigns->isRunning();
    QString error;
    const bool hasMessage = m_provider ? true : m_document.has_value();
    m_send->setEnabled(m_session->isReady() && !running && m_model->rowCount() > 0 && hasMessage);
    m_name->setEnabled(!running);
    m_installMissing->setEnabled(!running);
    std::optional<message::MessageDocument> document;
    if (m_provider)
        document = m_provider(&error);
    else
        document = m_document;
    m_message->setText(document ? describe(*document)
                                : (m_provider ? tr("Not ready: %1").arg(error) : tr("No message yet.")));
}

void SendPage::refreshResumable()
{
    auto *box = findChild<QFrame *>(QStringLiteral("resumeBox"));
    if (!m_session->isReady() || m_campaigns->isRunning()) {
        box->hide();
        return;
    }
    const QList<campaign::CampaignInfo> list = m_campaigns->resumable();
    if (list.isEmpty()) {
        box->hide();
        return;
    }
    const campaign::CampaignInfo &info = list.constFirst();
    m_resumeId = info.id;
    const QLocale locale;
    const bool crashed = info.state == campaign::CampaignState::Running;
    m_resumeLabel->setText(
        (crashed ? tr("“%1” was interrupted (Herald closed while sending): %2 of %3 sent.")
                 : tr("“%1” was stopped: %2 of %3 sent."))
            .arg(info.spec.name, locale.toString(info.count(JournalState::Sent)),
                 locale.toString(info.total()))
        + (list.size() > 1 ? tr(" %1 more on the History page.").arg(list.size() - 1) : QString()));
    box->show();
}

QString SendPage::resumeText() const
{
    return m_resumeLabel->isVisibleTo(this) ? m_resumeLabel->text() : QString();
}

QString SendPage::statusText() const
{
    return m_status->text();
}

} // namespace herald::ui
