#include "CsvImportDialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace herald::ui {

CsvImportDialog::CsvImportDialog(const QString &path, QWidget *parent)
    : QDialog(parent)
    , m_path(path)
{
    setObjectName(QStringLiteral("csvImport"));
    setWindowTitle(tr("Import %1").arg(QFileInfo(path).fileName()));
    m_summary = new QLabel(tr("Reading %1…").arg(QFileInfo(path).fileName()), this);
    m_summary->setObjectName(QStringLiteral("csvSummary"));
    m_summary->setWordWrap(true);
    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("csvPreview"));
    m_table->setAccessibleName(tr("Rows read from the file"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setTabKeyNavigation(false); // Tab leaves the table, arrows move in it
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    auto *problemTitle = new QLabel(tr("&Problems"), this);
    m_problems = new QListWidget(this);
    m_problems->setObjectName(QStringLiteral("csvProblems"));
    m_problems->setAccessibleName(tr("Problems found in the file"));
    problemTitle->setBuddy(m_problems);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Add"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 3);
    layout->addWidget(problemTitle);
    layout->addWidget(m_problems, 1);
    layout->addWidget(m_buttons);
    resize(720, 520);

    connect(&m_watcher, &QFutureWatcher<RecipientListResult>::finished, this, [this] {
        m_result = m_watcher.result();
        m_done = true;
        showResult();
        emit parsed();
    });
    // A 100,000-line file takes a moment to read: never on the GUI thread.
    m_watcher.setFuture(QtConcurrent::run([path] { return RecipientListReader().readFile(path); }));
}

CsvImportDialog::~CsvImportDialog()
{
    m_watcher.waitForFinished(); // the reader holds no GUI state; this is short
}

bool CsvImportDialog::canAdd() const
{
    return m_done && !m_result.recipients.isEmpty();
}

QString CsvImportDialog::summaryText() const
{
    return m_summary->text();
}

void CsvImportDialog::showResult()
{
    const QLocale locale;
    const RecipientList &rows = m_result.recipients;
    int errors = 0;
    for (const LineProblem &problem : m_result.problems)
        errors += problem.isError() ? 1 : 0;
    QString summary = rows.size() == 1 ? tr("1 recipient read")
                                       : tr("%1 recipients read").arg(locale.toString(rows.size()));
    if (!m_result.problems.isEmpty())
        summary
            += tr("; %1 problems (%2 rows could not be used). Fix the lines below in the file, or add the "
                  "rows that are fine.")
                   .arg(locale.toString(m_result.problems.size()), locale.toString(errors));
    else
        summary += tr("; no problems.");
    if (rows.size() > kPreviewRows)
        summary += tr(" The first %1 are shown.").arg(locale.toString(kPreviewRows));
    m_summary->setText(summary);

    QStringList headers{tr("Recipient"), tr("Identified by")};
    headers += m_result.extraColumns;
    m_table->setColumnCount(int(headers.size()));
    m_table->setHorizontalHeaderLabels(headers);
    const int shown = int(qMin<qsizetype>(rows.size(), kPreviewRows));
    m_table->setRowCount(shown);
    for (int r = 0; r < shown; ++r) {
        const Recipient &recipient = rows.at(r);
        m_table->setItem(r, 0, new QTableWidgetItem(recipient.input));
        m_table->setItem(r, 1, new QTableWidgetItem(toName(recipient.inputKind)));
        const QStringList values = recipient.extra.values();
        for (int c = 0; c < values.size() && c + 2 < headers.size(); ++c)
            m_table->setItem(r, c + 2, new QTableWidgetItem(values.at(c)));
    }
    m_table->resizeColumnsToContents();

    const QIcon errorIcon = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    const QIcon warningIcon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (const LineProblem &problem : m_result.problems) {
        // Icon and words: "Error"/"Warning" is in the text, not only the colour.
        const QString kind = problem.isError() ? tr("Error") : tr("Warning");
        auto *item = new QListWidgetItem(problem.isError() ? errorIcon : warningIcon,
                                         tr("%1 — %2").arg(kind, problem.toString()), m_problems);
        item->setData(Qt::UserRole, problem.line);
    }
    if (m_result.problems.isEmpty())
        new QListWidgetItem(tr("None."), m_problems);

    QPushButton *add = m_buttons->button(QDialogButtonBox::Ok);
    add->setEnabled(canAdd());
    add->setText(rows.size() == 1 ? tr("Add 1 recipient")
                                  : tr("Add %1 recipients").arg(locale.toString(rows.size())));
}

} // namespace herald::ui
