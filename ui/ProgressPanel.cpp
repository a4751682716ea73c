#include "ProgressPanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace herald::ui {

ProgressPanel::ProgressPanel(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("progressPanel"));
    setFrameShape(QFrame::StyledPanel);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("progressTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("progressBar"));
    m_bar->setTextVisible(false);
    m_bar->setMaximumHeight(fontMetrics().height());
    m_bar->setAccessibleName(tr("Progress"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("progressSummary"));
    m_detail = new QLabel(this);
    m_detail->setObjectName(QStringLiteral("progressDetail"));
    m_detail->hide();
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("progressError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();

    m_cancel = new QPushButton(tr("Cance&l"), this);
    m_cancel->setObjectName(QStringLiteral("progressCancel"));
    m_retry = new QPushButton(tr("Retr&y"), this);
    m_retry->setObjectName(QStringLiteral("progressRetry"));
    m_retry->hide();
    m_close = new QPushButton(tr("&Dismiss"), this);
    m_close->setObjectName(QStringLiteral("progressDismiss"));
    m_close->hide();
    connect(m_cancel, &QPushButton::clicked, this, &ProgressPanel::cancelRequested);
    connect(m_retry, &QPushButton::clicked, this, &ProgressPanel::retryRequested);
    connect(m_close, &QPushButton::clicked, this, &QWidget::hide);

    auto *top = new QHBoxLayout;
    top->addWidget(m_title);
    top->addWidget(m_bar, 1);
    m_buttons = new QHBoxLayout;
    m_buttons->addWidget(m_retry);
    m_buttons->addWidget(m_cancel);
    m_buttons->addWidget(m_close);
    top->addLayout(m_buttons);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->setSpacing(2);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addWidget(m_detail);
    layout->addWidget(m_error);

    // Progress arrives hundreds of times a second; the text changes 4 times.
    m_refresh.setInterval(250);
    connect(&m_refresh, &QTimer::timeout, this, &ProgressPanel::refresh);
    m_hide.setSingleShot(true);
    m_hide.setInterval(20000);
    connect(&m_hide, &QTimer::timeout, this, &QWidget::hide);
    hide();
}

void ProgressPanel::addButton(QPushButton *button)
{
    m_buttons->insertWidget(0, button);
}

void ProgressPanel::setTitle(const QString &title)
{
    m_title->setText(title);
    refreshAccessibleText();
}

void ProgressPanel::begin(const QString &title, qint64 total)
{
    m_hide.stop();
    m_running = true;
    m_estimate.start(total);
    m_title->setText(title);
    m_error->hide();
    m_error->clear();
    m_detail->hide();
    m_retry->hide();
    m_close->hide();
    m_cancel->show();
    m_cancel->setEnabled(true);
    refresh();
    m_refresh.start();
    show();
}

void ProgressPanel::setTotal(qint64 total)
{
    m_estimate.setTotal(total);
}

void ProgressPanel::setProgress(qint64 done)
{
    m_estimate.update(done);
}

void ProgressPanel::setDetail(const QString &text)
{
    m_detail->setText(text);
    m_detail->setVisible(!text.isEmpty());
}

void ProgressPanel::refresh()
{
    const qint64 total = m_estimate.total();
    if (total > 0) {
        // QProgressBar is int; scale very large totals.
        m_bar->setRange(0, 10000);
        m_bar->setValue(int(double(m_estimate.done()) * 10000.0 / double(total)));
    } else if (m_running) {
        m_bar->setRange(0, 0); // busy
    }
    m_summary->setText(m_estimate.summary());
    refreshAccessibleText();
}

void ProgressPanel::refreshAccessibleText()
{
    // A screen reader hears what the bar stands for, not only a percentage.
    m_bar->setAccessibleName(m_title->text().isEmpty() ? tr("Progress") : m_title->text());
    m_bar->setAccessibleDescription(m_summary->text());
}

void ProgressPanel::finish(const QString &message)
{
    m_running = false;
    m_refresh.stop();
    refresh();
    if (m_estimate.total() <= 0) {
        m_bar->setRange(0, 1);
        m_bar->setValue(1);
    }
    m_summary->setText(message);
    refreshAccessibleText();
    m_cancel->hide();
    m_retry->hide();
    m_close->show();
    m_hide.start();
}

void ProgressPanel::fail(const QString &error, bool canRetry)
{
    finish(m_estimate.summary());
    m_hide.stop(); // an error stays until dismissed
    m_error->setText(tr("Stopped: %1").arg(error));
    m_error->show();
    m_retry->setVisible(canRetry);
}

QString ProgressPanel::titleText() const
{
    return m_title->text();
}

QString ProgressPanel::summaryText() const
{
    return m_summary->text();
}

QString ProgressPanel::errorText() const
{
    return m_error->isVisible() || !m_error->text().isEmpty() ? m_error->text() : QString();
}

} // namespace herald::ui
