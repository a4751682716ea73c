#include "ActivityIndicator.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>

namespace herald::ui {

ActivityIndicator::ActivityIndicator(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_progress(new QProgressBar(this))
{
    setObjectName(QStringLiteral("activityIndicator"));
    // Minimum 0 and maximum 0: Qt's "busy" progress bar.
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->setAccessibleName(tr("Background activity"));
    m_progress->setFixedWidth(fontMetrics().averageCharWidth() * 14);
    m_progress->setMaximumHeight(fontMetrics().height());

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_progress);
    refresh();
}

int ActivityIndicator::begin(const QString &text)
{
    const int ticket = m_nextTicket++;
    m_activities.append({ticket, text});
    refresh();
    return ticket;
}

void ActivityIndicator::end(int ticket)
{
    for (int i = 0; i < m_activities.size(); ++i) {
        if (m_activities.at(i).first == ticket) {
            m_activities.removeAt(i);
            break;
        }
    }
    refresh();
}

QString ActivityIndicator::currentText() const
{
    return m_activities.isEmpty() ? QString() : m_activities.constLast().second;
}

void ActivityIndicator::refresh()
{
    m_label->setText(currentText());
    // Hide the whole area when idle: an idle busy bar would still animate.
    setVisible(isBusy());
}

} // namespace herald::ui
