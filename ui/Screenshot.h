#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>

namespace herald::ui {

class DemoSession;
class MainWindow;

// `herald --screenshot FILE` (hidden): waits for the first paint and, in demo
// mode, for the simulated tenant; then saves the window to FILE, prints the
// start-up timings on stdout and quits. Used for the README picture and to
// measure start-to-first-paint.
class Screenshot : public QObject
{
    Q_OBJECT

public:
    Screenshot(MainWindow *window, const QString &path, DemoSession *demo, QElapsedTimer sinceStart,
               QObject *parent = nullptr);

private:
    void captureWhenReady();
    void capture();

    MainWindow *m_window;
    QString m_path;
    DemoSession *m_demo;
    QElapsedTimer m_sinceStart;
    qint64 m_firstPaintMs = -1;
    qint64 m_demoReadyMs = -1;
};

} // namespace herald::ui
