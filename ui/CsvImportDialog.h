#pragma once

#include "directory/RecipientListReader.h"

#include <QDialog>
#include <QFutureWatcher>

class QDialogButtonBox;
class QLabel;
class QListWidget;
class QTableWidget;

namespace herald::ui {

// "Import CSV…": reads the file off the GUI thread with the directory's
// RecipientListReader (the same reader as `herald-cli --users FILE`) and
// shows what it found before anything is added: the parsed rows, and every
// problem with its line number so the admin can fix the file. Rows that are
// fine can be added even when others are not.
class CsvImportDialog : public QDialog
{
    Q_OBJECT

signals:
    void parsed();

public:
    static constexpr int kPreviewRows = 500;

    explicit CsvImportDialog(const QString &path, QWidget *parent = nullptr);
    ~CsvImportDialog() override;

    QString path() const { return m_path; }
    bool isParsed() const { return m_done; }
    const RecipientListResult &result() const { return m_result; }

    QTableWidget *previewTable() const { return m_table; }
    QListWidget *problemList() const { return m_problems; }
    QString summaryText() const;
    bool canAdd() const;

private:
    void showResult();

    QString m_path;
    QFutureWatcher<RecipientListResult> m_watcher;
    RecipientListResult m_result;
    bool m_done = false;
    QLabel *m_summary = nullptr;
    QTableWidget *m_table = nullptr;
    QListWidget *m_problems = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace herald::ui
