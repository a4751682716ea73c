#pragma once

// CampaignLock: one process sends a campaign at a time. A QLockFile next to
// the journal ({dataDir}/campaign-{name}.lock, the name made file-safe and
// hashed so any name works). A lock left by a process that died (kill -9,
// power loss) is recognised by its process id and taken over; a lock held by
// a live process is never stolen, however old.

#include <QCoreApplication>
#include <QString>
#include <memory>

class QLockFile;

namespace herald::campaign {

class CampaignLock
{
    Q_DECLARE_TR_FUNCTIONS(herald::campaign::CampaignLock)

public:
    CampaignLock(const QString &dataDir, const QString &campaignName);
    ~CampaignLock();

    static QString lockPath(const QString &dataDir, const QString &campaignName);

    // False with *error (naming the holder's process id when known).
    bool tryLock(QString *error);
    void unlock();
    bool isLocked() const;

private:
    QString m_name;
    QString m_path;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace herald::campaign
