#pragma once

// SIGINT/SIGTERM as a Qt signal. The handler only does async-signal-safe
// things: it counts, and writes one byte to a self-pipe that a
// QSocketNotifier watches on the event loop. A second signal while the first
// is being handled ends the process at once with exit code 4 (_exit in the
// handler: the event loop may be what is stuck).
//
// One instance at a time; it restores the previous handlers when destroyed.

#include <QObject>
#include <QString>

class QSocketNotifier;

namespace herald::cli {

class SignalNotifier : public QObject
{
    Q_OBJECT

signals:
    void interrupted(int signalNumber);

public:
    static constexpr int kImmediateExitCode = 4;

    explicit SignalNotifier(QObject *parent = nullptr);
    ~SignalNotifier() override;

    // False when the handlers could not be installed (errorString() says why).
    bool isActive() const { return m_active; }
    QString errorString() const { return m_error; }

    // Installs the handlers without a QObject (also the part that runs in a
    // forked test child). Returns false on failure; nothing Qt-side is set up.
    static bool installHandlers(int *readFd);
    static void restoreHandlers();

private:
    void readPipe();

    QSocketNotifier *m_notifier = nullptr;
    int m_readFd = -1;
    bool m_active = false;
    QString m_error;
};

} // namespace herald::cli
