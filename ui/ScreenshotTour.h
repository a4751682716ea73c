#pragma once

#include <QDir>
#include <QObject>
#include <functional>

namespace herald::ui {

class MainWindow;

// `herald --demo --screenshot-tour DIR` (hidden): walks the demo through the
// main screens -- all users added and checked, the install page, a message
// on the Compose page, a send in progress, its history -- and saves a PNG of
// the window at each step into DIR, then quits. Makes the README pictures.
class ScreenshotTour : public QObject
{
    Q_OBJECT

public:
    ScreenshotTour(MainWindow *window, const QString &directory, QObject *parent = nullptr);

private:
    void start();
    void capture(const QString &name);
    // Calls `next` once `done()` is true (polled), or quits with an error after `timeoutMs`.
    void when(std::function<bool()> done, std::function<void()> next, int timeoutMs = 120000);
    void fail(const QString &why);

    MainWindow *m_window;
    QDir m_dir;
};

} // namespace herald::ui
