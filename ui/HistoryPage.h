#pragma once

#include "campaign/CampaignTypes.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;
class QTreeWidget;

namespace herald {
class JournalRowModel;
}

namespace herald::ui {

class CampaignController;

// History: every campaign in the journal with its counts per state; open
// one to see its recipients; export the report as CSV or JSON; send again
// to the failed recipients only; and, for `unconfirmed` recipients (the
// message left but no answer came back), an explanation and an explicit
// "Retry unconfirmed" that asks first.
class HistoryPage : public QWidget
{
    Q_OBJECT

public:
    explicit HistoryPage(CampaignController *campaigns, QWidget *parent = nullptr);

    QTreeWidget *campaignList() const { return m_list; }
    QTableView *rowView() const { return m_rows; }
    JournalRowModel *rowModel() const { return m_model; }
    QPushButton *resendFailedButton() const { return m_resendFailed; }
    QPushButton *retryUnconfirmedButton() const { return m_retryUnconfirmed; }
    QString unconfirmedText() const;
    qint64 openCampaign() const { return m_open; }

    void open(qint64 campaignId);
    bool exportTo(const QString &path, bool json, QString *error) const;
    // The actions behind the buttons, without their dialogs.
    bool resendFailed(QString *error);
    bool retryUnconfirmed(QString *error);

public slots:
    void refresh();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void refreshButtons();
    void exportWithDialog(bool json);
    std::optional<campaign::CampaignInfo> openInfo() const;

    CampaignController *m_campaigns;
    QTreeWidget *m_list = nullptr;
    QTableView *m_rows = nullptr;
    JournalRowModel *m_model = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_unconfirmed = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_exportCsv = nullptr;
    QPushButton *m_exportJson = nullptr;
    QPushButton *m_resendFailed = nullptr;
    QPushButton *m_retryUnconfirmed = nullptr;
    qint64 m_open = 0;
};

} // namespace herald::ui
