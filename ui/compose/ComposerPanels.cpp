#include "ComposerPanels.h"

#include <QApplication>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QStyle>
#include <QVBoxLayout>

namespace herald::ui {

using herald::message::ValidationIssue;

namespace {

enum Role { LineRole = Qt::UserRole + 1, ColumnRole };

QString kilobytes(qsizetype bytes)
{
    return QLocale().toString(bytes / 1024.0, 'f', 1);
}

} // namespace

QString TemplateFieldList::expressionFor(const QString &field)
{
    // A CSV column like "Cost center" is not a plain path: index $root.
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    if (identifier.match(field).hasMatch())
        return QStringLiteral("${%1}").arg(field);
    QString escaped = field;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QStringLiteral("${$root['%1']}").arg(escaped);
}

IssueList::IssueList(QWidget *parent)
    : QListWidget(parent)
{
    setObjectName(QStringLiteral("issueList"));
    setAccessibleName(tr("Validation messages"));
    setWordWrap(true);
    setUniformItemSizes(false);
    const auto activate = [this](QListWidgetItem *item) {
        const int line = item->data(LineRole).toInt();
        if (line > 0)
            emit issueActivated(line, item->data(ColumnRole).toInt());
    };
    connect(this, &QListWidget::itemClicked, this, activate);
    connect(this, &QListWidget::itemActivated, this, activate);
}

void IssueList::setIssues(const herald::message::ValidationIssues &issues)
{
    m_issues = issues;
    clear();
    for (const ValidationIssue &issue : issues) {
        const QString severity = issue.isError() ? tr("Error") : tr("Warning");
        auto *item = new QListWidgetItem(tr("%1: %2").arg(severity, issue.toString()), this);
        item->setIcon(style()->standardIcon(issue.isError() ? QStyle::SP_MessageBoxCritical
                                                            : QStyle::SP_MessageBoxWarning));
        item->setData(LineRole, issue.line);
        item->setData(ColumnRole, issue.column);
        if (issue.line > 0)
            item->setToolTip(tr("Click to go to line %1, column %2").arg(issue.line).arg(issue.column));
    }
    if (issues.isEmpty()) {
        auto *item = new QListWidgetItem(style()->standardIcon(QStyle::SP_DialogApplyButton),
                                         tr("No problems found."), this);
        item->setFlags(Qt::ItemIsEnabled);
    }
}

PayloadSizeIndicator::PayloadSizeIndicator(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("payloadSize"));
    m_bar = new QProgressBar(this);
    m_bar->setTextVisible(false);
    m_bar->setFixedWidth(120);
    m_bar->setMaximumHeight(fontMetrics().height() / 2 + 4);
    m_bar->setAccessibleName(tr("Payload size"));
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("payloadSizeText"));
    // Wrapping keeps a long address in "(largest: ...)" or the over-limit
    // sentence from setting the editor's minimum width (which squeezed the
    // preview) or being clipped.
    m_label->setWordWrap(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_bar);
    layout->addWidget(m_label, 1);
    setUnknown(tr("Size: nothing to measure yet"));
}

void PayloadSizeIndicator::setSize(qsizetype bytes, qsizetype limit, const QString &who)
{
    m_over = bytes > limit;
    m_bar->setRange(0, int(limit));
    m_bar->setValue(int(qMin(bytes, limit)));
    QString text = m_over ? tr("%1 KB — over the %2 KB limit by %3 KB: the Bot Connector rejects it")
                                .arg(kilobytes(bytes), kilobytes(limit), kilobytes(bytes - limit))
                          : tr("%1 KB of %2 KB").arg(kilobytes(bytes), kilobytes(limit));
    if (!who.isEmpty())
        text += tr(" (largest: %1)").arg(who);
    m_label->setText(text);
    QPalette palette = m_label->palette();
    palette.setColor(QPalette::WindowText,
                     m_over ? QColor(0xc4, 0x31, 0x4b) : QApplication::palette().color(QPalette::WindowText));
    m_label->setPalette(palette);
    QPalette barPalette = m_bar->palette();
    barPalette.setColor(QPalette::Highlight,
                        m_over ? QColor(0xc4, 0x31, 0x4b)
                               : QApplication::palette().color(QPalette::Highlight));
    m_bar->setPalette(barPalette);
    m_bar->setToolTip(tr("%1 bytes after binding; limit %2 bytes").arg(bytes).arg(limit));
}

void PayloadSizeIndicator::setUnknown(const QString &why)
{
    m_over = false;
    m_bar->setRange(0, 1);
    m_bar->setValue(0);
    m_label->setText(why);
    m_label->setPalette(QApplication::palette());
}

QString PayloadSizeIndicator::text() const
{
    return m_label->text();
}

TemplateFieldList::TemplateFieldList(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("templateFields"));
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("templateFieldList"));
    m_list->setAccessibleName(tr("Template fields"));
    m_list->setToolTip(tr("Double-click or press Enter to insert the field at the cursor."));
    auto *insert = new QPushButton(tr("&Insert field"), this);
    insert->setObjectName(QStringLiteral("insertField"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 1);
    layout->addWidget(insert);
    connect(m_list, &QListWidget::itemActivated, this, [this] { insertCurrent(); });
    connect(insert, &QPushButton::clicked, this, [this] { insertCurrent(); });
}

void TemplateFieldList::setFields(const QStringList &fields)
{
    const QString current = m_list->currentItem() ? m_list->currentItem()->text() : QString();
    m_list->clear();
    m_list->addItems(fields);
    const auto found = m_list->findItems(current, Qt::MatchExactly);
    m_list->setCurrentRow(found.isEmpty() ? 0 : m_list->row(found.first()));
}

QStringList TemplateFieldList::fields() const
{
    QStringList result;
    for (int i = 0; i < m_list->count(); ++i)
        result << m_list->item(i)->text();
    return result;
}

void TemplateFieldList::insertCurrent()
{
    if (QListWidgetItem *item = m_list->currentItem())
        emit insertRequested(expressionFor(item->text()));
}

} // namespace herald::ui
