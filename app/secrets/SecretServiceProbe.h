#pragma once

// SecretServiceProbe: asks the Secret Service (org.freedesktop.secrets on the
// session bus) whether QtKeychain's entry for a service and key exists, and
// whether it sits in a locked collection. SearchItems lists locked items
// without unlocking them, so the probe never shows a prompt; it never starts
// a Secret Service either (no D-Bus auto-start).
//
// Why: QtKeychain (libsecret) cannot tell "locked" from "absent". With the
// collection locked and no prompt possible, a read ends with EntryNotFound
// and a delete "succeeds" while the entry stays (gnome-keyring 42).
//
//   auto *probe = new SecretServiceProbe(service, key, this);
//   connect(probe, &graph::Job::finished, this, [probe] { if (probe->state() == Locked) ...; });
//   probe->start();

#include "graph/Job.h"

#include <QString>

namespace herald::secrets {

class SecretServiceProbe : public graph::Job
{
    Q_OBJECT

public:
    enum class State {
        Unknown, // no Secret Service answered (another backend, or none)
        Absent, // no such entry
        Unlocked, // the entry is there and readable
        Locked, // the entry is there, in a locked collection
    };

    SecretServiceProbe(const QString &service, const QString &key, QObject *parent = nullptr);
    ~SecretServiceProbe() override;

    // Always finishes Ok; Unknown when the Secret Service could not be asked.
    State state() const { return m_state; }

private:
    void doStart() override;
    void doAbort() override;

    QString m_service;
    QString m_key;
    State m_state = State::Unknown;
    QObject *m_watcher = nullptr;
};

} // namespace herald::secrets
