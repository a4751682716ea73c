#include "Screenshot.h"

#include "DemoSession.h"
#include "MainWindow.h"

#include <QCoreApplication>
#include <QPixmap>
#include <QTextStream>
#include <QTimer>
#include <cstdio>

namespace herald::ui {

Screenshot::Screenshot(MainWindow *window, const QString &path, DemoSession *demo, QElapsedTimer sinceStart,
                       QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_path(path)
    , m_demo(demo)
    , m_sinceStart(sinceStart)
{
    connect(window, &MainWindow::firstPainted, this, [this] {
        m_firstPaintMs = m_sinceStart.elapsed();
        captureWhenReady();
    });
    if (demo) {
        auto ready = [this] {
            m_demoReadyMs = m_sinceStart.elapsed();
            captureWhenReady();
        };
        connect(demo, &DemoSession::started, this, ready);
        connect(demo, &DemoSession::failed, this, ready);
    }
}

void Screenshot::captureWhenReady()
{
    if (m_firstPaintMs < 0 || (m_demo && m_demoReadyMs < 0))
        return;
    // Let the widgets repaint with what just changed (banner, tenant) first.
    QTimer::singleShot(250, this, &Screenshot::capture);
}

void Screenshot::capture()
{
    const bool saved = m_window->grab().save(m_path);
    QTextStream out(stdout);
    out << "first paint: " << m_firstPaintMs << " ms after start\n";
    if (m_demo)
        out << "demo tenant ready: " << m_demoReadyMs << " ms after start\n";
    out << (saved ? "saved " : "could not save ") << m_path << Qt::endl;
    QCoreApplication::exit(saved ? 0 : 1);
}

} // namespace herald::ui
