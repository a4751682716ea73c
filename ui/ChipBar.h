#pragma once

#include <QWidget>

class QHBoxLayout;
class QLabel;
class QToolButton;

namespace herald::ui {

// The chosen recipient sources as a row of removable chips ("Ann Smith ✕",
// "Group: Sales · 34 ✕", "people.csv · 118 ✕"). Each chip is a tool button:
// Tab reaches it, Space or Delete removes it.
class ChipBar : public QWidget
{
    Q_OBJECT

signals:
    void removeRequested(int chipId);
    // A chip was added or taken away (its button is new or gone).
    void chipsChanged();

public:
    explicit ChipBar(QWidget *parent = nullptr);

    void addChip(int chipId, const QString &text, const QString &toolTip = {});
    void setChipText(int chipId, const QString &text);
    void removeChip(int chipId);
    void clear();

    int chipCount() const;
    QStringList chipTexts() const;
    QToolButton *chip(int chipId) const;

private:
    void refreshEmpty();

    QHBoxLayout *m_layout = nullptr;
    QLabel *m_empty = nullptr;
};

} // namespace herald::ui
