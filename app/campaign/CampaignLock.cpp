#include "campaign/CampaignLock.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QLockFile>
#include <QRegularExpression>

namespace herald::campaign {

CampaignLock::CampaignLock(const QString &dataDir, const QString &campaignName)
    : m_name(campaignName)
    , m_path(lockPath(dataDir, campaignName))
    , m_lock(std::make_unique<QLockFile>(m_path))
{
    // Only a dead holder makes a lock stale: a long campaign keeps its lock
    // for hours, so no age limit.
    m_lock->setStaleLockTime(0);
}

CampaignLock::~CampaignLock() = default;

QString CampaignLock::lockPath(const QString &dataDir, const QString &campaignName)
{
    QString safe = campaignName;
    safe.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]")), QStringLiteral("_"));
    const QByteArray hash
        = QCryptographicHash::hash(campaignName.toUtf8(), QCryptographicHash::Sha256).toHex().left(12);
    return QDir(dataDir).filePath(
        QStringLiteral("campaign-%1-%2.lock").arg(safe.left(40), QString::fromLatin1(hash)));
}

bool CampaignLock::tryLock(QString *error)
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    if (m_lock->tryLock(0))
        return true;
    qint64 pid = 0;
    QString host;
    QString app;
    switch (m_lock->error()) {
    case QLockFile::LockFailedError:
        m_lock->getLockInfo(&pid, &host, &app);
        *error = tr("Campaign '%1' is being sent by another process (pid %2 on %3); wait for it to finish or "
                    "stop it first.")
                     .arg(m_name)
                     .arg(pid)
                     .arg(host.isEmpty() ? tr("this machine") : host);
        return false;
    case QLockFile::PermissionError:
        *error = tr("Cannot create the lock file %1: permission denied; make the data folder writable or use "
                    "--data-dir.")
                     .arg(m_path);
        return false;
    default:
        *error = tr("Cannot lock campaign '%1' (%2).").arg(m_name, m_path);
        return false;
    }
}

void CampaignLock::unlock()
{
    m_lock->unlock();
}

bool CampaignLock::isLocked() const
{
    return m_lock->isLocked();
}

} // namespace herald::campaign
