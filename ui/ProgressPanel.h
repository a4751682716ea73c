#pragma once

#include "ProgressEstimate.h"

#include <QFrame>
#include <QTimer>

class QLabel;
class QProgressBar;
class QPushButton;
class QHBoxLayout;

namespace herald::ui {

// The strip under a table while a long operation runs: what runs, a
// progress bar, done/total with rate and time left, Cancel. When the run
// ends with an error the error is shown here once, with Retry.
class ProgressPanel : public QFrame
{
    Q_OBJECT

signals:
    void cancelRequested();
    void retryRequested();

public:
    explicit ProgressPanel(QWidget *parent = nullptr);

    void begin(const QString &title, qint64 total);
    void setTotal(qint64 total);
    void setProgress(qint64 done);
    // A second line, e.g. "sent 10 · failed 2 · remaining 300".
    void setDetail(const QString &text);
    // Done: shows `message`, then hides itself after a while (not after errors).
    void finish(const QString &message);
    void setTitle(const QString &title);
    void fail(const QString &error, bool canRetry);

    // Extra controls (Pause) before Cancel.
    void addButton(QPushButton *button);
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *retryButton() const { return m_retry; }
    QPushButton *dismissButton() const { return m_close; }

    bool isRunning() const { return m_running; }
    QString titleText() const;
    QString summaryText() const;
    QString errorText() const;
    const ProgressEstimate &estimate() const { return m_estimate; }

private:
    void refresh();
    void refreshAccessibleText();

    QLabel *m_title = nullptr;
    QProgressBar *m_bar = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_detail = nullptr;
    QLabel *m_error = nullptr;
    QHBoxLayout *m_buttons = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_close = nullptr;
    ProgressEstimate m_estimate;
    QTimer m_refresh;
    QTimer m_hide;
    bool m_running = false;
};

} // namespace herald::ui
