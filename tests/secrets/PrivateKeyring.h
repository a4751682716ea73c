#pragma once

// PrivateKeyring: a throw-away Secret Service of the test's own -- a private
// dbus-daemon with gnome-keyring-daemon on it (login keyring unlocked with a
// throw-away password), optionally with a private Xvfb display so an unlock
// prompt (gcr-prompter) really appears and nobody answers it. Locking it
// cannot disturb suites running in parallel on the CI session bus.
//
//   PrivateKeyring keyring;
//   QVERIFY2(keyring.start(), qPrintable(keyring.errorString()));
//   QProcessEnvironment env = keyring.environment(QProcessEnvironment::systemEnvironment());
//   keyring.lockLogin();

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace herald::test {

class PrivateKeyring
{
public:
    enum class Display { None, Xvfb };
    explicit PrivateKeyring(Display display = Display::None);
    ~PrivateKeyring();
    PrivateKeyring(const PrivateKeyring &) = delete;
    PrivateKeyring &operator=(const PrivateKeyring &) = delete;

    // Programs start() needs that are not on PATH (empty: all there).
    static QStringList missingPrograms(Display display);

    bool start();
    QString errorString() const { return m_error; }

    QString busAddress() const { return m_address; }
    QString display() const { return m_display; } // ":N", or empty
    QString directory() const { return m_dir.path(); }

    // `base` pointed at this session: its bus, runtime dir and display (or
    // none); the keyring variables of any outer session removed.
    QProcessEnvironment environment(QProcessEnvironment base) const;

    bool lockLogin();
    bool loginLocked();
    // SearchItems with QtKeychain's attributes: entries in unlocked and in
    // locked collections (-1 each when the service did not answer).
    struct Items
    {
        int unlocked = -1;
        int locked = -1;
    };
    Items items(const QString &service, const QString &key);
    // Whether an unlock prompt (gcr-prompter) is on the bus right now.
    bool promptShown();

private:
    bool startXvfb();
    bool startBus();
    bool startKeyring();
    void stop(QProcess &process);

    Display m_displayMode;
    QTemporaryDir m_dir;
    QProcess m_xvfb;
    QProcess m_bus;
    QProcess m_keyring;
    QString m_address;
    QString m_display;
    QString m_connection;
    QString m_error;
};

} // namespace herald::test
