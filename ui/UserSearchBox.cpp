#include "UserSearchBox.h"

#include "DirectoryResultModel.h"
#include "DirectorySearch.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QKeyEvent>
#include <QScrollBar>

namespace herald::ui {

UserSearchBox::UserSearchBox(QWidget *parent)
    : QLineEdit(parent)
{
    setObjectName(QStringLiteral("userSearch"));
    setPlaceholderText(tr("Search people by name or e-mail, then press Enter to add"));
    setAccessibleName(tr("Search people"));
    setAccessibleDescription(tr("The directory is searched after a pause in typing or on Enter. Down opens "
                                "the results; Enter adds the highlighted person."));
    setClearButtonEnabled(true);

    m_results = new DirectoryResultModel(this);
    m_search = new DirectorySearch(DirectorySearch::Kind::Users, m_results, this);
    m_completer = new QCompleter(m_results, this);
    // The directory already filtered: show every row it returned.
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setMaxVisibleItems(10);
    m_completer->setWidget(this); // not setCompleter(): the box keeps what was typed
    m_completer->popup()->setObjectName(QStringLiteral("userSearchPopup"));

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &UserSearchBox::startSearch);
    connect(this, &QLineEdit::textEdited, this, [this] { m_debounce.start(); });

    connect(m_search, &DirectorySearch::pageArrived, this, [this] {
        if (hasFocus() && !text().trimmed().isEmpty() && m_results->rowCount() > 0)
            m_completer->complete();
    });
    connect(m_search, &DirectorySearch::failed, this, &UserSearchBox::searchFailed);
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this,
            &UserSearchBox::choose);
    // Paging: the popup reached its end.
    connect(m_completer->popup()->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (value == m_completer->popup()->verticalScrollBar()->maximum() && m_results->hasMore())
            m_search->fetchNextPage();
    });
}

UserSearchBox::~UserSearchBox() = default;

void UserSearchBox::setClient(graph::GraphClient *client)
{
    m_search->setClient(client);
}

void UserSearchBox::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        if (m_completer->popup()->isVisible()) {
            // The completer offers keys to the box first; Enter in the
            // open popup chooses the highlighted person.
            event->ignore();
            return;
        }
        // Enter searches now instead of waiting for the pause.
        m_debounce.stop();
        if (text().trimmed() != m_search->term() || m_results->itemCount() == 0)
            startSearch();
        else
            m_completer->complete();
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Down && !m_completer->popup()->isVisible() && m_results->rowCount() > 0) {
        m_completer->complete();
        event->accept();
        return;
    }
    QLineEdit::keyPressEvent(event);
}

void UserSearchBox::startSearch()
{
    m_debounce.stop();
    m_search->search(text());
}

void UserSearchBox::choose(const QModelIndex &index)
{
    // `index` belongs to the completer's own proxy model.
    const QString id = index.data(DirectoryResultModel::IdRole).toString();
    if (id.isEmpty())
        return; // the "no one matches" row
    for (int row = 0; row < m_results->itemCount(); ++row) {
        if (m_results->item(row).id == id) {
            emit userChosen(m_search->recipientAt(row));
            break;
        }
    }
    clear();
    m_search->search(QString());
}

} // namespace herald::ui
