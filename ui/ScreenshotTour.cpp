#include "ScreenshotTour.h"

#include "CampaignController.h"
#include "InstallActions.h"
#include "MainWindow.h"
#include "ProgressPanel.h"
#include "RecipientLoader.h"
#include "RecipientTableModel.h"
#include "RecipientTableView.h"
#include "RecipientsPage.h"
#include "SendPage.h"
#include "Session.h"
#include "Workspace.h"
#include "compose/ComposerPage.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QPixmap>
#include <QTableView>
#include <QTextStream>
#include <QTimer>
#include <memory>

namespace herald::ui {

namespace {
const char *const kMessage
    = "**Planned maintenance this Saturday**\n\n"
      "Hi ${givenName}, the VPN and the expense portal are offline on Saturday from "
      "06:00 to 09:00 (CET).\n\n"
      "- Save your work on Friday evening\n"
      "- Questions: reply here or visit the [IT help page](https://contoso.example/it)\n";

constexpr int kPollMs = 100;
constexpr int kSettleMs = 300;
constexpr int kStepTimeoutMs = 120000;
} // namespace

ScreenshotTour::ScreenshotTour(MainWindow *window, const QString &directory, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_dir(directory)
{
    m_dir.mkpath(QStringLiteral("."));
    connect(
        window, &MainWindow::firstPainted, this,
        [this] {
            m_steps = steps();
            runNext();
        },
        Qt::SingleShotConnection);
}

QList<ScreenshotTour::Step> ScreenshotTour::steps()
{
    Workspace *ws = m_window->workspace();
    CampaignController *campaigns = ws->campaigns();
    const auto always = [] { return true; };
    const auto page
        = [this](const char *name) { m_window->setCurrentPage(m_window->pageIndex(QLatin1String(name))); };
    const auto sweepDone = [ws] { return !ws->actions()->isRunning(); };
    return {
        {[this] { return m_window->session()->isReady(); },
         [this, page] {
             page("recipients");
             m_window->recipientsPage()->addAllUsers(-1);
         }},
        {[ws] { return !ws->loader()->isBusy() && ws->model()->rowCount() > 0; },
         [ws] {
             QList<int> all;
             for (int r = 0; r < ws->model()->rowCount(); ++r)
                 all.append(r);
             ws->actions()->run(InstallActions::Operation::Status, all);
         }},
        // A third of the way: the table filling live.
        {[ws] { return ws->progress()->estimate().done() * 3 > ws->progress()->estimate().total(); },
         [this] { capture(QStringLiteral("gui-recipients-sweep")); }},
        {sweepDone, [this] { capture(QStringLiteral("main-window")); }},
        {always, [page] { page("install"); }},
        {always, [this] { capture(QStringLiteral("gui-install")); }},
        {always,
         [this, page] {
             page("compose");
             ComposerPage *composer = m_window->composerPage();
             composer->setMode(ComposerPage::Mode::Markdown);
             composer->setText(QString::fromUtf8(kMessage));
             composer->refreshNow();
         }},
        {always, [this] { capture(QStringLiteral("gui-compose")); }},
        {always,
         [this, page] {
             page("send");
             m_window->sendPage()->nameEdit()->setText(
                 QStringLiteral("Saturday maintenance %1")
                     .arg(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss"))));
             QString error;
             if (!m_window->sendPage()->startSending(true, &error))
                 fail(error);
         }},
        {[campaigns] {
             const auto p = campaigns->progress();
             return !campaigns->isRunning() || (p.total > 0 && p.done * 3 > p.total);
         },
         [this] { capture(QStringLiteral("gui-send")); }},
        {[campaigns] { return !campaigns->isRunning(); }, [page] { page("history"); }},
        {always,
         [this] {
             capture(QStringLiteral("gui-history"));
             QCoreApplication::exit(0);
         }},
    };
}

void ScreenshotTour::fail(const QString &why)
{
    QTextStream(stderr) << "screenshot tour: " << why << Qt::endl;
    m_steps.clear();
    QCoreApplication::exit(1);
}

void ScreenshotTour::runNext()
{
    if (m_steps.isEmpty())
        return;
    auto *timer = new QTimer(this);
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    connect(timer, &QTimer::timeout, this, [this, timer, clock] {
        if (m_steps.isEmpty()) {
            timer->deleteLater();
            return;
        }
        if (m_steps.constFirst().ready()) {
            timer->deleteLater();
            // A moment for the widgets to paint what just changed.
            QTimer::singleShot(kSettleMs, this, [this] {
                if (m_steps.isEmpty())
                    return;
                const Step step = m_steps.takeFirst();
                step.act();
                runNext();
            });
        } else if (clock->elapsed() > kStepTimeoutMs) {
            timer->deleteLater();
            fail(QStringLiteral("a step did not finish in %1 s").arg(kStepTimeoutMs / 1000));
        }
    });
    timer->start(kPollMs);
}

void ScreenshotTour::capture(const QString &name)
{
    const QString path = m_dir.filePath(name + QStringLiteral(".png"));
    const bool saved = m_window->grab().save(path);
    QTextStream(stdout) << (saved ? "saved " : "could not save ") << path << Qt::endl;
    if (!saved)
        fail(QStringLiteral("could not write %1").arg(path));
}

} // namespace herald::ui
