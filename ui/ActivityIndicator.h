#pragma once

#include <QList>
#include <QPair>
#include <QWidget>

class QLabel;
class QProgressBar;

namespace herald::ui {

// The status bar's background-activity area: a short label and an
// indeterminate progress bar, hidden when nothing runs. Several activities may
// overlap; the most recent one is shown.
class ActivityIndicator : public QWidget
{
    Q_OBJECT

public:
    explicit ActivityIndicator(QWidget *parent = nullptr);

    // Returns a ticket for end().
    int begin(const QString &text);
    void end(int ticket);

    bool isBusy() const { return !m_activities.isEmpty(); }
    QString currentText() const;

private:
    void refresh();

    QLabel *m_label = nullptr;
    QProgressBar *m_progress = nullptr;
    QList<QPair<int, QString>> m_activities;
    int m_nextTicket = 1;
};

} // namespace herald::ui
