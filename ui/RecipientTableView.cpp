#include "RecipientTableView.h"

#include "RecipientFilterProxy.h"
#include "RecipientStateText.h"
#include "RecipientTableModel.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QSettings>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>
#include <algorithm>

namespace herald::ui {

RecipientTableView::RecipientTableView(RecipientTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    setObjectName(QStringLiteral("recipientTable"));
    m_proxy = new RecipientFilterProxy(this);
    m_proxy->setSourceModel(model);

    m_toolBar = new QToolBar(this);
    m_toolBar->setObjectName(QStringLiteral("recipientToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setIconSize(QSize(16, 16));
    m_toolBar->setAccessibleName(tr("Recipient actions"));

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("recipientView"));
    m_view->setAccessibleName(tr("Recipients"));
    m_view->setAccessibleDescription(
        tr("One row per recipient with its install and delivery state. Arrow keys move, Shift and Ctrl "
           "select, the Menu key opens the actions."));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // input order until the admin sorts
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setTabKeyNavigation(false); // Tab leaves the table, arrows move in it
    // Fixed row heights: the view never measures 100,000 rows.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_view->verticalHeader()->hide();
    QHeaderView *header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    header->setSectionsMovable(true);
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('m'));
    header->resizeSection(RecipientTableModel::Name, 14 * em);
    header->resizeSection(RecipientTableModel::UserPrincipalName, 24 * em);
    header->resizeSection(RecipientTableModel::Kind, 5 * em);
    header->resizeSection(RecipientTableModel::InstallState, 10 * em);
    header->resizeSection(RecipientTableModel::DeliveryState, 10 * em);
    m_view->setColumnHidden(RecipientTableModel::InstallationId, true);
    m_view->setColumnHidden(RecipientTableModel::ChatId, true);
    m_view->setColumnHidden(RecipientTableModel::DeliveryState, true);

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("recipientCount"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    buildFilterBar();
    layout->addWidget(m_toolBar);
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_filter, 1);
    filters->addWidget(m_installFilter);
    filters->addWidget(m_deliveryFilter);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_count);

    m_view->installEventFilter(this);
    connect(m_view, &QWidget::customContextMenuRequested, this, &RecipientTableView::showContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        refreshCount();
        emit selectionChanged();
    });
    // Counting is cheap but rows arrive in bursts: count once per burst.
    auto queueCount = [this] {
        if (m_countQueued)
            return;
        m_countQueued = true;
        QTimer::singleShot(100, this, [this] {
            m_countQueued = false;
            refreshCount();
            emit contentsChanged();
        });
    };
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, queueCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, queueCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, queueCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, queueCount);
    connect(m_model, &QAbstractItemModel::dataChanged, this, queueCount);
    refreshCount();
}

RecipientTableView::~RecipientTableView() = default;

bool RecipientTableView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view
        && (event->type() == QEvent::KeyPress || event->type() == QEvent::ShortcutOverride)) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Copy)) {
            event->accept();
            if (event->type() == QEvent::KeyPress)
                emit copyRequested();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void RecipientTableView::buildFilterBar()
{
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("recipientFilter"));
    m_filter->setPlaceholderText(tr("Filter by name, e-mail or detail"));
    m_filter->setAccessibleName(tr("Filter recipients"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &RecipientFilterProxy::setFilterText);

    m_installFilter = new QComboBox(this);
    m_installFilter->setObjectName(QStringLiteral("installFilter"));
    m_installFilter->setAccessibleName(tr("Install state filter"));
    m_installFilter->addItem(tr("Any install state"), -1);
    for (int s = 0; s < installStateCount; ++s)
        m_installFilter->addItem(displayText(InstallState(s)), s);

    m_deliveryFilter = new QComboBox(this);
    m_deliveryFilter->setObjectName(QStringLiteral("deliveryFilter"));
    m_deliveryFilter->setAccessibleName(tr("Delivery state filter"));
    m_deliveryFilter->addItem(tr("Any delivery state"), -1);
    for (int s = 0; s < deliveryStateCount; ++s)
        m_deliveryFilter->addItem(displayText(DeliveryState(s)), s);
    m_deliveryFilter->hide();

    connect(m_installFilter, &QComboBox::currentIndexChanged, this, &RecipientTableView::applyStateFilters);
    connect(m_deliveryFilter, &QComboBox::currentIndexChanged, this, &RecipientTableView::applyStateFilters);
}

void RecipientTableView::applyStateFilters()
{
    const int install = m_installFilter->currentData().toInt();
    const int delivery = m_deliveryFilter->currentData().toInt();
    m_proxy->setInstallStates(install < 0 ? QList<InstallState>{}
                                          : QList<InstallState>{InstallState(install)});
    m_proxy->setDeliveryStates(delivery < 0 ? QList<DeliveryState>{}
                                            : QList<DeliveryState>{DeliveryState(delivery)});
    refreshCount();
}

void RecipientTableView::setActions(const QList<QAction *> &actions)
{
    m_actions = actions;
    m_toolBar->clear();
    for (QAction *action : actions) {
        if (action) {
            m_toolBar->addAction(action);
            // Tool bar buttons take no focus by default; here they are the
            // page's main actions, so Tab reaches them too (not only F5, Ctrl+I…).
            if (QWidget *button = m_toolBar->widgetForAction(action))
                button->setFocusPolicy(Qt::TabFocus);
        } else {
            m_toolBar->addSeparator();
        }
    }
}

void RecipientTableView::showContextMenu(const QPoint &pos)
{
    QMenu menu(this);
    for (QAction *action : std::as_const(m_actions)) {
        if (action)
            menu.addAction(action);
        else
            menu.addSeparator();
    }
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

QList<int> RecipientTableView::selectedSourceRows() const
{
    QList<int> rows;
    const QModelIndexList selected = m_view->selectionModel()->selectedRows();
    rows.reserve(selected.size());
    for (const QModelIndex &index : selected)
        rows.append(m_proxy->mapToSource(index).row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

QList<int> RecipientTableView::visibleSourceRows() const
{
    QList<int> rows;
    const int count = m_proxy->rowCount();
    rows.reserve(count);
    for (int i = 0; i < count; ++i)
        rows.append(m_proxy->mapToSource(m_proxy->index(i, 0)).row());
    return rows;
}

QList<int> RecipientTableView::targetSourceRows() const
{
    return hasSelection() ? selectedSourceRows() : visibleSourceRows();
}

bool RecipientTableView::hasSelection() const
{
    return m_view->selectionModel()->hasSelection();
}

QString RecipientTableView::countText() const
{
    return m_count->text();
}

void RecipientTableView::refreshCount()
{
    const QLocale locale;
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    QString text;
    if (shown != total)
        text = tr("%1 of %2 recipients shown").arg(locale.toString(shown), locale.toString(total));
    else
        text = total == 1 ? tr("1 recipient") : tr("%1 recipients").arg(locale.toString(total));
    const int selected = int(m_view->selectionModel()->selectedRows().size());
    if (selected > 0)
        text += tr(" · %1 selected").arg(locale.toString(selected));
    m_count->setText(text);
}

void RecipientTableView::showDeliveryColumn(bool show)
{
    m_view->setColumnHidden(RecipientTableModel::DeliveryState, !show);
    m_deliveryFilter->setVisible(show);
}

void RecipientTableView::saveState(const QString &key) const
{
    QSettings().setValue(key, m_view->horizontalHeader()->saveState());
}

void RecipientTableView::restoreState(const QString &key)
{
    const QByteArray state = QSettings().value(key).toByteArray();
    if (!state.isEmpty())
        m_view->horizontalHeader()->restoreState(state);
}

} // namespace herald::ui
