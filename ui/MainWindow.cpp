#include "MainWindow.h"

#include "ActivityIndicator.h"
#include "CampaignController.h"
#include "ChipBar.h"
#include "DemoBanner.h"
#include "DemoSession.h"
#include "EmptyStatePage.h"
#include "FocusChain.h"
#include "HeaderBar.h"
#include "HistoryPage.h"
#include "Icons.h"
#include "InstallPage.h"
#include "ProfileOpener.h"
#include "RecipientTableModel.h"
#include "RecipientTableView.h"
#include "RecipientsPage.h"
#include "SendPage.h"
#include "Session.h"
#include "TablePage.h"
#include "TenantIndicator.h"
#include "TestSendAction.h"
#include "UiLogging.h"
#include "Workspace.h"
#include "compose/AdaptiveCardView.h"
#include "compose/ComposerPage.h"
#include "compose/MessageEditor.h"
#include "core/Version.h"
#include "message/RecipientData.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>
#include <iterator>
#include <utility>

namespace herald::ui {

namespace {

const QString kGeometryKey = QStringLiteral("MainWindow/geometry");
const QString kStateKey = QStringLiteral("MainWindow/state");
const QString kPageKey = QStringLiteral("MainWindow/page");

QFrame *separator(QFrame::Shape shape, QWidget *parent)
{
    auto *line = new QFrame(parent);
    line->setFrameShape(shape);
    line->setFrameShadow(QFrame::Plain);
    line->setForegroundRole(QPalette::Mid);
    return line;
}

// The app's icon and name at the top of the sidebar, as tall as the header
// beside it so the two separator lines meet.
QWidget *createBrand(int height, QWidget *parent)
{
    auto *brand = new QWidget(parent);
    brand->setFixedHeight(height);
    auto *icon = new QLabel(brand);
    const int iconSize = brand->fontMetrics().height() * 2;
    icon->setPixmap(icons::appIcon().pixmap(iconSize, iconSize));
    auto *name = new QLabel(MainWindow::tr("Herald"), brand);
    QFont font = name->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setBold(true);
    name->setFont(font);
    auto *layout = new QHBoxLayout(brand);
    layout->setContentsMargins(12, 0, 12, 0);
    layout->setSpacing(8);
    layout->addWidget(icon);
    layout->addWidget(name, 1);
    return brand;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_pageInfo(Pages::all())
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Herald"));
    setWindowIcon(icons::appIcon());
    setMinimumSize(720, 480);
    resize(1100, 700);

    m_activity = new ActivityIndicator(this);
    statusBar()->addPermanentWidget(m_activity);
    m_workspace = new Workspace(m_activity, this, this);
    connect(session(), &Session::stateChanged, this, &MainWindow::refreshSession);

    m_profiles = new ProfileOpener(session(), this, this);
    connect(m_profiles, &ProfileOpener::failed, this,
            [this](const QString &message) { statusBar()->showMessage(message, 15000); });

    createCentralArea();
    createPages();
    createMenus();
    refreshSession();

    refreshIcons();
    setCurrentPage(0);
    restoreSettings();

    // New chips and a re-rendered preview bring new buttons: keep them in place.
    connect(m_workspace->chips(), &ChipBar::chipsChanged, this, &MainWindow::scheduleTabOrder);
    connect(m_composer->cardView(), &AdaptiveCardView::rendered, this, &MainWindow::scheduleTabOrder);
    focus::orderByLayout(centralWidget());
}

MainWindow::~MainWindow()
{
    // First, while every widget is alive: an interrupted send writes its
    // journal and says so to the pages and the status bar.
    delete m_workspace;
    m_workspace = nullptr;
}

void MainWindow::createCentralArea()
{
    m_demoBanner = new DemoBanner(this);
    m_header = new HeaderBar(this);

    m_navigation = new QListWidget(this);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setAccessibleName(tr("Pages"));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setIconSize(QSize(20, 20));
    m_navigation->setUniformItemSizes(true);
    m_navigation->setSpacing(2);
    m_navigation->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // The sidebar sits on the window colour, like a native source list.
    m_navigation->viewport()->setBackgroundRole(QPalette::Window);

    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));

    const int rowHeight = fontMetrics().height() * 2 + 4;
    int textWidth = 0;
    for (int i = 0; i < m_pageInfo.size(); ++i) {
        const PageInfo &info = m_pageInfo.at(i);
        auto *item = new QListWidgetItem(info.title, m_navigation);
        item->setSizeHint(QSize(0, rowHeight));
        textWidth = qMax(textWidth, fontMetrics().horizontalAdvance(info.title));
    }
    m_navigation->setFixedWidth(qMax(168, textWidth + 20 + 56));

    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            setCurrentPage(row);
    });

    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->setSpacing(0);
    contentLayout->addWidget(m_header);
    contentLayout->addWidget(separator(QFrame::HLine, content));
    contentLayout->addWidget(m_pages, 1);

    auto *body = new QHBoxLayout;
    body->setContentsMargins(0, 0, 0, 0);
    body->setSpacing(0);
    // The sidebar: the list on the window colour with a little air around it.
    auto *sidebar = new QWidget(this);
    auto *sidebarLayout = new QVBoxLayout(sidebar);
    sidebarLayout->setContentsMargins(0, 0, 0, 8);
    sidebarLayout->setSpacing(0);
    sidebarLayout->addWidget(createBrand(m_header->sizeHint().height(), sidebar));
    sidebarLayout->addWidget(separator(QFrame::HLine, sidebar));
    sidebarLayout->addSpacing(8);
    auto *navigationMargins = new QHBoxLayout;
    navigationMargins->setContentsMargins(6, 0, 6, 0);
    navigationMargins->addWidget(m_navigation);
    sidebarLayout->addLayout(navigationMargins);
    body->addWidget(sidebar);
    body->addWidget(separator(QFrame::VLine, this));
    body->addWidget(content, 1);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_demoBanner);
    layout->addLayout(body, 1);
    setCentralWidget(central);
}

void MainWindow::createPages()
{
    m_recipients = new RecipientsPage(session(), m_workspace->loader(), m_workspace->chips(), m_pages);
    connect(m_recipients, &RecipientsPage::profilesRequested, m_profiles, &ProfileOpener::showProfiles);
    m_install = new InstallPage(session(), m_workspace->model(), m_workspace->actions(), m_pages);
    m_send = new SendPage(session(), m_workspace->campaigns(), m_workspace->model(), m_pages);
    m_history = new HistoryPage(m_workspace->campaigns(), m_pages);
    for (const PageInfo &info : std::as_const(m_pageInfo)) {
        if (info.id == QLatin1String("recipients"))
            m_pages->addWidget(m_recipients);
        else if (info.id == QLatin1String("install"))
            m_pages->addWidget(m_install);
        else if (info.id == QLatin1String("send"))
            m_pages->addWidget(m_send);
        else if (info.id == QLatin1String("history"))
            m_pages->addWidget(m_history);
        else if (info.id == QLatin1String("compose"))
            m_pages->addWidget(createComposer());
        else
            m_pages->addWidget(new EmptyStatePage(info, m_pages));
    }
    m_recipients->adoptTable(m_workspace->tableArea());

    CampaignController *campaigns = m_workspace->campaigns();
    connect(campaigns, &CampaignController::runningChanged, this, [this](bool running) {
        static int ticket = 0;
        if (running)
            ticket = m_activity->begin(tr("Sending “%1”…").arg(m_workspace->campaigns()->currentName()));
        else if (ticket)
            m_activity->end(std::exchange(ticket, 0));
        if (!running && m_closeAfterStop)
            QTimer::singleShot(0, this, &QWidget::close); // stopped cleanly: close now
    });
    connect(campaigns, &CampaignController::finished, this,
            [this](auto, const QString &message) { statusBar()->showMessage(message, 10000); });
}

QWidget *MainWindow::createComposer()
{
    // The composer (ui/compose) writes the message; the Send page sends
    // what it holds, and it previews with the table's recipients.
    m_composer = new ComposerPage(m_pages);
    m_composer->setObjectName(QStringLiteral("page_compose"));
    m_composer->setNetworkAccessManager(session()->network());
    m_send->setMessageProvider([this](QString *error) -> std::optional<message::MessageDocument> {
        const std::optional<message::MessageDocument> document = m_composer->document();
        if (!document || m_composer->hasErrors()) {
            *error = tr("The message on the Compose page has errors; fix them first.");
            return std::nullopt;
        }
        return document;
    });
    connect(m_composer, &ComposerPage::documentChanged, m_send, &SendPage::refreshEnabled);
    // "Send test to me": one bound message to one user, never journaled.
    m_testSend = new TestSendAction(session(), this, statusBar(), m_activity, this);
    connect(m_composer, &ComposerPage::sendTestRequested, m_testSend, &TestSendAction::request);
    // Preview-as choices: the first recipients of the table, refreshed when it changes.
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    timer->setInterval(500);
    connect(timer, &QTimer::timeout, this, [this] {
        RecipientTableModel *model = m_workspace->model();
        message::RecipientDataList list;
        const int count = qMin(model->rowCount(), ComposerPage::kValidatedRecipients);
        for (int r = 0; r < count; ++r)
            list.append(message::RecipientData::fromRecipient(model->recipient(r)));
        m_composer->setRecipients(list);
    });
    auto later = [timer] { timer->start(); };
    connect(m_workspace->model(), &QAbstractItemModel::rowsInserted, timer, later);
    connect(m_workspace->model(), &QAbstractItemModel::modelReset, timer, later);
    return m_composer;
}

void MainWindow::openLastProfile()
{
    m_profiles->openLast();
}

int MainWindow::pageIndex(const QString &id) const
{
    for (int i = 0; i < m_pageInfo.size(); ++i) {
        if (m_pageInfo.at(i).id == id)
            return i;
    }
    return -1;
}

void MainWindow::replacePage(const QString &id, QWidget *page)
{
    const int index = pageIndex(id);
    if (index < 0) {
        delete page;
        return;
    }
    QWidget *old = m_pages->widget(index);
    const bool current = m_pages->currentIndex() == index;
    m_pages->insertWidget(index, page);
    m_pages->removeWidget(old);
    old->deleteLater();
    if (current)
        m_pages->setCurrentIndex(index);
}

Session *MainWindow::session() const
{
    return m_workspace->session();
}

QAction *MainWindow::action(const QString &name) const
{
    return findChild<QAction *>(name);
}

int MainWindow::currentPage() const
{
    return m_pages->currentIndex();
}

void MainWindow::setCurrentPage(int index)
{
    if (index < 0 || index >= m_pages->count())
        return;
    // The one recipient table follows the admin to the page that shows it.
    if (auto *page = qobject_cast<TablePage *>(m_pages->widget(index)))
        page->adoptTable(m_workspace->tableArea());
    // Delivery states matter while sending; install states everywhere.
    m_workspace->table()->showDeliveryColumn(m_pages->widget(index) == m_send);
    // Keyboard focus on the page being left (Ctrl+digit) moves to the new one;
    // in the navigation list it stays there.
    QWidget *focused = QApplication::focusWidget();
    const bool focusOnPage = focused && m_pages->isAncestorOf(focused);
    m_pages->setCurrentIndex(index);
    m_navigation->setCurrentRow(index);
    m_pageActions->actions().at(index)->setChecked(true);
    m_header->setTitle(m_pageInfo.at(index).title);
    scheduleTabOrder();
    if (focusOnPage)
        focusPage(index);
}

void MainWindow::scheduleTabOrder()
{
    if (m_tabOrderQueued)
        return;
    m_tabOrderQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_tabOrderQueued = false;
        focus::orderByLayout(centralWidget());
    });
}

void MainWindow::focusPage(int index)
{
    QWidget *page = m_pages->widget(index);
    // The composer opens in its editor; other pages at their first control.
    if (page == m_composer) {
        m_composer->editor()->setFocus(Qt::OtherFocusReason);
        return;
    }
    focus::orderByLayout(centralWidget());
    for (QWidget *stop : focus::tabStops(page)) {
        if (stop->isVisibleTo(page) && stop->isEnabled()) {
            stop->setFocus(Qt::OtherFocusReason);
            return;
        }
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    CampaignController *campaigns = m_workspace->campaigns();
    if (campaigns->isRunning()) {
        if (!m_closeAfterStop) {
            // Still writing its recipient list to the journal: nothing was sent yet.
            const bool preparing = campaigns->isPreparing();
            const QString question = preparing
                ? tr("“%1” is still being prepared; nothing has been sent yet. Stop it and quit? "
                     "If its recipient list was already saved, the campaign can be resumed the "
                     "next time you start Herald.")
                : tr("“%1” is still sending. Stop it and quit? Messages already on "
                     "their way are answered first; "
                     "the rest can be resumed the next time you start Herald.");
            const auto answer = QMessageBox::question(
                this, preparing ? tr("A campaign is being prepared") : tr("A campaign is sending"),
                question.arg(campaigns->currentName()), QMessageBox::Yes | QMessageBox::Cancel,
                QMessageBox::Cancel);
            if (answer != QMessageBox::Yes) {
                event->ignore();
                return;
            }
            m_closeAfterStop = true;
            campaigns->stop();
            statusBar()->showMessage(tr("Stopping “%1”…").arg(campaigns->currentName()));
        }
        event->ignore(); // closes when the runner has finished (runningChanged)
        return;
    }
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        refreshIcons();
}

void MainWindow::paintEvent(QPaintEvent *event)
{
    QMainWindow::paintEvent(event);
    if (!m_painted) {
        m_painted = true;
        // Queued: the rest of this frame is painted and flushed first.
        QTimer::singleShot(0, this, &MainWindow::firstPainted);
    }
}

void MainWindow::refreshIcons()
{
    for (int i = 0; i < m_pageInfo.size(); ++i) {
        const QIcon icon = icons::glyph(m_pageInfo.at(i).id, palette(), QPalette::Text);
        m_navigation->item(i)->setIcon(icon);
        m_pageActions->actions().at(i)->setIcon(icon);
    }
}

void MainWindow::restoreSettings()
{
    const QSettings settings;
    const QByteArray geometry = settings.value(kGeometryKey).toByteArray();
    if (!geometry.isEmpty() && !restoreGeometry(geometry))
        qCWarning(lcUi) << "Saved window geometry was not usable; using the default";
    restoreState(settings.value(kStateKey).toByteArray());
    m_workspace->table()->restoreState(QStringLiteral("MainWindow/recipientColumns"));
    setCurrentPage(settings.value(kPageKey, 0).toInt());
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kPageKey, currentPage());
    m_workspace->table()->saveState(QStringLiteral("MainWindow/recipientColumns"));
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Herald"),
        tr("<h3>Herald %1</h3>"
           "<p>Install your organisation's Microsoft Teams bot for the people who need it and send them "
           "announcements through it.</p>"
           "<p>Built with Qt %2.</p>")
            .arg(herald::versionString(), QString::fromLatin1(qVersion())));
}

} // namespace herald::ui
