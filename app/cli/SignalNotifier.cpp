#include "cli/SignalNotifier.h"

#include "cli/CliLogging.h"

#include <QSocketNotifier>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace herald::cli {

namespace {

// Only touched by the handler and (before/after it is installed) by the
// owning SignalNotifier. Plain ints: sig_atomic_t semantics suffice.
volatile std::sig_atomic_t g_signalCount = 0;
int g_writeFd = -1;
int g_readFd = -1;
struct sigaction g_previousInt;
struct sigaction g_previousTerm;
bool g_installed = false;

extern "C" void onTerminationSignal(int signalNumber)
{
    const int savedErrno = errno;
    g_signalCount = g_signalCount + 1;
    if (g_signalCount >= 2) {
        // Leave the terminal on a fresh line (a progress line may be drawn).
        const char newline = '\n';
        [[maybe_unused]] ssize_t ignored = ::write(STDERR_FILENO, &newline, 1);
        ::_exit(SignalNotifier::kImmediateExitCode);
    }
    const unsigned char byte = static_cast<unsigned char>(signalNumber);
    [[maybe_unused]] ssize_t ignored = ::write(g_writeFd, &byte, 1);
    errno = savedErrno;
}

bool makePipe(int fds[2])
{
    if (::pipe(fds) != 0)
        return false;
    for (int i = 0; i < 2; ++i) {
        ::fcntl(fds[i], F_SETFD, FD_CLOEXEC);
        ::fcntl(fds[i], F_SETFL, ::fcntl(fds[i], F_GETFL) | O_NONBLOCK);
    }
    return true;
}

} // namespace

bool SignalNotifier::installHandlers(int *readFd)
{
    if (g_installed)
        return false;
    int fds[2];
    if (!makePipe(fds))
        return false;
    g_readFd = fds[0];
    g_writeFd = fds[1];
    g_signalCount = 0;

    struct sigaction action;
    std::memset(&action, 0, sizeof action);
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART; // don't make the event loop's syscalls fail with EINTR
    if (::sigaction(SIGINT, &action, &g_previousInt) != 0
        || ::sigaction(SIGTERM, &action, &g_previousTerm) != 0) {
        ::sigaction(SIGINT, &g_previousInt, nullptr);
        ::close(fds[0]);
        ::close(fds[1]);
        return false;
    }
    g_installed = true;
    *readFd = fds[0];
    return true;
}

void SignalNotifier::restoreHandlers()
{
    if (!g_installed)
        return;
    ::sigaction(SIGINT, &g_previousInt, nullptr);
    ::sigaction(SIGTERM, &g_previousTerm, nullptr);
    ::close(g_readFd);
    ::close(g_writeFd);
    g_readFd = g_writeFd = -1;
    g_installed = false;
}

SignalNotifier::SignalNotifier(QObject *parent)
    : QObject(parent)
{
    if (!installHandlers(&m_readFd)) {
        m_error = g_installed
            ? tr("another SignalNotifier is active")
            : tr("cannot install signal handlers: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        qCWarning(lcCli) << m_error;
        return;
    }
    m_active = true;
    m_notifier = new QSocketNotifier(m_readFd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] { readPipe(); });
}

SignalNotifier::~SignalNotifier()
{
    if (!m_active)
        return;
    delete m_notifier;
    restoreHandlers();
}

void SignalNotifier::readPipe()
{
    unsigned char bytes[16];
    for (;;) {
        const ssize_t n = ::read(m_readFd, bytes, sizeof bytes);
        if (n <= 0)
            break;
        for (ssize_t i = 0; i < n; ++i)
            emit interrupted(int(bytes[i]));
    }
}

} // namespace herald::cli
