#include "HistoryPage.h"

#include "CampaignController.h"
#include "JournalRowModel.h"

#include <QDateTime>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace herald::ui {

using campaign::JournalState;

namespace {
enum ListColumn {
    NameColumn,
    DateColumn,
    StateColumn,
    SentColumn,
    FailedColumn,
    UnconfirmedColumn,
    OtherColumn,
    TotalColumn
};
constexpr int kIdRole = Qt::UserRole + 1;

QString campaignStateText(const campaign::CampaignInfo &info)
{
    switch (info.state) {
    case campaign::CampaignState::Finished:
        return HistoryPage::tr("Finished");
    case campaign::CampaignState::Stopped:
        return HistoryPage::tr("Stopped");
    case campaign::CampaignState::Running:
        return HistoryPage::tr("Sending or interrupted");
    }
    return {};
}
} // namespace

HistoryPage::HistoryPage(CampaignController *campaigns, QWidget *parent)
    : QWidget(parent)
    , m_campaigns(campaigns)
{
    setObjectName(QStringLiteral("page_history"));
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("campaignList"));
    m_list->setAccessibleName(tr("Campaigns"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setHeaderLabels({tr("Campaign"), tr("Started"), tr("State"), tr("Sent"), tr("Failed"),
                             tr("Unconfirmed"), tr("Not delivered"), tr("Total")});
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    for (int c = DateColumn; c <= TotalColumn; ++c)
        m_list->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);

    m_title = new QLabel(tr("Open a campaign to see its recipients."), this);
    m_title->setObjectName(QStringLiteral("historyTitle"));
    m_unconfirmed = new QLabel(this);
    m_unconfirmed->setObjectName(QStringLiteral("unconfirmedText"));
    m_unconfirmed->setWordWrap(true);
    m_unconfirmed->hide();
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_model = new JournalRowModel(this);
    m_rows = new QTableView(this);
    m_rows->setObjectName(QStringLiteral("campaignRows"));
    m_rows->setAccessibleName(tr("Recipients of the campaign"));
    m_rows->setModel(m_model);
    m_rows->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_rows->verticalHeader()->hide();
    m_rows->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_rows->horizontalHeader()->setStretchLastSection(true);
    m_rows->setAlternatingRowColors(true);
    m_rows->setTabKeyNavigation(false);
    m_rows->setWordWrap(false);
    m_rows->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('m'));
    m_rows->horizontalHeader()->resizeSection(JournalRowModel::Recipient, 24 * em);
    m_rows->horizontalHeader()->resizeSection(JournalRowModel::Name, 14 * em);
    m_rows->horizontalHeader()->resizeSection(JournalRowModel::State, 10 * em);
    m_rows->horizontalHeader()->resizeSection(JournalRowModel::Attempts, 6 * em);

    m_exportCsv = new QPushButton(tr("Export &CSV…"), this);
    m_exportJson = new QPushButton(tr("Export &JSON…"), this);
    m_resendFailed = new QPushButton(tr("Re&send to failed"), this);
    m_resendFailed->setObjectName(QStringLiteral("resendFailed"));
    m_resendFailed->setToolTip(tr("Send again to the recipients whose message certainly did not arrive"));
    m_retryUnconfirmed = new QPushButton(tr("Retry &unconfirmed…"), this);
    m_retryUnconfirmed->setObjectName(QStringLiteral("retryUnconfirmed"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_title, 1);
    buttons->addWidget(m_exportCsv);
    buttons->addWidget(m_exportJson);
    buttons->addWidget(m_resendFailed);
    buttons->addWidget(m_retryUnconfirmed);

    auto *detail = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addLayout(buttons);
    detailLayout->addWidget(m_unconfirmed);
    detailLayout->addWidget(m_rows, 1);
    detailLayout->addWidget(m_status);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_list);
    splitter->addWidget(detail);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 8);
    layout->addWidget(splitter);

    connect(m_list, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem *item) { open(item->data(NameColumn, kIdRole).toLongLong()); });
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item)
            open(item->data(NameColumn, kIdRole).toLongLong());
    });
    connect(m_exportCsv, &QPushButton::clicked, this, [this] { exportWithDialog(false); });
    connect(m_exportJson, &QPushButton::clicked, this, [this] { exportWithDialog(true); });
    connect(m_resendFailed, &QPushButton::clicked, this, [this] {
        QString error;
        if (!resendFailed(&error))
            m_status->setText(error);
    });
    connect(m_retryUnconfirmed, &QPushButton::clicked, this, [this] {
        const auto info = openInfo();
        if (!info)
            return;
        const auto answer = QMessageBox::warning(
            this, tr("Retry unconfirmed"),
            tr("%1 recipients may already have the message: it left, but no answer came back. Sending again "
               "can give them a second copy. Retry them anyway?")
                .arg(QLocale().toString(info->count(JournalState::Unconfirmed)
                                        + info->count(JournalState::Sending))),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        QString error;
        if (answer == QMessageBox::Yes && !retryUnconfirmed(&error))
            m_status->setText(error);
    });
    connect(campaigns, &CampaignController::campaignsChanged, this, &HistoryPage::refresh);
    connect(campaigns, &CampaignController::runningChanged, this, &HistoryPage::refreshButtons);
    connect(campaigns, &CampaignController::finished, this,
            [this](campaign::CampaignRunner::Result, const QString &message) {
                m_status->setText(message);
                if (m_open)
                    open(m_open);
            });
    refreshButtons();
}

void HistoryPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void HistoryPage::refresh()
{
    const qint64 keep = m_open;
    const QSignalBlocker block(m_list);
    m_list->clear();
    const QLocale locale;
    QTreeWidgetItem *reopen = nullptr;
    for (const campaign::CampaignInfo &info : m_campaigns->campaigns()) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setData(NameColumn, kIdRole, info.id);
        item->setText(NameColumn, info.spec.name);
        item->setText(DateColumn,
                      locale.toString(QDateTime::fromSecsSinceEpoch(info.createdAt), QLocale::ShortFormat));
        item->setText(StateColumn, campaignStateText(info));
        const int unconfirmed = info.count(JournalState::Unconfirmed) + info.count(JournalState::Sending);
        const int other = info.count(JournalState::NotInstalled) + info.count(JournalState::NotFound)
            + info.count(JournalState::BlockedByUser);
        item->setText(SentColumn, locale.toString(info.count(JournalState::Sent)));
        item->setText(FailedColumn, locale.toString(info.count(JournalState::Failed)));
        item->setText(UnconfirmedColumn, locale.toString(unconfirmed));
        item->setText(OtherColumn, locale.toString(other));
        item->setText(TotalColumn, locale.toString(info.total()));
        for (int c = SentColumn; c <= TotalColumn; ++c)
            item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
        if (info.id == keep)
            reopen = item;
    }
    if (!reopen && m_list->topLevelItemCount() > 0)
        reopen = m_list->topLevelItem(0); // the newest
    if (reopen) {
        m_list->setCurrentItem(reopen);
        open(reopen->data(NameColumn, kIdRole).toLongLong());
    }
    refreshButtons();
}

std::optional<campaign::CampaignInfo> HistoryPage::openInfo() const
{
    campaign::CampaignStore *store = m_campaigns->store();
    if (!store || !m_open)
        return std::nullopt;
    return store->campaign(m_open);
}

void HistoryPage::open(qint64 campaignId)
{
    campaign::CampaignStore *store = m_campaigns->store();
    if (!store)
        return;
    std::vector<campaign::JournalRow> rows;
    if (!store->forEachRow(campaignId, [&rows](const campaign::JournalRow &row) { rows.push_back(row); })) {
        m_status->setText(store->lastError());
        return;
    }
    m_open = campaignId;
    m_model->setRows(std::move(rows));
    const auto info = store->campaign(campaignId);
    const QLocale locale;
    if (info) {
        m_title->setText(tr("<b>%1</b> · %2 recipients · run %3")
                             .arg(info->spec.name.toHtmlEscaped(), locale.toString(info->total()))
                             .arg(info->run));
        const int unconfirmed = info->count(JournalState::Unconfirmed) + info->count(JournalState::Sending);
        m_unconfirmed->setText(tr("%1 recipients are unconfirmed: their message was sent, but no answer came "
                                  "back (the connection "
                                  "dropped, or Herald closed while sending). They may have it. Herald does "
                                  "not send to them again "
                                  "unless you choose “Retry unconfirmed”.")
                                   .arg(locale.toString(unconfirmed)));
        m_unconfirmed->setVisible(unconfirmed > 0);
    }
    refreshButtons();
}

void HistoryPage::refreshButtons()
{
    const auto info = openInfo();
    const bool idle = !m_campaigns->isRunning();
    m_exportCsv->setEnabled(info.has_value());
    m_exportJson->setEnabled(info.has_value());
    m_resendFailed->setEnabled(idle && info && info->count(JournalState::Failed) > 0);
    m_retryUnconfirmed->setEnabled(
        idle && info && info->count(JournalState::Unconfirmed) + info->count(JournalState::Sending) > 0);
}

QString HistoryPage::unconfirmedText() const
{
    return m_unconfirmed->isVisibleTo(this) ? m_unconfirmed->text() : QString();
}

bool HistoryPage::exportTo(const QString &path, bool json, QString *error) const
{
    const auto info = openInfo();
    if (!info) {
        *error = tr("Open a campaign first.");
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(json ? JournalRowModel::toJson(*info, m_model->rows())
                    : JournalRowModel::toCsv(m_model->rows()));
    if (!file.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void HistoryPage::exportWithDialog(bool json)
{
    const auto info = openInfo();
    if (!info)
        return;
    const QString suggested = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
        + QLatin1Char('/') + info->spec.name + (json ? QStringLiteral(".json") : QStringLiteral(".csv"));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export report"), suggested, json ? tr("JSON files (*.json)") : tr("CSV files (*.csv)"));
    QString error;
    if (!path.isEmpty() && !exportTo(path, json, &error))
        QMessageBox::warning(this, tr("Export report"), error);
}

bool HistoryPage::resendFailed(QString *error)
{
    // Failed rows marked retryable (nothing was delivered) are claimed again;
    // unconfirmed ones are left alone.
    return m_open && m_campaigns->resume(m_open, false, error);
}

bool HistoryPage::retryUnconfirmed(QString *error)
{
    return m_open && m_campaigns->resume(m_open, true, error);
}

} // namespace herald::ui
