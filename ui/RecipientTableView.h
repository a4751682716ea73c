#pragma once

#include "directory/Recipient.h"

#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QToolBar;

namespace herald {
class RecipientFilterProxy;
class RecipientTableModel;
} // namespace herald

namespace herald::ui {

// The recipient table as people use it: a toolbar with the actions, a
// filter line (text, install state, delivery state), the sortable
// multi-select QTableView over RecipientFilterProxy, a context menu with the
// same actions, and a count line. One instance is shared by the Recipients,
// Install and Send pages (see MainWindow::adoptTable) so all three show and
// act on the same rows with the same filter.
class RecipientTableView : public QWidget
{
    Q_OBJECT

signals:
    void selectionChanged();
    // Rows appeared, disappeared or passed/failed the filter.
    void contentsChanged();
    // Ctrl+C in the table: the rows, not only the current cell's text.
    void copyRequested();

public:
    explicit RecipientTableView(RecipientTableModel *model, QWidget *parent = nullptr);
    ~RecipientTableView() override;

    // Toolbar and context menu entries, in order; nullptr = separator.
    void setActions(const QList<QAction *> &actions);

    RecipientTableModel *model() const { return m_model; }
    RecipientFilterProxy *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    QComboBox *installFilter() const { return m_installFilter; }
    QComboBox *deliveryFilter() const { return m_deliveryFilter; }

    // Source rows, in view order.
    QList<int> selectedSourceRows() const;
    QList<int> visibleSourceRows() const;
    // Selected rows, or every row that passes the filter when none is selected.
    QList<int> targetSourceRows() const;
    bool hasSelection() const;
    QString countText() const;

    void showDeliveryColumn(bool show);
    void saveState(const QString &key) const;
    void restoreState(const QString &key);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildFilterBar();
    void applyStateFilters();
    void refreshCount();
    void showContextMenu(const QPoint &pos);

    RecipientTableModel *m_model;
    RecipientFilterProxy *m_proxy = nullptr;
    QToolBar *m_toolBar = nullptr;
    QLineEdit *m_filter = nullptr;
    QComboBox *m_installFilter = nullptr;
    QComboBox *m_deliveryFilter = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_count = nullptr;
    QList<QAction *> m_actions;
    bool m_countQueued = false;
};

} // namespace herald::ui
