#pragma once

#include "message/ValidationIssue.h"

#include <QListWidget>
#include <QWidget>

class QLabel;
class QProgressBar;

namespace herald::ui {

// Validation messages under the editor: severity as icon and word (not
// colour alone), "line 3, column 7" first; activating one moves the editor's
// cursor there.
class IssueList : public QListWidget
{
    Q_OBJECT

signals:
    void issueActivated(int line, int column);

public:
    explicit IssueList(QWidget *parent = nullptr);

    void setIssues(const herald::message::ValidationIssues &issues);
    herald::message::ValidationIssues issues() const { return m_issues; }

private:
    herald::message::ValidationIssues m_issues;
};

// The bound payload's size against the Bot Connector limit.
class PayloadSizeIndicator : public QWidget
{
    Q_OBJECT

public:
    explicit PayloadSizeIndicator(QWidget *parent = nullptr);

    // `bytes` is the largest payload over the recipients (`who` names it).
    void setSize(qsizetype bytes, qsizetype limit, const QString &who = {});
    void setUnknown(const QString &why);

    bool isOverLimit() const { return m_over; }
    QString text() const;

private:
    QProgressBar *m_bar = nullptr;
    QLabel *m_label = nullptr;
    bool m_over = false;
};

// The fields a message can use: the directory's and the CSV's columns.
// Activating one asks for "${field}" at the editor's cursor.
class TemplateFieldList : public QWidget
{
    Q_OBJECT

signals:
    void insertRequested(const QString &text);

public:
    explicit TemplateFieldList(QWidget *parent = nullptr);

    void setFields(const QStringList &fields);
    QStringList fields() const;
    QListWidget *list() const { return m_list; }

    // "${mail}", or "${$root['Cost center']}" for a name that is not a path.
    static QString expressionFor(const QString &field);

private:
    void insertCurrent();

    QListWidget *m_list = nullptr;
};

} // namespace herald::ui
