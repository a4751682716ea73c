#pragma once

// The preflight checklist (auth::Preflight): one row per check with a state
// mark, what was found and, for problems, the fix. The admin-consent link is
// shown as a clickable link under the list when a permission is missing.

#include "auth/Preflight.h"

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace herald::ui {

class PreflightView : public QWidget
{
    Q_OBJECT

public:
    explicit PreflightView(QWidget *parent = nullptr);

    void clear();
    void showRunning();
    void showChecks(const QList<auth::PreflightCheck> &checks, const QUrl &adminConsentUrl);
    void showError(const QString &message);

    // For tests: the rows as "id|state|fix".
    QStringList rows() const;
    QString consentLinkText() const;

private:
    QTreeWidget *m_list = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_consent = nullptr;
};

} // namespace herald::ui
