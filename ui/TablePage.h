#pragma once

#include <QWidget>

class QVBoxLayout;

namespace herald::ui {

// A page that shows the shared recipient table (with its progress panel)
// below its own controls. MainWindow moves the one table area into the
// current page's slot, so every page acts on the same rows and filter.
class TablePage : public QWidget
{
    Q_OBJECT

public:
    explicit TablePage(QWidget *parent = nullptr);

    // Puts `area` at the bottom of this page (reparents it).
    void adoptTable(QWidget *area);

protected:
    // Subclasses add their controls here; the table goes below them.
    QVBoxLayout *controls() const { return m_controls; }

private:
    QVBoxLayout *m_layout = nullptr;
    QVBoxLayout *m_controls = nullptr;
};

} // namespace herald::ui
