#include "ChipBar.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QScrollArea>
#include <QToolButton>

namespace herald::ui {

namespace {
const char *const kChipId = "chipId";

// "R&D" is a name, not a mnemonic.
QString chipText(const QString &text)
{
    return QString(text).replace(QLatin1Char('&'), QStringLiteral("&&")) + QStringLiteral("  ✕");
}

// Delete and Backspace on a focused chip remove it, like in a mail client.
class ChipKeys : public QObject
{
public:
    using QObject::QObject;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::KeyPress) {
            const int key = static_cast<QKeyEvent *>(event)->key();
            if (key == Qt::Key_Delete || key == Qt::Key_Backspace) {
                static_cast<QToolButton *>(watched)->click();
                return true;
            }
        }
        return false;
    }
};
} // namespace

ChipBar::ChipBar(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("chipBar"));
    setAccessibleName(tr("Chosen recipients"));
    auto *inner = new QWidget;
    m_layout = new QHBoxLayout(inner);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(6);
    m_empty = new QLabel(tr("No recipients chosen yet: search for people above, or add a team, a group, a "
                            "CSV file or every user."),
                         inner);
    m_empty->setObjectName(QStringLiteral("chipBarEmpty"));
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_layout->addWidget(m_empty);
    m_layout->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(inner);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    scroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFocusPolicy(Qt::NoFocus);
    scroll->viewport()->setAutoFillBackground(false);
    inner->setAutoFillBackground(false);
    scroll->setFixedHeight(fontMetrics().height() + 16);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
}

void ChipBar::addChip(int chipId, const QString &text, const QString &toolTip)
{
    auto *chip = new QToolButton(this);
    chip->setObjectName(QStringLiteral("chip%1").arg(chipId));
    chip->setProperty(kChipId, chipId);
    chip->setText(chipText(text));
    chip->setToolTip(toolTip.isEmpty() ? tr("Remove %1 from the recipients").arg(text) : toolTip);
    chip->setAccessibleName(tr("Remove %1").arg(text));
    chip->setAccessibleDescription(tr("Chosen recipients. Press Space or Delete to take them off the list."));
    chip->setAutoRaise(false);
    chip->setFocusPolicy(Qt::StrongFocus);
    chip->installEventFilter(new ChipKeys(chip));
    connect(chip, &QToolButton::clicked, this, [this, chipId] { emit removeRequested(chipId); });
    m_layout->insertWidget(m_layout->count() - 1, chip);
    refreshEmpty();
    emit chipsChanged();
}

QToolButton *ChipBar::chip(int chipId) const
{
    for (QToolButton *button : findChildren<QToolButton *>()) {
        if (button->property(kChipId).toInt() == chipId)
            return button;
    }
    return nullptr;
}

void ChipBar::setChipText(int chipId, const QString &text)
{
    if (QToolButton *button = chip(chipId)) {
        button->setText(chipText(text));
        button->setAccessibleName(tr("Remove %1").arg(text));
    }
}

void ChipBar::removeChip(int chipId)
{
    if (QToolButton *button = chip(chipId)) {
        button->hide();
        button->deleteLater();
        button->setProperty(kChipId, -1);
    }
    refreshEmpty();
    emit chipsChanged();
}

void ChipBar::clear()
{
    for (QToolButton *button : findChildren<QToolButton *>()) {
        button->setProperty(kChipId, -1);
        button->deleteLater();
    }
    refreshEmpty();
    emit chipsChanged();
}

int ChipBar::chipCount() const
{
    return int(chipTexts().size());
}

QStringList ChipBar::chipTexts() const
{
    QStringList texts;
    for (int i = 0; i < m_layout->count(); ++i) {
        auto *button = qobject_cast<QToolButton *>(m_layout->itemAt(i)->widget());
        if (button && button->property(kChipId).toInt() >= 0)
            texts.append(button->text().chopped(3).replace(QStringLiteral("&&"), QStringLiteral("&")));
    }
    return texts;
}

void ChipBar::refreshEmpty()
{
    bool any = false;
    for (QToolButton *button : findChildren<QToolButton *>())
        any = any || button->property(kChipId).toInt() >= 0;
    m_empty->setVisible(!any);
}

} // namespace herald::ui
