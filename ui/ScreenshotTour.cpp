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
      "Hi ${displayName}, the VPN and the expense portal are offline on Saturday from "
      "06:00 to 09:00 (CET).\n\n"
      "- Save your work on Friday evening\n"
      "- Questions: reply here or visit the [IT help page](https://contoso.example/it)\n";
}

ScreenshotTour::ScreenshotTour(MainWindow *window, const QString &directory, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_dir(directory)
{
    m_dir.mkpath(QStringLiteral("."));
    connect(window, &MainWindow::firstPainted, this, &ScreenshotTour::start, Qt::SingleShotConnection);
}

void ScreenshotTour::fail(const QString &why)
{
    QTextStream(stderr) << "screenshot tour: " << why << Qt::endl;
    QCoreApplication::exit(1);
}

void ScreenshotTour::when(std::function<bool()> done, std::function<void()> next, int timeoutMs)
{
    auto *timer = new QTimer(this);
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    connect(timer, &QTimer::timeout, this, [this, timer, clock, done, next, timeoutMs] {
        if (done()) {
            timer->deleteLater();
            // A moment for the widgets to paint what just changed.
            QTimer::singleShot(300, this, next);
        } else if (clock->elapsed() > timeoutMs) {
            timer->deleteLater();
            fail(QStringLiteral("a step did not finish in time"));
        }
    });
    timer->start(100);
}

void ScreenshotTour::capture(const QString &name)
{
    const QString path = m_dir.filePath(name + QStringLiteral(".png"));
    const bool saved = m_window->grab().save(path);
    QTextStream(stdout) << (saved ? "saved " : "could not save ") << path << Qt::endl;
}

void ScreenshotTour::start()
{
    Workspace *ws = m_window->workspace();
    when([this] { return m_window->session()->isReady(); },
         [this, ws] {
             m_window->setCurrentPage(m_window->pageIndex(QStringLiteral("recipients")));
             m_window->recipientsPage()->addAllUsers(-1);
             when([ws] { return !ws->loader()->isBusy() && ws->model()->rowCount() > 0; },
                  [this, ws] {
                      QList<int> all;
                      for (int r = 0; r < ws->model()->rowCount(); ++r)
                          all.append(r);
                      ws->actions()->run(InstallActions::Operation::Status, all);
                      when(
                          [ws] {
                              return ws->progress()->estimate().done() * 3
                                  > ws->progress()->estimate().total();
                          },
                          [this, ws] {
                              capture(QStringLiteral("gui-recipients-sweep"));
                              when([ws] { return !ws->actions()->isRunning(); },
                                   [this, ws] {
                                       capture(QStringLiteral("main-window"));
                                       m_window->setCurrentPage(
                                           m_window->pageIndex(QStringLiteral("install")));
                                       when([] { return true; },
                                            [this, ws] {
                                                capture(QStringLiteral("gui-install"));
                                                ComposerPage *composer = m_window->composerPage();
                                                m_window->setCurrentPage(
                                                    m_window->pageIndex(QStringLiteral("compose")));
                                                composer->setMode(ComposerPage::Mode::Markdown);
                                                composer->setText(QString::fromUtf8(kMessage));
                                                composer->refreshNow();
                                                when([] { return true; },
                                                     [this, ws] {
                                                         capture(QStringLiteral("gui-compose"));
                                                         m_window->setCurrentPage(
                                                             m_window->pageIndex(QStringLiteral("send")));
                                                         QString error;
                                                         m_window->sendPage()->nameEdit()->setText(
                                                             QStringLiteral("Saturday maintenance %1")
                                                                 .arg(QDateTime::currentDateTime().toString(
                                                                     QStringLiteral("HH:mm:ss"))));
                                                         if (!m_window->sendPage()->startSending(true,
                                                                                                 &error)) {
                                                             fail(error);
                                                             return;
                                                         }
                                                         CampaignController *campaigns = ws->campaigns();
                                                         when(
                                                             [campaigns] {
                                                                 const auto p = campaigns->progress();
                                                                 return !campaigns->isRunning()
                                                                     || (p.total > 0 && p.done * 3 > p.total);
                                                             },
                                                             [this, campaigns] {
                                                                 capture(QStringLiteral("gui-send"));
                                                                 when(
                                                                     [campaigns] {
                                                                         return !campaigns->isRunning();
                                                                     },
                                                                     [this] {
                                                                         m_window->setCurrentPage(
                                                                             m_window->pageIndex(
                                                                                 QStringLiteral("history")));
                                                                         when([] { return true; },
                                                                              [this] {
                                                                                  capture(QStringLiteral(
                                                                                      "gui-history"));
                                                                                  QCoreApplication::exit(0);
                                                                              });
                                                                     });
                                                             });
                                                     });
                                            });
                                   });
                          });
                  });
         });
}

} // namespace herald::ui
