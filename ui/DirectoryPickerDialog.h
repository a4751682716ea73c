#pragma once

#include "DirectoryResultModel.h"
#include "DirectorySearch.h"

#include <QDialog>
#include <QTimer>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListView;

namespace herald::ui {

// "Add team…" / "Add group…": search the directory (teams by name prefix,
// groups by word), choose one or more (multi-select, paging as the list
// scrolls), Add. A group brings its nested user members; a team is one
// recipient (the app goes into the team).
class DirectoryPickerDialog : public QDialog
{
    Q_OBJECT

public:
    DirectoryPickerDialog(DirectorySearch::Kind kind, graph::GraphClient *client, QWidget *parent = nullptr);

    QList<DirectoryItem> chosen() const;

    QLineEdit *searchEdit() const { return m_edit; }
    QListView *resultView() const { return m_view; }
    DirectorySearch *search() const { return m_search; }

protected:
    // Enter in the search field searches; the dialog's default button
    // (Add) must not take it too.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refreshButtons();

    DirectoryResultModel *m_model = nullptr;
    DirectorySearch *m_search = nullptr;
    QLineEdit *m_edit = nullptr;
    QListView *m_view = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QTimer m_debounce;
};

} // namespace herald::ui
