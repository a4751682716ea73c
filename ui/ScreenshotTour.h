#pragma once

#include <QDir>
#include <QList>
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
    // One step of the tour: once `ready()` is true (polled), `act()` runs.
    struct Step
    {
        std::function<bool()> ready;
        std::function<void()> act;
    };

    QList<Step> steps();
    void runNext();
    void capture(const QString &name);
    void fail(const QString &why);

    MainWindow *m_window;
    QDir m_dir;
    QList<Step> m_steps;
};

} // namespace herald::ui
