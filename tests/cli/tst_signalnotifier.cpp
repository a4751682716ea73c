#include "cli/SignalNotifier.h"

#include <QSignalSpy>
#include <QTest>
#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using herald::cli::SignalNotifier;

class TestSignalNotifier : public QObject
{
    Q_OBJECT

private slots:
    void sigintBecomesQtSignal();
    void sigtermBecomesQtSignal();
    void oneInstanceAtATime();
    void restoresPreviousHandler();
    void secondSignalExitsImmediately();
};

void TestSignalNotifier::sigintBecomesQtSignal()
{
    SignalNotifier notifier;
    QVERIFY(notifier.isActive());
    QSignalSpy spy(&notifier, &SignalNotifier::interrupted);
    std::raise(SIGINT);
    // Nothing Qt-side runs inside the handler: the signal arrives via the loop.
    QCOMPARE(spy.count(), 0);
    QTRY_COMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toInt(), SIGINT);
}

void TestSignalNotifier::sigtermBecomesQtSignal()
{
    SignalNotifier notifier;
    QSignalSpy spy(&notifier, &SignalNotifier::interrupted);
    std::raise(SIGTERM);
    QTRY_COMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toInt(), SIGTERM);
}

void TestSignalNotifier::oneInstanceAtATime()
{
    SignalNotifier first;
    QVERIFY(first.isActive());
    SignalNotifier second;
    QVERIFY(!second.isActive());
    QVERIFY(!second.errorString().isEmpty());
}

void TestSignalNotifier::restoresPreviousHandler()
{
    struct sigaction ignore = {};
    ignore.sa_handler = SIG_IGN;
    struct sigaction saved = {};
    QCOMPARE(::sigaction(SIGTERM, &ignore, &saved), 0);
    {
        SignalNotifier notifier;
        struct sigaction during = {};
        ::sigaction(SIGTERM, nullptr, &during);
        QVERIFY(during.sa_handler != SIG_IGN);
    }
    struct sigaction after = {};
    ::sigaction(SIGTERM, nullptr, &after);
    QVERIFY(after.sa_handler == SIG_IGN);
    ::sigaction(SIGTERM, &saved, nullptr);
}

void TestSignalNotifier::secondSignalExitsImmediately()
{
    // In a child: the second signal must end the process with 4 from inside
    // the handler, even though nobody reads the pipe (a stuck event loop).
    const pid_t child = ::fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        int readFd = -1;
        if (!SignalNotifier::installHandlers(&readFd))
            ::_exit(90);
        ::raise(SIGINT); // first: only written to the pipe
        ::raise(SIGINT); // second: _exit(4)
        ::_exit(91);
    }
    int status = 0;
    QCOMPARE(::waitpid(child, &status, 0), child);
    QVERIFY(WIFEXITED(status));
    QCOMPARE(WEXITSTATUS(status), SignalNotifier::kImmediateExitCode);
}

QTEST_GUILESS_MAIN(TestSignalNotifier)
#include "tst_signalnotifier.moc"
