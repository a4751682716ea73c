#include "MainWindow.h"

#include "ActivityIndicator.h"
#include "DemoBanner.h"
#include "DemoSession.h"
#include "EmptyStatePage.h"
#include "HeaderBar.h"
#include "Icons.h"
#include "TenantIndicator.h"
#include "UiLogging.h"
#include "core/Version.h"

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

    createCentralArea();
    createMenus();

    m_activity = new ActivityIndicator(this);
    statusBar()->addPermanentWidget(m_activity);
    m_header->tenantIndicator()->showSignedOut(QStringLiteral("default"));

    refreshIcons();
    setCurrentPage(0);
    restoreSettings();
}

MainWindow::~MainWindow() = default;

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
        m_pages->addWidget(new EmptyStatePage(info, m_pages));
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

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);
    // close() rather than quit(): closing saves the window's settings.
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_pageActions = new QActionGroup(this);
    m_pageActions->setExclusive(true);
    static const Qt::Key digits[]
        = {Qt::Key_1, Qt::Key_2, Qt::Key_3, Qt::Key_4, Qt::Key_5, Qt::Key_6, Qt::Key_7, Qt::Key_8, Qt::Key_9};
    for (int i = 0; i < m_pageInfo.size(); ++i) {
        QAction *action = view->addAction(m_pageInfo.at(i).title);
        action->setCheckable(true);
        if (i < int(std::size(digits))) {
            action->setShortcut(QKeySequence(Qt::CTRL | digits[i]));
            m_navigation->item(i)->setToolTip(tr("%1 (%2)").arg(
                m_pageInfo.at(i).title, action->shortcut().toString(QKeySequence::NativeText)));
        }
        m_pageActions->addAction(action);
        connect(action, &QAction::triggered, this, [this, i] { setCurrentPage(i); });
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Herald"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
    QAction *aboutQt = help->addAction(tr("About &Qt"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::attachDemo(DemoSession *demo)
{
    m_demoBanner->showStarting();
    m_header->tenantIndicator()->showTenant(tr("Demo tenant"), tr("Starting…"));

    auto begin = [this, demo] {
        if (demo->state() == DemoSession::State::Running || demo->state() == DemoSession::State::Starting)
            return;
        const int ticket = m_activity->begin(tr("Starting the simulated tenant…"));
        auto finish = [this, ticket] { m_activity->end(ticket); };
        connect(demo, &DemoSession::started, m_activity, finish, Qt::SingleShotConnection);
        connect(demo, &DemoSession::failed, m_activity, finish, Qt::SingleShotConnection);
        demo->start();
    };

    connect(demo, &DemoSession::started, this, [this, demo] {
        const DemoTenant &tenant = demo->tenant();
        m_demoBanner->showRunning(tenant.host, tenant.port);
        m_header->tenantIndicator()->showTenant(tenant.tenantDomain, tr("Simulated tenant (demo)"));
    });
    connect(demo, &DemoSession::failed, this, [this](const QString &error) {
        m_demoBanner->showFailed(error);
        m_header->tenantIndicator()->showSignedOut(QStringLiteral("default"));
    });

    if (m_painted)
        begin();
    else
        connect(this, &MainWindow::firstPainted, demo, begin, Qt::SingleShotConnection);
}

int MainWindow::currentPage() const
{
    return m_pages->currentIndex();
}

void MainWindow::setCurrentPage(int index)
{
    if (index < 0 || index >= m_pages->count())
        return;
    m_pages->setCurrentIndex(index);
    m_navigation->setCurrentRow(index);
    m_pageActions->actions().at(index)->setChecked(true);
    m_header->setTitle(m_pageInfo.at(index).title);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
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
    setCurrentPage(settings.value(kPageKey, 0).toInt());
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kPageKey, currentPage());
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
