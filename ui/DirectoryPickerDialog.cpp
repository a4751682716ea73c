#include "DirectoryPickerDialog.h"

#include <QDialogButtonBox>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace herald::ui {

DirectoryPickerDialog::DirectoryPickerDialog(DirectorySearch::Kind kind, graph::GraphClient *client,
                                             QWidget *parent)
    : QDialog(parent)
{
    const bool teams = kind == DirectorySearch::Kind::Teams;
    setObjectName(teams ? QStringLiteral("teamPicker") : QStringLiteral("groupPicker"));
    setWindowTitle(teams ? tr("Add teams") : tr("Add groups"));
    m_model = new DirectoryResultModel(this);
    m_search = new DirectorySearch(kind, m_model, this);
    m_search->setClient(client);

    auto *intro
        = new QLabel(teams ? tr("The app is installed in each team you add, and the team's channel is "
                                "the recipient.")
                           : tr("Every user in the group is added, including members of nested groups."),
                     this);
    intro->setWordWrap(true);
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(QStringLiteral("pickerSearch"));
    m_edit->setPlaceholderText(teams ? tr("Team name starts with…") : tr("Group name"));
    m_edit->setAccessibleName(teams ? tr("Search teams") : tr("Search groups"));
    m_edit->setClearButtonEnabled(true);
    m_view = new QListView(this);
    m_view->setObjectName(QStringLiteral("pickerResults"));
    m_view->setAccessibleName(teams ? tr("Teams") : tr("Groups"));
    m_view->setModel(m_model);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setUniformItemSizes(true);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("pickerStatus"));
    m_status->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Add"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_edit);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    resize(480, 420);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(300);
    connect(m_edit, &QLineEdit::textEdited, this, [this] { m_debounce.start(); });
    connect(&m_debounce, &QTimer::timeout, this, [this] { m_search->search(m_edit->text()); });
    // Enter in the search field searches; it does not press Add (eventFilter).
    m_edit->installEventFilter(this);
    connect(m_search, &DirectorySearch::started, this, [this] { m_status->setText(tr("Searching…")); });
    connect(m_search, &DirectorySearch::pageArrived, this, [this] {
        const qint64 total = m_search->totalCount();
        m_status->setText(total >= 0 ? tr("%1 found").arg(QLocale().toString(total))
                                     : tr("%1 shown").arg(QLocale().toString(m_model->itemCount())));
        if (!m_view->currentIndex().isValid() && m_model->itemCount() > 0)
            m_view->setCurrentIndex(m_model->index(0));
    });
    connect(m_search, &DirectorySearch::failed, this,
            [this](const QString &message) { m_status->setText(message); });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DirectoryPickerDialog::refreshButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &DirectoryPickerDialog::refreshButtons);
    refreshButtons();
    if (teams)
        m_search->search(QString()); // teams are few: list them all at once
}

bool DirectoryPickerDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            m_debounce.stop();
            m_search->search(m_edit->text());
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

QList<DirectoryItem> DirectoryPickerDialog::chosen() const
{
    QList<DirectoryItem> items;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows()) {
        if (index.row() < m_model->itemCount())
            items.append(m_model->item(index.row()));
    }
    return items;
}

void DirectoryPickerDialog::refreshButtons()
{
    const int count = int(chosen().size());
    QPushButton *add = m_buttons->button(QDialogButtonBox::Ok);
    add->setEnabled(count > 0);
    add->setText(count > 1 ? tr("Add %1").arg(count) : tr("Add"));
}

} // namespace herald::ui
