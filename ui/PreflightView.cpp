#include "PreflightView.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace herald::ui {

using auth::PreflightCheck;
using State = PreflightCheck::State;

namespace {

QString mark(State state)
{
    switch (state) {
    case State::Ok:
        return QStringLiteral("\u2714"); // check mark
    case State::Warning:
        return QStringLiteral("\u26A0");
    case State::Skipped:
        return QStringLiteral("\u2013");
    case State::Missing:
    case State::Failed:
        return QStringLiteral("\u2718");
    }
    return {};
}

} // namespace

PreflightView::PreflightView(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_list = new QTreeWidget(this);
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("Check"), tr("Found, and how to fix it")});
    m_list->setRootIsDecorated(false);
    m_list->setWordWrap(true);
    m_list->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_list->setAccessibleName(tr("Preflight results"));
    m_consent = new QLabel(this);
    m_consent->setTextFormat(Qt::RichText);
    m_consent->setOpenExternalLinks(true);
    m_consent->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_consent->setWordWrap(true);
    m_consent->hide();
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_consent);
    clear();
}

void PreflightView::clear()
{
    m_list->clear();
    m_consent->hide();
    m_summary->setText(
        tr("Run the checks to see whether this profile can reach the tenant and what is missing."));
}

void PreflightView::showRunning()
{
    m_list->clear();
    m_consent->hide();
    m_summary->setText(tr("Checking\u2026"));
}

void PreflightView::showError(const QString &message)
{
    m_list->clear();
    m_consent->hide();
    m_summary->setText(message);
}

void PreflightView::showChecks(const QList<PreflightCheck> &checks, const QUrl &adminConsentUrl)
{
    m_list->clear();
    int problems = 0;
    bool needsConsent = false;
    for (const PreflightCheck &check : checks) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(0, mark(check.state) + QLatin1Char(' ') + check.id);
        // The fix on its own line under what was found: long, and the part that matters.
        item->setText(
            1, check.fix.isEmpty() ? check.detail : check.detail + QStringLiteral("\n\u2192 ") + check.fix);
        item->setToolTip(1, item->text(1));
        item->setData(0, Qt::UserRole, PreflightCheck::stateName(check.state));
        item->setData(1, Qt::UserRole, check.fix);
        if (check.state == State::Missing || check.state == State::Failed) {
            ++problems;
            QFont bold = item->font(0);
            bold.setBold(true);
            item->setFont(0, bold);
        }
        needsConsent = needsConsent || check.needsConsent();
    }
    m_list->resizeColumnToContents(0);
    m_summary->setText(problems == 0
                           ? tr("Everything Herald needs is in place.")
                           : tr("%n problem(s) found; each row says how to fix it.", nullptr, problems));
    if (needsConsent) {
        const QString url = adminConsentUrl.toString().toHtmlEscaped();
        m_consent->setText(tr("After adding the permissions, an administrator grants consent here: "
                              "<a href=\"%1\">%1</a>")
                               .arg(url));
        m_consent->show();
    } else {
        m_consent->hide();
    }
}

QStringList PreflightView::rows() const
{
    QStringList rows;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_list->topLevelItem(i);
        rows << item->text(0).section(QLatin1Char(' '), 1) + QLatin1Char('|')
                + item->data(0, Qt::UserRole).toString() + QLatin1Char('|') + item->text(2);
    }
    return rows;
}

QString PreflightView::consentLinkText() const
{
    return m_consent->isHidden() ? QString() : m_consent->text();
}

} // namespace herald::ui
